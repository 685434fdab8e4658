package benchdata

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/credentials"
)

// Main is the seed-bench command: go run ./app seed-bench --scale S|L [--seed N].
func Main(ctx context.Context, pool *pgxpool.Pool, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("seed-bench", flag.ContinueOnError)
	fs.SetOutput(out)
	scaleName := fs.String("scale", "S", "S (one département: 4,000 childminders) or L (national: 230,000)")
	seed := fs.Uint64("seed", 1, "the data's seed: the same seed loads the same rows")
	if err := fs.Parse(args); err != nil {
		return err
	}
	scale, err := ParseScale(*scaleName)
	if err != nil {
		return err
	}
	start := time.Now()
	// Hashed once for every childminder: 230,000 argon2id hashes would take hours.
	hash, err := credentials.HashPassword(ctx, Password)
	if err != nil {
		return err
	}
	logf := func(f string, a ...any) { fmt.Fprintf(out, f+"\n", a...) }
	rep, err := Load(ctx, pool, Options{Scale: scale, Seed: *seed, PasswordHash: hash, Log: logf})
	if err != nil {
		return err
	}
	var total int64
	for _, n := range rep.Rows {
		total += n
	}
	logf("scale %s: %d rows in %s (transaction %s, VACUUM ANALYZE %s)", scale.Name, total,
		time.Since(start).Round(time.Second), rep.Copy.Round(time.Second), rep.Analyze.Round(time.Second))
	logf("bench logins %s to %s, password %s", Login(0), Login(scale.Assmats-1), Password)
	return nil
}
