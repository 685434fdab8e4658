package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The embedded default as a newcomer uses it: the built command starts its own
// PostgreSQL, serves the login page, signs Gertrude in without JavaScript,
// stops cleanly on SIGTERM, and her session survives a restart.
func TestEmbeddedDefaultServesAndStopsCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the command")
	}
	// t.TempDir's parent is private to root: this also exercises the fallback
	// for a folder the PostgreSQL user cannot reach.
	dir := t.TempDir()
	bin := filepath.Join(dir, "extranet")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	port := freePort(t)
	base := "http://localhost:" + strconv.Itoa(port)
	dataDir := filepath.Join(dir, "var")

	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 10 * time.Second}

	logs := &syncBuffer{}
	stop, _ := start(t, bin, dataDir, port, logs)
	page := get(t, client, base+"/connexion")
	token := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(page)
	if token == nil {
		t.Fatalf("no CSRF field in the login page: %s", page)
	}
	res, err := client.PostForm(base+"/connexion", url.Values{
		"_csrf": {token[1]}, "identifiant": {"100001"}, "mot_de_passe": {"Demo-assmat1"},
	})
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("reading the response: %v", err)
	}
	res.Body.Close()
	if !strings.Contains(string(body), "ASSMAT") || !strings.Contains(string(body), "Gertrude") {
		t.Fatalf("after login: %d %s", res.StatusCode, body)
	}
	stop()
	if !strings.Contains(logs.String(), "PostgreSQL stopped") {
		t.Errorf("PostgreSQL was not stopped with the app:\n%s", logs.String())
	}
	// The cluster moved out of the private temporary folder: remove it too.
	if m := regexp.MustCompile(`the cluster lives in (\S+?)"?\n`).FindStringSubmatch(logs.String()); m != nil {
		t.Cleanup(func() { os.RemoveAll(m[1]) })
	} else {
		t.Errorf("no fallback for a folder the PostgreSQL user cannot reach:\n%s", logs.String())
	}

	stop, _ = start(t, bin, dataDir, port, logs)
	defer stop()
	if page := get(t, client, base+"/"); !strings.Contains(page, "Gertrude") {
		t.Errorf("the session did not survive the restart: %s", page)
	}
}

// A second app on the same DATA_DIR must not stop the first one's PostgreSQL
// and take over: it refuses to start, in French and English, naming the
// process that holds the folder, and the first goes on serving. The embedded
// default also listens on loopback only.
func TestSecondAppOnTheSameDataDirIsRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the command")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "extranet")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dataDir := filepath.Join(dir, "var")
	port := freePort(t)
	logs := &syncBuffer{}
	stop, pid := start(t, bin, dataDir, port, logs)
	defer stop()
	if m := regexp.MustCompile(`the cluster lives in (\S+?)"?\n`).FindStringSubmatch(logs.String()); m != nil {
		t.Cleanup(func() { os.RemoveAll(m[1]) })
	}
	if l, err := net.Listen("tcp", "0.0.0.0:"+strconv.Itoa(port)); err == nil {
		l.Close()
		t.Errorf("the embedded default holds port %d on every interface", port)
	}

	second := exec.Command(bin)
	second.Env = append(os.Environ(), "DATA_DIR="+dataDir, "PORT="+strconv.Itoa(freePort(t)), "DATABASE_URL=", "LISTEN_ADDR=")
	var stderr syncBuffer
	second.Stderr = &stderr
	if err := second.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- second.Wait() }()
	select {
	case err := <-done:
		if err == nil {
			t.Errorf("the second app exited with status 0")
		}
	case <-time.After(30 * time.Second):
		_ = second.Process.Kill()
		t.Fatal("the second app did not refuse to start within 30 s")
	}
	msg := stderr.String()
	for _, want := range []string{"déjà utilisé", "already in use", strconv.Itoa(pid)} {
		if !strings.Contains(msg, want) {
			t.Errorf("the refusal lacks %q:\n%s", want, msg)
		}
	}

	// The first app and its PostgreSQL are untouched: Gertrude can sign in.
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	base := "http://localhost:" + strconv.Itoa(port)
	page := get(t, client, base+"/connexion")
	token := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(page)
	if token == nil {
		t.Fatalf("no login page after the refusal: %s", page)
	}
	res, err := client.PostForm(base+"/connexion", url.Values{
		"_csrf": {token[1]}, "identifiant": {"100001"}, "mot_de_passe": {"Demo-assmat1"},
	})
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("reading the response: %v", err)
	}
	res.Body.Close()
	if !strings.Contains(string(body), "Gertrude") {
		t.Errorf("the first app no longer works after the refusal: %d %s", res.StatusCode, body)
	}
}

// start runs the command and waits for its banner; the returned func sends
// SIGTERM and waits for a clean exit. pid is the app's process.
func start(t *testing.T, bin, dataDir string, port int, logs io.Writer) (stop func(), pid int) {
	t.Helper()
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "DATA_DIR="+dataDir, "PORT="+strconv.Itoa(port), "DATABASE_URL=", "LISTEN_ADDR=")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan string, 1)
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		var seen strings.Builder
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			seen.WriteString(sc.Text() + "\n")
			if strings.HasPrefix(sc.Text(), "Stop with Ctrl-C") {
				ready <- seen.String()
			}
		}
	}()
	select {
	case <-exited:
		t.Fatal("the app exited before serving")
	case banner := <-ready:
		for _, want := range []string{"http://localhost:" + strconv.Itoa(port), "100001", "Demo-assmat1", "100002", "Temp-2025a", "100003",
			"Listening on 127.0.0.1:" + strconv.Itoa(port) + ": this computer only"} {
			if !strings.Contains(banner, want) {
				t.Errorf("start-up banner lacks %q:\n%s", want, banner)
			}
		}
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("the app did not start within 60 s")
	}
	stopped := false
	return func() {
		if stopped {
			return
		}
		stopped = true
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("exit after SIGTERM: %v", err)
			}
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			t.Error("the app did not stop within 30 s of SIGTERM")
		}
	}, cmd.Process.Pid
}

func get(t *testing.T, c *http.Client, u string) string {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("reading the response: %v", err)
	}
	return string(b)
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func TestUnknownCommandIsRefused(t *testing.T) {
	if err := run(context.Background(), []string{"frobnicate"}); err == nil || !strings.Contains(err.Error(), "unknown command") {
		t.Errorf("err = %v", err)
	}
}

func TestMigrateNeedsDatabaseURL(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	if err := run(context.Background(), []string{"migrate"}); err == nil || !strings.Contains(err.Error(), "DATABASE_URL") {
		t.Errorf("err = %v", err)
	}
}

// syncBuffer collects the app's log lines while the test reads them.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
