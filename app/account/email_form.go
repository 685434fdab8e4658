package account

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/form"
)

// ParseNewEmail reads the new address of "Changer votre adresse email ?".
func ParseNewEmail(c *fiber.Ctx) string { return emailFields.New.Read(c) }

// ValidateNewEmail returns the error of a new address ("" when fine). A
// control or invisible character gets its own message before the format's.
func ValidateNewEmail(email, current string) string {
	if msg := emailFields.New.Check(email); msg != "" || email == "" {
		return msg
	}
	switch {
	case !form.ValidEmail(email):
		return "L'adresse email n'est pas valide : elle doit ressembler à prenom.nom@exemple.fr."
	case strings.EqualFold(email, current):
		return "La nouvelle adresse est identique à l'adresse actuelle."
	}
	return ""
}
