package resilience

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

const (
	// restartWorkers send requests without pause, one signed-in
	// childminder each: enough to keep every pooled connection busy.
	restartWorkers = 16
	// restartDown is how long PostgreSQL stays stopped.
	restartDown = 2 * time.Second
	// restartRecovery is the bound: the app answers again within
	// 5 s of PostgreSQL accepting connections, without being restarted.
	restartRecovery = 5 * time.Second
	// restartChildName marks the children this test declares.
	restartChildName = "REPRISE"
)

// PostgreSQL stopped (fast shutdown) for 2 s and started again on the same
// port while 16 signed-in childminders load the app (dashboard, children
// list, declaring a child, plain and htmx). Every answer is either the
// expected one or a clean 503 (Retry-After, the French page, no error text);
// the app answers again within 5 s of PostgreSQL's return, on the same pool;
// every declaration that was answered "saved" is in the database once, and
// the only other declarations there are ones whose request was in flight
// when the server stopped.
func TestPostgresRestartUnderLoad(t *testing.T) {
	ctx := context.Background()
	srv := newRestartCluster(t)
	dbURL := createDatabase(t, srv.URL, "extranet")
	app := serveApp(t, dbURL)
	loadBenchUsers(t, app.Pool, restartWorkers)
	users := signInBench(t, app.Base, restartWorkers)

	var before int
	if err := app.Pool.QueryRow(ctx, `SELECT count(*) FROM children`).Scan(&before); err != nil {
		t.Fatal(err)
	}
	l := newRestartLoad(app.Base, users)
	l.start()
	time.Sleep(1500 * time.Millisecond) // every worker through each kind of request

	connsBefore := app.Pool.Stat().NewConnsCount()
	tStop := time.Now()
	if err := srv.stop(); err != nil {
		l.halt()
		t.Fatal(err)
	}
	tDown := time.Now()
	time.Sleep(restartDown)
	tLaunch := time.Now()
	if err := srv.start(ctx); err != nil {
		l.halt()
		t.Fatal(err)
	}
	tReady := time.Now()
	// Load on until only successes came for 2 s, and at most until the
	// bound is well passed (then the recovery assertion below fails).
	for {
		time.Sleep(100 * time.Millisecond)
		quietSince := max(l.lastFailEnd.Load(), tReady.UnixNano())
		if time.Since(time.Unix(0, quietSince)) >= 2*time.Second || time.Since(tReady) >= restartRecovery+3*time.Second {
			break
		}
	}
	answers := l.halt()
	connsAfter := app.Pool.Stat().NewConnsCount()

	var (
		ok, clean, bad, cleanWhileDown int
		badExamples                    []string
		lastFail, firstOKAfter         time.Time
		accepted                       = map[string]bool{}
		failed                         = map[string]answer{}
	)
	for _, a := range answers {
		switch {
		case a.bad != "":
			bad++
			if len(badExamples) < 8 {
				badExamples = append(badExamples, fmt.Sprintf("%s at +%s: %s", a.kind, a.start.Sub(tStop).Round(time.Millisecond), a.bad))
			}
		case a.ok:
			ok++
			if a.token != "" {
				accepted[a.token] = true
			}
			if !a.start.Before(tReady) && (firstOKAfter.IsZero() || a.end.Before(firstOKAfter)) {
				firstOKAfter = a.end
			}
		default: // a clean 503
			clean++
			if !a.start.Before(tDown) && a.end.Before(tLaunch) {
				cleanWhileDown++
			}
			if a.end.Before(tStop) {
				bad++
				badExamples = append(badExamples, fmt.Sprintf("%s at %s: 503 before PostgreSQL was stopped", a.kind, a.start.Sub(tStop)))
			}
			if a.end.After(lastFail) {
				lastFail = a.end
			}
			if a.token != "" {
				failed[a.token] = a
			}
		}
	}
	stopTook, startTook := tDown.Sub(tStop), tReady.Sub(tLaunch)
	// The last 503 may end before PostgreSQL accepted connections: the app
	// then recovered at once (shown as a negative time, counted as 0).
	recovered := max(lastFail.Sub(tReady), 0)
	t.Logf("%d requests: %d answered as expected, %d clean 503 (%d while PostgreSQL was down), %d broke the rules",
		len(answers), ok, clean, cleanWhileDown, bad)
	t.Logf("PostgreSQL: fast shutdown %s, down %s, start %s; the app: first success %s after PostgreSQL accepted connections again, last 503 at %s (%s after the start was launched)",
		stopTook.Round(time.Millisecond), tLaunch.Sub(tDown).Round(time.Millisecond), startTook.Round(time.Millisecond),
		firstOKAfter.Sub(tReady).Round(time.Millisecond), lastFail.Sub(tReady).Round(time.Millisecond), lastFail.Sub(tLaunch).Round(time.Millisecond))
	t.Logf("the app's pool tried %d connections before the stop, %d after (most refused while the server was down); the app's log: %s",
		connsBefore, connsAfter-connsBefore, logSize(app.LogPath))

	if bad > 0 {
		t.Errorf("%d answers were neither the expected one nor a clean 503, e.g.:\n%s\napp log: %s", bad, strings.Join(badExamples, "\n"), appErrors(app.LogPath, 5))
	}
	if cleanWhileDown == 0 {
		t.Errorf("no request was answered 503 while PostgreSQL was down: the test proved nothing")
	}
	if connsAfter == connsBefore {
		t.Errorf("the app's pool tried no connection after the stop: the successes did not come from the restarted server")
	}
	if firstOKAfter.IsZero() {
		t.Fatalf("no request succeeded after PostgreSQL came back")
	}
	if recovered > restartRecovery || firstOKAfter.Sub(tReady) > restartRecovery {
		t.Errorf("the app answered 503 until %s after PostgreSQL accepted connections again (first success %s after), want within %s",
			recovered, firstOKAfter.Sub(tReady), restartRecovery)
	}

	// No committed write lost, none invented: the database holds every
	// declaration answered "saved", once; any other one must be a request
	// in flight when the server stopped, whose COMMIT may have been applied
	// with its answer lost to the shutdown (the app cannot know, hence 503).
	rows, err := app.Pool.Query(ctx, `SELECT prenom, count(*) FROM children WHERE nom = $1 GROUP BY prenom`, restartChildName)
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]int{}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			t.Fatal(err)
		}
		stored[name] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	var after int
	if err := app.Pool.QueryRow(ctx, `SELECT count(*) FROM children`).Scan(&after); err != nil {
		t.Fatal(err)
	}
	lost, ambiguous := 0, 0
	for tok := range accepted {
		if stored[tok] != 1 {
			lost++
			if lost <= 5 {
				t.Errorf("declaration %s was answered saved, and is stored %d times", tok, stored[tok])
			}
		}
	}
	for tok, n := range stored {
		if accepted[tok] {
			continue
		}
		a, wasFailed := failed[tok]
		switch {
		case !wasFailed:
			t.Errorf("declaration %s is stored %d times, but was never answered 503 nor saved", tok, n)
		case n != 1 || !a.start.Before(tDown):
			t.Errorf("declaration %s answered 503 is stored %d times, its request started %s after the server had stopped",
				tok, n, a.start.Sub(tDown))
		default:
			ambiguous++
		}
	}
	t.Logf("children: %d before, %d after; %d declarations answered saved, %d answered 503, of which %d stored (in flight at the shutdown), %d lost",
		before, after, len(accepted), len(failed), ambiguous, lost)
	if after-before != len(accepted)+ambiguous {
		t.Errorf("children: %d before, %d after, but %d declarations saved and %d in flight stored", before, after, len(accepted), ambiguous)
	}
	if len(accepted) == 0 {
		t.Errorf("no declaration was saved: the test proved nothing about writes")
	}
}

