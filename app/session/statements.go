package session

// CleanUpCondition ends the statement of every store's periodic clean-up,
// and no other: the tests that count a page's round trips leave it out.
const CleanUpCondition = "WHERE seen_at < $1 OR login_at < $2"

// statements are the store's SQL on its table. The table's name comes from
// the code (Config.Table), never from a request.
type statements struct {
	insert, insertChecked, delete, refresh, cleanUp string
}

// noSession is the error code of no_session() (migration 0011; 0009's
// session_row before it): PL/pgSQL's no_data_found. The session's statement
// (Config.QueueUser) calls it when no session row matches the key and the
// user the cookie claims, so that a cookie of another user or of no session
// opens nothing, and PostgreSQL skips the rest of the batch.
const noSession = "P0002"

func statementsFor(table, users string) statements {
	return statements{
		insert: "INSERT INTO " + table + " (k, user_id, login_at, seen_at) VALUES ($1, $2, $3, $3)",
		// A sign-in's session, only if the password it checked is still the
		// account's ($4, the hash it was checked against).
		insertChecked: "INSERT INTO " + table + " (k, user_id, login_at, seen_at) SELECT $1, $2, $3, $3 FROM " + users +
			" WHERE id = $2 AND password_hash = $4",
		delete: "DELETE FROM " + table + " WHERE k = $1",
		// Only when the last refresh is a minute old ($3): requests that
		// arrive together write once.
		refresh: "UPDATE " + table + " SET seen_at = $2 WHERE k = $1 AND seen_at <= $3",
		cleanUp: "DELETE FROM " + table + " " + CleanUpCondition,
	}
}
