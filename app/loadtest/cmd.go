package loadtest

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/app/demo"
	"github.com/departement06/extranet-assmat/app/logbuf"
)

// Main is the loadtest command:
//
//	go run ./app loadtest [-url http://127.0.0.1:3000] [-users 200] [-duration 20s] [-concurrency 32]
//	go run ./app loadtest -inprocess …   the app in this process: round trips and writes per request
//
// open opens the app's database (the embedded default or DATABASE_URL,
// migrated) for -inprocess.
func Main(ctx context.Context, cfg config.Config, args []string, out io.Writer, open func() (dbURL string, close func(), err error)) error {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(out)
	base := fs.String("url", "http://127.0.0.1:3000", "the running app's base URL (ignored with -inprocess)")
	inProcess := fs.Bool("inprocess", false, "start the app in this process on its database (DATABASE_URL or the embedded default, which must not be in use): adds round trips and writes per request")
	dbURL := fs.String("db", "", "the database of the SELECT 1 ceiling with -url (default: DATABASE_URL, else the running embedded default under DATA_DIR)")
	users := fs.Int("users", 200, "bench childminders signed in (B000001…; see seed-bench)")
	duration := fs.Duration("duration", 20*time.Second, "measured time of the whole run (each phase warms up a fifth more)")
	concurrency := fs.Int("concurrency", 32, "connections, one request at a time each")
	agent := fs.String("agent", demo.AgentLogin.Identifiant+":"+demo.AgentLogin.Password, "email:password of the agent whose session measures the back office's childminder search (\"\": none)")
	only := fs.String("only", "", "measure only the routes whose name contains this (e.g. dashboard), after the ceilings; no mix")
	cpuProfile := fs.String("cpuprofile", "", "with -inprocess: write a CPU profile of the whole run (app and client) to this file, for go tool pprof")
	appLog := fs.String("applog", filepath.Join(os.TempDir(), "extranet-loadtest-app.log"), "with -inprocess: where the app's log goes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	logf := func(f string, a ...any) { fmt.Fprintf(os.Stderr, f+"\n", a...) }
	o := Options{BaseURL: strings.TrimSuffix(*base, "/"), Users: *users, Concurrency: *concurrency, Duration: *duration, Only: *only, Agent: *agent, Log: logf}
	if *inProcess {
		url, closeDB, err := open()
		if err != nil {
			return err
		}
		defer closeDB()
		f, err := os.Create(*appLog)
		if err != nil {
			return err
		}
		defer f.Close()
		logf("app log: %s", *appLog)
		// Written in batches, as by the app's own command (app/main.go):
		// a write per request would be measured as the app's.
		appOut := logbuf.New(f)
		defer appOut.Close()
		appBase, pool, counts, stop, err := startApp(ctx, cfg, url, slog.New(slog.NewTextHandler(appOut, nil)))
		if err != nil {
			return err
		}
		defer stop()
		o.BaseURL, o.Pool, o.Counts = appBase, pool, counts
		if *cpuProfile != "" {
			stopProfile, err := startCPUProfile(*cpuProfile)
			if err != nil {
				return err
			}
			defer stopProfile()
		}
	} else {
		url := *dbURL
		if url == "" {
			url = cfg.DatabaseURL
		}
		if url == "" {
			url = embeddedURL(cfg.DataDir)
		}
		if url != "" {
			pool, err := pgxpool.New(ctx, url) // pgxpool's defaults, as the app's pool
			if err != nil {
				return err
			}
			defer pool.Close()
			if err := pool.Ping(ctx); err != nil {
				logf("no database for the SELECT 1 ceiling (%v)", err)
				pool = nil
			}
			o.Pool = pool
		}
	}
	res, err := Run(ctx, o)
	if err != nil {
		return err
	}
	mode := "app at " + o.BaseURL + " (another process: no database counts)"
	if *inProcess {
		mode = "app in this process (round trips and writes counted by a pgx tracer on its pool)"
	}
	fmt.Fprintf(out, "\nMachine: %s, %d cores, GOMAXPROCS %d, %s; %s\n", cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version(), mode)
	fmt.Fprintf(out, "Command: go run ./app loadtest %s\n\n", strings.Join(args, " "))
	res.Print(out)
	for _, s := range append(append([]*stats{}, res.Alone...), res.Mix...) {
		if s.Errors > 0 {
			return errors.New("some requests failed: see the errors column")
		}
	}
	return nil
}

// embeddedURL is the database of the embedded default when an app runs it
// under dataDir (app/pgdev writes its port into postmaster.pid), "" otherwise.
func embeddedURL(dataDir string) string {
	f, err := os.Open(filepath.Join(dataDir, "postgres", "data", "postmaster.pid"))
	if err != nil {
		return ""
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for line := 1; s.Scan(); line++ {
		if line == 4 { // the port, by PostgreSQL's layout of the file
			return fmt.Sprintf("postgres://postgres@127.0.0.1:%s/extranet?sslmode=disable", strings.TrimSpace(s.Text()))
		}
	}
	return ""
}

// startCPUProfile profiles this process until the returned function runs.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}
