package credentials

import (
	"strconv"
	"strings"
	"testing"
)

// The policy's text states the rule MeetsPolicy applies: its length is the
// constant's (a Go constant cannot be formatted, so the test ties them).
func TestPolicyTextStatesTheMinimumLength(t *testing.T) {
	if !strings.HasPrefix(PolicyRule, strconv.Itoa(MinPasswordLength)+" caractères au minimum") {
		t.Errorf("PolicyRule %q does not state MinPasswordLength %d", PolicyRule, MinPasswordLength)
	}
	short := "Aa1" + strings.Repeat("b", MinPasswordLength-4)
	if MeetsPolicy(short) || !MeetsPolicy(short+"b") {
		t.Errorf("MeetsPolicy does not draw the line at %d characters", MinPasswordLength)
	}
}
