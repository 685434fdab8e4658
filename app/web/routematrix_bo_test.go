package web_test

import (
	"net/http"
	"strconv"
)

// Targets of the back office's Documents utiles rows (app/bodocuments): a
// new entry for each request, so that a delete or a move always has
// something to do, whatever an earlier request did.
var (
	boDocument = matrixTarget{"an entry of Documents utiles", func(fx *matrixFixture, _ bool) map[string]string {
		var id int64
		fx.env.QueryRow(`SELECT min(id) FROM documents`, nil, &id)
		return map[string]string{"id": strconv.FormatInt(id, 10)}
	}}
	// Last: it can move up.
	boNewLastDocument = matrixTarget{"a new entry, last", func(fx *matrixFixture, _ bool) map[string]string {
		return map[string]string{"id": strconv.FormatInt(fx.newDocument(`(SELECT COALESCE(max(position), 0) + 1 FROM documents)`), 10)}
	}}
	// First: it can move down.
	boNewFirstDocument = matrixTarget{"a new entry, first", func(fx *matrixFixture, _ bool) map[string]string {
		return map[string]string{"id": strconv.FormatInt(fx.newDocument(`(SELECT COALESCE(min(position), 0) - 1 FROM documents)`), 10)}
	}}
)

// newDocument adds a link at the position the SQL expression gives.
func (fx *matrixFixture) newDocument(position string) int64 {
	fx.t.Helper()
	var id int64
	fx.env.QueryRow(`INSERT INTO documents (title, url, position) VALUES ('Entrée de la matrice', 'https://example.fr/', `+position+`) RETURNING id`, nil, &id)
	return id
}

// boMoved: a move without JavaScript (or from outside the list) comes back
// to the list's anchor; htmx from the list itself gets the list in place
// (app/bodocuments' tests).
var boMoved = matrixWant{status: http.StatusSeeOther, to: "/back-office/documents-utiles#documents-liste"}.changing("documents", "audit_log")
