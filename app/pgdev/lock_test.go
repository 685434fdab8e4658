package pgdev

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// flock locks belong to an open file description: two opens in one process
// conflict as two processes do.
func TestLockDirRefusesASecondHolder(t *testing.T) {
	dir := t.TempDir()
	first, err := lockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = lockDir(dir)
	var locked *LockedError
	if !errors.As(err, &locked) {
		first.Close()
		t.Fatalf("second lock: %v, want a LockedError", err)
	}
	if locked.PID != os.Getpid() || locked.Dir != dir {
		t.Errorf("LockedError %+v, want PID %d and dir %s", locked, os.Getpid(), dir)
	}
	msg := err.Error()
	for _, want := range []string{"déjà utilisé", "already in use", strconv.Itoa(os.Getpid()), dir, "DATA_DIR"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
	first.Close()
	again, err := lockDir(dir)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	again.Close()
}

// The lock held by another process names it, and is released by the kernel
// when that process is killed: a crashed app does not block the next one.
func TestLockDirNamesTheHolderAndDiesWithIt(t *testing.T) {
	if dir := os.Getenv("PGDEV_HOLD_LOCK"); dir != "" {
		holdLockForParent(dir)
		return
	}
	dir := t.TempDir()
	child := exec.Command(os.Args[0], "-test.run=^TestLockDirNamesTheHolderAndDiesWithIt$")
	child.Env = append(os.Environ(), "PGDEV_HOLD_LOCK="+dir)
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = child.Process.Kill(); _ = child.Wait() }()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "locked" {
		t.Fatalf("child: %q %v", line, err)
	}

	_, err = lockDir(dir)
	var locked *LockedError
	if !errors.As(err, &locked) || locked.PID != child.Process.Pid {
		t.Fatalf("lock held by process %d: got %v (%+v)", child.Process.Pid, err, locked)
	}
	if !strings.Contains(err.Error(), fmt.Sprint(child.Process.Pid)) {
		t.Errorf("message does not name process %d: %s", child.Process.Pid, err)
	}

	_ = child.Process.Kill()
	_ = child.Wait()
	f, err := lockDir(dir)
	if err != nil {
		t.Fatalf("lock after the holder was killed: %v", err)
	}
	f.Close()
}

func holdLockForParent(dir string) {
	f, err := lockDir(dir)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	defer f.Close()
	fmt.Println("locked")
	time.Sleep(time.Minute) // until the parent kills us
	os.Exit(0)
}

// The real thing: a second Start on a folder whose cluster runs is refused,
// and the first cluster keeps serving. The start-up check that stops a server
// left by a killed run recognises that server (and only it).
func TestSecondStartOnTheSameFolderIsRefused(t *testing.T) {
	if _, err := FindBinDir(); err != nil {
		t.Skip(err)
	}
	dir, err := os.MkdirTemp("", "extranet-pgdev-lock-") // t.TempDir's parent is private to root
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	first, err := Start(ctx, Options{Dir: dir, Fast: true})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Stop()

	second, err := Start(ctx, Options{Dir: dir, Fast: true})
	var locked *LockedError
	if !errors.As(err, &locked) || locked.PID != os.Getpid() {
		if second != nil {
			second.Stop()
		}
		t.Fatalf("second Start: %v, want a LockedError naming us", err)
	}
	conn, err := pgx.Connect(ctx, first.URL)
	if err != nil {
		t.Fatalf("the first cluster stopped answering: %v", err)
	}
	conn.Close(ctx)

	data := filepath.Join(dir, "data")
	pid := first.cmd.Process.Pid
	if !isPostmasterOf(pid, data) {
		t.Errorf("our own server (process %d) is not recognised as the postmaster of %s", pid, data)
	}
	if isPostmasterOf(pid, filepath.Join(dir, "autre")) {
		t.Errorf("our server is taken for the postmaster of another data directory")
	}
	// As after a killed app: the next start stops the server it finds.
	stopStale(data, t.Logf)
	select {
	case err := <-first.done:
		first.done <- err
	case <-time.After(15 * time.Second):
		t.Fatal("the server left on the data directory was not stopped")
	}
}

// A stale postmaster.pid whose PID now belongs to an unrelated process: that
// process must not receive a signal (the app may run as root).
func TestStopStaleSparesAnUnrelatedProcess(t *testing.T) {
	data := t.TempDir()
	sleeper := exec.Command("sleep", "60")
	if err := sleeper.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- sleeper.Wait() }()
	defer func() { _ = sleeper.Process.Kill(); <-exited }()

	pidFile := fmt.Sprintf("%d\n%s\n1700000000\n5432\n\n127.0.0.1\n  5432001  0\nready   \n", sleeper.Process.Pid, data)
	if err := os.WriteFile(filepath.Join(data, "postmaster.pid"), []byte(pidFile), 0o600); err != nil {
		t.Fatal(err)
	}
	if isPostmasterOf(sleeper.Process.Pid, data) {
		t.Fatal("sleep taken for a PostgreSQL server")
	}
	var said []string
	stopStale(data, func(f string, a ...any) { said = append(said, fmt.Sprintf(f, a...)) })
	select {
	case err := <-exited:
		exited <- err
		t.Fatalf("the unrelated process was signalled: %v", err)
	case <-time.After(500 * time.Millisecond):
	}
	if len(said) == 0 || !strings.Contains(said[0], strconv.Itoa(sleeper.Process.Pid)) {
		t.Errorf("nothing said about the process left alone: %q", said)
	}
}
