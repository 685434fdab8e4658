package resilience

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/auth"
	"github.com/departement06/extranet-assmat/app/mailtest"
	"github.com/departement06/extranet-assmat/app/messages"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
	"github.com/departement06/extranet-assmat/app/throttle"
)

// Issue 12 §4: two app instances on one database behind a round-robin. Each
// test starts two real instances (their own pools, their own mail queues
// sending over SMTP) on one fresh database, each on its own loopback port,
// and a browser that goes to one then the other.

// twoInstances starts instances A (0) and B (1) on a fresh database, each
// sending its emails through its own door of one SMTP sink.
func twoInstances(t *testing.T) (a, b *instance, doors [2]*mailtest.Server, sink *mailtest.Sink) {
	t.Helper()
	dbURL := pgtest.URL(t)
	sink = &mailtest.Sink{}
	doors = [2]*mailtest.Server{sink.Open(t, 0), sink.Open(t, 1)}
	a = startInstance(t, dbURL, doors[0].URL(), nil)
	b = startInstance(t, dbURL, doors[1].URL(), nil)
	return a, b, doors, sink
}

// A session opened on one instance works on the other, and so do CSRF
// tokens: a form read from one posts to the other, a forged token is refused
// by both, and a logout on one ends the session on both.
func TestTwoInstancesShareSessionsAndCSRF(t *testing.T) {
	a, b, _, _ := twoInstances(t)
	her := newChildminder(t, a.Pool, "300001", "Resilience-2026")
	br := newBrowser(t, a.Base, b.Base)
	creds := url.Values{"identifiant": {her.Login}, "mot_de_passe": {her.Password}}
	signedIn := func(i int) bool {
		t.Helper()
		res := br.getVia(i, "/")
		return res.Status == http.StatusOK && strings.Contains(res.Text(), her.Prenom)
	}

	// Anonymous: a forged token is refused by both, and signs nobody in.
	br.getVia(0, "/connexion")
	for i := range 2 {
		forged := url.Values{"identifiant": {her.Login}, "mot_de_passe": {her.Password}, "_csrf": {forge(br.csrf)}}
		if res := br.postVia(i, "/connexion", forged); res.Status != http.StatusForbidden {
			t.Errorf("instance %d: sign-in with a forged token: %d, want 403", i, res.Status)
		}
	}
	if signedIn(0) || signedIn(1) {
		t.Fatal("signed in by a forged token")
	}

	// Signed in through A: B shows her dashboard, and so does A.
	br.login(0, her)
	if !signedIn(1) {
		t.Fatal("the session opened on A does not open B's dashboard with her name")
	}
	if !signedIn(0) {
		t.Fatal("the session opened on A no longer works on A")
	}
	// Every request to the next instance: each page answers, from both.
	var via [2]int
	for _, path := range []string{"/", "/messages", "/enfants-accueillis", "/mon-compte", "/mon-agrement", "/documents-utiles"} {
		res := br.get(path)
		via[res.Via]++
		if res.Status != http.StatusOK {
			t.Errorf("%s through instance %d: %d", path, res.Via, res.Status)
		}
	}
	if via[0] != 3 || via[1] != 3 {
		t.Errorf("the round-robin went %v times to A and B, want 3 each", via)
	}

	// Signed in: a forged token is refused by both and ends nothing; A's
	// token logs her out through B, and the session is over on A too.
	br.getVia(0, "/mon-compte")
	tokenFromA := br.csrf
	for i := range 2 {
		if res := br.postVia(i, "/deconnexion", url.Values{"_csrf": {forge(tokenFromA)}}); res.Status != http.StatusForbidden {
			t.Errorf("instance %d: logout with a forged token: %d, want 403", i, res.Status)
		}
	}
	if !signedIn(1) {
		t.Fatal("a refused forged logout ended the session")
	}
	br.csrf = tokenFromA
	if res := br.submitVia(1, "/deconnexion", url.Values{}); res.Status != http.StatusSeeOther {
		t.Fatalf("logout through B with A's token: %d, want 303", res.Status)
	}
	if signedIn(0) || signedIn(1) {
		t.Fatal("the session ended through B still works")
	}

	// Anonymous again: the login form read from A signs her in through B.
	br.getVia(0, "/connexion")
	if res := br.submitVia(1, "/connexion", creds); res.Status != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		t.Fatalf("sign-in through B with A's form: %d %q", res.Status, res.Header.Get("Location"))
	}
	if !signedIn(0) {
		t.Fatal("the session opened on B does not open A's dashboard")
	}
}

