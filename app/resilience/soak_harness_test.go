package resilience

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/departement06/extranet-assmat/app/loadtest"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// soakSample is the process's state at one moment of the soak.
type soakSample struct {
	At         time.Duration // since the load started
	Heap       uint64        // live heap: HeapAlloc just after a forced GC
	RSS        uint64        // resident memory (VmRSS), bytes
	Goroutines int
	Requests   int64 // answered since the load started
}

// takeSample measures the process. The heap is read just after a forced
// collection: HeapAlloc otherwise swings between the live heap and about
// twice it (GOGC=100) with the collector's rhythm, noise far above the 10 %
// the soak allows. Even then, a collection that happens in the middle of a
// few page renders counts their buffers and compressors (megabytes for a
// Brotli writer) as live: the sample keeps the least of three readings
// 20 ms apart, the floor that only memory kept across requests, a leak,
// raises. RSS is read as the kernel sees it: what the machine pays.
func takeSample(at time.Duration, requests int64) (soakSample, error) {
	var heap uint64
	for i := range 3 {
		if i > 0 {
			time.Sleep(20 * time.Millisecond)
		}
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if i == 0 || m.HeapAlloc < heap {
			heap = m.HeapAlloc
		}
	}
	rss, err := residentBytes()
	return soakSample{At: at, Heap: heap, RSS: rss, Goroutines: runtime.NumGoroutine(), Requests: requests}, err
}

// residentBytes reads VmRSS from /proc/self/status.
func residentBytes() (uint64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/self/status")
}

// printSamples writes the samples as a Markdown table.
func printSamples(w io.Writer, samples []soakSample) {
	mib := func(b uint64) string { return fmt.Sprintf("%.1f", float64(b)/(1<<20)) }
	fmt.Fprintln(w, "| t | heap after GC (MiB) | RSS (MiB) | goroutines | requests | rps |")
	fmt.Fprintln(w, "| ---: | ---: | ---: | ---: | ---: | ---: |")
	for i, s := range samples {
		rps := "–"
		if i > 0 {
			rps = fmt.Sprintf("%.0f", float64(s.Requests-samples[i-1].Requests)/(s.At-samples[i-1].At).Seconds())
		}
		fmt.Fprintf(w, "| %s | %s | %s | %d | %d | %s |\n", s.At.Round(time.Second), mib(s.Heap), mib(s.RSS), s.Goroutines, s.Requests, rps)
	}
}

// soakRoute is one kind of request of the soak's mix, as a childminder's
// browser sends it, with the one status it must get.
type soakRoute struct {
	Name      string
	Weight    int
	Anonymous bool
	Method    string
	HTMX      bool
	Status    int
	// Path is the request's path for a user; Body a POST's form.
	Path func(u *soakUser, r *rand.Rand) string
	Body func(u *soakUser) []byte
}

// soakUser is a signed-in childminder with her requests' fixed parts built
// once: the client allocates as little as it can, so that the memory
// measured is the app's.
type soakUser struct {
	*benchUser
	// client is her browser's: one keep-alive connection of her own, no
	// retries (a retried request would hide an error).
	client             *fasthttp.HostClient
	children, messages []string // paths of her children and messages
	validation, addRow []byte   // the child form's POST bodies
}

// soakSearches are words of the bench messages (app/benchdata).
var soakSearches = []string{"formation", "vaccination", "canicule", "assurance", "renouvellement", "meteo"}

// soakRoutes is a morning's mix, with app/loadtest's weights: the dashboard,
// messages and children read; the child form posted with an error (nothing
// is written, the form comes back with its messages) or to add a period row.
func soakRoutes() []soakRoute {
	fixed := func(p string) func(*soakUser, *rand.Rand) string {
		return func(*soakUser, *rand.Rand) string { return p }
	}
	pick := func(list func(*soakUser) []string, fallback string) func(*soakUser, *rand.Rand) string {
		return func(u *soakUser, r *rand.Rand) string {
			if l := list(u); len(l) > 0 {
				return l[r.IntN(len(l))]
			}
			return fallback
		}
	}
	searches := make([]string, len(soakSearches))
	for i, s := range soakSearches {
		searches[i] = paths.Messages + "?" + components.MessagesSearchName + "=" + url.QueryEscape(s)
	}
	return []soakRoute{
		{Name: "login page", Weight: 5, Anonymous: true, Method: "GET", Status: 200, Path: fixed(paths.Login)},
		{Name: "dashboard", Weight: 20, Method: "GET", Status: 200, Path: fixed(paths.Dashboard)},
		{Name: "messages list", Weight: 15, Method: "GET", Status: 200, Path: fixed(paths.Messages)},
		{Name: "messages search", Weight: 5, Method: "GET", Status: 200,
			Path: func(_ *soakUser, r *rand.Rand) string { return searches[r.IntN(len(searches))] }},
		{Name: "message view", Weight: 15, Method: "GET", Status: 200,
			Path: pick(func(u *soakUser) []string { return u.messages }, paths.Messages)},
		{Name: "children list", Weight: 15, Method: "GET", Status: 200, Path: fixed(paths.Children)},
		{Name: "child view", Weight: 10, Method: "GET", Status: 200,
			Path: pick(func(u *soakUser) []string { return u.children }, paths.Children)},
		{Name: "child form, validation error", Weight: 5, Method: "POST", Status: 422,
			Path: fixed(paths.Children + "/nouveau"), Body: func(u *soakUser) []byte { return u.validation }},
		{Name: "add-row fragment", Weight: 5, Method: "POST", HTMX: true, Status: 200,
			Path: fixed(paths.Children + "/nouveau"), Body: func(u *soakUser) []byte { return u.addRow }},
	}
}

