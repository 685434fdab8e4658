// Package pgdev runs a private PostgreSQL cluster from the system's PostgreSQL
// binaries: the embedded default of `go run ./app` and the database of the tests.
// Nothing is downloaded: the binaries must already be installed.
package pgdev

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrNoBinaries is returned when no PostgreSQL server binaries can be found.
var ErrNoBinaries = errors.New("no PostgreSQL server binaries found (looked for initdb on PATH and in /usr/lib/postgresql/*/bin): install them (Debian: apt-get install postgresql) or set DATABASE_URL")

// Options tune a cluster.
type Options struct {
	// Dir holds the cluster's data directory ("data") and its log file.
	Dir string
	// Fast trades durability for speed (fsync off): for tests only.
	Fast bool
	// Log receives progress lines; nil discards them.
	Log func(format string, args ...any)
}

// Cluster is a running private PostgreSQL server.
type Cluster struct {
	// URL connects to the "postgres" database as the superuser.
	URL  string
	Port int
	cmd  *exec.Cmd
	done chan error
	// lock keeps a second app off the folder while this cluster runs.
	lock *os.File
}

// FindBinDir returns the directory that holds initdb and postgres: the PATH
// first, then the newest /usr/lib/postgresql/*/bin.
func FindBinDir() (string, error) {
	return findBinDir(exec.LookPath, "/usr/lib/postgresql/*/bin/postgres")
}

func findBinDir(lookPath func(string) (string, error), glob string) (string, error) {
	if p, err := lookPath("initdb"); err == nil {
		dir := filepath.Dir(p)
		if _, err := os.Stat(filepath.Join(dir, "postgres")); err == nil {
			return dir, nil
		}
	}
	matches, _ := filepath.Glob(glob)
	sort.Slice(matches, func(i, j int) bool { return versionOf(matches[i]) > versionOf(matches[j]) })
	for _, m := range matches {
		dir := filepath.Dir(m)
		if _, err := os.Stat(filepath.Join(dir, "initdb")); err == nil {
			return dir, nil
		}
	}
	return "", ErrNoBinaries
}

func versionOf(path string) int {
	// /usr/lib/postgresql/15/bin/postgres → 15
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return v
}

