// Cases for TestTheRuleCanFail: each line ending in a want comment must be
// reported, no other line. Parsed only, never compiled.
package cases

func dropped(t *testing.T, ctx context.Context, pool *pgxpool.Pool, q *db.Queries, th *throttle.Throttle) {
	var n int
	_ = pool.QueryRow(ctx, `SELECT 1`).Scan(&n)                  // want "pool.QueryRow(…).Scan is assigned to _"
	_, _ = pool.Exec(ctx, `DELETE FROM children`)                // want "pool.Exec is assigned to _"
	pool.Exec(ctx, `DELETE FROM children`)                       // want "the error of pool.Exec is dropped"
	env.Pool.QueryRow(context.Background(), `SELECT 1`).Scan(&n) // want "env.Pool.QueryRow(…).Scan is dropped"
	child, _ := q.GetChild(ctx, 1)                               // want "q.GetChild is assigned to _"
	q.GetChild(ctx, 1)                                           // want "the error of q.GetChild is dropped"
	if r, _ := th.Reserve(ctx, ip); r.Allowed() {                // want "th.Reserve is assigned to _"
	}
	if at, _ := th.RetryAt(t.Context(), id); at.IsZero() { // want "th.RetryAt is assigned to _"
	}
	conn, _ := pgx.Connect(ctx, url) // want "pgx.Connect is assigned to _"
	tx, _ := pool.Begin(ctx)         // want "pool.Begin is assigned to _"
	tx.Commit(ctx)                   // want "tx.Commit is dropped"
	t.Cleanup(func() {
		_, _ = admin.Exec(ctx, "ALTER DATABASE x ALLOW_CONNECTIONS true") // want "admin.Exec is assigned to _"
	})

	// Assigned, then never read, or overwritten before it is read.
	err := pool.QueryRow(ctx, `SELECT 1`).Scan(&n) // want "assigned to err and never checked"
	err = pool.QueryRow(ctx, `SELECT 2`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	_, execErr := pool.Exec(ctx, `SELECT 3`) // want "assigned to execErr and never checked"
	saveErr := th.Save(ctx, child)           // want "assigned to saveErr and never checked"

	// Rows read without rows.Err().
	rows, err := pool.Query(ctx, `SELECT id FROM children`) // want "rows.Err() is never checked"
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
	}
}

func checked(t *testing.T, ctx context.Context, pool *pgxpool.Pool, q *db.Queries, sc *bufio.Scanner, u *url.URL) {
	var n int
	if err := pool.QueryRow(ctx, `SELECT 1`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `DELETE FROM children`); err != nil {
		t.Fatal(err)
	}
	err := pool.QueryRow(ctx, `SELECT 1`).Scan(&n)
	if err != nil || n != 1 {
		t.Errorf("%d, %v", n, err)
	}
	child, err := q.GetChild(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := pool.Query(ctx, `SELECT id FROM children`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	ids, err := pool.Query(ctx, `SELECT id FROM children`)
	if err != nil {
		t.Fatal(err)
	}
	all, err := pgx.CollectRows(ids, pgx.RowTo[int64])
	if err != nil {
		t.Fatal(err)
	}
	// Not queries: bufio's Scan() and url's Query() take no argument,
	// ok is not an error, a deferred Rollback is the usual safety net.
	for sc.Scan() {
	}
	_ = u.Query()
	v, ok := cache.Get(ctx, "k")
	defer tx.Rollback(ctx)
	_ = cluster.Stop()
	return pool.QueryRow(ctx, `SELECT 1`).Scan(&n)
}
