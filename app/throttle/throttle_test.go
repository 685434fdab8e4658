package throttle

import (
	"context"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

var t0 = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)

func TestRetryAtPolicy(t *testing.T) {
	l := Identifier
	cases := []struct {
		name string
		s    State
		now  time.Time
		want time.Duration // after t0; 0 = may try now
	}{
		{"no failure", State{}, t0, 0},
		{"4 failures: free", State{Failures: 4, FailuresDay: 4, DayStartedAt: t0, LastFailureAt: t0}, t0, 0},
		{"5 failures: 1 minute", State{Failures: 5, FailuresDay: 5, DayStartedAt: t0, LastFailureAt: t0}, t0, time.Minute},
		{"5 failures, a minute later: free again", State{Failures: 5, FailuresDay: 5, DayStartedAt: t0, LastFailureAt: t0}, t0.Add(time.Minute), 0},
		{"6 failures: 2 minutes", State{Failures: 6, FailuresDay: 6, DayStartedAt: t0, LastFailureAt: t0}, t0, 2 * time.Minute},
		{"7 failures: 4 minutes", State{Failures: 7, FailuresDay: 7, DayStartedAt: t0, LastFailureAt: t0}, t0, 4 * time.Minute},
		{"20 failures: capped at 12 hours", State{Failures: 20, FailuresDay: 20, DayStartedAt: t0, LastFailureAt: t0}, t0, 12 * time.Hour},
		{"25 failures in the day: until the day ends", State{Failures: 0, FailuresDay: 25, DayStartedAt: t0, LastFailureAt: t0}, t0.Add(time.Hour), 24 * time.Hour},
		{"25 failures, the day is over", State{Failures: 0, FailuresDay: 25, DayStartedAt: t0, LastFailureAt: t0}, t0.Add(24 * time.Hour), 0},
		{"24 failures in the day: no daily lock", State{Failures: 0, FailuresDay: 24, DayStartedAt: t0, LastFailureAt: t0}, t0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := l.RetryAt(tc.s, tc.now)
			var want time.Time
			if tc.want > 0 {
				want = t0.Add(tc.want)
			}
			if !got.Equal(want) {
				t.Errorf("RetryAt = %v, want %v", got, want)
			}
		})
	}
}

func TestThrottleCountsInTheDatabase(t *testing.T) {
	ctx := context.Background()
	now := t0
	th := New(pgtest.Pool(t), func() time.Time { return now })
	id := Key{"id:100001", Identifier}
	other := Key{"id:100002", Identifier}
	ip := Key{"ip:192.0.2.1", Client}
	reserve := func(keys ...Key) Reservation {
		t.Helper()
		r, err := th.Reserve(ctx, keys...)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	for i := 1; i <= 4; i++ {
		if r := reserve(id, ip); !r.Allowed() || !r.RetryAtIfFailed.IsZero() {
			t.Fatalf("attempt %d: %+v", i, r)
		}
	}
	r := reserve(id, ip)
	if !r.Allowed() || !r.RetryAtIfFailed.Equal(now.Add(time.Minute)) {
		t.Errorf("5th attempt: %+v, want allowed and a 1-minute wait if it fails", r)
	}
	if r := reserve(id, ip); r.Allowed() || !r.RetryAt.Equal(now.Add(time.Minute)) {
		t.Errorf("6th attempt: %+v, want refused until %v", r, now.Add(time.Minute))
	}
	if at, err := th.RetryAt(ctx, id, ip); err != nil {
		t.Fatalf("RetryAt: %v", err)
	} else if !at.Equal(now.Add(time.Minute)) {
		t.Errorf("a refused attempt was counted: retry at %v", at)
	}
	if r := reserve(other, ip); !r.Allowed() {
		t.Errorf("another identifier from the same address is refused: %+v", r)
	}
	now = now.Add(61 * time.Second)
	if r := reserve(id, ip); !r.Allowed() {
		t.Fatalf("still locked after the wait: %+v", r)
	}
	// That attempt succeeded: the identifier forgets its failures, the address
	// only gets the attempt back.
	if err := th.Succeeded(ctx, []Key{id}, ip); err != nil {
		t.Fatal(err)
	}
	got := counters(t, th, id, ip)
	if got[id.Name] != [2]int32{0, 5} || got[ip.Name] != [2]int32{6, 6} {
		t.Errorf("after a success: %v, want id {0 5} and ip {6 6}", got)
	}
	if err := th.Clear(ctx, id); err != nil {
		t.Fatal(err)
	}
	if got := counters(t, th, id); len(got) != 0 {
		t.Errorf("Clear left %v", got)
	}
}

// counters maps each key to its {consecutive, day} failures.
func counters(t *testing.T, th *Throttle, keys ...Key) map[string][2]int32 {
	t.Helper()
	rows, err := th.q.GetThrottles(context.Background(), names(keys))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][2]int32{}
	for _, r := range rows {
		m[r.Key] = [2]int32{r.Failures, r.FailuresDay}
	}
	return m
}

