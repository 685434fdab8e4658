package components

import (
	"time"
	_ "time/tzdata" // the Paris zone must not depend on the host
)

// Date shows a date as the département does: 02/02/1990.
func Date(t time.Time) string { return t.Format("02/01/2006") }

// DateTime shows a moment in Paris time: "Le 21/10/2024 à 15:31".
func DateTime(t time.Time) string {
	return t.In(paris).Format("Le 02/01/2006 à 15:04")
}

var paris = mustZone("Europe/Paris")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // time/tzdata is embedded by the app: this cannot happen
	}
	return loc
}
