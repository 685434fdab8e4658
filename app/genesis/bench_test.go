package genesis_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/genesis"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// nationalFile generates a national-size export on the fly, never whole in
// memory: assmats childminders, the first extra of whom hold a second agrément.
type nationalFile struct {
	assmats, extra int
	i              int // next childminder
	buf            bytes.Buffer
	header         bool
}

var (
	noms     = []string{"Bérenger", "Lefèvre", "N'Diaye", "Dupré-Garçon", "Giraud", "Ferrandi", "Rossi", "Oukili", "Çelik", "Martin", "Moreau", "Lambert"}
	prenoms  = []string{"Hélène", "Anaïs", "Noémie", "Maëlle", "Chloé", "Inès", "Zoé", "Léa", "Françoise", "Jérôme"}
	communes = []struct{ cp, nom string }{{"06000", "Nice"}, {"06400", "Cannes"}, {"13001", "Marseille"}, {"69003", "Lyon"}, {"75011", "Paris"}, {"59000", "Lille"}, {"33000", "Bordeaux"}, {"97400", "Saint-Denis"}}
)

func (f *nationalFile) Read(p []byte) (int, error) {
	for f.buf.Len() < len(p) && f.i < f.assmats {
		if !f.header {
			f.buf.WriteString(strings.Join(genesis.Columns, ";") + "\r\n")
			f.header = true
		}
		f.row(f.i, 0)
		if f.i < f.extra {
			f.row(f.i, 1)
		}
		f.i++
	}
	if f.buf.Len() == 0 {
		return 0, io.EOF
	}
	return f.buf.Read(p)
}

func (f *nationalFile) row(i, k int) {
	c := communes[i%len(communes)]
	lieu := "domicile;;;;"
	if i%20 == 0 {
		lieu = fmt.Sprintf("mam;MAM Les Écureuils %d;%d rue des Écoles;%s;%s", i/20, i%90+1, c.cp, c.nom)
	}
	fmt.Fprintf(&f.buf, "%d;Mme;%s;%s;%02d/%02d/%d;Mariée;%d avenue de la Libération;%s;%s;;AG-%d-%d;En cours de validité;01/09/2015;01/09/2020;31/08/2030;4;%d;2;%s;\r\n",
		1000000+i, noms[i%len(noms)], prenoms[i%len(prenoms)], i%28+1, i%12+1, 1960+i%40, i%300+1, c.cp, c.nom, 1000000+i, k, 3+k%2, lieu)
}

// peakRSS is the process's peak resident memory (VmHWM), in MB.
func peakRSS() float64 { return procStatus("VmHWM:") }

// rss is the process's resident memory now (VmRSS), in MB.
func rss() float64 { return procStatus("VmRSS:") }

func procStatus(key string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == key {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkImportNational imports 230,000 childminders and 260,000
// agréments into an empty database, then the same file again (every row
// unchanged). Run it alone, it takes minutes:
//
//	go test ./app/genesis/ -run '^$' -bench ImportNational -benchtime 1x
func BenchmarkImportNational(b *testing.B) {
	if testing.Short() {
		b.Skip("national-size import: minutes")
	}
	ctx := context.Background()
	// The test binary links the whole app (the first-login test's harness),
	// whose start may be the process's peak: the resident memory sampled
	// during the imports, against the one before, is what the import costs.
	runtime.GC()
	before := rss()
	b.ReportMetric(before, "MB-RSS-before")
	var during atomic.Uint64
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				if kb := uint64(rss() * 1024); kb > during.Load() {
					during.Store(kb)
				}
			}
		}
	}()
	for n := 0; n < b.N; n++ {
		pool := pgtest.Pool(b)
		for pass, want := range []int{230000, 0} {
			start := time.Now()
			rep, err := genesis.Import(ctx, pool, &nationalFile{assmats: 230000, extra: 30000}, genesis.Options{})
			if err != nil {
				b.Fatal(err)
			}
			took := time.Since(start)
			if len(rep.Problems) > 0 {
				b.Fatalf("problems: %v", rep.Problems[:min(5, len(rep.Problems))])
			}
			if rep.Rows != 260000 || rep.Created.Assmats != want || rep.Created.Agrements+rep.Unchanged.Agrements != 260000 {
				b.Fatalf("pass %d: rows %d, %s", pass, rep.Rows, rep.Summary())
			}
			name := []string{"s-first", "s-again"}[pass]
			b.ReportMetric(took.Seconds(), name)
			b.Logf("pass %d: %s in %s, RSS max so far %.0f MB (before %.0f MB)", pass, rep.Summary(), took.Round(100*time.Millisecond), float64(during.Load())/1024, before)
		}
	}
	b.ReportMetric(float64(during.Load())/1024, "MB-RSS-max-during")
	b.ReportMetric(peakRSS(), "MB-peak-RSS")
}
