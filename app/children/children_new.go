package children

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/components/paths"
)

// NewPath is the form of a new child.
const NewPath = paths.Children + "/nouveau"

// New renders an empty form with one standard period.
func (h *Handlers) New(c *fiber.Ctx) error {
	f := ChildForm{}
	f.AddPeriod()
	return renderForm(c, formProps(f, NewPath, nil, false, -1), fiber.StatusOK, nil)
}