// answer is what one request of the restart load got.
type answer struct {
	kind       string
	start, end time.Time
	ok         bool   // the expected answer
	bad        string // why the answer breaks the rules; "" for ok or a clean 503
	token      string // the child's first name, for a declaration
}

// restartLoad is the workers of the restart test and what they got.
type restartLoad struct {
	base        string
	client      *fasthttp.HostClient
	users       []*benchUser
	stop        atomic.Bool
	wg          sync.WaitGroup
	answers     [][]answer
	lastFailEnd atomic.Int64 // unix nanoseconds of the latest 503's end
}

func newRestartLoad(base string, users []*benchUser) *restartLoad {
	u, err := url.Parse(base)
	if err != nil {
		panic(err)
	}
	return &restartLoad{base: base, users: users, answers: make([][]answer, len(users)),
		// One keep-alive connection per worker, no retries (a retried
		// request would hide an error), and a read timeout above the app's
		// 10 s request deadline: a request that hangs is an error too.
		client: &fasthttp.HostClient{Addr: u.Host, MaxConns: len(users), MaxIdemponentCallAttempts: 1,
			ReadTimeout: 15 * time.Second, WriteTimeout: 15 * time.Second}}
}

func (l *restartLoad) start() {
	for w := range l.users {
		l.wg.Add(1)
		go func() { defer l.wg.Done(); l.work(w) }()
	}
}