// newSoakUser builds her requests' fixed parts.
func newSoakUser(u *benchUser) *soakUser {
	s := &soakUser{benchUser: u}
	for _, id := range u.Children {
		s.children = append(s.children, paths.Children+"/"+strconv.FormatInt(id, 10))
	}
	for _, id := range u.Messages {
		s.messages = append(s.messages, paths.Messages+"/"+strconv.FormatInt(id, 10))
	}
	// The child's name is not typed: VALIDER answers the form with its
	// messages, and nothing is saved.
	s.validation = []byte(loadtest.ChildForm(u.CSRF, components.ActionValidate))
	s.addRow = []byte(loadtest.ChildForm(u.CSRF, components.ActionAddPeriod))
	return s
}

// soakLoad is the soak's users, each a goroutine with her own keep-alive
// connection, who sends a request, reads the answer, thinks, and so on.
type soakLoad struct {
	base     string
	users    []*soakUser
	routes   []soakRoute
	weighted []int // route indexes, each repeated by its weight
	think    time.Duration
	stop     atomic.Bool
	wg       sync.WaitGroup

	requests atomic.Int64
	mu       sync.Mutex
	byRoute  map[string]*soakCount
}

// soakCount is one route's answers.
type soakCount struct {
	Requests, ServerErrors, Unexpected, NoAnswer int
	First                                        string // the first wrong answer
}

func newSoakLoad(base string, users []*benchUser, think time.Duration) *soakLoad {
	u, err := url.Parse(base)
	if err != nil {
		panic(err)
	}
	l := &soakLoad{base: base, think: think, routes: soakRoutes(), byRoute: map[string]*soakCount{}}
	for _, bu := range users {
		su := newSoakUser(bu)
		su.client = &fasthttp.HostClient{Addr: u.Host, MaxConns: 1, MaxIdemponentCallAttempts: 1,
			ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second}
		l.users = append(l.users, su)
	}
	for i, r := range l.routes {
		for range r.Weight {
			l.weighted = append(l.weighted, i)
		}
	}
	return l
}

func (l *soakLoad) start() {
	for i := range l.users {
		l.wg.Add(1)
		go func() { defer l.wg.Done(); l.work(i) }()
	}
}

func (l *soakLoad) halt() {
	l.stop.Store(true)
	l.wg.Wait()
}

func (l *soakLoad) work(i int) {
	u := l.users[i]
	r := rand.New(rand.NewPCG(uint64(i), 12))
	req, res := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	defer fasthttp.ReleaseRequest(req)
	defer fasthttp.ReleaseResponse(res)
	own := make([]soakCount, len(l.routes))
	defer func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		for k, c := range own {
			t := l.byRoute[l.routes[k].Name]
			if t == nil {
				t = &soakCount{}
				l.byRoute[l.routes[k].Name] = t
			}
			t.Requests += c.Requests
			t.ServerErrors += c.ServerErrors
			t.Unexpected += c.Unexpected
			t.NoAnswer += c.NoAnswer
			if t.First == "" {
				t.First = c.First
			}
		}
	}()
	// The users start spread over one think time, not all at once.
	time.Sleep(time.Duration(r.Int64N(int64(l.think) + 1)))
	for !l.stop.Load() {
		k := l.weighted[r.IntN(len(l.weighted))]
		rt := l.routes[k]
		req.Reset()
		res.Reset()
		req.SetRequestURI(l.base + rt.Path(u, r))
		req.Header.SetMethod(rt.Method)
		req.Header.Set("Accept-Encoding", "gzip, deflate, br")
		if !rt.Anonymous {
			req.Header.Set("Cookie", u.Cookie)
		}
		if rt.HTMX {
			req.Header.Set("HX-Request", "true")
		}
		if rt.Body != nil {
			req.Header.SetContentType("application/x-www-form-urlencoded")
			req.SetBodyRaw(rt.Body(u))
		}
		err := u.client.Do(req, res)
		c := &own[k]
		c.Requests++
		l.requests.Add(1)
		switch {
		case err != nil:
			c.NoAnswer++
			if c.First == "" {
				c.First = rt.Name + ": " + err.Error()
			}
		case res.StatusCode() >= 500:
			c.ServerErrors++
			if c.First == "" {
				c.First = fmt.Sprintf("%s: status %d", rt.Name, res.StatusCode())
			}
		case res.StatusCode() != rt.Status:
			c.Unexpected++
			if c.First == "" {
				c.First = fmt.Sprintf("%s: status %d, want %d", rt.Name, res.StatusCode(), rt.Status)
			}
		}
		// Think: uniform over [0, 2 × think], the mean being think.
		time.Sleep(time.Duration(r.Int64N(2*int64(l.think) + 1)))
	}
}
