package demo

import (
	"context"
	"fmt"

	"github.com/departement06/extranet-assmat/app/db"
)

// AgentLogin is the demo agent of the back office (/back-office/connexion).
var AgentLogin = Login{"agent@demo.local", "Demo-agent1", "Madame Claire MARTIN, agent du Département (back office : /back-office)"}

// demoAgentHash is the argon2id hash of AgentLogin's password, computed once
// (with app/credentials' parameters) rather than at each load: every test
// database loads the demo data, and a hash costs 64 MiB and tens of
// milliseconds. TestDemoAgentHash checks that it still matches.
const demoAgentHash = "$argon2id$v=19$m=65536,t=1,p=2$r+vkS5EFOAyCCgWR4rvBKA$mm9w0E+etraEKqGqO2HQmG7EqbkI67OvSt7EaW8HDlQ"

// loadAgents creates the demo agent, with her password set.
func loadAgents(ctx context.Context, q *db.Queries) error {
	hash := demoAgentHash
	if _, err := q.CreateAgent(ctx, db.CreateAgentParams{
		Email: AgentLogin.Identifiant, Nom: "MARTIN", Prenom: "Claire", PasswordHash: &hash,
	}); err != nil {
		return fmt.Errorf("demo agent: %w", err)
	}
	return nil
}