// forge is a token of the right shape that the server did not sign.
func forge(token string) string {
	if token == "" {
		return strings.Repeat("A", 43)
	}
	last := "A"
	if strings.HasSuffix(token, "A") {
		last = "B"
	}
	return token[:len(token)-1] + last
}

// Wrong passwords alternated between A and B lock the account at exactly
// one instance's threshold, with the French explanation, on both; sent in
// parallel to both, exactly as many are checked as sequentially.
func TestTwoInstancesShareTheLoginThrottle(t *testing.T) {
	a, b, _, _ := twoInstances(t)
	free := throttle.Identifier.Free
	her := newChildminder(t, a.Pool, "300002", "Resilience-2026")
	br := newBrowser(t, a.Base, b.Base)
	br.get("/connexion")
	wrong := func(login string) url.Values {
		return url.Values{"identifiant": {login}, "mot_de_passe": {"Mauvais-2026"}}
	}
	checked := 0
	var via [2]int
	for i := 1; i <= free; i++ {
		res := br.submit("/connexion", wrong(her.Login))
		via[res.Via]++
		if strings.Contains(res.Text(), auth.MsgBadCredentials) {
			checked++
		}
		want, lock := http.StatusUnprocessableEntity, false
		if i == free {
			want, lock = http.StatusTooManyRequests, true
		}
		if res.Status != want || !strings.Contains(res.Text(), auth.MsgBadCredentials) ||
			strings.Contains(res.Text(), "Trop de tentatives infructueuses") != lock {
			t.Fatalf("failure %d of %d, through instance %d: %d %q", i, free, res.Via, res.Status, res.Text())
		}
	}
	if via[0] == 0 || via[1] == 0 {
		t.Fatalf("the failures went %v times to A and B: not alternated", via)
	}
	// Locked on both: even the right password is not checked, and signs her in nowhere.
	for i := range 2 {
		res := br.submitVia(i, "/connexion", url.Values{"identifiant": {her.Login}, "mot_de_passe": {her.Password}})
		if res.Status != http.StatusTooManyRequests || !strings.Contains(res.Text(), "vous pourrez réessayer") {
			t.Errorf("instance %d: the right password while locked: %d %q", i, res.Status, res.Text())
		}
		if res := br.getVia(i, "/"); res.Status == http.StatusOK {
			t.Errorf("instance %d: signed in while locked", i)
		}
	}
	if got := failures(t, a.Pool, throttle.IdentifierKey(her.Login).Name); got != free {
		t.Errorf("identifier counter %d after the alternated failures, want %d", got, free)
	}

	// The same failures at once, half to each instance, for another account.
	other := newChildminder(t, a.Pool, "300003", "Resilience-2026")
	const n = 24
	browsers := make([]*browser, n)
	for i := range browsers {
		browsers[i] = newBrowser(t, a.Base, b.Base)
		browsers[i].getVia(i%2, "/connexion")
	}
	type outcome struct {
		p   *page
		err error
	}
	results := make([]outcome, n)
	var wg sync.WaitGroup
	for i, br := range browsers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			form := wrong(other.Login)
			form.Set("_csrf", br.csrf)
			req, err := http.NewRequest(http.MethodPost, br.bases[(i+1)%2]+"/connexion", strings.NewReader(form.Encode()))
			if err != nil {
				results[i].err = err
				return
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			results[i].p, results[i].err = br.try((i+1)%2, req)
		}()
	}
	wg.Wait()
	parallel, refused := 0, 0
	for i, r := range results {
		switch {
		case r.err != nil:
			t.Errorf("attempt %d: %v", i, r.err)
		case strings.Contains(r.p.Text(), auth.MsgBadCredentials):
			parallel++
		case r.p.Status == http.StatusTooManyRequests && strings.Contains(r.p.Text(), "Trop de tentatives infructueuses"):
			refused++
		default:
			t.Errorf("attempt %d through instance %d: unexpected answer %d %q", i, r.p.Via, r.p.Status, r.p.Text())
		}
	}
	t.Logf("sequential, alternated: %d checked before the lock; parallel on both: %d checked, %d refused unchecked", checked, parallel, refused)
	if parallel != checked || refused != n-checked {
		t.Errorf("in parallel on both instances %d checked and %d refused, want %d and %d as sequentially", parallel, refused, checked, n-checked)
	}
	if got := failures(t, a.Pool, throttle.IdentifierKey(other.Login).Name); got != free {
		t.Errorf("identifier counter %d after the parallel failures, want %d", got, free)
	}
}

