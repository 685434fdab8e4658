package children

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// Field checks the one field the user just left (htmx) and answers it with
// its message, or with its green tick. It applies the same rule as VALIDER.
func (h *Handlers) Field(c *fiber.Ctx) error {
	id := strings.Clone(c.Get("HX-Trigger-Name"))
	// A period field comes with its row's type and start (hx-include), a
	// secondary-address field with the checkbox: enough for its rule.
	f := ParseChildForm(c)
	var errs components.Errors
	errs.Add(id, f.FieldError(id, h.today()))
	number, err := strconv.Atoi(form.Value(c, components.RowNumberName))
	if err != nil || number < 1 || number > MaxPeriods {
		number = 0
	}
	_, fields := buildForm(f, FormView{Errors: errs, Submitted: true, RowNumber: number})
	field, ok := fields[id]
	if !ok {
		return fiber.ErrNotFound
	}
	field.Value = strings.Clone(c.FormValue(id))
	field.Valid = field.Value != ""
	return httpx.Render(c, httpx.View{Title: "Enfants accueillis", Page: components.TextField(field)})
}
