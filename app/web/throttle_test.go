package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// After a run of wrong passwords for one identifier, further attempts, even
// with the right password, are refused for a while with a French explanation,
// while another childminder can still sign in.
func TestRepeatedFailuresLockAnIdentifierForAWhile(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Get("/connexion")
	attempt := func(password string, hdr ...apptest.Header) *apptest.Response {
		return c.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", password), hdr...)
	}
	for i := 1; i <= 4; i++ {
		if res := attempt("Mauvais-1"); res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("failure %d: %d", i, res.StatusCode)
		}
	}
	res := attempt("Mauvais-1")
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(res.Text(), "Trop de tentatives infructueuses") {
		t.Fatalf("5th failure: %d %q", res.StatusCode, res.Text())
	}
	for _, htmx := range []bool{false, true} {
		res = attempt("Demo-assmat1", apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(res.Text(), "vous pourrez réessayer") {
			t.Errorf("right password while locked (htmx=%v): %d %q", htmx, res.StatusCode, res.Text())
		}
		if c.Cookie("extranet_session") != "" {
			t.Fatal("signed in while locked")
		}
	}
	other := env.Client()
	other.Login("100002", "Temp-2025a")

	env.Clock.Advance(61 * time.Second)
	// One more failure after the wait doubles it.
	if res := attempt("Mauvais-1"); res.StatusCode != http.StatusTooManyRequests || !strings.Contains(res.Text(), "dans 2 minutes") {
		t.Errorf("6th failure: %d %q", res.StatusCode, res.Text())
	}
	env.Clock.Advance(121 * time.Second)
	if res := attempt("Demo-assmat1"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("right password after the wait: %d", res.StatusCode)
	}
	// The success reset the count: a new failure is free again.
	c2 := env.Client()
	c2.Get("/connexion")
	if res := c2.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Mauvais-1")); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("failure after a success: %d", res.StatusCode)
	}
}

// The link form's limits: an account's counter refuses silently (the answer
// is the one of a sent link: it tells nothing of the account), the client
// address's says so.
func TestLinkRequestsAreThrottled(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	for i := 1; i <= 4; i++ {
		if res := requestLink(t, c, "100003", "Sansmotdepasse", "Marcel", "15/03/1985", "marcel@example.fr"); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("request %d: %d", i, res.StatusCode)
		}
	}
	env.ExactlyEmails(3) // the 4th request is over the account's limit
	// The address's own limit (20 requests) is shown.
	for i := 5; i <= 20; i++ {
		requestLink(t, c, fmt.Sprintf("9000%02d", i), "Nom", "Prénom", "01/01/1980", "x@example.fr")
	}
	for _, htmx := range []bool{false, true} {
		res := requestLink(t, c, "100001", "Assmat", "Gertrude", "02/02/1990", "gertrude.assmat@example.fr", apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(res.Text(), "Trop de tentatives") {
			t.Errorf("21st request from one address (htmx=%v): %d %q", htmx, res.StatusCode, res.Text())
		}
	}
}

// A link whose identity matches an account that has an address goes to that
// stored address, never to a look-alike typed in the form.
func TestPasswordLinkGoesToTheStoredAddress(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	if res := requestLink(t, c, "100001", "Assmat", "Gertrude", "02/02/1990", "GERTRUDE.Assmat@example.fr"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("request: %d", res.StatusCode)
	}
	if m := env.WaitEmails(1)[0]; m.To != "gertrude.assmat@example.fr" {
		t.Errorf("link sent to %q, want the stored address", m.To)
	}
	// A look-alike address (long s) matches no account: no second email.
	requestLink(t, c, "100001", "Assmat", "Gertrude", "02/02/1990", "gertrude.aſſmat@example.fr")
	env.ExactlyEmails(1)
}

