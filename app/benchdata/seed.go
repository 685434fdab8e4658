package benchdata

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Options of a load.
type Options struct {
	Scale Scale
	// Seed chooses the data: the same seed, scale and Today load the same rows.
	Seed uint64
	// Today is the Paris date the data is relative to (current and past
	// children, valid agréments); zero: today.
	Today time.Time
	// PasswordHash is Password's hash, computed once by the caller
	// (credentials.HashPassword) and given to every childminder.
	PasswordHash string
	// Log receives progress lines; nil discards them.
	Log func(format string, args ...any)
}

// ErrAlreadyLoaded is returned when the database already holds bench
// childminders: a load refuses to run twice (use a fresh database).
var ErrAlreadyLoaded = errors.New("the database already holds bench data (logins B…): seed-bench refuses to run twice; start from a fresh database")

// Report is what a load did.
type Report struct {
	Rows     map[string]int64 // table → rows copied
	Copy     time.Duration    // the transaction (COPY, indexes, constraints)
	Analyze  time.Duration    // VACUUM ANALYZE after the commit
	FirstIDs map[string]int64 // table → id of its first bench row
}

// tables are the tables a load writes, in the order of their foreign keys.
var tables = []string{"assmats", "agrements", "children", "care_periods", "messages", "message_states"}

// keptCounts are the tables the copies' triggers write: each row made with
// its childminder or message, then updated by the states' copy, so that
// nearly every row leaves a dead version behind (199,908 of 200,000 in an
// outside review's load) until VACUUM.
var keptCounts = []string{"assmat_message_counts", "message_read_counts"}

// Load copies the scale's rows in one transaction: either all of them are
// there, or none. The tables' secondary indexes (not those of constraints)
// are dropped first and rebuilt at the end, from their own definitions: a
// trigram index fed row by row would cost more than the whole copy. Then
// VACUUM ANALYZE gives the planner its statistics and the pages their
// visibility, as a database in service would have them.
func Load(ctx context.Context, pool *pgxpool.Pool, o Options) (Report, error) {
	rep := Report{Rows: map[string]int64{}, FirstIDs: map[string]int64{}}
	if err := o.Scale.Validate(); err != nil {
		return rep, err
	}
	if o.PasswordHash == "" {
		return rep, errors.New("benchdata: no password hash")
	}
	logf := o.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	today := o.Today
	if today.IsZero() {
		today = time.Now()
	}
	p := newPlan(o.Scale, o.Seed, date(today))
	logf("plan ready: %d childminders, %d children, %d messages", o.Scale.Assmats, o.Scale.Children, len(p.msgs))

	start := time.Now()
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		for _, t := range tables {
			// Nobody writes these tables meanwhile: the ids below are ours.
			if _, err := tx.Exec(ctx, "LOCK TABLE "+t+" IN SHARE ROW EXCLUSIVE MODE"); err != nil {
				return err
			}
		}
		var loaded bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM assmats WHERE login LIKE $1 || '%')`, LoginPrefix).Scan(&loaded); err != nil {
			return err
		}
		if loaded {
			return ErrAlreadyLoaded
		}
		if _, err := tx.Exec(ctx, "SET LOCAL maintenance_work_mem = '512MB'"); err != nil {
			return err
		}
		base := map[string]int64{}
		for _, t := range tables[:len(tables)-1] {
			var max int64
			if err := tx.QueryRow(ctx, "SELECT COALESCE(max(id), 0) FROM "+t).Scan(&max); err != nil {
				return err
			}
			base[t] = max
			rep.FirstIDs[t] = max + 1
		}
		indexes, err := dropIndexes(ctx, tx)
		if err != nil {
			return err
		}
		w := writer{tx: tx, p: p, base: base, hash: o.PasswordHash, rep: &rep, logf: logf}
		for _, step := range []func(context.Context) error{w.assmats, w.agrements, w.children, w.periods, w.messages, w.states} {
			if err := step(ctx); err != nil {
				return err
			}
		}
		t0 := time.Now()
		for _, def := range indexes {
			if _, err := tx.Exec(ctx, def); err != nil {
				return fmt.Errorf("rebuilding an index: %w (%s)", err, def)
			}
		}
		logf("secondary indexes rebuilt in %s", time.Since(t0).Round(time.Millisecond))
		// The identities go on after our ids.
		for _, t := range tables[:len(tables)-1] {
			if _, err := tx.Exec(ctx, fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'), (SELECT max(id) FROM %s))`, t, t)); err != nil {
				return err
			}
		}
		return nil
	})
	rep.Copy = time.Since(start)
	if err != nil {
		return rep, err
	}
	logf("committed in %s", rep.Copy.Round(time.Millisecond))
	start = time.Now()
	for _, t := range append(tables, keptCounts...) {
		if _, err := pool.Exec(ctx, "VACUUM (ANALYZE) "+t); err != nil {
			return rep, err
		}
	}
	rep.Analyze = time.Since(start)
	logf("VACUUM ANALYZE in %s", rep.Analyze.Round(time.Millisecond))
	return rep, nil
}

// dropIndexes drops the loaded tables' indexes that no constraint owns and
// returns the statements that create them again.
func dropIndexes(ctx context.Context, tx pgx.Tx) ([]string, error) {
	rows, err := tx.Query(ctx, `
		SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
		FROM pg_index i
		WHERE i.indrelid = ANY ($1::regclass[])
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
		ORDER BY 1`, tables)
	if err != nil {
		return nil, err
	}
	type index struct{ Name, Def string }
	idx, err := pgx.CollectRows(rows, pgx.RowToStructByPos[index])
	if err != nil {
		return nil, err
	}
	defs := make([]string, 0, len(idx))
	for _, i := range idx {
		if _, err := tx.Exec(ctx, "DROP INDEX "+i.Name); err != nil {
			return nil, err
		}
		defs = append(defs, i.Def)
	}
	return defs, nil
}