// Start creates the cluster under opts.Dir if it does not exist yet, then
// starts it on a free loopback port and waits until it accepts connections.
func Start(ctx context.Context, opts Options) (*Cluster, error) {
	logf := opts.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	bin, err := FindBinDir()
	if err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	cred, err := ServerCredential()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	// Before anything else: another app may be running on this folder.
	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	started := false
	defer func() {
		if !started {
			lock.Close()
		}
	}()
	if cred != nil && !reachable(filepath.Dir(dir), cred) {
		// Under /root, say: the server's user cannot traverse the parents.
		// Keep the cluster where it can, stable for this project folder.
		sum := sha256.Sum256([]byte(dir))
		fallback := filepath.Join(os.TempDir(), "extranet-assmat-pg-"+hex.EncodeToString(sum[:4]))
		logf("the PostgreSQL user cannot reach %s; the cluster lives in %s", dir, fallback)
		dir = fallback
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
	}
	data := filepath.Join(dir, "data")
	if cred != nil {
		// initdb and postgres refuse to run as root: the server runs as an
		// unprivileged user, who must own its directory.
		if err := os.Chown(dir, int(cred.Uid), int(cred.Gid)); err != nil {
			return nil, err
		}
	}
	if _, err := os.Stat(filepath.Join(data, "PG_VERSION")); err != nil {
		logf("creating a PostgreSQL cluster in %s", data)
		initdb := exec.CommandContext(ctx, filepath.Join(bin, "initdb"),
			"-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")
		initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		if out, err := initdb.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("initdb: %w: %s", err, out)
		}
	}
	// A server left behind by a killed run would hold the data directory.
	stopStale(data, logf)

	port, err := freePort()
	if err != nil {
		return nil, err
	}
	args := []string{"-D", data, "-p", strconv.Itoa(port),
		"-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
		"-c", "max_connections=200"}
	if opts.Fast {
		args = append(args, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	logFile, err := os.OpenFile(filepath.Join(dir, "postgres.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(filepath.Join(bin, "postgres"), args...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Credential: cred,
		// Its own process group, so that Ctrl-C reaches the app, which then
		// stops the server cleanly; and the server dies with us if we are killed.
		Setpgid:   true,
		Pdeathsig: syscall.SIGQUIT,
	}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	c := &Cluster{
		URL:  fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port),
		Port: port,
		cmd:  cmd,
		done: make(chan error, 1),
		lock: lock,
	}
	started = true // from here on, Stop releases the lock
	go func() { c.done <- cmd.Wait(); logFile.Close() }()
	if err := c.waitReady(ctx, 30*time.Second); err != nil {
		_ = c.Stop()
		return nil, fmt.Errorf("%w (log: %s)", err, filepath.Join(dir, "postgres.log"))
	}
	return c, nil
}

func (c *Cluster) waitReady(ctx context.Context, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		select {
		case err := <-c.done:
			c.done <- err
			return fmt.Errorf("postgres exited while starting: %v", err)
		default:
		}
		conn, err := pgx.Connect(ctx, c.URL)
		if err == nil {
			conn.Close(ctx)
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres did not answer: %w", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Stop asks the server for a fast shutdown, waits for it, then lets another
// app have the folder.
func (c *Cluster) Stop() error {
	if c == nil {
		return nil
	}
	defer c.unlock()
	if c.cmd.Process == nil {
		return nil
	}
	_ = c.cmd.Process.Signal(syscall.SIGINT)
	select {
	case err := <-c.done:
		c.done <- err // a second Stop returns at once
		return nil
	case <-time.After(30 * time.Second):
		_ = c.cmd.Process.Kill()
		return errors.New("postgres: killed after 30 s without stopping")
	}
}

func (c *Cluster) unlock() {
	if c.lock != nil {
		c.lock.Close()
		c.lock = nil
	}
}

// ServerCredential returns the unprivileged user to run the server as when we
// are root (PostgreSQL refuses root), or nil when we are not. app/resilience
// runs its own restartable server as the same user.
func ServerCredential() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
	}
	return nil, errors.New("running as root, but neither a 'postgres' nor a 'nobody' user exists to run PostgreSQL")
}

// reachable is true when the user of cred may traverse every directory of path.
func reachable(path string, cred *syscall.Credential) bool {
	for p := path; ; p = filepath.Dir(p) {
		var st syscall.Stat_t
		if err := syscall.Stat(p, &st); err != nil {
			return false
		}
		mode := st.Mode
		ok := mode&0o001 != 0 ||
			(st.Uid == cred.Uid && mode&0o100 != 0) ||
			(st.Gid == cred.Gid && mode&0o010 != 0)
		if !ok {
			return false
		}
		if p == filepath.Dir(p) {
			return true
		}
	}
}

// stopStale stops a server that a previous, killed run left on this data
// directory. The PID in postmaster.pid may since belong to anything (and we
// may be root): only a PostgreSQL server of this very data directory is
// signalled. Anything else is left alone, and PostgreSQL itself then decides
// whether the file is stale.
func stopStale(data string, logf func(string, ...any)) {
	raw, err := os.ReadFile(filepath.Join(data, "postmaster.pid"))
	if err != nil {
		return
	}
	pid, err := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(raw), "\n", 2)[0]))
	if err != nil || pid <= 0 || pid == os.Getpid() {
		return
	}
	proc, err := os.FindProcess(pid)
	if err != nil || proc.Signal(syscall.Signal(0)) != nil {
		return // not running: postgres removes the stale file itself
	}
	if !isPostmasterOf(pid, data) {
		logf("postmaster.pid names process %d, which is not this cluster's PostgreSQL: left alone", pid)
		return
	}
	logf("stopping the PostgreSQL server (process %d) that a previous run left on %s", pid, data)
	_ = proc.Signal(syscall.SIGINT)
	for i := 0; i < 100 && isPostmasterOf(pid, data); i++ {
		time.Sleep(100 * time.Millisecond)
	}
}

// isPostmasterOf is true when process pid runs a "postgres" executable whose
// command line names data with -D, as Start launches it. Read from /proc;
// when it cannot be read, the answer is no.
func isPostmasterOf(pid int, data string) bool {
	exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid))
	if err != nil {
		return false
	}
	// A binary replaced by a package upgrade while running reads "… (deleted)".
	if filepath.Base(strings.TrimSuffix(exe, " (deleted)")) != "postgres" {
		return false
	}
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return false
	}
	args := strings.Split(strings.TrimRight(string(raw), "\x00"), "\x00")
	for i := 0; i+1 < len(args); i++ {
		if args[i] == "-D" && filepath.Clean(args[i+1]) == filepath.Clean(data) {
			return true
		}
	}
	return false
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
