package logbuf

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// Lines written by many goroutines all arrive, whole, within FlushEvery, and
// Close writes what was left.
func TestLinesArriveWholeAndInTime(t *testing.T) {
	var out syncBuffer
	w := New(&out)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				if _, err := fmt.Fprintf(w, "goroutine=%d line=%d\n", g, i); err != nil {
					t.Error(err)
				}
			}
		}(g)
	}
	wg.Wait()
	if _, err := w.Write([]byte("last\n")); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * FlushEvery)
	for !strings.HasSuffix(out.String(), "last\n") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.HasSuffix(out.String(), "last\n") {
		t.Fatal("the last line did not arrive within a few flush periods")
	}
	if _, err := w.Write([]byte("after\n")); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 8*500+2 || lines[len(lines)-1] != "after" {
		t.Fatalf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
	for _, l := range lines[:len(lines)-2] {
		if !strings.HasPrefix(l, "goroutine=") || !strings.Contains(l, " line=") {
			t.Fatalf("a line was cut or mixed: %q", l)
		}
	}
}
