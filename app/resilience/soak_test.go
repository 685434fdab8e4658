package resilience

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

const (
	// soakUsers are signed in at once, each on her own connection (issue 12).
	soakUsers = 200
	// soakThink is a user's mean pause between two requests: 200 users then
	// ask for at most 800 requests a second, a busy morning, not a flood
	// that would only measure queues.
	soakThink = 250 * time.Millisecond
	// soakGrowth is how much the last window's mean memory may exceed the
	// second window's (the "within 10 %").
	soakGrowth = 0.10
	// soakGoroutineSlack is how many goroutines the last sample may have
	// above the reference one. Besides the goroutines that stay (each user's,
	// her connection's on the server, and her client's idle-connection
	// cleaner: 600 in all), a few come and go whatever the
	// time: pgx watches each query's context in a goroutine (at most one
	// per pooled connection, 4 on 2 cores), pgxpool opens a connection in
	// one, the mail queue and the session stores' clean-ups tick. A leak
	// grows with the requests: one per thousand requests is 15 or more in
	// the short form, over 100 in the full one.
	soakGoroutineSlack = 10
)

// A soak: 200 signed-in childminders on the app in this process, each with
// her own connection, a morning's mix of pages and form posts, for
// SOAK_DURATION (30 s by default; the full form is
// `SOAK_DURATION=5m go test ./app/resilience/ -run TestSoak -v`). The heap
// after a collection, the RSS and the goroutines are sampled every
// duration/30 (10 s in the full form, 1 s in the short one: each fifth
// averages 6 samples in both) and printed.
// No answer may be a 5xx (or anything but the route's status); memory stays
// flat (the last fifth's mean within 10 % of the second fifth's: the
// issue's last minute against its second minute); goroutines do not grow.
func TestSoak(t *testing.T) {
	duration := soakDuration(t)
	interval := min(max(duration/30, time.Second), 10*time.Second)
	window := duration / 5

	app := serveApp(t, pgtest.URL(t))
	loadBenchUsers(t, app.Pool, soakUsers)
	users := signInBench(t, app.Base, soakUsers)
	l := newSoakLoad(app.Base, users, soakThink)

	first, err := takeSample(0, 0)
	if err != nil {
		t.Fatal(err)
	}
	samples := []soakSample{first}
	start := time.Now()
	l.start()
	for k := 1; time.Duration(k)*interval <= duration; k++ {
		time.Sleep(time.Until(start.Add(time.Duration(k) * interval)))
		s, err := takeSample(time.Since(start), l.requests.Load())
		if err != nil {
			l.halt()
			t.Fatal(err)
		}
		samples = append(samples, s)
	}
	l.halt()

	var out strings.Builder
	fmt.Fprintf(&out, "soak: %d users, mean think %s, %s, samples every %s (the first before the load)\n\n", soakUsers, soakThink, duration, interval)
	printSamples(&out, samples)
	fmt.Fprintln(&out, "\n| route | requests | 5xx | other unexpected | no answer |")
	fmt.Fprintln(&out, "| --- | ---: | ---: | ---: | ---: |")
	var total soakCount
	var firsts []string
	names := make([]string, 0, len(l.byRoute))
	for name := range l.byRoute {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		c := l.byRoute[name]
		fmt.Fprintf(&out, "| %s | %d | %d | %d | %d |\n", name, c.Requests, c.ServerErrors, c.Unexpected, c.NoAnswer)
		total.Requests += c.Requests
		total.ServerErrors += c.ServerErrors
		total.Unexpected += c.Unexpected
		total.NoAnswer += c.NoAnswer
		if c.First != "" {
			firsts = append(firsts, c.First)
		}
		if c.Requests == 0 {
			t.Errorf("%s: never requested", name)
		}
	}

	second := windowOf(samples, window, 2*window)
	last := windowOf(samples, duration-window, duration)
	heap2, heapN := mean(second, func(s soakSample) float64 { return float64(s.Heap) }), mean(last, func(s soakSample) float64 { return float64(s.Heap) })
	rss2, rssN := mean(second, func(s soakSample) float64 { return float64(s.RSS) }), mean(last, func(s soakSample) float64 { return float64(s.RSS) })
	// The goroutines' reference is the first sample of the second fifth:
	// by then every user is signed in on her connection.
	ref := samples[len(samples)-1]
	if len(second) > 0 {
		ref = second[0]
	}
	end := samples[len(samples)-1]
	fmt.Fprintf(&out, "\nsecond fifth (%d samples) → last fifth (%d samples): heap %.1f → %.1f MiB (%+.1f %%), RSS %.1f → %.1f MiB (%+.1f %%); goroutines %d at %s → %d at the end\n",
		len(second), len(last), heap2/(1<<20), heapN/(1<<20), 100*(heapN/heap2-1), rss2/(1<<20), rssN/(1<<20), 100*(rssN/rss2-1),
		ref.Goroutines, ref.At.Round(time.Second), end.Goroutines)
	t.Log("\n" + out.String())

	if total.ServerErrors > 0 || total.Unexpected > 0 || total.NoAnswer > 0 {
		t.Errorf("%d 5xx, %d other unexpected answers, %d requests without an answer, of %d; first: %s; app log: %s",
			total.ServerErrors, total.Unexpected, total.NoAnswer, total.Requests, strings.Join(firsts, "; "), appErrors(app.LogPath, 5))
	}
	if len(second) == 0 || len(last) == 0 {
		t.Fatalf("no sample in the second or the last fifth of %s (every %s)", duration, interval)
	}
	// Only growth fails: a leak can only make memory grow; a fall (memory
	// given back after the warm-up) is printed above.
	if heapN > heap2*(1+soakGrowth) {
		t.Errorf("heap grew by %.1f %% from the second fifth to the last, more than %.0f %%", 100*(heapN/heap2-1), 100*soakGrowth)
	}
	if rssN > rss2*(1+soakGrowth) {
		t.Errorf("RSS grew by %.1f %% from the second fifth to the last, more than %.0f %%", 100*(rssN/rss2-1), 100*soakGrowth)
	}
	if end.Goroutines > ref.Goroutines+soakGoroutineSlack {
		t.Errorf("goroutines grew from %d (at %s) to %d, more than %d", ref.Goroutines, ref.At.Round(time.Second), end.Goroutines, soakGoroutineSlack)
	}
	if end.Goroutines < 2*soakUsers {
		t.Errorf("%d goroutines at the end: the users' and their connections' (%d) are not all there, the sample measured something else", end.Goroutines, 2*soakUsers)
	}
}

// soakDuration is SOAK_DURATION, 30 s when unset: five windows of six
// samples each, as in the full form (a mean of fewer samples moves by
// 10 % with the requests in flight at each).
func soakDuration(t *testing.T) time.Duration {
	v := os.Getenv("SOAK_DURATION")
	if v == "" {
		return 30 * time.Second
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 10*time.Second {
		t.Fatalf("SOAK_DURATION=%q: want a duration of at least 10s, like 5m", v)
	}
	return d
}

// windowOf returns the samples taken in (from, to].
func windowOf(samples []soakSample, from, to time.Duration) []soakSample {
	var w []soakSample
	for _, s := range samples[1:] {
		// A sample is taken a few milliseconds after its tick: round.
		at := s.At.Round(100 * time.Millisecond)
		if at > from && at <= to {
			w = append(w, s)
		}
	}
	return w
}

func mean(samples []soakSample, f func(soakSample) float64) float64 {
	sum := 0.0
	for _, s := range samples {
		sum += f(s)
	}
	return sum / float64(max(1, len(samples)))
}
