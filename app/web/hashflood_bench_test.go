package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/app/demo"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// The figure asked of the hashing bound: 200 concurrent anonymous requests
// that each need an argon2id hash (64 MiB) keep the process under 600 MB and
// a signed-in childminder's page under 100 ms at the 99th percentile.
//
//	go test -run '^$' -bench HashFlood -benchtime 1x ./app/web/
//
// Each request comes from its own address (X-Forwarded-For from a trusted
// proxy) for an identifier of its own, so that no throttle refuses it: only
// the semaphore stands between the flood and the memory.
const (
	floodRequests = 200
	floodMaxRSSMB = 600
	floodMaxP99ms = 100
)

func BenchmarkHashFlood(b *testing.B) {
	env := apptest.NewOn(b, pgtest.URL(b), nil, func(c *config.Config) { c.TrustedProxies = []string{"127.0.0.1"} })
	if _, err := demo.Load(context.Background(), env.Pool); err != nil {
		b.Fatal(err)
	}
	base := env.Serve()
	user := env.Client()
	user.Login("100001", "Demo-assmat1")
	session := user.Cookie("extranet_session")
	anon := env.Client()
	anon.Get("/connexion")
	csrfCookie := "extranet_csrf=" + anon.Cookie("extranet_csrf")
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: floodRequests}}

	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resetPeakRSS(b)
		statuses := map[int]int{}
		var mu sync.Mutex
		var flood sync.WaitGroup
		for r := 0; r < floodRequests; r++ {
			flood.Add(1)
			go func() {
				defer flood.Done()
				form := url.Values{"identifiant": {fmt.Sprintf("9%05d", i*floodRequests+r)}, "mot_de_passe": {"Mauvais-1"}, "_csrf": {anon.CSRF}}
				req, _ := http.NewRequest(http.MethodPost, base+"/connexion", strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Cookie", csrfCookie)
				req.Header.Set("X-Forwarded-For", fmt.Sprintf("198.51.%d.%d", 100+r/250, r%250+1))
				status := 0
				if res, err := client.Do(req); err == nil {
					status = res.StatusCode
					res.Body.Close()
				}
				mu.Lock()
				statuses[status]++
				mu.Unlock()
			}()
		}
		done := make(chan struct{})
		go func() { flood.Wait(); close(done) }()
		var latencies []time.Duration
		for browsing := true; browsing; {
			select {
			case <-done:
				browsing = false
			default:
			}
			req, _ := http.NewRequest(http.MethodGet, base+"/", nil)
			req.Header.Set("Cookie", "extranet_session="+session)
			start := time.Now()
			res, err := client.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				b.Fatalf("signed-in page during the flood: %d", res.StatusCode)
			}
			latencies = append(latencies, time.Since(start))
			time.Sleep(10 * time.Millisecond)
		}
		peak := peakRSSMB(b)
		slices.Sort(latencies)
		p99 := latencies[len(latencies)*99/100]
		b.ReportMetric(peak, "peak-RSS-MB")
		b.ReportMetric(float64(latencies[len(latencies)/2].Microseconds())/1000, "GET-p50-ms")
		b.ReportMetric(float64(p99.Microseconds())/1000, "GET-p99-ms")
		b.ReportMetric(float64(statuses[http.StatusUnprocessableEntity]), "checked")
		b.ReportMetric(float64(statuses[http.StatusServiceUnavailable]), "503s")
		b.Logf("%d signed-in GETs during the flood; answers %v", len(latencies), statuses)
		if peak > floodMaxRSSMB {
			b.Errorf("peak RSS %.0f MB during the flood, want under %d MB", peak, floodMaxRSSMB)
		}
		if p99 > floodMaxP99ms*time.Millisecond {
			b.Errorf("signed-in GET p99 %v during the flood (%d samples), want under %d ms", p99, len(latencies), floodMaxP99ms)
		}
		if statuses[http.StatusUnprocessableEntity]+statuses[http.StatusServiceUnavailable] != floodRequests {
			b.Errorf("answers %v: every request must be checked (422) or refused as overloaded (503)", statuses)
		}
	}
}

// resetPeakRSS restarts the kernel's peak-RSS count of this process (Linux).
func resetPeakRSS(b *testing.B) {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		b.Fatalf("cannot reset the peak RSS: %v", err)
	}
}

// peakRSSMB is the process's peak resident memory since the last reset.
func peakRSSMB(b *testing.B) float64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err != nil {
				b.Fatal(err)
			}
			return float64(kb) / 1024
		}
	}
	b.Fatal("no VmHWM in /proc/self/status")
	return 0
}
