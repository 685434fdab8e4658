package loadtest

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/benchdata"
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/demo"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// The tool end to end against the app in this process, on tiny bench data,
// for two seconds: every ceiling and route is measured without an error,
// the counts are the pool's, and the tables are printed. It keeps the tool
// working as the app changes; the app's figures are not checked here.
func TestRunEndToEnd(t *testing.T) {
	env := apptest.New(t)
	ctx := context.Background()
	hash, err := credentials.HashPassword(ctx, benchdata.Password)
	if err != nil {
		t.Fatal(err)
	}
	tiny := benchdata.Scale{Name: "tiny", Assmats: 8, Agrements: 10, Children: 30, Periods: 45, General: 25, Personal: 40, States: 60}
	if _, err := benchdata.Load(ctx, env.Pool, benchdata.Options{Scale: tiny, Seed: 1, Today: env.Clock.Now(), PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	base := env.Serve()
	res, err := Run(ctx, Options{BaseURL: base, Pool: env.Pool, Counts: env.Trips, Users: 4, Concurrency: 4, Duration: 2 * time.Second,
		Agent: demo.AgentLogin.Identifiant + ":" + demo.AgentLogin.Password})
	if err != nil {
		t.Fatal(err)
	}

	if want := len(ceilingTargets) + len(targets("")); len(res.Alone) != want {
		t.Fatalf("%d phases measured alone, want %d", len(res.Alone), want)
	}
	for _, s := range res.Alone {
		if s.Requests == 0 || s.Errors > 0 || s.percentile(0.5) <= 0 || s.WireBytes == 0 || s.RawBytes == 0 || !s.HasCounts {
			t.Errorf("%s: %d requests, %d errors (%s), p50 %s, %d bytes sent, %d raw, counts %v",
				s.Name, s.Requests, s.Errors, s.FirstErr, s.percentile(0.5), s.WireBytes, s.RawBytes, s.HasCounts)
		}
	}
	byName := map[string]*stats{}
	for _, s := range res.Alone {
		byName[s.Name] = s
	}
	// The counts are the pool's: the SELECT 1 ceiling makes one round trip
	// and writes nothing, the static one none, a signed-in page at least one.
	if s := byName[ceilingTargets[1].Name]; s.Trips < 0.99 || s.Trips > 1.01 || s.Writes != 0 {
		t.Errorf("SELECT 1 ceiling: %.2f trips, %.2f writes per request, want 1 and 0", s.Trips, s.Writes)
	}
	if s := byName[ceilingTargets[0].Name]; s.Trips != 0 {
		t.Errorf("static ceiling: %.2f trips per request, want 0", s.Trips)
	}
	// (One per request since the session prefetches the page.)
	if s := byName["dashboard"]; s.Trips < 0.99 {
		t.Errorf("dashboard: %.2f trips per request", s.Trips)
	}
	// The mix holds every weighted route.
	mixed := map[string]bool{}
	for _, s := range res.Mix {
		mixed[s.Name] = s.Requests > 0 && s.Errors == 0
	}
	for _, tg := range targets("") {
		if tg.Weight > 0 && !mixed[tg.Name] {
			t.Errorf("%s missing from the mix, or failed", tg.Name)
		}
	}
	if res.MixAll.Requests == 0 || !res.MixAll.HasCounts {
		t.Errorf("mix: %d requests, counts %v", res.MixAll.Requests, res.MixAll.HasCounts)
	}

	var out bytes.Buffer
	res.Print(&out)
	t.Log("\n" + out.String())
	for _, want := range []string{"| target | rps | ratio |", "| ceiling: static 10 KB |", "| ceiling: SELECT 1 + page |",
		"| dashboard |", "× `SELECT 1`", "| add-row fragment (htmx POST) |", "| route | share |"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, out.String())
		}
	}
}

// The SELECT 1 ceiling with no database answers 503, and a run without a
// pool skips it rather than measuring errors.
func TestCeilingWithoutDatabase(t *testing.T) {
	base, stop, err := ceilings(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	l, err := newLoad(base, []*User{{}}, 1, nil, ceilingTargets)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := l.check(ceilingTargets[0], &User{}); err != nil || n != 10*1024 {
		t.Errorf("static ceiling: %d bytes, %v; want 10240", n, err)
	}
	if _, err := l.check(ceilingTargets[1], &User{}); err == nil || !strings.Contains(err.Error(), "503") {
		t.Errorf("SELECT 1 ceiling without a database: %v, want a 503", err)
	}
}
