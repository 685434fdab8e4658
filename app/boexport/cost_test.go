package boexport_test

import (
	"net/http"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/boexport"
)

// The form costs the agent's session (2 round trips: the session, the
// agent) and writes nothing; a download 3 more (the scope's check, the
// audit line, the rows' query, however many rows) and writes only its
// audit line.
func TestExportRoundTrips(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	fixture(t, env)
	c := agent(t, env)
	for _, tc := range []struct {
		path          string
		trips, writes int64
	}{
		{boexport.PathForm, 2, 0},
		{boexport.PathFile + "?commune=Eze", 5, 1},
		{boexport.PathFile, 5, 1},
	} {
		c.Get(boexport.PathForm) // the session's once-a-minute touch is not the page's
		env.Trips.Reset()
		res := c.Get(tc.path, apptest.Header{Name: "Accept-Encoding", Value: "gzip"})
		if res.StatusCode != http.StatusOK || env.Trips.Trips() > tc.trips || env.Trips.Writes() != tc.writes {
			t.Errorf("%s: %d, %d round trips (at most %d), %d writes (want %d)", tc.path, res.StatusCode,
				env.Trips.Trips(), tc.trips, env.Trips.Writes(), tc.writes)
		}
	}
}
