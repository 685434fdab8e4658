package bodocuments_test

import (
	"net/http"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// Each page of Documents utiles costs at most 3 round trips (the session's
// included) and writes nothing.
func TestDocumentPagesCostAtMostThreeRoundTrips(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	id := idOf(t, env, order(t, env)[0])
	for _, path := range []string{"/back-office/documents-utiles", "/back-office/documents-utiles/nouveau",
		"/back-office/documents-utiles/" + id + "/modifier", "/back-office/documents-utiles/" + id + "/supprimer"} {
		c.Get(path) // the session's once-a-minute touch is not the page's
		env.Trips.Reset()
		res := c.Get(path)
		if res.StatusCode != http.StatusOK || env.Trips.Trips() > 3 || env.Trips.Writes() != 0 {
			t.Errorf("%s: %d, %d round trips, %d writes", path, res.StatusCode, env.Trips.Trips(), env.Trips.Writes())
		}
	}
}
