package mail

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/mailtest"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

var sample = Content{
	Name:   "Gertrude ASSMAT",
	Intros: []string{"Vous avez demandé à définir votre mot de passe."},
	Action: &Action{Instructions: "Cliquez sur le bouton.", Button: "Définir mon mot de passe", Link: "http://localhost:3000/mot-de-passe/abc"},
	Outros: []string{"Si vous n'êtes pas à l'origine de cette demande, ignorez ce courriel."},
}

func TestRenderIsFrenchAndBranded(t *testing.T) {
	m, err := NewRenderer("http://localhost:3000").Render("g@example.fr", "Sujet", sample)
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "text", m.Text, "Bonjour Gertrude ASSMAT", "Cordialement", "http://localhost:3000/mot-de-passe/abc",
		"Département des Alpes-Maritimes")
	contains(t, "html", m.HTML, `<html lang="fr"`, "Bonjour Gertrude ASSMAT", "Si le bouton « Définir mon mot de passe » ne fonctionne pas")
	for _, bad := range []string{"Hermes", "Hi ", "Yours truly", "If you"} {
		if strings.Contains(m.HTML, bad) || strings.Contains(m.Text, bad) {
			t.Errorf("email contains %q", bad)
		}
	}
	anon, err := NewRenderer("http://x").Render("a@example.fr", "S", Content{Intros: []string{"x"}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(anon.Text, "Bonjour ,") || !strings.Contains(anon.Text, "Bonjour,") {
		t.Errorf("greeting without a name: %s", anon.Text)
	}
}

func TestSMTPSendsTextAndHTML(t *testing.T) {
	server := mailtest.Start(t)
	sender, err := NewSMTP(server.URL(), "Département des Alpes-Maritimes <nepasrepondre@departement06.fr>")
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewRenderer("http://localhost:3000").Render("gertrude@example.fr", "Définir votre mot de passe", sample)
	if err != nil {
		t.Fatal(err)
	}
	if err := sender.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	got := server.Wait(t, 1)[0]
	if got.From != "nepasrepondre@departement06.fr" || len(got.To) != 1 || got.To[0] != "gertrude@example.fr" {
		t.Errorf("envelope %s → %v", got.From, got.To)
	}
	contains(t, "message", got.Data, "multipart/alternative", "text/plain", "text/html", "Subject: =?UTF-8?")
	if strings.Contains(strings.ToLower(got.Data), "content-disposition: attachment") {
		t.Error("the email has an attachment")
	}
}

func TestSMTPURLParsing(t *testing.T) {
	for _, bad := range []string{"http://x", "smtp://x?tls=maybe", "smtp://x:port"} {
		if _, err := NewSMTP(bad, "a@b.fr"); err == nil {
			t.Errorf("NewSMTP(%q) accepted", bad)
		}
	}
	for _, good := range []string{"smtp://mail.example.fr", "smtp://u:p@mail.example.fr:587?tls=mandatory", "smtps://mail.example.fr"} {
		if _, err := NewSMTP(good, "a@b.fr"); err != nil {
			t.Errorf("NewSMTP(%q): %v", good, err)
		}
	}
}

func testQueue(t *testing.T, pool *pgxpool.Pool, smtpURL string) *Queue {
	t.Helper()
	sender, err := NewSMTP(smtpURL, "nepasrepondre@departement06.fr")
	if err != nil {
		t.Fatal(err)
	}
	q, err := NewQueue(pool, NewRenderer("http://localhost:3000"), sender, QueueOptions{
		Backoff:      func(int) time.Duration { return 200 * time.Millisecond },
		PollInterval: 50 * time.Millisecond,
		Log:          slog.New(slog.DiscardHandler),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		// A slow stop is not the test's result, but it is worth seeing.
		if err := q.Stop(ctx); err != nil {
			t.Logf("stopping the mail queue: %v", err)
		}
	})
	return q
}

func enqueue(t *testing.T, pool *pgxpool.Pool, q *Queue, to string, commit bool) {
	t.Helper()
	ctx := context.Background()
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Enqueue(ctx, tx, to, "Sujet", sample); err != nil {
		t.Fatal(err)
	}
	if commit {
		err = tx.Commit(ctx)
	} else {
		err = tx.Rollback(ctx)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// The mail server is down when the email is enqueued; it comes back; the
// email arrives, once.
func TestQueueRetriesUntilTheServerComesBack(t *testing.T) {
	pool := pgtest.Pool(t)
	// A port outside the ephemeral range: while the server is down, no
	// outgoing connection (this test's or a parallel package's) can take it.
	server := new(mailtest.Sink).Open(t, 0)
	server.Stop(t) // down: nothing listens on its address yet
	q := testQueue(t, pool, server.URL())
	enqueue(t, pool, q, "gertrude@example.fr", true)
	deadline := time.Now().Add(10 * time.Second)
	for attempts := 0; attempts < 2; {
		if err := pool.QueryRow(context.Background(), `SELECT coalesce(max(attempt), 0) FROM river_job`).Scan(&attempts); err != nil {
			t.Fatal(err)
		}
		if time.Now().After(deadline) {
			t.Fatalf("the job was tried %d time(s) while the server was down", attempts)
		}
		time.Sleep(50 * time.Millisecond)
	}
	server.Restart(t)
	if got := server.Wait(t, 1); len(got) != 1 || got[0].To[0] != "gertrude@example.fr" {
		t.Fatalf("received %+v", got)
	}
}

func TestRolledBackChangeSendsNothing(t *testing.T) {
	pool := pgtest.Pool(t)
	server := mailtest.Start(t)
	q := testQueue(t, pool, server.URL())
	enqueue(t, pool, q, "jamais@example.fr", false)
	enqueue(t, pool, q, "oui@example.fr", true)
	got := server.Wait(t, 1)
	if len(got) != 1 || got[0].To[0] != "oui@example.fr" {
		t.Errorf("received %+v", got)
	}
}

// Two app instances work the same queue: every email is sent exactly once.
func TestTwoInstancesSendEachEmailOnce(t *testing.T) {
	pool := pgtest.Pool(t)
	server := mailtest.Start(t)
	a := testQueue(t, pool, server.URL())
	b := testQueue(t, pool, server.URL())
	const n = 30
	for i := 0; i < n; i++ {
		q := a
		if i%2 == 1 {
			q = b
		}
		enqueue(t, pool, q, fmt.Sprintf("assmat%02d@example.fr", i), true)
	}
	got := server.Wait(t, n)
	seen := map[string]int{}
	for _, m := range got {
		seen[m.To[0]]++
	}
	if len(got) != n || len(seen) != n {
		t.Errorf("%d messages for %d addresses, want %d each once", len(got), len(seen), n)
	}
}

func contains(t *testing.T, what, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}
