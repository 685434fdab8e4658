package boaudit

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/audit"
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/paris"
	"github.com/departement06/extranet-assmat/components"
)

// fields are the log's filters, each defined once.
var fields = struct{ Agent, Action, From, To form.Spec }{
	Agent:  form.Spec{Name: "agent", ID: "journal-agent", Label: "Agent"},
	Action: form.Spec{Name: "action", ID: "journal-action", Label: "Action"},
	From:   form.Spec{Name: "du", ID: "journal-du", Label: "Du", Chars: form.Name}.AsDate("01/11/2026"),
	To:     form.Spec{Name: "au", ID: "journal-au", Label: "Au", Chars: form.Name}.AsDate("30/11/2026"),
}

const (
	msgBadDate  = "Date invalide : saisissez-la au format jj/mm/aaaa."
	msgBadRange = "La date de fin doit être postérieure ou égale à la date de début."
)

// Query is a view of the log, as its URL says it.
type Query struct {
	AgentID  int64  // 0: every agent
	Action   string // "": every action
	From, To string // as typed (jj/mm/aaaa), "" for none
	Page     int
}

// ParseQuery reads the view from the query string. An unknown agent or
// action is no filter (an old link): the page shows what it filters by.
func ParseQuery(c *fiber.Ctx) (Query, error) {
	q := Query{Page: 1, From: fields.From.Read(c), To: fields.To.Read(c)}
	if id, err := strconv.ParseInt(fields.Agent.Read(c), 10, 64); err == nil && id > 0 {
		q.AgentID = id
	}
	if a := audit.Action(fields.Action.Read(c)); audit.Known(a) {
		q.Action = string(a)
	}
	page, ok := httpx.Page(c.Query("page"))
	if !ok {
		return q, fiber.ErrNotFound
	}
	q.Page = page
	return q, nil
}

// Range is the query's dates as instants, Paris days: from the start of
// From to the start of the day after To. Errors name the wrong field.
func (q Query) Range() (since, before *time.Time, errs components.Errors) {
	day := func(s string, spec form.Spec, next bool) *time.Time {
		if s == "" {
			return nil
		}
		if msg := spec.Check(s); msg != "" {
			errs.Add(spec.InputID(), msg)
			return nil
		}
		d, ok := form.ParseDate(s)
		if !ok {
			errs.Add(spec.InputID(), msgBadDate)
			return nil
		}
		t := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, paris.Location)
		if next {
			t = t.AddDate(0, 0, 1)
		}
		return &t
	}
	since, before = day(q.From, fields.From, false), day(q.To, fields.To, true)
	if since != nil && before != nil && !before.After(*since) {
		errs.Add(fields.To.InputID(), msgBadRange)
	}
	return since, before, errs
}

// Filtered says whether any filter is on.
func (q Query) Filtered() bool { return q.AgentID != 0 || q.Action != "" || q.From != "" || q.To != "" }

// URL is the view's canonical address (page n of it).
func (q Query) URL(page int) string {
	v := make([]string, 0, 5)
	add := func(name, value string) {
		if value != "" {
			v = append(v, name+"="+urlEscape(value))
		}
	}
	if q.AgentID != 0 {
		add(fields.Agent.Name, strconv.FormatInt(q.AgentID, 10))
	}
	add(fields.Action.Name, q.Action)
	add(fields.From.Name, q.From)
	add(fields.To.Name, q.To)
	if page > 1 {
		add("page", strconv.Itoa(page))
	}
	u := pathAudit
	for i, kv := range v {
		if i == 0 {
			u += "?"
		} else {
			u += "&"
		}
		u += kv
	}
	return u
}
