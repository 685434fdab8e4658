package boassmats_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
)

// letterPassword is the temporary password the letter shows.
func letterPassword(t *testing.T, res *apptest.Response) string {
	t.Helper()
	p := strings.TrimSpace(res.Doc.Find("#mot-de-passe-temporaire").Text())
	if !regexp.MustCompile(`^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$`).MatchString(p) {
		t.Fatalf("the letter's password %q: %s", p, res.Text())
	}
	return p
}

// account is what the database holds of her password.
func account(t *testing.T, env *apptest.Env, login string) (hash *string, mustChange bool) {
	t.Helper()
	env.QueryRow(`SELECT password_hash, must_change_password FROM assmats WHERE login = $1`, []any{login}, &hash, &mustChange)
	return hash, mustChange
}

// tryLogin signs in through the childminders' form and returns where it sends her ("" when refused).
func tryLogin(env *apptest.Env, c *apptest.Client, login, password string) string {
	c.Get("/connexion")
	res := c.Submit("/connexion", apptest.Values("identifiant", login, "mot_de_passe", password))
	if res.StatusCode != http.StatusSeeOther {
		return ""
	}
	return res.Header.Get("Location")
}

// Giving access to an identifier-only account: the confirmation page, then
// the letter (her identifier, the temporary password, the extranet's
// address, the first connection's steps), shown once and never stored; the
// password signs her in once and makes her choose her own.
func TestGiveAccess(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	page := c.Get("/back-office/assistants-maternels/100003")
	href, _ := page.Doc.Find(`a:contains("Donner l'accès")`).Attr("href")
	if href != "/back-office/assistants-maternels/100003/acces" {
		t.Fatalf("the page's link to give access: %q", href)
	}
	confirm := c.Get(href)
	if !strings.Contains(confirm.Text(), "Donner l'accès à Monsieur Marcel SANSMOTDEPASSE (100003) ?") {
		t.Errorf("the confirmation: %s", confirm.Text())
	}
	if action, _ := confirm.Doc.Find("main form[method=post]").Attr("action"); action != href {
		t.Errorf("the confirmation posts to %q", action)
	}
	res := c.Submit(href, nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("give access: %d %s", res.StatusCode, res.Text())
	}
	password := letterPassword(t, res)
	if !credentials.MeetsPolicy(password) {
		t.Errorf("the temporary password %q does not meet the policy", password)
	}
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("the letter's Cache-Control: %q", cc)
	}
	text := res.Text()
	for _, want := range []string{"DÉPARTEMENT DES ALPES-MARITIMES", "Monsieur Marcel SANSMOTDEPASSE 3 rue de la République 06600 Antibes",
		"Nice, le 29 novembre 2026", "Adresse de l'extranet : " + env.Config.BaseURL, "Identifiant (code utilisateur) : 100003",
		"Mot de passe temporaire : " + password, "Mot de passe actuel", "VALIDER", credentials.PolicyText, "Monsieur,"} {
		if !strings.Contains(text, want) {
			t.Errorf("the letter does not say %q: %s", want, text)
		}
	}
	hash, mustChange := account(t, env, "100003")
	if hash == nil || !strings.HasPrefix(*hash, "$argon2id$") || strings.Contains(*hash, password) || !mustChange {
		t.Fatalf("stored: %v, must change %v", hash, mustChange)
	}
	var clear int
	env.QueryRow(`SELECT count(*) FROM audit_log WHERE details::text LIKE '%' || $1 || '%'`, []any{password}, &clear)
	if clear != 0 {
		t.Error("the audit log holds the password")
	}
	if got := auditRows(t, env, "acces-donne"); len(got) != 1 || got[0] != "assmat:100003" {
		t.Errorf("audit: %v", got)
	}
	// Reloading is the confirmation again (a GET), not the password.
	if again := c.Get(href); strings.Contains(again.Body, password) {
		t.Error("a GET shows the password again")
	}
	if page := c.Get("/back-office/assistants-maternels/100003"); strings.Contains(page.Body, password) ||
		!strings.Contains(page.Text(), "Mot de passe temporaire non encore changé") {
		t.Errorf("her page after: %s", page.Text())
	}

	// She signs in with it, and must change it before anything else.
	m := env.Client()
	if to := tryLogin(env, m, "100003", password); to != "/changement-mot-de-passe" {
		t.Fatalf("sign-in with the letter's password: %q", to)
	}
	if res := m.Get("/"); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/changement-mot-de-passe" {
		t.Errorf("the dashboard before the change: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	m.Get("/changement-mot-de-passe")
	res = m.Submit("/changement-mot-de-passe", apptest.Values("mot_de_passe_actuel", password,
		"mot_de_passe", "Marcel-2026a", "verification", "Marcel-2026a"))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/connexion" {
		t.Fatalf("the change: %d %q %s", res.StatusCode, res.Header.Get("Location"), res.Text())
	}
	// The temporary password signed in once: it no longer works; hers does.
	if to := tryLogin(env, env.Client(), "100003", password); to != "" {
		t.Errorf("the temporary password after the change: %q", to)
	}
	if to := tryLogin(env, env.Client(), "100003", "Marcel-2026a"); to != "/" {
		t.Errorf("her own password: %q", to)
	}
}

