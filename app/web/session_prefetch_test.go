package web_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// The pages of a morning's visit read the session, the childminder and
// their own data in one round trip (issue 12: the session middleware
// prefetches them, keyed by the user id the cookie claims).
func TestBusiestPagesCostOneRoundTripWithTheSession(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	for _, path := range []string{"/", "/messages", "/messages?recherche=m%C3%A9t%C3%A9o", "/messages?boite=archives",
		"/enfants-accueillis", "/enfants-accueillis?historique=1"} {
		env.Trips.Reset()
		res := c.Get(path)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", path, res.StatusCode)
			continue
		}
		if n, w := env.Trips.Trips(), env.Trips.Writes(); n != 1 || w != 0 {
			t.Errorf("%s: %d round trips and %d writes, want 1 and 0", path, n, w)
		}
	}
	// A message and a child: one round trip too; the first opening of an
	// unread message writes once, to mark it read, and never again.
	child := declare(t, env, c, anna())
	var unread int64
	env.QueryRow(`SELECT m.id FROM messages m JOIN assmats a ON a.login = '100001'
		WHERE (m.recipient_assmat_id IS NULL OR m.recipient_assmat_id = a.id)
		  AND NOT EXISTS (SELECT 1 FROM message_states s WHERE s.assmat_id = a.id AND s.message_id = m.id)
		ORDER BY m.id LIMIT 1`, nil, &unread)
	for i, tc := range []struct {
		path          string
		trips, writes int64
	}{
		{"/messages/" + strconv.FormatInt(unread, 10), 2, 1},
		{"/messages/" + strconv.FormatInt(unread, 10), 1, 0},
		{"/enfants-accueillis/" + strconv.FormatInt(child, 10), 1, 0},
	} {
		env.Trips.Reset()
		if res := c.Get(tc.path); res.StatusCode != http.StatusOK {
			t.Errorf("%s (%d): %d", tc.path, i, res.StatusCode)
		}
		if n, w := env.Trips.Trips(), env.Trips.Writes(); n != tc.trips || w != tc.writes {
			t.Errorf("%s (%d): %d round trips and %d writes, want %d and %d", tc.path, i, n, w, tc.trips, tc.writes)
		}
	}
	// Another's, or none: 404 all the same, prefetched or not, in the
	// session's round trip (the prefetch's "no row" answers the page).
	for _, path := range []string{"/messages/999999999", "/enfants-accueillis/999999999", "/messages/abc", "/enfants-accueillis/0"} {
		env.Trips.Reset()
		if res := c.Get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, res.StatusCode)
		}
		if n := env.Trips.Trips(); n != 1 {
			t.Errorf("%s: %d round trips, want 1", path, n)
		}
	}
	// A page that does not prefetch reads after the session: two round trips.
	env.Trips.Reset()
	if res := c.Get("/mon-agrement"); res.StatusCode != http.StatusOK || env.Trips.Trips() != 2 {
		t.Errorf("Mon agrément: %d, %d round trips, want 200 and 2", res.StatusCode, env.Trips.Trips())
	}
	// A malformed page number is decided by the prefetch: still a 404.
	if res := c.Get("/enfants-accueillis?historique=abc"); res.StatusCode != http.StatusNotFound {
		t.Errorf("malformed history page: %d, want 404", res.StatusCode)
	}
}

// The cookie names a user next to the session's secret, so that her page
// can be read with the session. Changing the id opens nothing: not her
// session, not the other's, and what was read for the other is dropped.
func TestACookieClaimingAnotherChildminderOpensNothing(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	a := env.Client()
	a.Login("100001", "Demo-assmat1")
	var other int64
	env.QueryRow("SELECT id FROM assmats WHERE login = '100002'", nil, &other)
	cookie := a.Cookie("extranet_session")
	id, secret, ok := strings.Cut(cookie, ".")
	if !ok || id == "" || len(secret) != 43 {
		t.Fatalf("session cookie %q: want <user id>.<43 characters>", cookie)
	}
	forged := env.Client()
	forged.SetCookie("extranet_session", strconv.FormatInt(other, 10)+"."+secret)
	for _, path := range []string{"/", "/messages", "/enfants-accueillis"} {
		res := forged.Get(path)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/connexion" {
			t.Errorf("%s with another id: %d %q, want 303 to /connexion", path, res.StatusCode, res.Header.Get("Location"))
		}
		forged.SetCookie("extranet_session", strconv.FormatInt(other, 10)+"."+secret)
	}
	// Her own cookie still works: the forgery ended nothing.
	if res := a.Get("/"); res.StatusCode != http.StatusOK || !strings.Contains(res.Text(), "Gertrude") {
		t.Errorf("her own session after the forgery: %d", res.StatusCode)
	}
	// Only a digest of the secret is stored: the table does not open sessions.
	var n int
	env.QueryRow("SELECT count(*) FROM sessions WHERE k = convert_to($1, 'UTF8') OR encode(k, 'hex') = $1", []any{secret}, &n)
	if n != 0 {
		t.Errorf("the session's secret is stored as it is")
	}
	var stored int
	if err := env.Pool.QueryRow(context.Background(), "SELECT count(*) FROM sessions WHERE user_id = $1", id).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored != 1 {
		t.Errorf("%d sessions stored for her, want 1", stored)
	}
}

// Malformed cookies cost no query and open nothing.
func TestMalformedSessionCookiesCostNoQuery(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	for _, v := range []string{"x", "1.", ".abc", "1.abc", "-1." + strings.Repeat("A", 43), "0." + strings.Repeat("A", 43),
		"1." + strings.Repeat("*", 43), "99999999999999999999." + strings.Repeat("A", 43),
		strings.Repeat("1", 4000)} {
		c := env.Client()
		c.SetCookie("extranet_session", v)
		env.Trips.Reset()
		res := c.Get("/connexion")
		if res.StatusCode != http.StatusOK || env.Trips.Trips() != 0 {
			t.Errorf("cookie %.30q: %d, %d round trips, want 200 and 0", v, res.StatusCode, env.Trips.Trips())
		}
	}
}
