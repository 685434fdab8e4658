package ascii

import "testing"

func TestFoldsASCIIOnly(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Messages", "mESSAGES", true},
		{"messages", "me\u017f\u017fages", false}, // ſ folds to s in Unicode only
		{"k", "\u212a", false},                    // the Kelvin sign
		{"a@B.fr", "A@b.FR", true},
		{"ab", "abc", false},
		{"", "", true},
	} {
		if got := EqualFold(tc.a, tc.b); got != tc.want {
			t.Errorf("EqualFold(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
	if i := IndexFold("/x/MOT-DE-PASSE/t", "/mot-de-passe/"); i != 2 {
		t.Errorf("IndexFold: %d", i)
	}
	if i := IndexFold("/abc", "/abcd"); i != -1 {
		t.Errorf("IndexFold past the end: %d", i)
	}
}