// Asking Mon compte to change the address emails an address the visitor
// chose: it is counted per account.
func TestEmailChangeRequestsAreThrottled(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	c.Get("/mon-compte")
	for i := 1; i <= 3; i++ {
		if res := c.Submit("/mon-compte/adresse-email", apptest.Values("nouvel_email", fmt.Sprintf("n%d@example.org", i))); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("request %d: %d", i, res.StatusCode)
		}
		c.Get("/mon-compte")
	}
	for _, htmx := range []bool{false, true} {
		res := c.Submit("/mon-compte/adresse-email", apptest.Values("nouvel_email", "n4@example.org"), apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(res.Text(), "Trop de tentatives") {
			t.Errorf("4th request (htmx=%v): %d %q", htmx, res.StatusCode, res.Text())
		}
		if inv, _ := res.Doc.Find("#email-nouveau").Attr("aria-invalid"); inv != "true" {
			t.Errorf("htmx=%v: the refusal is not tied to the field", htmx)
		}
	}
	env.ExactlyEmails(3)
}

// 25 wrong passwords sent at once for one identifier are checked exactly as
// 25 sequential ones: 5 checked, 20 refused unchecked.
func TestParallelWrongPasswordsAreCountedAsSequentialOnes(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	const n = 25
	clients := make([]*apptest.Client, n)
	for i := range clients {
		clients[i] = env.Client()
		clients[i].Get("/connexion")
	}
	results := make(chan *apptest.Response, n)
	var wg sync.WaitGroup
	for _, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- c.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Mauvais-1"))
		}()
	}
	wg.Wait()
	close(results)
	checked, refused := 0, 0
	for res := range results {
		switch {
		case strings.Contains(res.Text(), "Identifiant ou mot de passe incorrect"):
			checked++
		case res.StatusCode == http.StatusTooManyRequests && strings.Contains(res.Text(), "Trop de tentatives"):
			refused++
		default:
			t.Errorf("unexpected answer %d %q", res.StatusCode, res.Text())
		}
	}
	if checked != 5 || refused != n-5 {
		t.Errorf("%d checked and %d refused, want 5 and %d", checked, refused, n-5)
	}
	if got := throttleFailures(t, env, "id:100001"); got != 5 {
		t.Errorf("identifier counter %d, want 5", got)
	}
}

// throttleFailures is the consecutive-failure count of a throttle key (0 when absent).
func throttleFailures(t *testing.T, env *apptest.Env, key string) int {
	t.Helper()
	var n int
	err := env.Pool.QueryRow(context.Background(), `SELECT COALESCE((SELECT failures FROM login_throttle WHERE key = $1), 0)`, key).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// A successful login resets the identifier's count, not the client address's:
// an attacker cannot clear his address's failures with an account of his own.
func TestASuccessResetsOnlyTheIdentifierCount(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Get("/connexion")
	for _, id := range []string{"100001", "999998", "999999"} {
		if res := c.Submit("/connexion", apptest.Values("identifiant", id, "mot_de_passe", "Mauvais-1")); res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("failure for %s: %d", id, res.StatusCode)
		}
	}
	c.Login("100001", "Demo-assmat1")
	if got := throttleFailures(t, env, "id:100001"); got != 0 {
		t.Errorf("identifier counter %d after a success, want 0", got)
	}
	var ip int
	if err := env.Pool.QueryRow(context.Background(), `SELECT failures FROM login_throttle WHERE key LIKE 'ip:%'`).Scan(&ip); err != nil {
		t.Fatal(err)
	}
	if ip != 3 {
		t.Errorf("client counter %d after a success, want the 3 failures kept", ip)
	}
}

