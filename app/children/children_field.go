package children

import (
	"strings"

	"github.com/gofiber/fiber/v2"

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
	props := formProps(f, "", errs, true, -1)
	field, ok := findField(props, id)
	if !ok {
		return fiber.ErrNotFound
	}
	field.Value = strings.Clone(c.FormValue(id))
	field.Valid = field.Value != ""
	return httpx.Render(c, httpx.View{Title: "Enfants accueillis", Page: components.TextField(field)})
}

// findField picks the field of that id from the form's view model.
func findField(p components.ChildFormProps, id string) (components.Field, bool) {
	all := []components.Field{p.Nom, p.Prenom, p.Naissance, p.Adresse, p.CodePostal, p.Commune, p.Adresse2, p.CodePostal2, p.Commune2}
	for _, g := range p.Guardians {
		all = append(all, g.Civilite, g.Nom, g.Prenom, g.Email, g.Phone)
	}
	for _, r := range p.Periods {
		all = append(all, r.Start, r.End, r.Hours, r.Comment)
	}
	for _, f := range all {
		if f.ID == id {
			return f, true
		}
	}
	return components.Field{}, false
}
