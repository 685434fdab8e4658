package agentauth

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// LinkForm is what the agent's link page posts.
type LinkForm struct {
	Password, Verification string
}

// ParseLinkForm reads the form; passwords are taken as typed.
func ParseLinkForm(c *fiber.Ctx) LinkForm {
	s := linkFields
	return LinkForm{Password: s.Password.Read(c), Verification: s.Verification.Read(c)}
}

// Validate checks the new password against the policy and its verification.
func (f LinkForm) Validate() components.Errors {
	s := linkFields
	var errs components.Errors
	pwErr, verifErr := credentials.CheckNewPassword(f.Password, f.Verification)
	errs.Add(s.Password.InputID(), pwErr)
	errs.Add(s.Verification.InputID(), verifErr)
	return errs
}

// LinkProps builds the link page's view model from the table of its fields;
// token is the link's own. The gallery builds its states with it too.
func LinkProps(token string, errs components.Errors) components.BackOfficePasswordProps {
	s := linkFields
	return components.BackOfficePasswordProps{
		Action:       paths.BackOfficeSetPassword + token,
		Password:     s.Password.Field("", errs.For(s.Password.InputID())),
		Verification: s.Verification.Field("", errs.For(s.Verification.InputID())),
		Policy:       credentials.PolicyText,
		Errors:       errs,
	}
}
