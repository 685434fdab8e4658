package children

import (
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

const msgConflict = "Cette fiche a été modifiée entre-temps (par exemple dans un autre onglet) : vos saisies ne sont pas encore enregistrées. " +
	"Elles sont conservées ci-dessous ; vérifiez-les, puis cliquez sur VALIDER pour les enregistrer."

// Create handles the new-child form.
func (h *Handlers) Create(c *fiber.Ctx) error {
	return h.save(c, 0, NewPath)
}

// Update handles the edit form of a current child of the childminder.
func (h *Handlers) Update(c *fiber.Ctx) error {
	ch, err := h.ownChild(c)
	if err != nil {
		return err
	}
	if !Current(ch.Periods, h.today()) {
		return renderHistoryLocked(c, ch.ID)
	}
	return h.save(c, ch.ID, components.ChildPath(ch.ID, "modifier"))
}

func (h *Handlers) save(c *fiber.Ctx, id int64, action string) error {
	// Actions besides VALIDER: with htmx they swap one section, without
	// JavaScript they re-render the whole page, nothing typed lost.
	f := ParseChildForm(c)
	view := FormView{Action: action}
	switch {
	case f.Action == components.ActionAddPeriod:
		added, ok := f.AddPeriod()
		if !ok {
			// htmx appends rows to the table's body: the refusal replaces
			// the whole section instead, with its message.
			if httpx.IsHTMX(c) {
				c.Set("HX-Retarget", "#"+components.PeriodsID)
				c.Set("HX-Reswap", "outerHTML")
			}
			view.Errors.Add(components.PeriodsID, msgPeriodsFull)
			p := FormProps(f, view)
			return renderForm(c, p, fiber.StatusUnprocessableEntity, components.PeriodsSection(p))
		}
		view.Focus = PeriodID(added, partKind)
		p := FormProps(f, view)
		// htmx appends the new row alone: the rows typed stay as they are.
		return renderForm(c, p, fiber.StatusOK, components.PeriodRow(p.Action, p.Periods[len(p.Periods)-1]))
	case strings.HasPrefix(f.Action, components.ActionRemovePeriodPrefix):
		index, _ := strconv.Atoi(strings.TrimPrefix(f.Action, components.ActionRemovePeriodPrefix))
		f.RemovePeriod(index)
		p := FormProps(f, view)
		return renderForm(c, p, fiber.StatusOK, components.PeriodsSection(p))
	case f.Action == components.ActionRefreshPeriods:
		p := FormProps(f, view)
		return renderForm(c, p, fiber.StatusOK, components.PeriodsSection(p))
	case f.Action == components.ActionRefreshAddress:
		p := FormProps(f, view)
		return renderForm(c, p, fiber.StatusOK, components.SecondaryAddress(p))
	}

	today := h.today()
	ch, errs := f.Validate(today)
	if len(errs) > 0 {
		view.Errors, view.Submitted = errs, true
		p := FormProps(f, view)
		return renderForm(c, p, fiber.StatusUnprocessableEntity, components.ChildForm(p))
	}
	ctx := c.UserContext()
	assmat := session.CurrentUser(c).ID
	saved := true
	err := pgx.BeginFunc(ctx, h.pool, func(tx pgx.Tx) error {
		var err error
		if id == 0 {
			_, err = createChild(ctx, tx, assmat, ch, h.now(), today)
			return err
		}
		ch.ID = id
		version, _ := strconv.Atoi(f.Version)
		ch.Version = int32(version)
		saved, err = updateChild(ctx, tx, assmat, ch, h.now(), today)
		return err
	})
	if err != nil {
		return err
	}
	if !saved {
		return h.conflict(c, id, f, action)
	}
	notice := NoticeChildSaved
	if ch.G1.Empty() && ch.G2.Empty() {
		notice = NoticeChildSavedNoGuardian
	}
	httpx.SetNotice(c, notice)
	return httpx.Redirect(c, paths.Children)
}

// conflict answers an edit that lost the race: someone saved the child since
// the form was loaded (or its periods all ended meanwhile). The typed values
// stay; the form takes the saved version, so that VALIDER now overwrites it.
func (h *Handlers) conflict(c *fiber.Ctx, id int64, f ChildForm, action string) error {
	ch, err := h.ownChild(c)
	if err != nil {
		return err
	}
	if !Current(ch.Periods, h.today()) {
		return renderHistoryLocked(c, id)
	}
	f.Version = strconv.Itoa(int(ch.Version))
	p := FormProps(f, FormView{Action: action})
	p.Conflict = msgConflict
	return renderForm(c, p, fiber.StatusConflict, components.ChildForm(p))
}

// renderForm answers the full form page, or to htmx the given fragment.
func renderForm(c *fiber.Ctx, p components.ChildFormProps, status int, fragment templ.Component) error {
	title := "Ajouter ou modifier un enfant"
	if p.Conflict != "" {
		title = "Conflit – " + title
	}
	return httpx.Render(c, httpx.View{
		Title:    httpx.Title(title, p.Errors),
		Page:     components.ChildFormPage(p),
		Fragment: fragment,
		Status:   status,
	})
}
