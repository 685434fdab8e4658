package paris

import (
	"testing"
	"time"
)

// Around midnight, the day is Paris's, not the server's (UTC).
func TestToday(t *testing.T) {
	for _, tc := range []struct {
		now  time.Time
		want string
	}{
		{time.Date(2026, 11, 30, 22, 59, 0, 0, time.UTC), "2026-11-30"}, // 23:59 in Paris (winter)
		{time.Date(2026, 11, 30, 23, 0, 0, 0, time.UTC), "2026-12-01"},  // 00:00 in Paris
		{time.Date(2026, 7, 14, 21, 59, 0, 0, time.UTC), "2026-07-14"},  // 23:59 in Paris (summer)
		{time.Date(2026, 7, 14, 22, 0, 0, 0, time.UTC), "2026-07-15"},
	} {
		got := Today(tc.now)
		if got.Format(time.DateOnly) != tc.want || got.Location() != time.UTC || got.Hour() != 0 {
			t.Errorf("Today(%v) = %v, want %s at UTC midnight", tc.now, got, tc.want)
		}
	}
}
