package boassmats

import (
	"strings"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// Search serves "Assistants maternels": the form alone, or one page of
// results. A search of 3 characters or more goes through the trigram index
// (BoSearchAssmats, which first tells "more than MaxResults" from the
// names, first names and communes that start with the text); a shorter one only finds a whole identifier (the unique
// index): a trigram search needs 3 characters, and a scan of every
// childminder is what the index is there to avoid. One query at most after
// the session's. With htmx, the results region alone, its URL pushed.
func (h *Handlers) Search(c *fiber.Ctx) error {
	q, ok := ParseSearchQuery(func(name string) string { return form.Normalize(strings.Clone(c.Query(name))) })
	if !ok {
		return fiber.ErrNotFound
	}
	v := SearchView{Query: q, FieldError: q.Check()}
	status := fiber.StatusOK
	switch {
	case v.FieldError != "":
		status = fiber.StatusUnprocessableEntity
	case q.Text == "":
	case q.Short():
		rows, err := h.q.BoFindAssmatByLogin(c.UserContext(), q.Text)
		if err != nil {
			return err
		}
		v.Found = foundByLogin(rows)
		v.Searched = true
	default:
		rows, err := h.q.BoSearchAssmats(c.UserContext(), db.BoSearchAssmatsParams{
			Pattern: q.Text, RowLimit: PageSize, RowOffset: int32((q.Page - 1) * PageSize),
			MaxMatches: MaxResults + 1,
		})
		if err != nil {
			return err
		}
		v.Searched = true
		// Past the bound the statement may answer one row that only holds
		// the total (told by the names, first names or communes that start
		// with the text): none is listed then, and never may be.
		v.TooMany = len(rows) > 0 && rows[0].Total > MaxResults
		if !v.TooMany {
			v.Found = found(rows)
		}
	}
	if v.Searched && q.Page > 1 && (len(v.Found) == 0 || v.TooMany) {
		// A page past the end (the results changed since): the first page.
		first := q
		first.Page = 1
		return httpx.Redirect(c, first.URL())
	}
	p := SearchProps(v)
	if httpx.IsHTMX(c) {
		c.Set("HX-Push-Url", q.URL())
	}
	var fragment templ.Component = components.BoAssmatsResultsSwap(p.Results)
	return backoffice.Render(c, httpx.View{
		Title:    searchTitle(v),
		Page:     components.BoAssmatsSearchPage(p),
		Fragment: fragment,
		Status:   status,
	})
}

func foundByLogin(rows []db.BoFindAssmatByLoginRow) []Found {
	out := make([]Found, len(rows))
	for i, r := range rows {
		out[i] = Found(r)
	}
	return out
}

func found(rows []db.BoSearchAssmatsRow) []Found {
	out := make([]Found, len(rows))
	for i, r := range rows {
		out[i] = Found(r)
	}
	return out
}
