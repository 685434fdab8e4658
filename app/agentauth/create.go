package agentauth

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components/paths"
)

// maxName bounds an agent's first and last names.
const maxName = 100

// Command runs "agent create EMAIL 'Prénom NOM'": it creates the agent,
// without a password, and prints the one-time link (BASE_URL, valid for
// LINK_TTL) through which she sets hers. Give the link to her by a channel
// of your own; it is printed once and never stored (only its SHA-256 is).
func Command(ctx context.Context, pool *pgxpool.Pool, args []string, out io.Writer, baseURL string, ttl time.Duration) error {
	if len(args) != 3 || args[0] != "create" {
		return errors.New(`usage: agent create EMAIL "Prénom NOM"`)
	}
	email, name := strings.TrimSpace(args[1]), strings.Join(strings.Fields(args[2]), " ")
	link, err := CreateAgent(ctx, pool, email, name, baseURL, ttl, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Agent created: %s <%s>\n", name, email)
	fmt.Fprintf(out, "One-time link to set her password (usable once, valid for %s):\n  %s\n", shortDuration(ttl), link)
	return nil
}

// CreateAgent creates an agent named "Prénom NOM" (the first word is her
// first name) and returns the link that sets her password, in one
// transaction: no agent without her link, no link without its agent.
func CreateAgent(ctx context.Context, pool *pgxpool.Pool, email, fullName, baseURL string, ttl time.Duration, now time.Time) (string, error) {
	if !form.ValidEmail(email) {
		return "", fmt.Errorf("%q is not an email address", email)
	}
	first, last, ok := strings.Cut(fullName, " ")
	if !ok || first == "" || last == "" {
		return "", fmt.Errorf(`the name must be "Prénom NOM", got %q`, fullName)
	}
	for _, part := range []string{first, last} {
		if msg := form.Check(part, form.Name, maxName); msg != "" {
			return "", fmt.Errorf("name %q: %s", part, msg)
		}
	}
	token, hash := credentials.NewToken()
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		q := db.New(tx)
		id, err := q.CreateAgent(ctx, db.CreateAgentParams{Email: email, Nom: last, Prenom: first})
		if err != nil {
			return err
		}
		return q.CreateAgentToken(ctx, db.CreateAgentTokenParams{AgentID: id, TokenHash: hash, ExpiresAt: now.Add(ttl), Now: now})
	})
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		return "", fmt.Errorf("an agent with the email %s already exists", email)
	}
	if err != nil {
		return "", err
	}
	return strings.TrimRight(baseURL, "/") + paths.BackOfficeSetPassword + token, nil
}

// shortDuration writes 1h rather than 1h0m0s.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
