package gallery

import (
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// The messages as app/auth and app/credentials write them.
const (
	msgBadCredentials = "Identifiant ou mot de passe incorrect."
	msgThrottled      = "Trop de tentatives infructueuses. Par sécurité, les tentatives sont suspendues : vous pourrez réessayer à partir de 15h42 (dans 8 minutes)."
	msgPolicy         = "Mot de passe non conforme à la politique de sécurité"
	msgMismatch       = "Le mot de passe n'est pas identique à la vérification"
	msgCurrentWrong   = "Le mot de passe actuel est incorrect"
	msgCurrentMissing = "Veuillez saisir votre mot de passe actuel"
	msgPasswordMiss   = "Veuillez saisir un nouveau mot de passe"
	msgSameAsCurrent  = "Le nouveau mot de passe doit être différent du mot de passe actuel"
	msgSecretControl  = "Mot de passe non conforme : il ne doit contenir aucun caractère de contrôle (tabulation, retour à la ligne…)."
)

// loginStates: the login, the temporary-password change, the link request.
func loginStates() []State {
	login := func(component, name, title string, p components.LoginProps) State {
		r := components.LoginPage(p)
		if component == "LoginCard" {
			r = components.LoginCard(p)
		}
		return State{Group: GroupLogin, Component: component, Name: name, Title: title, Render: r,
			Visitor: Anonymous, Path: paths.Login, Fragment: component == "LoginCard"}
	}
	temp := func(name, title string, errs components.Errors) State {
		p := components.PasswordChangeProps{Action: paths.PasswordChange, Identifiant: "100002", Policy: Policy, Errors: errs}
		return State{Group: GroupLogin, Component: "PasswordChangePage", Name: name, Title: title,
			Render: components.PasswordChangePage(p), Visitor: Temporary, Path: paths.PasswordChange}
	}
	link := func(name, title string, p components.LinkRequestProps) State {
		return State{Group: GroupLogin, Component: "LinkRequestPage", Name: name, Title: title,
			Render: components.LinkRequestPage(p), Visitor: Anonymous, Path: paths.FirstLogin}
	}
	var pe components.Errors
	pe.Add("mot-de-passe", msgPasswordMiss)
	var policy, mismatch, current, same, control, missingCurrent components.Errors
	policy.Add("mot-de-passe", msgPolicy)
	mismatch.Add("verification", msgMismatch)
	current.Add("mot-de-passe-actuel", msgCurrentWrong)
	missingCurrent.Add("mot-de-passe-actuel", msgCurrentMissing)
	same.Add("mot-de-passe", msgSameAsCurrent)
	control.Add("mot-de-passe", msgSecretControl)
	var every components.Errors
	every.Add("mot-de-passe-actuel", msgCurrentMissing)
	every.Add("mot-de-passe", msgPolicy)
	every.Add("verification", msgMismatch)

	var linkErrs components.Errors
	linkErrs.Add("identifiant", "Veuillez saisir votre identifiant.")
	linkErrs.Add("nom", "Veuillez saisir votre nom.")
	linkErrs.Add("prenom", "Veuillez saisir votre prénom.")
	linkErrs.Add("date-naissance", "La date de naissance doit être une date au format jj/mm/aaaa, par exemple 02/02/1990.")
	linkErrs.Add("email", "L'adresse email n'est pas valide : elle doit ressembler à prenom.nom@exemple.fr.")

	return []State{
		login("LoginPage", "vide", "Vide", components.LoginProps{}),
		login("LoginPage", "deconnexion", "Après une déconnexion (message)", components.LoginProps{Notice: "Vous êtes déconnecté(e)."}),
		login("LoginPage", "champs-manquants", "CONNEXION sans rien saisir", components.LoginProps{
			Errors: components.Errors{{Field: "identifiant", Message: "Veuillez saisir votre identifiant."},
				{Field: "mot-de-passe", Message: "Veuillez saisir votre mot de passe."}}}),
		login("LoginPage", "mot-de-passe-incorrect", "Mot de passe incorrect", components.LoginProps{
			Identifiant: "100001", Errors: components.FormErrors(msgBadCredentials)}),
		login("LoginPage", "bloquee", "Tentatives suspendues, avec l'heure à laquelle réessayer", components.LoginProps{
			Identifiant: "100001", Locked: true, Errors: components.FormErrors(msgBadCredentials, msgThrottled)}),
		login("LoginPage", "mot-de-passe-affiche", "Mot de passe affiché (sans JavaScript)", components.LoginProps{
			Identifiant: "100001", Password: "Demo-assmat1", ShowPassword: true}),
		login("LoginCard", "mot-de-passe-incorrect", "Carte renvoyée à htmx après un échec", components.LoginProps{
			Identifiant: "100001", Errors: components.FormErrors(msgBadCredentials)}),

		temp("vide", "Mot de passe temporaire à remplacer", nil),
		temp("nouveau-manquant", "Nouveau mot de passe manquant", pe),
		temp("politique", "Nouveau mot de passe non conforme à la politique", policy),
		temp("verification-differente", "Vérification différente", mismatch),
		temp("actuel-incorrect", "Mot de passe actuel incorrect", current),
		temp("actuel-manquant", "Mot de passe actuel manquant", missingCurrent),
		temp("identique-a-l-actuel", "Nouveau mot de passe identique à l'actuel", same),
		temp("caractere-de-controle", "Caractère invisible ou de contrôle", control),
		temp("toutes-les-erreurs", "Toutes les erreurs à la fois", every),
		{Group: GroupLogin, Component: "PasswordChangePage", Name: "lien-par-courriel", Title: "Depuis le lien reçu par courriel (sans mot de passe actuel)",
			Render:  components.PasswordChangePage(components.PasswordChangeProps{Action: paths.SetPassword + "jeton-d-exemple", Policy: Policy, Errors: policy}),
			Visitor: Anonymous, Path: paths.SetPassword},
		{Group: GroupLogin, Component: "PasswordChangeCard", Name: "politique", Title: "Carte renvoyée à htmx : politique non respectée", Fragment: true,
			Render:  components.PasswordChangeCard(components.PasswordChangeProps{Action: paths.PasswordChange, Identifiant: "100002", Policy: Policy, Errors: policy}),
			Visitor: Temporary, Path: paths.PasswordChange},

		link("vide", "Vide", components.LinkRequestProps{}),
		link("erreurs", "Chaque champ en erreur", components.LinkRequestProps{DateNaissance: "2/2/90", Email: "marie@", Errors: linkErrs}),
		link("valeurs-longues", "Identité longue", components.LinkRequestProps{Identifiant: "100003", Nom: DoubleSurname,
			Prenom: LongFirstName, DateNaissance: "02/02/1990", Email: LongEmail}),
		link("lien-envoye", "Lien envoyé (message)", components.LinkRequestProps{
			Notice: "Si les informations saisies correspondent à un compte, un courriel contenant un lien pour définir " +
				"votre mot de passe vient d'être envoyé à l'adresse indiquée. Ce lien ne peut servir qu'une fois et expire au bout de 1 heure. " +
				"Si vous ne le recevez pas d'ici quelques minutes, vérifiez vos courriels indésirables, puis réessayez plus tard."}),
		{Group: GroupLogin, Component: "LinkRequestCard", Name: "erreurs", Title: "Carte renvoyée à htmx avec ses erreurs", Fragment: true,
			Render: components.LinkRequestCard(components.LinkRequestProps{Errors: linkErrs}), Visitor: Anonymous, Path: paths.FirstLogin},
		{Group: GroupLogin, Component: "LinkInvalidPage", Name: "lien-expire", Title: "Lien déjà utilisé ou expiré",
			Render: components.LinkInvalidPage(paths.FirstLogin, "Demander un nouveau lien"), Visitor: Anonymous, Path: paths.SetPassword},
	}
}