// N attempts at once are counted as N sequential ones: with 5 free failures,
// exactly 5 of 25 parallel attempts may go ahead, whatever the interleaving.
func TestParallelAttemptsAreCountedAsSequentialOnes(t *testing.T) {
	ctx := context.Background()
	th := New(pgtest.Pool(t), func() time.Time { return t0 })
	id := Key{"id:100001", Identifier}
	ip := Key{"ip:192.0.2.1", Client}
	const n = 25
	var allowed atomic.Int32
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := th.Reserve(ctx, id, ip)
			if err != nil {
				errs <- err
				return
			}
			if r.Allowed() {
				allowed.Add(1)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if got := allowed.Load(); got != int32(Identifier.Free) {
		t.Errorf("%d of %d parallel attempts allowed, want %d", got, n, Identifier.Free)
	}
	if got := counters(t, th, id, ip); got[id.Name] != [2]int32{5, 5} || got[ip.Name] != [2]int32{5, 5} {
		t.Errorf("counters %v, want 5 failures on each key", got)
	}
}

func TestExplainIsFrench(t *testing.T) {
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC) // 10:00 in Paris
	got := Explain(now.Add(2*time.Minute), now)
	for _, want := range []string{"Trop de tentatives", "10h02", "dans 2 minutes"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
	if got := Explain(now.Add(20*time.Hour), now); !strings.Contains(got, "le 11/03/2026 à partir de 06h00") {
		t.Errorf("next-day lock: %q", got)
	}
}

// The consecutive count starts over with each 24-hour window: the free
// attempts are a daily allowance, and a shared address's count must not only
// ever grow with a typo now and then.
func TestConsecutiveFailuresStartOverAfterADayWithoutFailure(t *testing.T) {
	ctx := context.Background()
	now := t0
	th := New(pgtest.Pool(t), func() time.Time { return now })
	ip := Key{"ip:192.0.2.1", Client}
	for i := 0; i < 40; i++ {
		if _, err := th.Reserve(ctx, ip); err != nil {
			t.Fatal(err)
		}
		now = now.Add(13 * time.Hour) // each wait is over: the next one is checked
	}
	if got := counters(t, th, ip)[ip.Name]; got[0] > 2 {
		t.Errorf("after 40 failures 13 hours apart, the consecutive count is %d, want at most 2 (a day's)", got[0])
	}
	// Failures within a day still add up.
	now = t0.Add(1000 * time.Hour)
	for i := 0; i < Client.Free; i++ {
		// A failed query returns a zero Reservation, which is Allowed: without
		// the error check this loop passes on a broken database.
		if r, err := th.Reserve(ctx, ip); err != nil {
			t.Fatalf("attempt %d: Reserve: %v", i+1, err)
		} else if !r.Allowed() {
			t.Fatalf("attempt %d refused", i+1)
		}
		now = now.Add(time.Second)
	}
	if r, err := th.Reserve(ctx, ip); err != nil {
		t.Fatalf("Reserve after %d failures: %v", Client.Free, err)
	} else if r.Allowed() {
		t.Errorf("%d failures within minutes did not lock the address", Client.Free)
	}
}
