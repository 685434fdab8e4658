package bomessages_test

import (
	"net/http"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// The messages' pages cost at most 3 round trips (the session's included)
// and write nothing; a search too.
func TestMessagePagesCostAtMostThreeRoundTrips(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	for _, path := range []string{"/back-office/messages", "/back-office/messages/nouveau"} {
		c.Get(path)
		env.Trips.Reset()
		res := c.Get(path)
		if res.StatusCode != http.StatusOK || env.Trips.Trips() > 3 || env.Trips.Writes() != 0 {
			t.Errorf("%s: %d, %d round trips, %d writes", path, res.StatusCode, env.Trips.Trips(), env.Trips.Writes())
		}
	}
	env.Trips.Reset()
	res := c.Submit("/back-office/messages/nouveau", apptest.Values("recherche", "assmat", "action", "rechercher"))
	if res.StatusCode != http.StatusOK || env.Trips.Trips() > 3 || env.Trips.Writes() != 0 {
		t.Errorf("search: %d, %d round trips, %d writes", res.StatusCode, env.Trips.Trips(), env.Trips.Writes())
	}
}
