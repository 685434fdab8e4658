package httpx

import "testing"

func TestPage(t *testing.T) {
	for raw, want := range map[string]int{
		"": 1, "1": 1, "42": 42, "10000": 10_000,
		"0": 0, "-1": 0, "10001": 0, "abc": 0, "1e3": 0, " 2": 0, "2\x00": 0, "２": 0, "99999999999999999999": 0,
	} {
		got, ok := Page(raw)
		if ok != (want > 0) || (ok && got != want) {
			t.Errorf("Page(%q) = %d, %v; want %d", raw, got, ok, want)
		}
	}
}
