package boassmats

import (
	"strings"
	"time"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/components"
)

// LetterView is what the letter says: to whom, her credentials, when.
type LetterView struct {
	Assmat   db.BoLockAssmatRow
	Password string
	BaseURL  string
	Now      time.Time
}

// LetterProps builds the letter: the département's header, her address, her
// identifier and temporary password, the extranet's address and the first
// connection's steps as the département's documentation gives them (seed
// §1.2.1). The gallery builds its state with it.
func LetterProps(v LetterView) components.BoAssmatLetterProps {
	a := v.Assmat
	salutation := "Madame, Monsieur"
	switch a.Civilite {
	case "Madame", "Monsieur":
		salutation = a.Civilite
	}
	recipient := []string{fullName(a.Civilite, a.Prenom, a.Nom)}
	if a.Adresse != "" {
		recipient = append(recipient, a.Adresse)
	}
	if town := strings.TrimSpace(a.CodePostal + " " + a.Commune); town != "" {
		recipient = append(recipient, town)
	}
	return components.BoAssmatLetterProps{
		Place: "Nice, le " + longDate(v.Now), Recipient: recipient, Salutation: salutation,
		Login: a.Login, Password: v.Password, URL: v.BaseURL,
		Steps: []string{
			"Ouvrez l'adresse de l'extranet ci-dessus dans votre navigateur.",
			"Saisissez votre identifiant et le mot de passe temporaire, puis cliquez sur « CONNEXION ».",
			"La page « Changement de mot de passe » s'affiche : saisissez le mot de passe temporaire dans « Mot de passe actuel », puis votre nouveau mot de passe dans « Mot de passe » et « Vérification du mot de passe », et cliquez sur « VALIDER ». " +
				credentials.PolicyText + ".",
			"La page de connexion s'affiche à nouveau : connectez-vous avec votre identifiant et votre nouveau mot de passe. Le mot de passe temporaire ne fonctionne plus.",
		},
		BackURL: components.BoAssmatPath(a.Login),
	}
}
