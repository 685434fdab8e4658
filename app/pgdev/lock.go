package pgdev

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// lockName is the file, inside a cluster's folder, that the running app keeps
// locked: a second app on the same folder would otherwise stop the first
// one's PostgreSQL (see stopStale) and take over.
const lockName = "extranet.lock"

// LockedError says that another process holds a cluster's folder.
type LockedError struct {
	Dir string
	PID int // 0 when it could not be read
}

// Error is in French and English: it is what a newcomer sees on the terminal.
func (e *LockedError) Error() string {
	fr, en := "un autre processus", "another process"
	if e.PID > 0 {
		fr, en = fmt.Sprintf("le processus %d", e.PID), fmt.Sprintf("process %d", e.PID)
	}
	return fmt.Sprintf("le dossier %s est déjà utilisé par %s (une autre instance de l'application) : "+
		"arrêtez-la d'abord, ou choisissez un autre DATA_DIR.\n"+
		"the folder %s is already in use by %s (another instance of the app): stop it first, or choose another DATA_DIR.",
		e.Dir, fr, e.Dir, en)
}

// lockDir takes the folder's lock for as long as the returned file stays
// open, and writes our PID into it for whoever finds it taken. The kernel
// releases an flock when its holder dies: a killed app leaves no stale lock.
// The file is opened close-on-exec, so PostgreSQL (our child) never holds it.
func lockDir(dir string) (*os.File, error) {
	path := filepath.Join(dir, lockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		defer f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			raw, _ := io.ReadAll(io.LimitReader(f, 32))
			pid, _ := strconv.Atoi(strings.TrimSpace(string(raw)))
			return nil, &LockedError{Dir: dir, PID: pid}
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	// The file is kept (removing it would let a third process lock a new
	// one while a second waits on the old); only its content changes.
	err = f.Truncate(0)
	if err == nil {
		_, err = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return f, nil
}
