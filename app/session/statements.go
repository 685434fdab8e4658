package session

// CleanUpCondition ends the statement of every store's periodic clean-up,
// and no other: the tests that count a page's round trips leave it out.
const CleanUpCondition = "WHERE seen_at < $1 OR login_at < $2"

// statements are the store's SQL on its table. The table's name comes from
// the code (Config.Table), never from a request.
type statements struct {
	read, insert, delete, refresh, cleanUp string
}

func statementsFor(table string) statements {
	return statements{
		// The row must name the user the cookie claims: a cookie with
		// another id opens nothing, and the page read for that id is dropped.
		read:    "SELECT login_at, seen_at FROM " + table + " WHERE k = $1 AND user_id = $2",
		insert:  "INSERT INTO " + table + " (k, user_id, login_at, seen_at) VALUES ($1, $2, $3, $3)",
		delete:  "DELETE FROM " + table + " WHERE k = $1",
		refresh: "UPDATE " + table + " SET seen_at = $2 WHERE k = $1",
		cleanUp: "DELETE FROM " + table + " " + CleanUpCondition,
	}
}
