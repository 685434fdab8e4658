package boexport

import (
	"bufio"
	"context"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/audit"
	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/paris"
	"github.com/departement06/extranet-assmat/components"
)

// streamTimeout bounds the query of one download (a national export is a
// few hundred thousand rows: seconds, not minutes).
const streamTimeout = 10 * time.Minute

// Show is the export's form.
func (h *Handlers) Show(c *fiber.Ctx) error {
	return render(c, Props(Scope{}, nil), fiber.StatusOK)
}

// Download checks the scope, writes the audit line in its own short
// transaction (the stream starts before its end, so the line cannot share
// its fate: an export cut short is still logged), then streams the file: fasthttp calls the writer after the
// handler returns, and each buffer's worth of rows goes out as it fills.
// A failure mid-stream can only cut the file short; it is logged.
func (h *Handlers) Download(c *fiber.Ctx) error {
	s := ReadScope(c)
	errs := s.Check()
	ctx := c.UserContext()
	if len(errs) == 0 {
		ok, err := scopeExists(ctx, h.d.Pool, s)
		if err != nil {
			return err
		}
		if !ok {
			errs = NoOne()
		}
	}
	if len(errs) > 0 {
		return render(c, Props(s, errs), fiber.StatusUnprocessableEntity)
	}
	now := h.d.Now()
	today := paris.Today(now)
	agent := backoffice.CurrentAgent(c)
	// One INSERT on the pool: its own transaction, committed before the
	// first byte of the file.
	if err := audit.Record(ctx, h.d.Pool, agent.ID, audit.Export, target(s), map[string]any{
		"commune": s.Commune, "assmat": s.Login, "date": today.Format("02/01/2006")}); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+FileName(s, today)+`"`)
	c.Set(fiber.HeaderCacheControl, "no-store")
	pool, log := h.d.Pool, h.d.Log
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		ctx, cancel := context.WithTimeout(context.Background(), streamTimeout)
		defer cancel()
		if err := Stream(ctx, pool, s, today, w); err != nil {
			log.Error("declarations export cut short", "commune", s.Commune, "assmat", s.Login, "err", err)
		}
	})
	return nil
}

// target names the scope in the audit log: the childminder when there is
// one (the journal finds her exports), else the commune, else everything.
func target(s Scope) string {
	switch {
	case s.Login != "":
		return audit.TargetAssmat(s.Login)
	case s.Commune != "":
		return "commune:" + s.Commune
	}
	return "declarations:toutes"
}

// Stream writes the whole file of the scope on w (exported for its test).
func Stream(ctx context.Context, pool *pgxpool.Pool, s Scope, today time.Time, w *bufio.Writer) error {
	out, err := NewWriter(w)
	if err != nil {
		return err
	}
	if err := each(ctx, pool, s, today, out.Write); err != nil {
		return err
	}
	return out.Flush()
}

// render shows the form in the back office's layout.
func render(c *fiber.Ctx, p components.BackOfficeExportProps, status int) error {
	return backoffice.Render(c, httpx.View{Title: httpx.Title("Export des déclarations", p.Errors),
		Page: components.BackOfficeExportPage(p), Status: status})
}

// FileName is the download's name: the scope and the day, so that two
// exports never overwrite one another in the agent's downloads folder.
// Only [a-z0-9-] are kept from the scope (the header is ASCII, quoted).
func FileName(s Scope, today time.Time) string {
	name := "declarations"
	for _, part := range []string{s.Commune, s.Login} {
		if p := slug(part); p != "" {
			name += "-" + p
		}
	}
	return name + "-" + today.Format("2006-01-02") + ".csv"
}

// slug keeps the ASCII letters and digits of s, lower-cased, accents
// dropped from the common French letters; other runs become one "-".
func slug(s string) string {
	var b []byte
	dash := false
	for _, r := range strings.ToLower(s) {
		if a, ok := plain[r]; ok {
			r = a
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b = append(b, byte(r))
			dash = false
		} else if len(b) > 0 && !dash {
			b = append(b, '-')
			dash = true
		}
	}
	return strings.TrimSuffix(string(b), "-")
}

var plain = map[rune]rune{'à': 'a', 'â': 'a', 'ä': 'a', 'ç': 'c', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'î': 'i', 'ï': 'i', 'ô': 'o', 'ö': 'o', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ÿ': 'y', 'œ': 'o'}
