package resilience

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// The SMTP servers of app/mail's and app/messages' tests are unexported
// copies in their packages, and neither can be stopped and started again on
// the same address nor tells which client delivered: this sink does both.

// smtpSink keeps every email its doors receive.
type smtpSink struct {
	mu       sync.Mutex
	received []delivery
	// refused counts the sessions refused while a door refuses.
	refused atomic.Int64
}

// delivery is one email as the server accepted it, with the door it came in by.
type delivery struct {
	Door int
	To   []string
	Data string
}

// smtpDoor is one listening SMTP server of the sink: each app instance sends
// to a door of its own, so the sink knows which instance sent what.
type smtpDoor struct {
	sink *smtpSink
	n    int
	addr string
	// refusing makes the server answer 451 to EHLO: up, but refusing mail.
	refusing atomic.Bool
	// slow is how long the server takes to accept each email's data.
	slow atomic.Int64
	mu   sync.Mutex
	srv  *smtp.Server
}

// open starts a new door on a loopback port outside the ephemeral range, so
// that no outgoing connection takes the port while the door is stopped.
func (s *smtpSink) open(t *testing.T, n int) *smtpDoor {
	t.Helper()
	d := &smtpDoor{sink: s, n: n}
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
	t.Cleanup(func() {
		d.mu.Lock()
		defer d.mu.Unlock()
		if d.srv != nil {
			_ = d.srv.Close()
		}
	})
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

func (d *smtpDoor) serve(l net.Listener) {
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		if d.refusing.Load() {
			d.sink.refused.Add(1)
			return nil, errors.New("service temporarily unavailable")
		}
		return &sinkSession{door: d}, nil
	}))
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	srv.ErrorLog = log.New(io.Discard, "", 0)
	d.mu.Lock()
	d.srv = srv
	d.mu.Unlock()
	go func() { _ = srv.Serve(l) }()
}

// stop shuts the server down gracefully: the emails being received are
// received (cutting one after its data would make the client send it again,
// which SMTP allows), then the port refuses connections.
func (d *smtpDoor) stop(t *testing.T) {
	t.Helper()
	d.mu.Lock()
	srv := d.srv
	d.srv = nil
	d.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatalf("stopping the SMTP server: %v", err)
	}
}

// start listens again on the door's address.
func (d *smtpDoor) start(t *testing.T) {
	t.Helper()
	l, err := net.Listen("tcp", d.addr)
	if err != nil {
		t.Fatalf("restarting the SMTP server on %s: %v", d.addr, err)
	}
	d.serve(l)
}

// url is the door as the app's SMTP_URL.
func (d *smtpDoor) url() string { return "smtp://" + d.addr + "?tls=none" }

func (s *smtpSink) messages() []delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]delivery(nil), s.received...)
}

// waitFor waits until n emails arrived or the deadline passes, then as long
// again as the queue needs to send a further one (so that a duplicate shows),
// and returns what arrived and when the n-th did.
func (s *smtpSink) waitFor(n int, within time.Duration) (got []delivery, at time.Time) {
	deadline := time.Now().Add(within)
	for len(s.messages()) < n && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	at = time.Now()
	// The queue polls every second and is woken at once by an insert: 1.5 s
	// lets a further email through. One sent again only after a retry's wait
	// would come later: the tests also check that every job is completed.
	time.Sleep(1500 * time.Millisecond)
	return s.messages(), at
}

type sinkSession struct {
	door *smtpDoor
	msg  delivery
}

func (s *sinkSession) Reset()                               { s.msg = delivery{} }
func (s *sinkSession) Logout() error                        { return nil }
func (s *sinkSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *sinkSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.msg.To = append(s.msg.To, to)
	return nil
}
func (s *sinkSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	time.Sleep(time.Duration(s.door.slow.Load()))
	s.msg.Door, s.msg.Data = s.door.n, string(b)
	s.door.sink.mu.Lock()
	s.door.sink.received = append(s.door.sink.received, s.msg)
	s.door.sink.mu.Unlock()
	return nil
}

// actionLink finds the link of an email's button: a message's page or a
// password link, which tells one email from another of the same subject.
var actionLink = regexp.MustCompile(`https?://[^\s"<>()]+/(?:messages|mot-de-passe)/[A-Za-z0-9_-]+`)

// key names an email by its recipients, subject and link: two deliveries
// with one key are one email sent twice.
func (d delivery) key(t *testing.T) string {
	t.Helper()
	subject, text := decoded(t, d.Data)
	return fmt.Sprintf("%v|%s|%s", d.To, subject, actionLink.FindString(text))
}

// decoded is an email's subject and the decoded text of all its parts.
func decoded(t *testing.T, raw string) (subject, text string) {
	t.Helper()
	m, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	subject, err = new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	_, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(m.Body, params["boundary"])
	var all bytes.Buffer
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		var r io.Reader = p
		if strings.EqualFold(p.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
			r = quotedprintable.NewReader(p)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
		all.WriteString("\n")
	}
	return subject, all.String()
}

// countKeys counts the deliveries of each email.
func countKeys(t *testing.T, got []delivery) map[string]int {
	t.Helper()
	seen := map[string]int{}
	for _, d := range got {
		seen[d.key(t)]++
	}
	return seen
}
