package boassmats

import (
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/credentials"
)

// Temporary passwords meet the policy, use only the unambiguous alphabet in
// three groups of four, and do not repeat.
func TestNewTemporaryPassword(t *testing.T) {
	seen := map[string]bool{}
	for range 2000 {
		p := NewTemporaryPassword()
		if !credentials.MeetsPolicy(p) {
			t.Fatalf("%q does not meet the policy", p)
		}
		groups := strings.Split(p, "-")
		if len(groups) != tempGroups {
			t.Fatalf("%q: %d groups", p, len(groups))
		}
		for _, g := range groups {
			if len(g) != tempGroupSize || strings.Trim(g, tempAll) != "" {
				t.Fatalf("%q: group %q", p, g)
			}
		}
		if strings.ContainsAny(p, "0125680OoIlSZBb") {
			t.Fatalf("%q holds an ambiguous character", p)
		}
		if seen[p] {
			t.Fatalf("%q drawn twice", p)
		}
		seen[p] = true
	}
}
