package loadtest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/valyala/fasthttp"
)

// Counts are the database round trips and writing statements of the app
// since it started (a pgx tracer on its pool); nil when the app runs in
// another process.
type Counts interface {
	Trips() int64
	Writes() int64
}

// stats are one phase's measures for one target.
type stats struct {
	Name      string
	Requests  int
	Errors    int
	FirstErr  string
	Elapsed   time.Duration
	Latencies []time.Duration
	WireBytes int64
	RawBytes  int // one response's decompressed size (from the check before the phase)
	Trips     float64
	Writes    float64
	HasCounts bool
}

func (s *stats) RPS() float64 { return float64(s.Requests) / s.Elapsed.Seconds() }

func (s *stats) percentile(p float64) time.Duration {
	if len(s.Latencies) == 0 {
		return 0
	}
	return s.Latencies[min(len(s.Latencies)-1, int(p*float64(len(s.Latencies))))]
}

func (s *stats) merge(o *stats) {
	s.Requests += o.Requests
	s.Errors += o.Errors
	if s.FirstErr == "" {
		s.FirstErr = o.FirstErr
	}
	s.Latencies = append(s.Latencies, o.Latencies...)
	s.WireBytes += o.WireBytes
}

// load sends requests from concurrency workers for warmup, then for
// duration while it measures; pick chooses each request's target. It
// returns the measures by target name, and the whole phase's.
type load struct {
	client      *fasthttp.HostClient
	host        string
	users       []*User
	concurrency int
	counts      Counts
	byName      map[string]target
	agentCookie string // the Agent targets' cookie ("" when no agent signed in)
}

func newLoad(base string, users []*User, concurrency int, counts Counts, ts []target) (*load, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	l := &load{host: u.Host, users: users, concurrency: concurrency, counts: counts, byName: map[string]target{}}
	// One keep-alive connection per worker, as wrk -c does.
	l.client = &fasthttp.HostClient{Addr: u.Host, MaxConns: concurrency, ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second,
		MaxIdemponentCallAttempts: 1}
	for _, t := range ts {
		l.byName[t.Name] = t
	}
	return l, nil
}

// do sends one request of target t as user u; it returns the target that
// was actually requested (a fallback when u has nothing to ask t for).
func (l *load) do(t target, u *User, r *rand.Rand, req *fasthttp.Request, res *fasthttp.Response) (string, time.Duration, error) {
	path := t.Path(u, r)
	if path == "" {
		t = l.byName[t.Fallback]
		path = t.Path(u, r)
	}
	req.Reset()
	res.Reset()
	req.SetRequestURI("http://" + l.host + path)
	req.Header.SetMethod(t.Method)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	req.Header.Set("Accept", "text/html,application/xhtml+xml")
	switch {
	case t.Agent:
		req.Header.Set("Cookie", l.agentCookie)
	case !t.Anonymous:
		req.Header.Set("Cookie", u.Cookie)
	}
	if t.HTMX {
		req.Header.Set("HX-Request", "true")
	}
	if t.Form != nil {
		req.Header.SetContentType("application/x-www-form-urlencoded")
		req.SetBodyString(t.Form(u))
	}
	start := time.Now()
	err := l.client.Do(req, res)
	elapsed := time.Since(start)
	if err == nil && res.StatusCode() != t.Status {
		err = fmt.Errorf("%s %s: status %d, want %d", t.Method, path, res.StatusCode(), t.Status)
	}
	return t.Name, elapsed, err
}

// run runs one phase: every worker picks a target per request.
func (l *load) run(ctx context.Context, warmup, duration time.Duration, pick func(r *rand.Rand) target) (map[string]*stats, *stats) {
	var mu sync.Mutex
	all := map[string]*stats{}
	// The database counts are per request of the whole phase, warm-up
	// included: every request of it has ended when they are read, so no
	// request's statements are cut by the edge of a window.
	var trips0, writes0 int64
	if l.counts != nil {
		trips0, writes0 = l.counts.Trips(), l.counts.Writes()
	}
	var sent, measured atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	measureFrom := start.Add(warmup)
	end := measureFrom.Add(duration)
	for w := range l.concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 42))
			req, res := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
			defer fasthttp.ReleaseRequest(req)
			defer fasthttp.ReleaseResponse(res)
			own := map[string]*stats{}
			for i := w; ctx.Err() == nil; i += l.concurrency {
				now := time.Now()
				// A phase ends on time once one of its requests was
				// measured: a stall longer than the whole window (a loaded
				// CI machine, 95 ms phases in the 2 s test run) stretches
				// it instead of leaving a phase of nothing; rps is then
				// over the time it really took.
				if now.After(end) && measured.Load() > 0 {
					break
				}
				u := l.users[i%len(l.users)]
				name, elapsed, err := l.do(pick(r), u, r, req, res)
				sent.Add(1)
				if now.Before(measureFrom) {
					continue
				}
				measured.Add(1)
				s := own[name]
				if s == nil {
					s = &stats{Name: name}
					own[name] = s
				}
				s.Requests++
				s.Latencies = append(s.Latencies, elapsed)
				s.WireBytes += int64(len(res.Body()))
				if err != nil {
					s.Errors++
					if s.FirstErr == "" {
						s.FirstErr = err.Error()
					}
				}
			}
			mu.Lock()
			for name, s := range own {
				if all[name] == nil {
					all[name] = &stats{Name: name}
				}
				all[name].merge(s)
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(measureFrom)
	total := &stats{Name: "all"}
	for _, s := range all {
		s.Elapsed = elapsed
		slices.Sort(s.Latencies)
		total.merge(s)
	}
	total.Elapsed = elapsed
	slices.Sort(total.Latencies)
	if n := sent.Load(); l.counts != nil && n > 0 {
		total.Trips = float64(l.counts.Trips()-trips0) / float64(n)
		total.Writes = float64(l.counts.Writes()-writes0) / float64(n)
		total.HasCounts = true
	}
	return all, total
}
