package session_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
	"github.com/departement06/extranet-assmat/app/session"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// slowPage's reads take 400 ms in PostgreSQL: whether they ran is a matter
// of time.
const slowPage = 400 * time.Millisecond

// A cookie that names no session costs the session's index probe only:
// PostgreSQL skips the rest of the batch (the user's and the page's reads
// for the user the cookie claims), so that nobody can make the server read,
// and time, another childminder's pages. A good cookie gets them.
func TestABadCookieRunsNoneOfThePagesReads(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := pgtest.Pool(t)
	var uid int64
	if err := pool.QueryRow(ctx, `INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale,
		adresse, code_postal, commune) VALUES ('S1', 'Madame', 'NOM', 'Prénom', '1980-01-01', 'Célibataire', '1 rue', '06000', 'Nice')
		RETURNING id`).Scan(&uid); err != nil {
		t.Fatal(err)
	}
	m := session.New(pool, session.Config{Idle: 30 * time.Minute, MaxAge: 12 * time.Hour})
	app := fiber.New()
	app.Use(m.Middleware())
	app.Post("/login", func(c *fiber.Ctx) error { return m.Login(c, uid) })
	reads := func(_ *fiber.Ctx, b *pgx.Batch, _ int64) func() (string, error) {
		var slept string
		b.Queue("SELECT pg_sleep($1)::text", slowPage.Seconds()).QueryRow(func(r pgx.Row) error { return r.Scan(&slept) })
		return func() (string, error) { return "read", nil }
	}
	session.Prefetch(m, "slow", "/slow", reads)
	app.Get("/slow", func(c *fiber.Ctx) error {
		if session.CurrentUser(c) == nil {
			return c.SendString("anonymous")
		}
		return c.SendString("signed in")
	})
	res, err := app.Test(httptest.NewRequest(http.MethodPost, "/login", nil))
	if err != nil {
		t.Fatal(err)
	}
	var cookie string
	for _, ck := range res.Cookies() {
		if ck.Name == session.CookieName {
			cookie = ck.Value
		}
	}
	id, secret, ok := strings.Cut(cookie, ".")
	if !ok || id != strconv.FormatInt(uid, 10) {
		t.Fatalf("cookie %q", cookie)
	}
	get := func(value string) (string, time.Duration) {
		req := httptest.NewRequest(http.MethodGet, "/slow", nil)
		req.AddCookie(&http.Cookie{Name: session.CookieName, Value: value})
		start := time.Now()
		res, err := app.Test(req, 10_000)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		buf := make([]byte, 64)
		n, _ := res.Body.Read(buf)
		return string(buf[:n]), time.Since(start)
	}
	if body, took := get(cookie); body != "signed in" || took < slowPage {
		t.Errorf("her cookie: %q in %v, want signed in, the page's reads run (≥ %v)", body, took, slowPage)
	}
	wrongSecret := id + "." + strings.Repeat("A", len(secret))
	otherUser := strconv.FormatInt(uid+1, 10) + "." + secret
	for _, bad := range []string{wrongSecret, otherUser} {
		if body, took := get(bad); body != "anonymous" || took >= slowPage/2 {
			t.Errorf("cookie %q: %q in %v, want anonymous without the page's reads (< %v)", bad, body, took, slowPage/2)
		}
	}
}

// A sign-in opens its session only while the password it checked is still
// the account's: a password changed during the check (argon2 takes its
// time) would otherwise leave a session born after the change, which the
// change no longer ends.
func TestASignInDuringAPasswordChangeOpensNoSession(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := pgtest.Pool(t)
	var uid int64
	if err := pool.QueryRow(ctx, `INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale,
		adresse, code_postal, commune, password_hash) VALUES ('S2', 'Madame', 'NOM', 'Prénom', '1980-01-01', 'Célibataire', '1 rue', '06000', 'Nice', 'old-hash')
		RETURNING id`).Scan(&uid); err != nil {
		t.Fatal(err)
	}
	m := session.New(pool, session.Config{Idle: 30 * time.Minute, MaxAge: 12 * time.Hour})
	app := fiber.New()
	app.Post("/login", func(c *fiber.Ctx) error {
		if err := m.LoginChecked(c, uid, c.FormValue("checked")); err != nil {
			return c.Status(http.StatusConflict).SendString(err.Error())
		}
		return c.SendString("ok")
	})
	login := func(checked string) (int, bool) {
		req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader("checked="+checked))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		res, err := app.Test(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode, len(res.Cookies()) > 0
	}
	if status, cookie := login("old-hash"); status != http.StatusOK || !cookie {
		t.Fatalf("the password checked is hers: %d, cookie %v", status, cookie)
	}
	// The password changes between the check and the session.
	if _, err := pool.Exec(ctx, `UPDATE assmats SET password_hash = 'new-hash', password_changed_at = now() WHERE id = $1`, uid); err != nil {
		t.Fatal(err)
	}
	if status, cookie := login("old-hash"); status != http.StatusConflict || cookie {
		t.Errorf("the password checked was replaced: %d, cookie %v, want no session", status, cookie)
	}
	var n int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM sessions WHERE user_id = $1`, uid).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("%d sessions, want the first sign-in's only", n)
	}
}
