// Package mailtest is for tests only: a real SMTP server on loopback that
// keeps what it receives, and the decoding of the emails it received. It
// is not imported by the application.
//
// A Sink keeps the emails; each Server is one listening address (a door)
// into a sink. Start gives a server with a sink of its own; Sink.Open gives
// several servers feeding one sink, tagged so the sink tells which received
// what (one per app instance in the resilience tests).
package mailtest

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Message is one email as a server accepted it.
type Message struct {
	Door int // the tag of the server it came in by (Sink.Open's; 0 from Start)
	From string
	To   []string
	Data string
}

// Sink keeps every email its servers receive. The zero value is ready.
type Sink struct {
	mu       sync.Mutex
	received []Message
	// refused counts the sessions refused while a server refuses.
	refused atomic.Int64
}

// Messages is every email received so far, in order of arrival.
func (s *Sink) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.received...)
}

// Refused is how many sessions were refused (see Server.Refuse).
func (s *Sink) Refused() int64 { return s.refused.Load() }

func (s *Sink) add(m Message) {
	s.mu.Lock()
	s.received = append(s.received, m)
	s.mu.Unlock()
}

// reach waits until n emails arrived or within passed, and says whether they did.
func (s *Sink) reach(n int, within time.Duration) bool {
	deadline := time.Now().Add(within)
	for len(s.Messages()) < n {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}

// Wait waits until n emails arrived, failing the test if they have not
// within 15 s, then half a second more so that an extra one shows, and
// returns all received: the caller checks how many.
func (s *Sink) Wait(t testing.TB, n int) []Message {
	t.Helper()
	if !s.reach(n, 15*time.Second) {
		t.Fatalf("%d message(s) received, want %d", len(s.Messages()), n)
	}
	time.Sleep(500 * time.Millisecond)
	return s.Messages()
}

// Exactly waits for n emails (15 s at most), then a second more for a
// further one (a queue polling every 50 ms would have sent it) to show, and
// fails the test unless there are exactly n.
func (s *Sink) Exactly(t testing.TB, n int) []Message {
	t.Helper()
	got, _ := s.WaitFor(n, 15*time.Second, time.Second)
	if len(got) != n {
		t.Fatalf("%d email(s) received, want exactly %d", len(got), n)
	}
	return got
}

// WaitFor waits until n emails arrived or within passed, then settle more
// (so that a further one, a duplicate, shows), and returns what arrived and
// when the wait for the n-th ended. It fails nothing: the caller judges.
func (s *Sink) WaitFor(n int, within, settle time.Duration) (got []Message, at time.Time) {
	s.reach(n, within)
	at = time.Now()
	time.Sleep(settle)
	return s.Messages(), at
}