// halt stops the workers and returns every answer.
func (l *restartLoad) halt() []answer {
	l.stop.Store(true)
	l.wg.Wait()
	var all []answer
	for _, a := range l.answers {
		all = append(all, a...)
	}
	return all
}

// work sends, in turn, the dashboard, the children list and a declaration
// (every other one with htmx), as fast as the app answers.
func (l *restartLoad) work(w int) {
	u := l.users[w]
	req, res := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	defer fasthttp.ReleaseRequest(req)
	defer fasthttp.ReleaseResponse(res)
	for seq := 0; !l.stop.Load(); seq++ {
		req.Reset()
		res.Reset()
		req.Header.Set("Cookie", u.Cookie)
		a := answer{}
		htmx := false
		switch seq % 3 {
		case 0:
			a.kind = "dashboard"
			req.SetRequestURI(l.base + paths.Dashboard)
		case 1:
			a.kind = "children list"
			req.SetRequestURI(l.base + paths.Children)
		default:
			a.kind, htmx = "declaration", seq%2 == 0
			a.token = restartToken(w, seq)
			req.SetRequestURI(l.base + paths.Children + "/nouveau")
			req.Header.SetMethod(fasthttp.MethodPost)
			req.Header.SetContentType("application/x-www-form-urlencoded")
			req.SetBodyString(restartChildForm(u.CSRF, a.token))
			if htmx {
				a.kind += " (htmx)"
				req.Header.Set("HX-Request", "true")
			}
		}
		a.start = time.Now()
		err := l.client.Do(req, res)
		a.end = time.Now()
		switch {
		case err != nil:
			a.bad = "no answer: " + err.Error()
		case res.StatusCode() == fasthttp.StatusServiceUnavailable:
			a.bad = cleanUnavailable(res)
			if a.bad == "" {
				l.lastFailEnd.Store(a.end.UnixNano())
			}
		default:
			a.ok, a.bad = expected(a.kind, htmx, res)
		}
		l.answers[w] = append(l.answers[w], a)
	}
}

// expected checks a success: a page is 200; a declaration is saved and sends
// the browser back to the list (303, or 204 with HX-Redirect for htmx).
func expected(kind string, htmx bool, res *fasthttp.Response) (bool, string) {
	status := res.StatusCode()
	switch {
	case !strings.HasPrefix(kind, "declaration") && status == fasthttp.StatusOK:
		return true, ""
	case !htmx && status == fasthttp.StatusSeeOther && string(res.Header.Peek("Location")) == paths.Children:
		return true, ""
	case htmx && status == fasthttp.StatusNoContent && string(res.Header.Peek("HX-Redirect")) == paths.Children:
		return true, ""
	}
	return false, fmt.Sprintf("status %d: %.300s", status, res.Body())
}

// restartToken is a declaration's first name, unique to the worker and the
// request: letters only, as a first name.
func restartToken(w, seq int) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	n := w*1_000_000 + seq
	s := ""
	for ; n > 0 || s == ""; n /= 26 {
		s = string(letters[n%26]) + s
	}
	return "Z" + s
}

// restartChildForm is a complete new-child form: VALIDER saves it. Its care
// starts yesterday (never late, never in the future whatever the time zone).
func restartChildForm(csrf, firstName string) string {
	v := url.Values{}
	for _, kv := range [][2]string{
		{"nom", restartChildName}, {"prenom", firstName}, {"date-naissance", "12/03/2025"},
		{"g1-civilite", "Madame"}, {"g1-nom", "MARTIN"}, {"g1-prenom", "Claire"}, {"g1-email", "claire.martin@example.com"},
		{"g1-telephone", "06 12 34 56 78"}, {"adresse", "4 rue de la Paix"}, {"code-postal", "06000"}, {"commune", "Nice"},
		{"periode-0-type", "standard"}, {"periode-0-debut", time.Now().AddDate(0, 0, -1).Format("02/01/2006")},
		{components.ActionName, components.ActionValidate}, {"_csrf", csrf},
	} {
		v.Set(kv[0], kv[1])
	}
	return v.Encode()
}
