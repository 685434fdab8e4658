package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// Benchmarks of the pages a childminder reads most, in process, on a real
// database: go test -run '^$' -bench . ./app/web/
// They report the database round trips per page next to the time.

func benchmarkPage(b *testing.B, path string, children int) {
	env := apptest.New(b)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	for i := 0; i < children; i++ {
		c.Get("/enfants-accueillis/nouveau")
		res := c.Submit("/enfants-accueillis/nouveau", with(anna(), "prenom", fmt.Sprintf("Enfant%03d", i)))
		if res.StatusCode != http.StatusSeeOther {
			b.Fatalf("declare: %d", res.StatusCode)
		}
	}
	env.Trips.Reset()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if res := c.Get(path); res.StatusCode != http.StatusOK {
			b.Fatalf("%s: %d", path, res.StatusCode)
		}
	}
	b.ReportMetric(float64(env.Trips.Trips())/float64(b.N), "trips/op")
}

func BenchmarkDashboard(b *testing.B)        { benchmarkPage(b, "/", 0) }
func BenchmarkChildrenListOf50(b *testing.B) { benchmarkPage(b, "/enfants-accueillis", 50) }
func BenchmarkChildFormNew(b *testing.B)     { benchmarkPage(b, "/enfants-accueillis/nouveau", 0) }
func BenchmarkAccountPage(b *testing.B)      { benchmarkPage(b, "/mon-compte", 0) }
