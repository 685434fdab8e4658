package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/config"
)

func TestAccountPageShowsPersonalInformationAndBothForms(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	page := c.Get("/mon-compte")
	for _, want := range []string{"Mon compte", "Mes informations personnelles", "Gertrude", "ASSMAT", "02/02/1990",
		"Changer votre mot de passe", "Mot de passe actuel *", "Nouveau mot de passe *", "Confirmation du mot de passe *",
		"Changer votre adresse email ?", "Adresse email actuelle", "Nouvelle adresse email *", "ENREGISTRER"} {
		if !strings.Contains(page.Text(), want) {
			t.Errorf("Mon compte lacks %q", want)
		}
	}
	if v, _ := page.Doc.Find("#email-actuel").Attr("value"); v != "gertrude.assmat@example.fr" {
		t.Errorf("current email prefilled %q", v)
	}
}

// A password change in Mon compte ends every session of the childminder: an
// older session cookie is refused afterwards.
func TestAccountPasswordChangeEndsEverySession(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	phone, pc := env.Client(), env.Client()
	phone.Login("100001", "Demo-assmat1")
	pc.Login("100001", "Demo-assmat1")
	pc.Get("/mon-compte")
	cases := []struct{ name, current, next, confirm, want, field string }{
		{"wrong current", "Mauvais-1", "Nouveau-2025", "Nouveau-2025", "Le mot de passe actuel est incorrect", "mdp-actuel"},
		{"non-compliant", "Demo-assmat1", "nouveau", "nouveau", "Mot de passe non conforme à la politique de sécurité", "mdp-nouveau"},
		{"mismatch", "Demo-assmat1", "Nouveau-2025", "Nouveau-2024", "Le mot de passe n'est pas identique à la vérification", "mdp-confirmation"},
		{"empty", "", "", "", "Veuillez saisir votre mot de passe actuel", "mdp-actuel"},
	}
	for _, tc := range cases {
		for _, htmx := range []bool{false, true} {
			res := pc.Submit("/mon-compte/mot-de-passe", apptest.Values("mot_de_passe_actuel", tc.current,
				"nouveau_mot_de_passe", tc.next, "confirmation", tc.confirm), apptest.HTMXIf(htmx)...)
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), tc.want) {
				t.Errorf("%s (htmx=%v): %d %q", tc.name, htmx, res.StatusCode, res.Text())
			}
			if inv, _ := res.Doc.Find("#" + tc.field).Attr("aria-invalid"); inv != "true" {
				t.Errorf("%s: #%s not invalid", tc.name, tc.field)
			}
			if htmx && res.Doc.Find("#changer-mot-de-passe").Length() != 1 {
				t.Errorf("%s: htmx answer is not the password section", tc.name)
			}
		}
	}
	if res := phone.Get("/"); res.StatusCode != http.StatusOK {
		t.Fatal("failed attempts ended the other session")
	}
	oldCookie := phone.Cookie("extranet_session")
	env.Clock.Advance(time.Second)
	res := pc.Submit("/mon-compte/mot-de-passe", apptest.Values("mot_de_passe_actuel", "Demo-assmat1",
		"nouveau_mot_de_passe", "Nouveau-2025", "confirmation", "Nouveau-2025"))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/connexion" {
		t.Fatalf("change: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if !strings.Contains(pc.Get("/connexion").Text(), "Votre mot de passe a été enregistré.") {
		t.Error("no confirmation")
	}
	phone.SetCookie("extranet_session", oldCookie)
	res = phone.Get("/")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/connexion" {
		t.Fatalf("older session after the change: %d", res.StatusCode)
	}
	if !strings.Contains(phone.Get("/connexion").Text(), "Votre session a pris fin") {
		t.Error("the other device is not told its session ended")
	}
	phone.Login("100001", "Nouveau-2025")
}