// Renewing an active account's access: a new password each POST (the first
// letter's no longer works), her sessions end, her pending links die.
func TestRenewAccess(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	her := env.Client()
	her.Login("100001", "Demo-assmat1")
	var id int64
	env.QueryRow(`SELECT id FROM assmats WHERE login = '100001'`, nil, &id)
	token, err := credentials.IssueLink(context.Background(), db.New(env.Pool), id, credentials.PurposeSetPassword,
		"gertrude.assmat@example.fr", env.Clock.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	env.Clock.Advance(time.Second) // her session began before the change
	c.Get("/back-office/assistants-maternels/100001/acces")
	first := letterPassword(t, c.Submit("/back-office/assistants-maternels/100001/acces", nil))
	for _, htmx := range []bool{false, true} {
		if res := her.Get("/", apptest.HTMXIf(htmx)...); res.StatusCode == http.StatusOK {
			t.Errorf("her session survived the new password (htmx %v)", htmx)
		}
	}
	if res := env.Client().Get("/mot-de-passe/" + token); res.StatusCode != http.StatusGone {
		t.Errorf("her pending link after the new password: %d, want 410", res.StatusCode)
	}
	if to := tryLogin(env, env.Client(), "100001", "Demo-assmat1"); to != "" {
		t.Errorf("her old password still works: %q", to)
	}
	// A second POST (the agent reloads the letter): another password.
	second := letterPassword(t, c.Submit("/back-office/assistants-maternels/100001/acces", nil, apptest.HTMX))
	if second == first {
		t.Fatal("the second letter has the same password")
	}
	if to := tryLogin(env, env.Client(), "100001", first); to != "" {
		t.Errorf("the first letter's password still works: %q", to)
	}
	if to := tryLogin(env, env.Client(), "100001", second); to != "/changement-mot-de-passe" {
		t.Errorf("the second letter's password: %q", to)
	}
	if got := auditRows(t, env, "acces-renouvele"); len(got) != 2 {
		t.Errorf("audit: %v, want two renewals", got)
	}
}

// Identifier only: no password left, her sessions end, she is told to use
// "Première connexion"; the page says so after the redirect.
func TestIdentifierOnly(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	her := env.Client()
	her.Login("100001", "Demo-assmat1")
	env.Clock.Advance(time.Second)
	for _, htmx := range []bool{false, true} {
		confirm := c.Get("/back-office/assistants-maternels/100001/identifiant-seul", apptest.HTMXIf(htmx)...)
		if !strings.Contains(confirm.Text(), "en identifiant seul ?") {
			t.Errorf("the confirmation (htmx %v): %s", htmx, confirm.Text())
		}
	}
	res := c.Submit("/back-office/assistants-maternels/100001/identifiant-seul", nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/back-office/assistants-maternels/100001" {
		t.Fatalf("identifier only: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if hash, mustChange := account(t, env, "100001"); hash != nil || mustChange {
		t.Errorf("stored after: %v, %v", hash, mustChange)
	}
	if res := her.Get("/"); res.StatusCode == http.StatusOK {
		t.Error("her session survived")
	}
	if to := tryLogin(env, env.Client(), "100001", "Demo-assmat1"); to != "" {
		t.Errorf("her old password: %q", to)
	}
	text := c.Get("/back-office/assistants-maternels/100001").Text()
	if !strings.Contains(text, "Le compte est passé en identifiant seul") || !strings.Contains(text, "État du compte : Identifiant seul") {
		t.Errorf("her page after: %s", text)
	}
	// htmx: the same action answers a redirect htmx follows.
	res = c.Submit("/back-office/assistants-maternels/100002/identifiant-seul", nil, apptest.HTMX)
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/back-office/assistants-maternels/100002" {
		t.Errorf("htmx: %d %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
	if got := auditRows(t, env, "identifiant-seul"); len(got) != 2 || got[0] != "assmat:100001" || got[1] != "assmat:100002" {
		t.Errorf("audit: %v", got)
	}
}

// Unlocking a throttled account lets her sign in at once.
func TestUnlock(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	d := env.Client()
	for range 6 {
		tryLogin(env, d, "100001", "Mauvais-mdp1")
	}
	if to := tryLogin(env, env.Client(), "100001", "Demo-assmat1"); to != "" {
		t.Fatalf("the lock did not hold: %q", to)
	}
	href, _ := c.Get("/back-office/assistants-maternels/100001").Doc.Find(`a:contains("Débloquer le compte")`).Attr("href")
	if href != "/back-office/assistants-maternels/100001/deblocage" {
		t.Fatalf("the unlock link: %q", href)
	}
	if !strings.Contains(c.Get(href).Text(), "Débloquer le compte de Madame Gertrude ASSMAT (100001) ?") {
		t.Error("the confirmation")
	}
	res := c.Submit(href, nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/back-office/assistants-maternels/100001" {
		t.Fatalf("unlock: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	// Her own keys are cleared; the client address's count is not hers.
	env.QueryRow(`DELETE FROM login_throttle WHERE key LIKE 'ip:%' RETURNING 1`, nil, new(int))
	if to := tryLogin(env, env.Client(), "100001", "Demo-assmat1"); to != "/" {
		t.Errorf("sign-in after the unlock: %q", to)
	}
	text := c.Get("/back-office/assistants-maternels/100001").Text()
	if !strings.Contains(text, "Le compte est débloqué") || strings.Contains(text, "Connexion bloquée") {
		t.Errorf("her page after: %s", text)
	}
	var details string
	env.QueryRow(`SELECT details::text FROM audit_log WHERE action = 'compte-debloque'`, nil, &details)
	if !strings.Contains(details, `"bloque": true`) {
		t.Errorf("the audit line's details: %s", details)
	}
}

// Unknown identifiers: each action is a 404 and writes nothing.
func TestActionsOnAnUnknownIdentifier(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	for _, action := range []string{"acces", "identifiant-seul", "deblocage"} {
		path := "/back-office/assistants-maternels/999999/" + action
		if res := c.Get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d", path, res.StatusCode)
		}
		if res := c.Submit(path, nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("POST %s: %d", path, res.StatusCode)
		}
	}
	var n int
	env.QueryRow(`SELECT count(*) FROM audit_log WHERE action <> 'connexion'`, nil, &n)
	if n != 0 {
		t.Errorf("%d audit lines for unknown identifiers", n)
	}
}
