package auth

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// LinkRequestForm is what "Première connexion ou mot de passe oublié" posts.
type LinkRequestForm struct {
	Identifiant   string
	Nom           string
	Prenom        string
	DateNaissance string
	Email         string
}

// ParseLinkRequestForm reads the form.
func ParseLinkRequestForm(c *fiber.Ctx) LinkRequestForm {
	return LinkRequestForm{
		Identifiant:   form.Value(c, "identifiant"),
		Nom:           form.Value(c, "nom"),
		Prenom:        form.Value(c, "prenom"),
		DateNaissance: form.Value(c, "date_naissance"),
		Email:         form.Value(c, "email"),
	}
}

// Limits of the identity fields.
const maxNameLength = 100

// Validate returns the errors of the form and the birth date it holds. Every
// field is a name for form.Check: nothing invisible, no control character.
func (f LinkRequestForm) Validate() (time.Time, components.Errors) {
	var errs components.Errors
	required := func(field, value, missing string, max int) {
		if value == "" {
			errs.Add(field, missing)
			return
		}
		errs.Add(field, form.Check(value, form.Name, max))
	}
	required("identifiant", f.Identifiant, "Veuillez saisir votre identifiant.", maxIdentifiant)
	required("nom", f.Nom, "Veuillez saisir votre nom.", maxNameLength)
	required("prenom", f.Prenom, "Veuillez saisir votre prénom.", maxNameLength)
	born, ok := form.ParseDate(f.DateNaissance)
	switch {
	case f.DateNaissance == "":
		errs.Add("date-naissance", "Veuillez saisir votre date de naissance.")
	case !ok:
		errs.Add("date-naissance", "La date de naissance doit être une date au format jj/mm/aaaa, par exemple 02/02/1990.")
	}
	switch {
	case f.Email == "":
		errs.Add("email", "Veuillez saisir votre adresse email.")
	case form.Check(f.Email, form.Name, form.MaxEmail) != "":
		errs.Add("email", form.Check(f.Email, form.Name, form.MaxEmail))
	case !form.ValidEmail(f.Email):
		errs.Add("email", "L'adresse email n'est pas valide : elle doit ressembler à prenom.nom@exemple.fr.")
	}
	return born, errs
}

func (f LinkRequestForm) props(errs components.Errors) components.LinkRequestProps {
	return components.LinkRequestProps{Identifiant: f.Identifiant, Nom: f.Nom, Prenom: f.Prenom,
		DateNaissance: f.DateNaissance, Email: f.Email, Errors: errs}
}
