// Package dbbatch puts sqlc queries into one pgx.Batch, so that a page that
// reads several independent things (the dashboard's sections) pays a single
// database round trip for all of them, and each feature keeps its own
// generated query and scanning code.
package dbbatch

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/departement06/extranet-assmat/app/db"
)

// Run reads something with exactly one query of q and builds a result from it.
// It is called twice (see Queue), so it must have no other effect.
type Run[T any] func(ctx context.Context, q *db.Queries) (T, error)

// Queue adds to b the one query run makes, and returns the function that gives
// run's result once b was sent and its results read (pool.SendBatch(ctx, b)
// then Close). run is called a first time against a recorder, which learns the
// statement and answers no rows (that result is dropped), then again inside
// the batch with the real rows: sqlc's own scanning reads them.
func Queue[T any](b *pgx.Batch, run Run[T]) (result func() (T, error)) {
	rec := &recorder{}
	_, _ = run(context.Background(), db.New(rec)) // only the statement matters here
	if rec.calls != 1 {
		err := errNotOneQuery
		return func() (T, error) { var zero T; return zero, err }
	}
	var (
		out  T
		err  error
		done bool
	)
	replayWith := func(r replay) error {
		out, err = run(context.Background(), db.New(r))
		done = true
		return err
	}
	qq := b.Queue(rec.sql, rec.args...)
	if rec.row {
		qq.QueryRow(func(row pgx.Row) error { return replayWith(replay{row: row}) })
	} else {
		qq.Query(func(rows pgx.Rows) error { return replayWith(replay{rows: rows}) })
	}
	return func() (T, error) {
		if !done {
			var zero T
			return zero, errNotSent
		}
		return out, err
	}
}

var (
	errNotOneQuery = errors.New("dbbatch: a queued read must make exactly one query")
	errNotSent     = errors.New("dbbatch: the batch was not sent, or its results not read")
	errNoExec      = errors.New("dbbatch: a batched read cannot Exec")
)

// recorder is the DBTX of the first call: it keeps the statement and answers
// as if there were no rows.
type recorder struct {
	calls int
	sql   string
	args  []any
	row   bool // QueryRow rather than Query
}

func (r *recorder) record(sql string, args []any, row bool) {
	r.calls++
	r.sql, r.args, r.row = sql, args, row
}

func (r *recorder) Exec(context.Context, string, ...any) (pgconn.CommandTag, error) {
	r.calls += 2 // never batched: fails the one-query check
	return pgconn.CommandTag{}, errNoExec
}

func (r *recorder) Query(_ context.Context, sql string, args ...any) (pgx.Rows, error) {
	r.record(sql, args, false)
	return noRows{}, nil
}

func (r *recorder) QueryRow(_ context.Context, sql string, args ...any) pgx.Row {
	r.record(sql, args, true)
	return noRow{}
}

// replay is the DBTX of the second call: it answers the batch's results.
type replay struct {
	rows pgx.Rows
	row  pgx.Row
}

func (r replay) Exec(context.Context, string, ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, errNoExec
}

func (r replay) Query(context.Context, string, ...any) (pgx.Rows, error) {
	if r.rows == nil {
		return nil, errNotOneQuery
	}
	return r.rows, nil
}

func (r replay) QueryRow(context.Context, string, ...any) pgx.Row {
	if r.row == nil {
		return noRow{err: errNotOneQuery}
	}
	return r.row
}

type noRow struct{ err error }

func (r noRow) Scan(...any) error {
	if r.err != nil {
		return r.err
	}
	return pgx.ErrNoRows
}

type noRows struct{}

func (noRows) Close()                                       {}
func (noRows) Err() error                                   { return nil }
func (noRows) CommandTag() pgconn.CommandTag                { return pgconn.CommandTag{} }
func (noRows) FieldDescriptions() []pgconn.FieldDescription { return nil }
func (noRows) Next() bool                                   { return false }
func (noRows) Scan(...any) error                            { return pgx.ErrNoRows }
func (noRows) Values() ([]any, error)                       { return nil, nil }
func (noRows) RawValues() [][]byte                          { return nil }
func (noRows) Conn() *pgx.Conn                              { return nil }
func (noRows) TypeMap() *pgtype.Map                         { return nil }
