package bomessages_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// The sent list shows each message's reads (a general one: read / active
// childminders; a personal one: Lu / Non lu) in as many round trips for 30
// messages as for 1: no query per message. Page 2 and htmx too.
func TestSentListCountsReadsWithoutAQueryPerMessage(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := env.Pool.Exec(t.Context(), sql, args...); err != nil {
			t.Fatal(err)
		}
	}
	// Only our messages: the demo's are out of the way.
	exec(`DELETE FROM messages`)
	exec(`INSERT INTO messages (sender_service, subject, body, created_at) VALUES ('PMI', 'Seul', 'x', '2026-11-28 09:00+00')`)
	env.Trips.Reset()
	if res := c.Get("/back-office/messages"); res.StatusCode != http.StatusOK {
		t.Fatalf("list: %d", res.StatusCode)
	}
	one := env.Trips.Trips()

	exec(`INSERT INTO messages (sender_service, subject, body, created_at)
		SELECT 'PMI', 'Général ' || i, 'x', '2026-11-28 10:00+00'::timestamptz + i * interval '1 minute' FROM generate_series(1, 28) i`)
	exec(`INSERT INTO messages (sender_service, subject, body, recipient_assmat_id, created_at)
		SELECT 'PMI', 'Personnel lu', 'x', id, '2026-11-29 08:00+00' FROM assmats WHERE login = '100001'`)
	// Both demo childminders with a password read "Général 28"; she read her personal one.
	exec(`INSERT INTO message_states (assmat_id, message_id, read_at)
		SELECT a.id, m.id, now() FROM assmats a, messages m WHERE a.login IN ('100001', '100002') AND m.subject = 'Général 28'`)
	exec(`INSERT INTO message_states (assmat_id, message_id, read_at)
		SELECT a.id, m.id, now() FROM assmats a, messages m WHERE a.login = '100001' AND m.subject = 'Personnel lu'`)
	// An archived, unread state counts for nothing.
	exec(`INSERT INTO message_states (assmat_id, message_id, archived_at)
		SELECT a.id, m.id, now() FROM assmats a, messages m WHERE a.login = '100001' AND m.subject = 'Général 27'`)
	active := count(t, env, `SELECT count(*) FROM assmats WHERE password_hash IS NOT NULL`)

	env.Trips.Reset()
	res := c.Get("/back-office/messages")
	if thirty := env.Trips.Trips(); res.StatusCode != http.StatusOK || thirty != one || thirty > 3 {
		t.Fatalf("list of 30: %d, %d round trips (1 message: %d)", res.StatusCode, thirty, one)
	}
	rowText := func(res *apptest.Response, subject string) string {
		var out string
		res.Doc.Find("tbody tr").Each(func(_ int, s *goquery.Selection) {
			if s.Find("td").Eq(3).Text() == subject {
				out = apptest.TextOf(s)
			}
		})
		return out
	}
	for subject, want := range map[string]string{
		"Personnel lu": "Lu",
		"Général 28":   "2 / " + strconv.Itoa(active),
		"Général 27":   "0 / " + strconv.Itoa(active),
	} {
		if got := rowText(res, subject); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", subject, got, want)
		}
	}
	if rows := res.Doc.Find("tbody tr").Length(); rows != 20 {
		t.Errorf("page 1: %d rows", rows)
	}
	if !strings.Contains(res.Text(), "30 messages envoyés") {
		t.Errorf("summary: %s", res.Doc.Find("#messages-envoyes p").First().Text())
	}
	// Page 2, as htmx's page link asks it: the region only, the oldest ones.
	page2 := c.Get("/back-office/messages?page=2", apptest.HTMX)
	if page2.StatusCode != http.StatusOK || page2.Doc.Find("header.site-header").Length() != 0 ||
		page2.Doc.Find("#messages-envoyes tbody tr").Length() != 10 || rowText(page2, "Seul") == "" {
		t.Errorf("page 2 (htmx): %d %s", page2.StatusCode, page2.Text())
	}
	for _, bad := range []string{"0", "x", "99"} {
		if res := c.Get("/back-office/messages?page=" + bad); res.StatusCode != http.StatusNotFound {
			t.Errorf("page %s: %d", bad, res.StatusCode)
		}
	}
}
