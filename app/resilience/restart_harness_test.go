package resilience

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/pgdev"
)

// restartCluster is a PostgreSQL server of the restart test's own, in a temporary
// folder: the test stops it and starts it again on the same port, so that
// the app's pool keeps its URL across the restart as in production, and the
// package's shared cluster (pgtest) is not disturbed. pgdev creates the
// cluster and runs it first; the later runs are started here, since pgdev
// always picks a new port.
type restartCluster struct {
	// URL connects to the "postgres" database as the superuser.
	URL  string
	dir  string
	data string
	port int
	bin  string
	cred *syscall.Credential
	// first is pgdev's run, until it is stopped; then cmd is ours.
	first *pgdev.Cluster
	cmd   *exec.Cmd
	done  chan error
}

// newRestartCluster creates and starts the test's own cluster, durable (fsync and
// synchronous commits on, as in production: a commit the app was told of is
// on disk), and stops it when the test ends.
func newRestartCluster(t *testing.T) *restartCluster {
	t.Helper()
	dir, err := os.MkdirTemp("", "extranet-restart-")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := pgdev.Start(ctx, pgdev.Options{Dir: dir})
	if err != nil {
		_ = os.RemoveAll(dir)
		t.Fatalf("own PostgreSQL cluster: %v", err)
	}
	s := &restartCluster{URL: c.URL, dir: dir, data: filepath.Join(dir, "data"), port: c.Port, first: c}
	t.Cleanup(func() {
		if err := s.stop(); err != nil {
			t.Errorf("stopping the own cluster: %v", err)
		}
		_ = os.RemoveAll(dir)
	})
	// pgdev moves the cluster elsewhere when the server's user cannot reach
	// the folder: the later runs must find it here.
	if _, err := os.Stat(filepath.Join(s.data, "PG_VERSION")); err != nil {
		t.Fatalf("the cluster is not in %s: %v", s.data, err)
	}
	if s.bin, err = pgdev.FindBinDir(); err != nil {
		t.Fatal(err)
	}
	if s.cred, err = pgdev.ServerCredential(); err != nil {
		t.Fatal(err)
	}
	return s
}

// stop asks the server for a fast shutdown (SIGINT: open transactions are
// rolled back, connections terminated, a checkpoint written) and waits for it.
func (s *restartCluster) stop() error {
	if s.first != nil {
		err := s.first.Stop()
		s.first = nil
		return err
	}
	if s.cmd == nil {
		return nil
	}
	defer func() { s.cmd = nil }()
	_ = s.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-s.done:
		return nil
	case <-time.After(30 * time.Second):
		_ = s.cmd.Process.Kill()
		return errors.New("postgres: killed after 30 s without stopping")
	}
}

// start starts the stopped server on its port, as pgdev does (same options,
// same log file), and returns once it accepts connections.
func (s *restartCluster) start(ctx context.Context) error {
	if s.first != nil || s.cmd != nil {
		return errors.New("postgres: already running")
	}
	logFile, err := os.OpenFile(filepath.Join(s.dir, "postgres.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	cmd := exec.Command(filepath.Join(s.bin, "postgres"), "-D", s.data, "-p", strconv.Itoa(s.port),
		"-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200")
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// Its own process group, and it dies with the test binary if that is killed.
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred, Setpgid: true, Pdeathsig: syscall.SIGQUIT}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return err
	}
	s.cmd, s.done = cmd, make(chan error, 1)
	go func() { s.done <- cmd.Wait(); logFile.Close() }()
	for deadline := time.Now().Add(30 * time.Second); ; {
		select {
		case err := <-s.done:
			s.cmd = nil
			return fmt.Errorf("postgres exited while starting: %v (log: %s)", err, filepath.Join(s.dir, "postgres.log"))
		default:
		}
		conn, err := pgx.Connect(ctx, s.URL)
		if err == nil {
			return conn.Close(ctx)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres did not answer: %w", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// servedApp is the extranet served in this process, as `go run ./app`
// serves it (app/main.go): the pages' pool with pgx's defaults, the mail
// queue on a pool of its own, no test clock, the log to a file.
type servedApp struct {
	Base    string // http://127.0.0.1:port
	Pool    *pgxpool.Pool
	LogPath string
}

// serveApp serves the app on a loopback port until the test ends.
func serveApp(t *testing.T, dbURL string) *servedApp {
	t.Helper()
	cfg := defaultConfig(t)
	cfg.DatabaseURL = dbURL
	logPath := filepath.Join(t.TempDir(), "app.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logFile.Close() })
	app := startApp(t, cfg, slog.New(slog.NewTextHandler(logFile, nil)), nil)
	return &servedApp{Base: app.Base, Pool: app.Pool, LogPath: logPath}
}
