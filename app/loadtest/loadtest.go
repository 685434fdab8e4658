// Package loadtest measures the extranet under load (issue 12): it signs in
// bench childminders (app/benchdata), then, with one HTTP client and one
// set of workers, measures in turn two ceilings of its own (a bare Fiber
// handler returning a static 10 KB page, and the same after one SELECT 1 on
// a pool to the app's database), each route alone, and a realistic mix of
// them. It prints a Markdown table: per route rps, latency percentiles,
// bytes per response, and, when the app runs in this process, database
// round trips and writing statements per request (a pgx tracer on its pool).
package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/valyala/fasthttp"

	"github.com/departement06/extranet-assmat/app/benchdata"
)

// Options of a run.
type Options struct {
	// BaseURL is the app's, e.g. http://127.0.0.1:3000.
	BaseURL string
	// Pool is the SELECT 1 ceiling's: the app's own pool when it runs in
	// this process, or one to the same database. nil: no SELECT 1 ceiling.
	Pool *pgxpool.Pool
	// Counts are the app's database counts when it runs in this process (nil otherwise).
	Counts Counts
	// Users is how many bench childminders sign in (B000001…).
	Users int
	// Password is theirs (benchdata.Password by default).
	Password    string
	Concurrency int
	// Duration is the measured time of the whole run: the mix has a third
	// of it, the ceilings and the routes alone share the rest; each phase
	// warms up for a fifth of its time more, unmeasured.
	Duration time.Duration
	// Agent is "email:password" of the agent whose session measures the
	// back office's childminder search (the demo agent by default); when
	// she cannot sign in, that route is left out, said in the log.
	Agent string
	// Only, when set, keeps the routes whose name contains it (the ceilings
	// are still measured, the mix is left out): to profile one route.
	Only string
	// Log receives progress lines; nil discards them.
	Log func(format string, args ...any)
}

// Result is a run's measures.
type Result struct {
	Alone   []*stats // the ceilings, then each route alone
	Mix     []*stats // each route's share of the mix
	MixAll  *stats
	targets []target
	Options Options
}

// Run signs the users in and measures.
func Run(ctx context.Context, o Options) (*Result, error) {
	if o.Users < 1 || o.Concurrency < 1 || o.Duration <= 0 {
		return nil, errors.New("loadtest: users, concurrency and duration must be positive")
	}
	if o.Password == "" {
		o.Password = benchdata.Password
	}
	logf := o.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	css, err := staticPath(ctx, o.BaseURL)
	if err != nil {
		return nil, err
	}
	logins := make([]string, o.Users)
	for i := range logins {
		logins[i] = benchdata.Login(i)
	}
	start := time.Now()
	users, err := signInAll(ctx, o.BaseURL, logins, o.Password)
	if err != nil {
		return nil, err
	}
	logf("%d childminders signed in (%s to %s) in %s", len(users), logins[0], logins[len(logins)-1], time.Since(start).Round(time.Millisecond))

	ts := targets(css)
	agentCookie := ""
	if email, password, ok := strings.Cut(o.Agent, ":"); ok {
		if agentCookie, err = signInAgent(ctx, o.BaseURL, email, password); err != nil {
			logf("back office left out: %v", err)
		}
	}
	if agentCookie == "" {
		ts = slices.DeleteFunc(ts, func(t target) bool { return t.Agent })
	}
	if o.Only != "" {
		var kept []target
		for _, t := range ts {
			if strings.Contains(t.Name, o.Only) {
				kept = append(kept, t)
			}
		}
		if len(kept) == 0 {
			return nil, fmt.Errorf("loadtest: no route named like %q", o.Only)
		}
		ts = kept
	}
	app, err := newLoad(o.BaseURL, users, o.Concurrency, o.Counts, ts)
	if err != nil {
		return nil, err
	}
	app.agentCookie = agentCookie
	ceilURL, stop, err := ceilings(o.Pool)
	if err != nil {
		return nil, err
	}
	defer stop()
	ceil, err := newLoad(ceilURL, users, o.Concurrency, o.Counts, ceilingTargets)
	if err != nil {
		return nil, err
	}

	res := &Result{targets: append(append([]target{}, ceilingTargets...), ts...), Options: o}
	phases := len(ceilingTargets) + len(ts)
	alone := o.Duration * 2 / 3 / time.Duration(phases)
	measure := func(l *load, t target) error {
		raw, err := l.check(t, users[0])
		if err != nil {
			return err
		}
		_, s := l.run(ctx, alone/5, alone, func(*rand.Rand) target { return t })
		s.Name, s.RawBytes = t.Name, raw
		res.Alone = append(res.Alone, s)
		logf("%-40s %8.0f rps  p99 %s", t.Name, s.RPS(), s.percentile(0.99).Round(time.Microsecond))
		return ctx.Err()
	}
	for _, t := range ceilingTargets {
		if t.Name == ceilingTargets[1].Name && o.Pool == nil {
			logf("no database for the SELECT 1 ceiling: skipped")
			continue
		}
		if err := measure(ceil, t); err != nil {
			return nil, err
		}
	}
	for _, t := range ts {
		if err := measure(app, t); err != nil {
			return nil, err
		}
	}

	if o.Only != "" {
		return res, ctx.Err()
	}
	// The mix: each request's target drawn by weight.
	var weighted []target
	for _, t := range ts {
		for range t.Weight {
			weighted = append(weighted, t)
		}
	}
	mixTime := o.Duration / 3
	byName, all := app.run(ctx, mixTime/5, mixTime, func(r *rand.Rand) target { return weighted[r.IntN(len(weighted))] })
	for _, t := range ts {
		if s := byName[t.Name]; s != nil {
			res.Mix = append(res.Mix, s)
		}
	}
	res.MixAll = all
	logf("mix: %.0f rps, p99 %s", all.RPS(), all.percentile(0.99).Round(time.Microsecond))
	return res, ctx.Err()
}

