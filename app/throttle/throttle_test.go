package throttle

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/departement06/extranet-assmat/app/db"
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
	th := New(db.New(pgtest.Pool(t)), func() time.Time { return now })
	id := Key{"id:100001", Identifier}
	other := Key{"id:100002", Identifier}
	ip := Key{"ip:192.0.2.1", Client}
	for i := 0; i < 4; i++ {
		if err := th.Fail(ctx, id, ip); err != nil {
			t.Fatal(err)
		}
	}
	if at, err := th.RetryAt(ctx, id, ip); err != nil || !at.IsZero() {
		t.Fatalf("after 4 failures: %v, %v", at, err)
	}
	_ = th.Fail(ctx, id, ip)
	at, _ := th.RetryAt(ctx, id, ip)
	if !at.Equal(now.Add(time.Minute)) {
		t.Errorf("after 5 failures: retry at %v, want %v", at, now.Add(time.Minute))
	}
	if at, _ := th.RetryAt(ctx, other, ip); !at.IsZero() {
		t.Errorf("another identifier from the same address is locked until %v", at)
	}
	now = now.Add(61 * time.Second)
	if at, _ := th.RetryAt(ctx, id); !at.IsZero() {
		t.Errorf("still locked after the wait: %v", at)
	}
	if err := th.Succeed(ctx, id, ip); err != nil {
		t.Fatal(err)
	}
	_ = th.Fail(ctx, id)
	if at, _ := th.RetryAt(ctx, id); !at.IsZero() {
		t.Errorf("a success did not reset the consecutive failures: %v", at)
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
