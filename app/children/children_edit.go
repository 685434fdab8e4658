package children

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/components"
)

// Edit renders the form filled with a current child; a child of the history
// cannot be modified.
func (h *Handlers) Edit(c *fiber.Ctx) error {
	ch, err := h.ownChild(c)
	if err != nil {
		return err
	}
	if !Current(ch.Periods, h.today()) {
		return renderHistoryLocked(c, ch.ID)
	}
	return renderForm(c, FormProps(formFromChild(ch), FormView{Action: components.ChildPath(ch.ID, "modifier")}), fiber.StatusOK, nil)
}