// check sends one request of t and returns its decompressed size; it fails
// on an unexpected status, so that a run never measures error pages.
func (l *load) check(t target, u *User) (int, error) {
	req, res := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	defer fasthttp.ReleaseRequest(req)
	defer fasthttp.ReleaseResponse(res)
	_, _, err := l.do(t, u, rand.New(rand.NewPCG(1, 1)), req, res)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", t.Name, err)
	}
	var body []byte
	switch string(res.Header.ContentEncoding()) {
	case "gzip":
		body, err = res.BodyGunzip()
	case "br":
		body, err = res.BodyUnbrotli()
	case "deflate":
		body, err = res.BodyInflate()
	default:
		body = res.Body()
	}
	return len(body), err
}

// Print writes the result as Markdown tables, ready for the README.
func (r *Result) Print(w io.Writer) {
	ceiling := map[string]float64{}
	for _, s := range r.Alone {
		for _, t := range ceilingTargets {
			if s.Name == t.Name {
				ceiling[t.Ceiling] = s.RPS()
			}
		}
	}
	kind := map[string]target{}
	for _, t := range r.targets {
		kind[t.Name] = t
	}
	ms := func(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000) }
	counts := func(s *stats, v float64) string {
		if !s.HasCounts {
			return "–"
		}
		return fmt.Sprintf("%.2f", v)
	}
	fmt.Fprintf(w, "Each alone (%d users, %d connections):\n\n", r.Options.Users, r.Options.Concurrency)
	fmt.Fprintln(w, "| target | rps | ratio | p50 ms | p95 ms | p99 ms | bytes (sent) | bytes (raw) | trips/req | writes/req | errors |")
	fmt.Fprintln(w, "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, s := range r.Alone {
		t := kind[s.Name]
		ratio := "–"
		if c := ceiling[t.Ceiling]; c > 0 {
			ratio = fmt.Sprintf("%.2f × %s", s.RPS()/c, map[string]string{"static": "static", "select1": "`SELECT 1`"}[t.Ceiling])
		}
		fmt.Fprintf(w, "| %s | %.0f | %s | %s | %s | %s | %d | %d | %s | %s | %d |\n", s.Name, s.RPS(), ratio,
			ms(s.percentile(0.50)), ms(s.percentile(0.95)), ms(s.percentile(0.99)), s.WireBytes/int64(max(1, s.Requests)), s.RawBytes,
			counts(s, s.Trips), counts(s, s.Writes), s.Errors)
	}
	if r.MixAll == nil {
		return
	}
	fmt.Fprintf(w, "\nMixed (weights of a morning's visits): %.0f rps in all, trips/req %s, writes/req %s, errors %d\n\n",
		r.MixAll.RPS(), counts(r.MixAll, r.MixAll.Trips), counts(r.MixAll, r.MixAll.Writes), r.MixAll.Errors)
	fmt.Fprintln(w, "| route | share | rps | p50 ms | p95 ms | p99 ms | bytes (sent) | errors |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, s := range r.Mix {
		fmt.Fprintf(w, "| %s | %.0f %% | %.0f | %s | %s | %s | %d | %d |\n", s.Name, 100*float64(s.Requests)/float64(max(1, r.MixAll.Requests)),
			s.RPS(), ms(s.percentile(0.50)), ms(s.percentile(0.95)), ms(s.percentile(0.99)), s.WireBytes/int64(max(1, s.Requests)), s.Errors)
	}
	for _, s := range append(append([]*stats{}, r.Alone...), r.Mix...) {
		if s.FirstErr != "" {
			fmt.Fprintf(w, "\nfirst error of %s: %s\n", s.Name, s.FirstErr)
		}
	}
}
