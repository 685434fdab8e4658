package boaudit

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/audit"
	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/dbbatch"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

const pathAudit = paths.BackOfficeAudit

func urlEscape(s string) string { return url.QueryEscape(s) }

// Line is one line of the log.
type Line = db.AuditLine

// Agent is one agent the filter offers.
type Agent = db.BOListAuditAgentsRow

// List shows a page of the log: the agents of the filter and the page's
// lines in one batch (one round trip). It reads one line more than a page
// to know whether a next page exists, without counting the whole log.
func (h *Handlers) List(c *fiber.Ctx) error {
	q, err := ParseQuery(c)
	if err != nil {
		return err
	}
	since, before, errs := q.Range()
	var agents []Agent
	var lines []Line
	if err := h.load(c.UserContext(), q.lines(since, before), len(errs) == 0, &agents, &lines); err != nil {
		return err
	}
	status := fiber.StatusOK
	if len(errs) > 0 {
		status = fiber.StatusUnprocessableEntity
	}
	p := ListProps(q, errs, agents, lines)
	return backoffice.Render(c, httpx.View{Title: httpx.Title("Journal", errs), Page: components.BackOfficeAuditPage(p), Status: status})
}

// linesQuery reads one page of the log.
type linesQuery = func(context.Context, *db.Queries) ([]Line, error)

// lines is the query of the view's page: the statement of its filters
// (queries/boaudit.sql has one per set, each with its own index), reading
// one line more than a page to know whether a next page exists.
func (q Query) lines(since, before *time.Time) linesQuery {
	limit, offset := int32(PageSize+1), int32((q.Page-1)*PageSize)
	switch {
	case q.AgentID != 0 && q.Action != "":
		p := db.BOListAuditByAgentActionParams{AgentID: q.AgentID, Action: q.Action, Since: since, Before: before, MaxRows: limit, RowOffset: offset}
		return func(ctx context.Context, d *db.Queries) ([]Line, error) { return d.BOListAuditByAgentAction(ctx, p) }
	case q.AgentID != 0:
		p := db.BOListAuditByAgentParams{AgentID: q.AgentID, Since: since, Before: before, MaxRows: limit, RowOffset: offset}
		return func(ctx context.Context, d *db.Queries) ([]Line, error) { return d.BOListAuditByAgent(ctx, p) }
	case q.Action != "":
		p := db.BOListAuditByActionParams{Action: q.Action, Since: since, Before: before, MaxRows: limit, RowOffset: offset}
		return func(ctx context.Context, d *db.Queries) ([]Line, error) { return d.BOListAuditByAction(ctx, p) }
	}
	p := db.BOListAuditParams{Since: since, Before: before, MaxRows: limit, RowOffset: offset}
	return func(ctx context.Context, d *db.Queries) ([]Line, error) { return d.BOListAudit(ctx, p) }
}

// load runs the agents' query and, unless the filters are wrong, the
// page's, in one batch: one round trip.
func (h *Handlers) load(ctx context.Context, page linesQuery, withLines bool, agents *[]Agent, lines *[]Line) error {
	b := &pgx.Batch{}
	agentsOf := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) ([]Agent, error) { return q.BOListAuditAgents(ctx) })
	linesOf := func() ([]Line, error) { return nil, nil }
	if withLines {
		linesOf = dbbatch.Queue(b, page)
	}
	if err := h.pool.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	var err error
	if *agents, err = agentsOf(); err != nil {
		return err
	}
	*lines, err = linesOf()
	return err
}

// ListProps is the view model of a page of the log.
func ListProps(q Query, errs components.Errors, agents []Agent, lines []Line) components.BackOfficeAuditProps {
	agentOpts := []components.Option{{Value: "", Label: "Tous les agents"}}
	for _, a := range agents {
		agentOpts = append(agentOpts, components.Option{Value: strconv.FormatInt(a.ID, 10), Label: a.Prenom + " " + a.Nom})
	}
	actionOpts := []components.Option{{Value: "", Label: "Toutes les actions"}}
	for _, a := range audit.Actions() {
		actionOpts = append(actionOpts, components.Option{Value: string(a), Label: audit.Label(a)})
	}
	agentValue := ""
	if q.AgentID != 0 {
		agentValue = strconv.FormatInt(q.AgentID, 10)
	}
	p := components.BackOfficeAuditProps{
		Errors: errs,
		Agent:  fields.Agent.Field(agentValue, ""),
		Action: fields.Action.Field(q.Action, ""),
		From:   fields.From.Field(q.From, errs.For(fields.From.InputID())),
		To:     fields.To.Field(q.To, errs.For(fields.To.InputID())),
	}
	p.Agent.Options, p.Action.Options = agentOpts, actionOpts
	if q.Filtered() {
		p.ClearURL = pathAudit
	}
	more := len(lines) > PageSize
	if more {
		lines = lines[:PageSize]
	}
	switch {
	case len(errs) > 0:
		p.Summary = "Corrigez les dates pour voir le journal."
	case len(lines) == 0:
		p.Summary = "Aucune action."
		if q.Filtered() {
			p.Summary = "Aucune action ne correspond à ces filtres."
		}
	default:
		p.Summary = "Page " + strconv.Itoa(q.Page) + ", de la plus récente à la plus ancienne."
	}
	if q.Page > 1 {
		p.PrevURL = q.URL(q.Page - 1)
	}
	if more {
		p.NextURL = q.URL(q.Page + 1)
	}
	for _, l := range lines {
		name := l.AgentName
		if name == "" {
			name = "(agent supprimé)"
		}
		label := audit.Label(audit.Action(l.Action))
		if label == "" {
			label = l.Action
		}
		p.Rows = append(p.Rows, components.BackOfficeAuditRow{Date: components.DateTime(l.CreatedAt), Agent: name,
			Action: label, Target: l.Target, Details: details(l.Details)})
	}
	return p
}

// details writes a line's JSON details as "clé : valeur" pairs, in key order.
func details(raw string) string {
	var m map[string]any
	if json.Unmarshal([]byte(raw), &m) != nil || len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " : " + fmt.Sprint(m[k])
	}
	return strings.Join(parts, " ; ")
}
