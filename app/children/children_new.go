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
	return renderForm(c, FormProps(f, FormView{Action: NewPath}), fiber.StatusOK, nil)
}
