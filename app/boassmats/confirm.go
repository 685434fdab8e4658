package boassmats

import (
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/components"
)

// The confirmation pages' view models (the gallery builds its states with them).

// ConfirmAccessProps asks to give (no password yet) or renew her access.
func ConfirmAccessProps(a db.BoGetAssmatRow) components.BoAssmatConfirmProps {
	who := fullName(a.Civilite, a.Prenom, a.Nom) + " (" + a.Login + ")"
	p := components.BoAssmatConfirmProps{
		Title: "Donner l'accès à " + who + " ?",
		Points: []string{
			"Un mot de passe temporaire est créé ; il s'affiche une seule fois, dans un courrier à imprimer et à lui remettre.",
			"À sa première connexion, elle devra le remplacer par un mot de passe de son choix.",
		},
		Button:    "CRÉER LE MOT DE PASSE TEMPORAIRE",
		ActionURL: components.BoAssmatPath(a.Login, components.BoAssmatAccess), CancelURL: components.BoAssmatPath(a.Login),
	}
	if a.HasPassword {
		p.Title = "Renouveler l'accès de " + who + " ?"
		p.Points = append(p.Points, "Son mot de passe actuel ne fonctionnera plus, ses sessions ouvertes sont fermées et ses liens en attente ne fonctionneront plus.")
		p.Danger = true
	}
	return p
}

// ConfirmIdentifierOnlyProps asks to make her account identifier-only.
func ConfirmIdentifierOnlyProps(a db.BoGetAssmatRow) components.BoAssmatConfirmProps {
	return components.BoAssmatConfirmProps{
		Title: "Passer le compte de " + fullName(a.Civilite, a.Prenom, a.Nom) + " (" + a.Login + ") en identifiant seul ?",
		Points: []string{
			"Son mot de passe est supprimé : il ne fonctionnera plus.",
			"Ses sessions ouvertes sont fermées et ses liens en attente ne fonctionneront plus.",
			"Elle définira un nouveau mot de passe par « Première connexion ou mot de passe oublié ? », avec un lien reçu par email.",
		},
		Button: "PASSER EN IDENTIFIANT SEUL", Danger: true,
		ActionURL: components.BoAssmatPath(a.Login, components.BoAssmatIdentifierOnly), CancelURL: components.BoAssmatPath(a.Login),
	}
}

// ConfirmUnlockProps asks to lift the suspension of her sign-in.
func ConfirmUnlockProps(a db.BoGetAssmatRow) components.BoAssmatConfirmProps {
	return components.BoAssmatConfirmProps{
		Title: "Débloquer le compte de " + fullName(a.Civilite, a.Prenom, a.Nom) + " (" + a.Login + ") ?",
		Points: []string{
			"Les tentatives de connexion infructueuses de son identifiant sont oubliées : elle peut se connecter immédiatement.",
			"Ses demandes de lien « Première connexion » sont de nouveau possibles.",
		},
		Button:    "DÉBLOQUER LE COMPTE",
		ActionURL: components.BoAssmatPath(a.Login, components.BoAssmatUnlock), CancelURL: components.BoAssmatPath(a.Login),
	}
}
