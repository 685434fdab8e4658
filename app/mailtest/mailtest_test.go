package mailtest_test

import (
	"fmt"
	"net/smtp"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/mailtest"
)

// email is a multipart email as app/mail sends them: an encoded-word
// subject and a quoted-printable part.
const email = "From: a@example.fr\r\nTo: b@example.fr\r\n" +
	"Subject: =?UTF-8?q?D=C3=A9finir_votre_mot_de_passe?=\r\n" +
	"MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=XYZ\r\n\r\n" +
	"--XYZ\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
	"Bonjour Gertrude, voici votre lien : https://x.fr/mot-de-passe/abc =C3=A0 =\r\nsuivre.\r\n" +
	"--XYZ\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>Bonjour</p>\r\n--XYZ--\r\n"

func send(addr, to string) error {
	return smtp.SendMail(addr, nil, "a@example.fr", []string{to}, []byte(email))
}

func TestServerKeepsAndDecodes(t *testing.T) {
	s := mailtest.Start(t)
	if !strings.HasPrefix(s.URL(), "smtp://127.0.0.1:") || !strings.HasSuffix(s.URL(), "?tls=none") {
		t.Errorf("URL %q", s.URL())
	}
	if err := send(s.Addr(), "b@example.fr"); err != nil {
		t.Fatal(err)
	}
	got := s.Exactly(t, 1)[0]
	if got.From != "a@example.fr" || len(got.To) != 1 || got.To[0] != "b@example.fr" || got.Door != 0 {
		t.Errorf("envelope %+v", got)
	}
	subject, text := mailtest.Decode(t, got.Data)
	if subject != "Définir votre mot de passe" {
		t.Errorf("subject %q", subject)
	}
	if want := "Bonjour Gertrude, voici votre lien : https://x.fr/mot-de-passe/abc à suivre.\n<p>Bonjour</p>\n"; text != want {
		t.Errorf("text %q, want %q", text, want)
	}
}

// Two doors into one sink: the sink tells which received what; a door
// stopped refuses connections, refusing answers 451, restarted it receives.
func TestSinkDoors(t *testing.T) {
	var sink mailtest.Sink
	a, b := sink.Open(t, 0), sink.Open(t, 1)
	if a.Addr() == b.Addr() {
		t.Fatalf("both doors on %s", a.Addr())
	}
	if err := send(b.Addr(), "one@example.fr"); err != nil {
		t.Fatal(err)
	}
	b.Stop(t)
	if err := send(b.Addr(), "lost@example.fr"); err == nil {
		t.Error("a stopped door accepted an email")
	}
	b.Refuse(true)
	b.Restart(t)
	if err := send(b.Addr(), "refused@example.fr"); err == nil || !strings.Contains(err.Error(), "451") {
		t.Errorf("a refusing door: %v, want a 451", err)
	}
	// Refused twice: net/smtp says HELO when EHLO fails.
	if sink.Refused() != 2 {
		t.Errorf("%d sessions refused, want 2", sink.Refused())
	}
	b.Refuse(false)
	a.Slow(100 * time.Millisecond)
	start := time.Now()
	if err := send(a.Addr(), "two@example.fr"); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took < 100*time.Millisecond {
		t.Errorf("a slow door took %v", took)
	}
	if err := send(b.Addr(), "three@example.fr"); err != nil {
		t.Fatal(err)
	}
	got, _ := sink.WaitFor(3, 5*time.Second, 0)
	var seen []string
	for _, m := range got {
		seen = append(seen, fmt.Sprintf("%s@%d", m.To[0], m.Door))
	}
	if want := "one@example.fr@1 two@example.fr@0 three@example.fr@1"; strings.Join(seen, " ") != want {
		t.Errorf("received %q, want %q", strings.Join(seen, " "), want)
	}
}

// A server stopped at once after its start is down all the same (its Serve
// goroutine may not have run yet), and receives once restarted.
func TestStopRightAfterStart(t *testing.T) {
	for range 20 {
		s := mailtest.Start(t)
		s.Stop(t)
		if err := send(s.Addr(), "lost@example.fr"); err == nil {
			t.Fatal("a stopped server accepted an email")
		}
		s.Restart(t)
		if err := send(s.Addr(), "b@example.fr"); err != nil {
			t.Fatal(err)
		}
		if got := s.Messages(); len(got) != 1 || got[0].To[0] != "b@example.fr" {
			t.Fatalf("received %+v", got)
		}
	}
}
