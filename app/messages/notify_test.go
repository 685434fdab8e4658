package messages_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	appmail "github.com/departement06/extranet-assmat/app/mail"
	"github.com/departement06/extranet-assmat/app/messages"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// smtpServer is a real SMTP server on loopback that keeps what it receives
// (as app/mail's tests run it).
type smtpServer struct {
	mu       sync.Mutex
	received []receivedMail
	addr     string
}

type receivedMail struct {
	To   []string
	Data string
}

func startSMTP(t *testing.T) *smtpServer {
	t.Helper()
	s := &smtpServer{}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &smtpSession{server: s}, nil }))
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = l.Addr().String()
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return s
}

func (s *smtpServer) messages() []receivedMail {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]receivedMail(nil), s.received...)
}

// exactly waits for n emails, then long enough for a further one (the queue
// polls every 50 ms) to show, and fails unless there are exactly n.
func (s *smtpServer) exactly(t *testing.T, n int) []receivedMail {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for len(s.messages()) < n && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(time.Second)
	got := s.messages()
	if len(got) != n {
		t.Fatalf("%d email(s) received, want exactly %d", len(got), n)
	}
	return got
}

type smtpSession struct {
	server *smtpServer
	msg    receivedMail
}

func (s *smtpSession) Reset()                               { s.msg = receivedMail{} }
func (s *smtpSession) Logout() error                        { return nil }
func (s *smtpSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.msg.To = append(s.msg.To, to)
	return nil
}
func (s *smtpSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.msg.Data = string(b)
	s.server.mu.Lock()
	s.server.received = append(s.server.received, s.msg)
	s.server.mu.Unlock()
	return nil
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

// queueOn starts a mail queue on the database that sends to the SMTP server.
func queueOn(t *testing.T, pool *pgxpool.Pool, s *smtpServer) *appmail.Queue {
	t.Helper()
	sender, err := appmail.NewSMTP("smtp://"+s.addr+"?tls=none", "nepasrepondre@departement06.fr")
	if err != nil {
		t.Fatal(err)
	}
	q, err := appmail.NewQueue(pool, appmail.NewRenderer("https://extranet.example.fr"), sender,
		appmail.QueueOptions{PollInterval: 50 * time.Millisecond, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := q.Stop(ctx); err != nil {
			t.Logf("stopping the mail queue: %v", err)
		}
	})
	return q
}

func newAssmat(t *testing.T, pool *pgxpool.Pool, login string, email *string) int64 {
	t.Helper()
	id, err := db.New(pool).CreateAssmat(context.Background(), db.CreateAssmatParams{
		Login: login, Civilite: "Madame", Nom: "ASSMAT", Prenom: "Gertrude",
		DateNaissance: time.Date(1990, 2, 2, 0, 0, 0, 0, time.UTC), SituationFamiliale: "Mariée",
		Adresse: "1 rue", CodePostal: "06000", Commune: "Nice", Email: email,
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

var secret = messages.Draft{Sender: "Service de PMI", Subject: "Objet confidentiel 7Q2",
	Body: "Contenu confidentiel X9K : votre dossier médical.", At: time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)}

// A personal message sends one email, in French, with a link to it and
// nothing of its content, to her address; a general message, a personal
// one of a childminder without an address, and a rolled-back one send none.
func TestPersonalMessageNotifiesByEmail(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := pgtest.Pool(t)
	server := startSMTP(t)
	notify := messages.Notify{Mail: queueOn(t, pool, server), BaseURL: "https://extranet.example.fr"}
	email := "gertrude.assmat@example.fr"
	withAddress := newAssmat(t, pool, "100001", &email)
	without := newAssmat(t, pool, "100009", nil)

	var id int64
	if err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		var err error
		id, err = messages.CreatePersonal(ctx, tx, notify, withAddress, secret)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	got := server.exactly(t, 1)[0]
	if len(got.To) != 1 || got.To[0] != email {
		t.Errorf("sent to %v, want %s", got.To, email)
	}
	subject, text := decoded(t, got.Data)
	if subject != messages.NotificationSubject {
		t.Errorf("subject %q", subject)
	}
	for _, want := range []string{"Bonjour Gertrude ASSMAT", "Un nouveau message personnel vous attend sur votre extranet",
		"https://extranet.example.fr/messages/" + strconv.FormatInt(id, 10), "Lire le message", "Cordialement"} {
		if !strings.Contains(text, want) {
			t.Errorf("the email lacks %q:\n%s", want, text)
		}
	}
	for _, leak := range []string{"X9K", "7Q2", "confidentiel", "Service de PMI"} {
		if strings.Contains(text, leak) || strings.Contains(subject, leak) {
			t.Errorf("the email carries the message's content (%q)", leak)
		}
	}

	// None for a general message, a childminder without an address, or a rollback.
	if err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := messages.CreateGeneral(ctx, tx, secret); err != nil {
			return err
		}
		_, err := messages.CreatePersonal(ctx, tx, notify, without, secret)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	errRollback := errors.New("the back office's change failed after the message")
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := messages.CreatePersonal(ctx, tx, notify, withAddress, secret); err != nil {
			return err
		}
		return errRollback
	})
	if !errors.Is(err, errRollback) {
		t.Fatalf("rollback: %v", err)
	}
	server.exactly(t, 1)
	var personal, general, jobs int
	if err := pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE recipient_assmat_id IS NOT NULL), count(*) FILTER (WHERE recipient_assmat_id IS NULL),
		(SELECT count(*) FROM river_job) FROM messages`).Scan(&personal, &general, &jobs); err != nil {
		t.Fatal(err)
	}
	if personal != 2 || general != 1 || jobs != 1 {
		t.Errorf("%d personal, %d general messages, %d email jobs; want 2, 1, 1", personal, general, jobs)
	}
}
