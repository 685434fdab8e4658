package pgdev

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindBinDirSaysWhatToInstall(t *testing.T) {
	notFound := func(string) (string, error) { return "", errors.New("not found") }
	_, err := findBinDir(notFound, filepath.Join(t.TempDir(), "*", "bin", "postgres"))
	if !errors.Is(err, ErrNoBinaries) {
		t.Fatalf("err = %v", err)
	}
	msg := err.Error()
	if strings.Contains(msg, "\\n") || !strings.Contains(msg, "apt-get install postgresql") || !strings.Contains(msg, "DATABASE_URL") {
		t.Errorf("message should be one line naming the fix: %q", msg)
	}
}

func TestFindBinDirPrefersTheNewestVersion(t *testing.T) {
	root := t.TempDir()
	for _, v := range []string{"9", "15", "13"} {
		bin := filepath.Join(root, v, "bin")
		if err := os.MkdirAll(bin, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"postgres", "initdb"} {
			if err := os.WriteFile(filepath.Join(bin, f), nil, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	notFound := func(string) (string, error) { return "", errors.New("not found") }
	dir, err := findBinDir(notFound, filepath.Join(root, "*", "bin", "postgres"))
	if err != nil || dir != filepath.Join(root, "15", "bin") {
		t.Errorf("dir = %q, %v", dir, err)
	}
}
