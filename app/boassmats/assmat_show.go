package boassmats

import (
	"context"
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/audit"
	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/dbbatch"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/paris"
	"github.com/departement06/extranet-assmat/app/throttle"
	"github.com/departement06/extranet-assmat/components"
)

// Show serves a childminder's page, by her identifier. Everything it shows
// is read in one batch (her identity, agréments, children, messages and her
// account's throttle counters, all by identifier: nothing waits for another
// query's answer). The statement that reads her identity also records the
// viewing in the audit log (BoViewAssmat) — the one write of a GET that the
// issue asks for ("childminder page viewed"), a single INSERT, in the
// batch's transaction. With the agent's session, 3 round trips.
func (h *Handlers) Show(c *fiber.Ctx) error {
	ctx := c.UserContext()
	login, ok := loginParam(c)
	if !ok {
		return fiber.ErrNotFound
	}
	now := h.Now()
	keys := throttle.AccountKeys(login)
	b := &pgx.Batch{}
	agent := backoffice.CurrentAgent(c)
	assmat := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) (db.BoViewAssmatRow, error) {
		return q.BoViewAssmat(ctx, db.BoViewAssmatParams{Login: login, AgentID: agent.ID,
			Action: string(audit.AssmatViewed), Target: audit.TargetAssmat(login)})
	})
	agrements := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) ([]db.BoAssmatAgrementsRow, error) {
		return q.BoAssmatAgrements(ctx, login)
	})
	children := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) ([]db.BoAssmatChildrenRow, error) {
		return q.BoAssmatChildren(ctx, db.BoAssmatChildrenParams{Login: login, Today: paris.Today(now), MaxRows: MaxChildren})
	})
	messages := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) ([]db.BoAssmatMessagesRow, error) {
		return q.BoAssmatMessages(ctx, db.BoAssmatMessagesParams{Login: login, MaxRows: MaxMessages})
	})
	counters := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) ([]db.GetThrottlesRow, error) {
		return q.GetThrottles(ctx, keyNames(keys))
	})
	// An unknown identifier: her row's callback fails the batch with ErrNoRows.
	if err := h.Pool.SendBatch(ctx, b).Close(); errors.Is(err, pgx.ErrNoRows) {
		return fiber.ErrNotFound
	} else if err != nil {
		return err
	}
	v := AssmatView{Now: now}
	who, err := assmat()
	if err != nil {
		return err
	}
	v.Assmat = db.BoGetAssmatRow(who)
	if v.Agrements, err = agrements(); err != nil {
		return err
	}
	if v.Children, err = children(); err != nil {
		return err
	}
	if v.Messages, err = messages(); err != nil {
		return err
	}
	rows, err := counters()
	if err != nil {
		return err
	}
	v.LockedUntil = retryAt(keys, rows, now)
	v.Notice = httpx.TakeNotice(c)
	p := AssmatProps(v)
	return backoffice.Render(c, httpx.View{Title: p.Name + " – Assistants maternels", Page: components.BoAssmatPage(p)})
}

// retryAt is throttle.RetryAt computed from counters read in the page's
// batch (RetryAt itself would cost a round trip of its own): the latest time
// any of her keys must wait for, zero when she may sign in now.
func retryAt(keys []throttle.Key, rows []db.GetThrottlesRow, now time.Time) time.Time {
	var at time.Time
	for _, r := range rows {
		for _, k := range keys {
			if k.Name != r.Key {
				continue
			}
			t := k.Limits.RetryAt(throttle.State{Failures: int(r.Failures), FailuresDay: int(r.FailuresDay),
				DayStartedAt: r.DayStartedAt, LastFailureAt: r.LastFailureAt}, now)
			if t.After(at) {
				at = t
			}
		}
	}
	return at
}

func keyNames(keys []throttle.Key) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.Name
	}
	return out
}
