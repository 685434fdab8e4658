package mailtest

import (
	"context"
	"errors"
	"io"
	"log"
	"math/rand/v2"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// Server is one listening SMTP server (a door) of a Sink; the sink's
// methods (Messages, Wait…) are the server's, and speak of every email the
// sink received, by this server or another of the same sink.
type Server struct {
	*Sink
	door int
	addr string
	// refusing makes the server answer 451 to EHLO: up, but refusing mail.
	refusing atomic.Bool
	// slow is how long the server takes to accept each email's data.
	slow atomic.Int64
	mu   sync.Mutex
	srv  *smtp.Server
	// l is srv's listener, closed by Stop as well: srv only knows it once
	// its Serve goroutine has run, which a Stop right after a start outruns.
	l net.Listener
}

// Start starts a server with a sink of its own on any free loopback port.
func Start(t testing.TB) *Server {
	t.Helper()
	s := &Server{Sink: &Sink{}}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = l.Addr().String()
	s.serve(l)
	t.Cleanup(s.close)
	return s
}

// Open starts a new server of the sink, tagged door, on a loopback port
// outside the ephemeral range, so that no outgoing connection takes the
// port while the server is stopped (see Stop and Restart).
func (s *Sink) Open(t testing.TB, door int) *Server {
	t.Helper()
	d := &Server{Sink: s, door: door}
	low := ephemeralLow()
	for try := 0; d.addr == "" && try < 200; try++ {
		l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(10000+rand.IntN(low-10000)))
		if err == nil {
			d.addr = l.Addr().String()
			d.serve(l)
		}
	}
	if d.addr == "" {
		t.Fatal("no free loopback port for the SMTP server")
	}
	t.Cleanup(d.close)
	return d
}

// ephemeralLow is the first port the kernel hands out to outgoing connections.
func ephemeralLow() int {
	b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	if f := strings.Fields(string(b)); err == nil && len(f) == 2 {
		if n, err := strconv.Atoi(f[0]); err == nil && n > 11000 {
			return n
		}
	}
	return 32768
}

// Addr is the server's host:port.
func (d *Server) Addr() string { return d.addr }

// URL is the server as app/mail's SMTP_URL: plain SMTP, no TLS.
func (d *Server) URL() string { return "smtp://" + d.addr + "?tls=none" }

// Refuse makes the server, from its next session on, answer 451 to EHLO
// (up, but refusing mail), or accept mail again.
func (d *Server) Refuse(on bool) { d.refusing.Store(on) }

// Slow makes the server take by long to accept each email's data.
func (d *Server) Slow(by time.Duration) { d.slow.Store(int64(by)) }

func (d *Server) serve(l net.Listener) {
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		if d.refusing.Load() {
			d.refused.Add(1)
			return nil, errors.New("service temporarily unavailable")
		}
		return &session{server: d}, nil
	}))
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	// Refused sessions and connections cut by a stop are the tests' doing:
	// what the tests judge is what the server received.
	srv.ErrorLog = log.New(io.Discard, "", 0)
	d.mu.Lock()
	d.srv, d.l = srv, l
	d.mu.Unlock()
	go func() { _ = srv.Serve(l) }()
}

// Stop shuts the server down gracefully: the emails being received are
// received (cutting one after its data would make the client send it again,
// which SMTP allows), then the port refuses connections.
func (d *Server) Stop(t testing.TB) {
	t.Helper()
	d.mu.Lock()
	srv, l := d.srv, d.l
	d.srv, d.l = nil, nil
	d.mu.Unlock()
	if srv == nil {
		return // already stopped
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// Shutdown closes the listeners Serve registered, then waits for the
	// sessions under way.
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatalf("stopping the SMTP server: %v", err)
	}
	_ = l.Close() // already closed, unless Serve had not yet started
}

// Restart listens again on the server's address, after Stop.
func (d *Server) Restart(t testing.TB) {
	t.Helper()
	l, err := net.Listen("tcp", d.addr)
	if err != nil {
		t.Fatalf("restarting the SMTP server on %s: %v", d.addr, err)
	}
	d.serve(l)
}

// close ends the server at the end of the test, if it is running.
func (d *Server) close() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.srv != nil {
		_ = d.srv.Close()
		_ = d.l.Close()
	}
}

// session receives the emails of one connection.
type session struct {
	server *Server
	msg    Message
}

func (s *session) Reset()        { s.msg = Message{} }
func (s *session) Logout() error { return nil }
func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.msg.From = from
	return nil
}
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.msg.To = append(s.msg.To, to)
	return nil
}
func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	time.Sleep(time.Duration(s.server.slow.Load()))
	s.msg.Door, s.msg.Data = s.server.door, string(b)
	s.server.add(s.msg)
	return nil
}
