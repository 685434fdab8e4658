package messages_test

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	appmail "github.com/departement06/extranet-assmat/app/mail"
	"github.com/departement06/extranet-assmat/app/mailtest"
	"github.com/departement06/extranet-assmat/app/messages"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// queueOn starts a mail queue on the database that sends to the SMTP server.
func queueOn(t *testing.T, pool *pgxpool.Pool, s *mailtest.Server) *appmail.Queue {
	t.Helper()
	sender, err := appmail.NewSMTP(s.URL(), "nepasrepondre@departement06.fr")
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
	server := mailtest.Start(t)
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
	got := server.Exactly(t, 1)[0]
	if len(got.To) != 1 || got.To[0] != email {
		t.Errorf("sent to %v, want %s", got.To, email)
	}
	subject, text := mailtest.Decode(t, got.Data)
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
	server.Exactly(t, 1)
	var personal, general, jobs int
	if err := pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE recipient_assmat_id IS NOT NULL), count(*) FILTER (WHERE recipient_assmat_id IS NULL),
		(SELECT count(*) FROM river_job) FROM messages`).Scan(&personal, &general, &jobs); err != nil {
		t.Fatal(err)
	}
	if personal != 2 || general != 1 || jobs != 1 {
		t.Errorf("%d personal, %d general messages, %d email jobs; want 2, 1, 1", personal, general, jobs)
	}
}