// The current password asked by Mon compte and by the temporary-password
// change is counted per account: a stolen session cannot guess the password
// without limit, nor lock the owner out of her login.
func TestCurrentPasswordChecksAreThrottled(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	env.NewAssmat("200001", "Provisoire-1", true)
	cases := []struct {
		login, password, page, path, field string
		form                               func(current string) url.Values
	}{
		{"100001", "Demo-assmat1", "/mon-compte", "/mon-compte/mot-de-passe", "mot_de_passe_actuel", func(cur string) url.Values {
			return apptest.Values("mot_de_passe_actuel", cur, "nouveau_mot_de_passe", "Nouveau-2025", "confirmation", "Nouveau-2025")
		}},
		{"200001", "Provisoire-1", "/changement-mot-de-passe", "/changement-mot-de-passe", "mot_de_passe_actuel", func(cur string) url.Values {
			return apptest.Values("mot_de_passe_actuel", cur, "mot_de_passe", "Nouveau-2025", "verification", "Nouveau-2025")
		}},
	}
	for _, tc := range cases {
		c := env.Client()
		c.Login(tc.login, tc.password)
		c.Get(tc.page)
		for i := 1; i <= 5; i++ {
			res := c.Submit(tc.path, tc.form("Mauvais-1"), apptest.HTMXIf(i%2 == 0)...)
			want := http.StatusUnprocessableEntity
			if i == 5 {
				want = http.StatusTooManyRequests
			}
			if res.StatusCode != want || !strings.Contains(res.Text(), "mot de passe actuel est incorrect") {
				t.Fatalf("%s failure %d: %d %q", tc.path, i, res.StatusCode, res.Text())
			}
		}
		for _, htmx := range []bool{false, true} {
			res := c.Submit(tc.path, tc.form(tc.password), apptest.HTMXIf(htmx)...)
			if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(res.Text(), "Trop de tentatives") {
				t.Errorf("%s right password while locked (htmx=%v): %d %q", tc.path, htmx, res.StatusCode, res.Text())
			}
		}
		// The count is the account's, apart from the login's: a stolen
		// session's guesses do not lock the owner out of her login.
		if got := throttleFailures(t, env, "cur:"+tc.login); got != 5 {
			t.Errorf("%s: counter %d, want 5", tc.login, got)
		}
		env.Client().Login(tc.login, tc.password)
	}
}

// A stranger who fails on purpose can lock an identifier, but not keep its
// owner out: the emailed link (proof of her mailbox) lifts every lock of the
// account, and the locked login page says so. Strangers' guesses on the link
// form do not use up the owner's link requests either.
func TestOwnerLiftsALockThroughTheEmailedLink(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	attacker := env.Client()
	attacker.Get("/connexion")
	var res *apptest.Response
	for i := 0; i < 5; i++ {
		res = attacker.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Mauvais-1"))
	}
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("not locked after 5 failures: %d", res.StatusCode)
	}
	for i := 0; i < 12; i++ {
		requestLink(t, attacker, "100001", "Assmat", "Gertrude", "01/01/1980", "pirate@example.org")
	}
	owner := env.Client()
	owner.Get("/connexion")
	locked := owner.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Demo-assmat1"))
	if locked.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("owner while locked: %d", locked.StatusCode)
	}
	hint := locked.Doc.Find("#connexion-deblocage")
	if href, _ := hint.Find("a").Attr("href"); href != "/premiere-connexion" || !strings.Contains(hint.Text(), "lever ce blocage") {
		t.Errorf("the locked page does not tell how to lift the lock: %q %q", href, hint.Text())
	}
	if res := requestLink(t, owner, "100001", "ASSMAT", "Gertrude", "02/02/1990", "gertrude.assmat@example.fr"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("owner's link request after strangers' guesses: %d %q", res.StatusCode, res.Text())
	}
	mails := env.WaitEmails(1)
	if len(mails) != 1 || mails[0].To != "gertrude.assmat@example.fr" {
		t.Fatalf("emails %+v", mails)
	}
	link := mails[0].Link("/mot-de-passe/")
	owner.Get(link)
	if res := owner.Submit(link, apptest.Values("mot_de_passe", "Nouveau-2025", "verification", "Nouveau-2025")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("set password: %d %q", res.StatusCode, res.Text())
	}
	owner.Login("100001", "Nouveau-2025")
	for _, key := range []string{"id:100001", "link-id:100001", "link-mail:100001"} {
		if got := throttleFailures(t, env, key); got != 0 {
			t.Errorf("%s still counts %d failures", key, got)
		}
	}
}