// failures is a throttle key's count of consecutive failures (0 when absent).
func failures(t *testing.T, pool *pgxpool.Pool, key string) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), `SELECT COALESCE((SELECT failures FROM login_throttle WHERE key = $1), 0)`, key).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// The password links asked through the round-robin and personal messages
// written on both instances at once, with both mail queues polling the same
// jobs: every email reaches the SMTP server exactly once.
func TestTwoInstancesSendEachEmailOnce(t *testing.T) {
	a, b, doors, sink := twoInstances(t)
	// A's server is slow: A has at most 5 emails in flight (its queue's
	// workers) and needs seconds for them all, so B's queue certainly polls
	// while A's jobs run, and both send: the case where a job could be taken twice.
	doors[0].Slow(200 * time.Millisecond)
	const accounts, perAccount = 10, 3
	var people []childminder
	for i := range accounts {
		people = append(people, newChildminder(t, a.Pool, fmt.Sprintf("3101%02d", i), ""))
	}
	started := time.Now()
	want := map[string]bool{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make(chan error, accounts*perAccount)
	ctx := context.Background()
	draft := messages.Draft{Sender: "Service de PMI", Subject: "Relevé de présence", Body: "Merci de le compléter.", At: time.Now()}
	for i := range accounts * perAccount {
		in := []*instance{a, b}[i%2]
		to := people[i%accounts]
		wg.Add(1)
		go func() {
			defer wg.Done()
			var id int64
			err := pgx.BeginFunc(ctx, in.Pool, func(tx pgx.Tx) error {
				var err error
				id, err = messages.CreatePersonal(ctx, tx, messages.Notify{Mail: in.Queue, BaseURL: in.Config.BaseURL}, to.ID, draft)
				return err
			})
			if err != nil {
				errs <- err
				return
			}
			mu.Lock()
			want[fmt.Sprintf("%v|%s|%s", []string{to.Email}, messages.NotificationSubject, in.Config.BaseURL+"/messages/"+strconv.FormatInt(id, 10))] = true
			mu.Unlock()
		}()
	}
	// Meanwhile each childminder asks for her link, through the next instance.
	br := newBrowser(t, a.Base, b.Base)
	for _, p := range people {
		br.get("/premiere-connexion")
		res := br.submit("/premiere-connexion", url.Values{"identifiant": {p.Login}, "nom": {p.Nom}, "prenom": {p.Prenom},
			"date_naissance": {p.DateNaiss}, "email": {p.Email}})
		if res.Status != http.StatusSeeOther {
			t.Fatalf("link request of %s through instance %d: %d %q", p.Login, res.Via, res.Status, res.Text())
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("personal message: %v", err)
	}

	k := accounts*perAccount + accounts
	got, at := sink.WaitFor(k, 30*time.Second, duplicateWindow)
	seen := countKeys(t, got)
	var byDoor [2]int
	for _, d := range got {
		byDoor[d.Door]++
	}
	t.Logf("%d emails enqueued, %d delivered %v after the first was written (A sent %d, B sent %d), %d distinct", k, len(got), at.Sub(started).Round(time.Millisecond), byDoor[0], byDoor[1], len(seen))
	if len(got) != k || len(seen) != k {
		t.Errorf("%d deliveries of %d distinct emails, want %d emails each once", len(got), len(seen), k)
	}
	for key, n := range seen {
		if n != 1 {
			t.Errorf("sent %d times: %s", n, key)
		}
	}
	if byDoor[0] == 0 || byDoor[1] == 0 {
		t.Errorf("A sent %d emails and B %d: both queues must have worked", byDoor[0], byDoor[1])
	}
	if len(want) != accounts*perAccount {
		t.Fatalf("%d personal messages written, want %d", len(want), accounts*perAccount)
	}
	for key := range want {
		if seen[key] != 1 {
			t.Errorf("personal message's email delivered %d times: %s", seen[key], key)
		}
	}
	links := map[string]int{}
	for _, d := range got {
		if subject, text := mailtest.Decode(t, d.Data); strings.HasPrefix(subject, "Définir votre mot de passe") && strings.Contains(text, "/mot-de-passe/") {
			links[strings.Join(d.To, ",")]++
		}
	}
	for _, p := range people {
		if links[p.Email] != 1 {
			t.Errorf("%s received %d password links, want 1", p.Email, links[p.Email])
		}
	}
	var jobs, completed int
	if err := a.Pool.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE state = 'completed') FROM river_job`).Scan(&jobs, &completed); err != nil {
		t.Fatal(err)
	}
	if jobs != k || completed != k {
		t.Errorf("%d email jobs, %d completed; want %d and %d", jobs, completed, k, k)
	}
}
