package auth

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// LinkRequestForm is what "Première connexion ou mot de passe oublié" posts.
type LinkRequestForm struct {
	Login     string
	LastName  string
	FirstName string
	BirthDate string
	Email     string
}

// ParseLinkRequestForm reads the form.
func ParseLinkRequestForm(c *fiber.Ctx) LinkRequestForm {
	s := linkRequestFields
	return LinkRequestForm{
		Login:     s.Login.Read(c),
		LastName:  s.LastName.Read(c),
		FirstName: s.FirstName.Read(c),
		BirthDate: s.BirthDate.Read(c),
		Email:     s.Email.Read(c),
	}
}

// Messages of the link request that state a rule of their own.
const (
	msgBirthDate = "La date de naissance doit être une date au format jj/mm/aaaa, par exemple " + birthDateExample + "."
	msgEmail     = "L'adresse email n'est pas valide : elle doit ressembler à prenom.nom@exemple.fr."
)

// Validate returns the errors of the form and the birth date it holds. Every
// text field is a name for form.Check: nothing invisible, no control
// character; the birth date is checked as a date only.
func (f LinkRequestForm) Validate() (time.Time, components.Errors) {
	s := linkRequestFields
	var errs components.Errors
	for _, in := range []struct {
		spec  form.Spec
		value string
	}{{s.Login, f.Login}, {s.LastName, f.LastName}, {s.FirstName, f.FirstName}} {
		errs.Add(in.spec.InputID(), in.spec.Check(in.value))
	}
	born, ok := form.ParseDate(f.BirthDate)
	switch {
	case f.BirthDate == "":
		errs.Add(s.BirthDate.InputID(), s.BirthDate.MissingMessage())
	case !ok:
		errs.Add(s.BirthDate.InputID(), msgBirthDate)
	}
	if msg := s.Email.Check(f.Email); msg != "" {
		errs.Add(s.Email.InputID(), msg)
	} else if f.Email != "" && !form.ValidEmail(f.Email) {
		errs.Add(s.Email.InputID(), msgEmail)
	}
	return born, errs
}

// LinkRequestView says how the form is shown besides what was typed.
type LinkRequestView struct {
	Errors components.Errors
	Notice string
}

// LinkRequestProps builds the form's view model from the table of its
// fields. The gallery builds its states with it too.
func LinkRequestProps(f LinkRequestForm, v LinkRequestView) components.LinkRequestProps {
	s := linkRequestFields
	field := func(spec form.Spec, value string) components.Field {
		return spec.Field(value, v.Errors.For(spec.InputID()))
	}
	return components.LinkRequestProps{
		Login:     field(s.Login, f.Login),
		LastName:  field(s.LastName, f.LastName),
		FirstName: field(s.FirstName, f.FirstName),
		BirthDate: field(s.BirthDate, f.BirthDate),
		Email:     field(s.Email, f.Email),
		Errors:    v.Errors,
		Notice:    v.Notice,
	}
}
