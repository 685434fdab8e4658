package demo

import (
	"context"
	"testing"

	"github.com/departement06/extranet-assmat/app/credentials"
)

// The precomputed hash is the demo agent's password's, and nothing else's.
func TestDemoAgentHash(t *testing.T) {
	ctx := context.Background()
	hash := demoAgentHash
	for password, want := range map[string]bool{AgentLogin.Password: true, "Demo-agent2": false, Logins[0].Password: false} {
		ok, err := credentials.CheckPassword(ctx, password, &hash)
		if err != nil {
			t.Fatal(err)
		}
		if ok != want {
			t.Errorf("CheckPassword(%q) = %v, want %v", password, ok, want)
		}
	}
}