// Behind a trusted proxy the client address is the first untrusted one from
// the right of X-Forwarded-For: what a client writes on the left of the header
// neither gives it fresh counters nor, however long, breaks the page.
func TestForwardedForCannotDodgeTheClientCounter(t *testing.T) {
	t.Parallel()
	env := apptest.NewOn(t, pgtest.URL(t), nil, func(c *config.Config) { c.TrustedProxies = []string{"0.0.0.0"} })
	c := env.Client()
	c.Get("/connexion")
	for i := 0; i < 6; i++ {
		res := c.Submit("/connexion", apptest.Values("identifiant", fmt.Sprintf("99990%d", i), "mot_de_passe", "Mauvais-1"),
			apptest.Header{Name: "X-Forwarded-For", Value: fmt.Sprintf("evil-%d, 192.0.2.%d, 203.0.113.9", i, i)})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("attempt %d: %d", i, res.StatusCode)
		}
	}
	huge := c.Submit("/connexion", apptest.Values("identifiant", "999999", "mot_de_passe", "Mauvais-1"),
		apptest.Header{Name: "X-Forwarded-For", Value: strings.Repeat("x", 3000) + ", 203.0.113.9"})
	if huge.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a 3000-byte X-Forwarded-For: %d", huge.StatusCode)
	}
	rows, err := env.Pool.Query(context.Background(), `SELECT key, failures FROM login_throttle WHERE key LIKE 'ip:%'`)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			t.Fatal(err)
		}
		got[k] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("reading login_throttle: %v", err)
	}
	if len(got) != 1 || got["ip:203.0.113.9"] != 7 {
		t.Errorf("client counters %v, want ip:203.0.113.9 counting the 7 failures", got)
	}
}

// A browser where the owner signed in is a trusted device: a stranger who
// locks her identifier by failing on purpose does not lock her out of it, and
// keeps failing to no avail; her own failures there still count.
func TestAStrangerCannotLockTheOwnersTrustedDevice(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	device, attacker := trustedThenLocked(t, env, "extranet_appareil")
	if res := attacker.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Demo-assmat1")); res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("the identifier is not locked for the stranger: %d", res.StatusCode)
	}
	tryFrom := func(cookie, password string) int {
		c := env.Client()
		if cookie != "" {
			c.SetCookie("extranet_appareil", cookie)
		}
		c.Get("/connexion")
		return c.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", password)).StatusCode
	}
	if got := tryFrom(device, "Demo-assmat1"); got != http.StatusSeeOther {
		t.Errorf("the owner's trusted browser while a stranger locks her identifier: %d", got)
	}
	// Another login's cookie, an altered one, or none: the identifier's lock.
	other := env.Client()
	env.NewAssmat("200009", "Autre-mdp1", false)
	other.Login("200009", "Autre-mdp1")
	for name, cookie := range map[string]string{
		"another login's cookie": other.Cookie("extranet_appareil"),
		"an altered cookie":      device[:len(device)-2] + "xx",
		"no cookie":              "",
	} {
		if got := tryFrom(cookie, "Demo-assmat1"); got != http.StatusTooManyRequests {
			t.Errorf("%s: %d, want the identifier's lock", name, got)
		}
	}
	// The owner's own failures on her device count on its counter.
	for i := 1; i <= 5; i++ {
		tryFrom(device, "Mauvais-1")
	}
	if got := tryFrom(device, "Demo-assmat1"); got != http.StatusTooManyRequests {
		t.Errorf("after 5 failures from the trusted browser: %d, want its own lock", got)
	}
}