func TestAccountEmailChangeIsConfirmedByTheNewAddress(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	c.Get("/mon-compte")
	for _, tc := range []struct{ email, want string }{
		{"", "Veuillez saisir la nouvelle adresse email."},
		{"pas-une-adresse", "L'adresse email n'est pas valide"},
		{"GERTRUDE.ASSMAT@example.fr", "La nouvelle adresse est identique à l'adresse actuelle."},
		{"<script>alert(1)</script>@x.fr", "L'adresse email n'est pas valide"},
	} {
		for _, htmx := range []bool{false, true} {
			res := c.Submit("/mon-compte/adresse-email", apptest.Values("nouvel_email", tc.email), apptest.HTMXIf(htmx)...)
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), tc.want) {
				t.Errorf("%q (htmx=%v): %d %q", tc.email, htmx, res.StatusCode, res.Text())
			}
			if v, _ := res.Doc.Find("#email-nouveau").Attr("value"); v != tc.email {
				t.Errorf("typed address lost: %q", v)
			}
		}
	}
	res := c.Submit("/mon-compte/adresse-email", apptest.Values("nouvel_email", "g.assmat@nouveau.fr"))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/mon-compte" {
		t.Fatalf("request: %d", res.StatusCode)
	}
	if !strings.Contains(c.Get("/mon-compte").Text(), "Un courriel de confirmation vient d'être envoyé") {
		t.Error("no notice")
	}
	mails := env.WaitEmails(1)
	if mails[0].To != "g.assmat@nouveau.fr" {
		t.Fatalf("confirmation sent to %q", mails[0].To)
	}
	link := mails[0].Link("/adresse-email/")
	email := func() string {
		var e string
		if err := env.Pool.QueryRow(context.Background(), `SELECT email FROM assmats WHERE login = '100001'`).Scan(&e); err != nil {
			t.Fatal(err)
		}
		return e
	}
	if e := email(); e != "gertrude.assmat@example.fr" {
		t.Fatalf("address changed before confirmation: %s", e)
	}
	// Opening the link changes nothing (mail scanners open links); the button does.
	anon := env.Client()
	page := anon.Get(link)
	if page.StatusCode != http.StatusOK || !strings.Contains(page.Text(), "g.assmat@nouveau.fr") {
		t.Fatalf("confirmation page: %d", page.StatusCode)
	}
	if e := email(); e != "gertrude.assmat@example.fr" {
		t.Fatal("a GET changed the address")
	}
	res = anon.Submit(link, nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/adresse-email-confirmee" {
		t.Fatalf("confirm: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if e := email(); e != "g.assmat@nouveau.fr" {
		t.Errorf("address after confirmation: %s", e)
	}
	mails = env.WaitEmails(2)
	notice := mails[1]
	if notice.To != "gertrude.assmat@example.fr" || !strings.Contains(notice.Text, "g***@nouveau.fr") {
		t.Errorf("old address not told: %+v", notice)
	}
	if res := anon.Submit(link, nil); res.StatusCode != http.StatusGone {
		t.Errorf("link used twice: %d", res.StatusCode)
	}
}

func TestInactivityLogsOutWithAFrenchNotice(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	env.Clock.Advance(31 * time.Minute)
	res := c.Get("/", apptest.HTMX)
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/connexion" {
		t.Fatalf("htmx after inactivity: %d %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
	page := c.Get("/connexion")
	if !strings.Contains(page.Text(), "Vous avez été déconnecté(e) après une période d'inactivité") {
		t.Errorf("no inactivity notice: %q", page.Text())
	}
}

func TestDevelopmentMailboxDoesNotExistInProduction(t *testing.T) {
	t.Parallel()
	dev := apptest.New(t)
	c := dev.Client()
	c.Login("100001", "Demo-assmat1")
	if res := c.Get("/dev/courriels"); res.StatusCode != http.StatusOK {
		t.Fatalf("development: %d", res.StatusCode)
	}
	prod := apptest.NewOn(t, dev.URL, dev.Clock, func(cfg *config.Config) {
		cfg.Production = true
		cfg.SMTPURL = "smtp://127.0.0.1:1"
	})
	if res := c.On(prod).Get("/dev/courriels"); res.StatusCode != http.StatusNotFound {
		t.Errorf("production: %d, want 404", res.StatusCode)
	}
	if res := c.On(prod).Get("/dev/courriels/1"); res.StatusCode != http.StatusNotFound {
		t.Errorf("production, one email: %d, want 404", res.StatusCode)
	}
}

func TestDevelopmentMailboxShowsAnEmailUnderItsOwnCSP(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	requestLink(t, c, "100003", "Sansmotdepasse", "Marcel", "15/03/1985", "marcel@example.fr")
	env.WaitEmails(1)
	list := c.Get("/dev/courriels")
	href, ok := list.Doc.Find(`a[href^="/dev/courriels/"]`).Attr("href")
	if !ok || !strings.Contains(list.Text(), "marcel@example.fr") || list.Doc.Find(`a[href*="/mot-de-passe/"]`).Length() != 1 {
		t.Fatalf("mailbox list: %q", list.Text())
	}
	mail := c.Get(href)
	if csp := mail.Header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'none'") || strings.Contains(csp, "script") {
		t.Errorf("email CSP %q", csp)
	}
	if !strings.Contains(mail.Body, "Bonjour Marcel SANSMOTDEPASSE") {
		t.Error("the email is not shown")
	}
	for _, bad := range []string{"/dev/courriels/999", "/dev/courriels/abc"} {
		if res := c.Get(bad); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", bad, res.StatusCode)
		}
	}
}
