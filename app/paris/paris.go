// Package paris is the département's clock: its time zone and what "today"
// means for rules written in days (a declaration's deadline, a period that
// ends today, an agrément that expires). Every feature asks it, so that they
// agree on the day around midnight.
package paris

import (
	"time"
	_ "time/tzdata" // the zone must not depend on the host's files
)

// Location is Europe/Paris.
var Location = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err) // time/tzdata is embedded: this cannot happen
	}
	return loc
}()

// Today is the date in Paris at now, as a UTC midnight like the dates read
// from the database.
func Today(now time.Time) time.Time {
	y, m, d := now.In(Location).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