// A trusted-device cookie is good for one password: after a change, the
// cookies made before count on the identifier again (someone who once knew the
// password gets no counter of his own). The emailed link gives the browser
// where it was used a fresh counter.
func TestTrustedDevicesDieWithThePassword(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	old := env.Client()
	old.Login("100001", "Demo-assmat1")
	staleCookie := old.Cookie("extranet_appareil")
	owner := env.Client()
	owner.Login("100001", "Demo-assmat1")
	owner.Get("/mon-compte")
	if res := owner.Submit("/mon-compte/mot-de-passe", apptest.Values("mot_de_passe_actuel", "Demo-assmat1",
		"nouveau_mot_de_passe", "Nouveau-2025", "confirmation", "Nouveau-2025")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("password change: %d", res.StatusCode)
	}
	dev := env.Client()
	dev.Login("100001", "Nouveau-2025")
	stale := env.Client()
	stale.SetCookie("extranet_appareil", staleCookie)
	stale.Get("/connexion")
	for i := 0; i < 5; i++ {
		stale.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Mauvais-1"))
	}
	if got := throttleFailures(t, env, "id:100001"); got != 5 {
		t.Errorf("failures through a cookie made before the change: identifier counted %d, want 5", got)
	}
	// Her device, trusted for the new password, is locked by her own
	// failures; the emailed link, used there, gives it a fresh counter.
	dev.Get("/connexion")
	for i := 0; i < 6; i++ {
		dev.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Mauvais-1"))
	}
	var id int64
	if err := env.Pool.QueryRow(context.Background(), `SELECT id FROM assmats WHERE login = '100001'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	before := dev.Cookie("extranet_appareil")
	token := issue(t, env, id, credentials.PurposeSetPassword)
	dev.Get("/mot-de-passe/" + token)
	if res := dev.Submit("/mot-de-passe/"+token, apptest.Values("mot_de_passe", "Encore-2025", "verification", "Encore-2025")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("link: %d %q", res.StatusCode, res.Text())
	}
	if after := dev.Cookie("extranet_appareil"); after == "" || after == before {
		t.Errorf("the emailed link did not give the browser a fresh device cookie")
	}
	dev.Login("100001", "Encore-2025")
}

// A trusted device does not count on the client address: others failing
// from the same address (a MAM, a carrier's shared address) do not lock the
// owner's browser out.
func TestATrustedDeviceIgnoresTheAddressLock(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	owner := env.Client()
	owner.Login("100001", "Demo-assmat1")
	neighbour := env.Client()
	neighbour.Get("/connexion")
	for i := 0; i < 31; i++ {
		neighbour.Submit("/connexion", apptest.Values("identifiant", fmt.Sprintf("9%05d", i), "mot_de_passe", "Mauvais-1"))
	}
	if res := neighbour.Submit("/connexion", apptest.Values("identifiant", "100002", "mot_de_passe", "Temp-2025a")); res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("the address is not locked: %d", res.StatusCode)
	}
	again := env.Client()
	again.SetCookie("extranet_appareil", owner.Cookie("extranet_appareil"))
	again.Login("100001", "Demo-assmat1")
}

// Over HTTPS the trusted-device cookie is __Host-extranet_appareil. One made
// before that name, under the plain one, still keeps its owner's account
// usable while a stranger locks her identifier; her sign-in replaces it with
// the __Host- one and expires the plain one.
func TestATrustedDeviceCookieOfThePlainNameStillCountsOverHTTPS(t *testing.T) {
	t.Parallel()
	base := apptest.New(t)
	env := apptest.NewOn(t, base.URL, nil, func(c *config.Config) { c.BaseURL = "https://extranet.example.fr" })
	device, _ := trustedThenLocked(t, env, "__Host-extranet_appareil")
	tryFrom := func(name string) *apptest.Response {
		c := env.Client()
		c.SetCookie(name, device)
		c.Get("/connexion")
		return c.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Demo-assmat1"))
	}
	if res := tryFrom("no_such_cookie"); res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("the identifier is not locked: %d", res.StatusCode)
	}
	res := tryFrom("extranet_appareil")
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the owner's device cookie of the plain name: %d, want her sign-in", res.StatusCode)
	}
	var renewed, expired bool
	for _, ck := range res.Cookies() {
		switch {
		case ck.Name == "__Host-extranet_appareil" && ck.Value != "" && ck.Secure:
			renewed = true
		case ck.Name == "extranet_appareil" && ck.Value == "":
			expired = true
		}
	}
	if !renewed || !expired {
		t.Errorf("renewed under __Host- %v, plain one expired %v: %v", renewed, expired, res.Header.Values("Set-Cookie"))
	}
}

// trustedThenLocked signs the owner of 100001 in (her browser gets the
// trusted-device cookie of that name, whose value it returns), then has a
// stranger fail 5 times on her identifier from another browser, returned.
func trustedThenLocked(t *testing.T, env *apptest.Env, cookie string) (string, *apptest.Client) {
	t.Helper()
	owner := env.Client()
	owner.Login("100001", "Demo-assmat1")
	device := owner.Cookie(cookie)
	if device == "" {
		t.Fatalf("no %s cookie after a login", cookie)
	}
	attacker := env.Client()
	attacker.Get("/connexion")
	for i := 0; i < 5; i++ {
		attacker.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Mauvais-1"))
	}
	return device, attacker
}
