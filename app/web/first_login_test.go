package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/app/demo"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// 100002 signs in with her temporary password: she is held on the change page
// until she has chosen her own, which then is the only one that works.
func TestTemporaryPasswordMustBeChangedFirst(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Get("/connexion")
	res := c.Submit("/connexion", apptest.Values("identifiant", "100002", "mot_de_passe", "Temp-2025a"))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/changement-mot-de-passe" {
		t.Fatalf("login with the temporary password: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	// Nothing else is reachable.
	for _, path := range []string{"/", "/mon-compte"} {
		if res := c.Get(path); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/changement-mot-de-passe" {
			t.Errorf("%s before the change: %d %q", path, res.StatusCode, res.Header.Get("Location"))
		}
	}
	page := c.Get("/changement-mot-de-passe")
	if page.Doc.Find(`.menu a[href="/enfants-accueillis"]`).Length() != 0 || page.Doc.Find(".menu__button").Length() != 1 {
		t.Error("the menu offers more than Déconnexion before the password is changed")
	}
	for _, want := range []string{"Changement de mot de passe", "Politique de sécurité : 8 caractères au minimum dont 1 minuscule, 1 majuscule et 1 chiffre",
		"Identifiant", "Mot de passe actuel", "Mot de passe", "Vérification du mot de passe", "RETOUR", "ANNULER", "VALIDER"} {
		if !strings.Contains(page.Text(), want) {
			t.Errorf("change page lacks %q", want)
		}
	}
	if v, _ := page.Doc.Find("#identifiant").Attr("value"); v != "100002" {
		t.Errorf("identifiant shown %q", v)
	}

	cases := []struct {
		name, current, password, verification, want, field string
	}{
		{"non-compliant", "Temp-2025a", "court", "court", "Mot de passe non conforme à la politique de sécurité", "mot-de-passe"},
		{"mismatch", "Temp-2025a", "Nouveau-2025", "Nouveau-2026", "Le mot de passe n'est pas identique à la vérification", "verification"},
		{"wrong current password", "Mauvais-1", "Nouveau-2025", "Nouveau-2025", "Le mot de passe actuel est incorrect", "mot-de-passe-actuel"},
		{"same as the temporary one", "Temp-2025a", "Temp-2025a", "Temp-2025a", "Le nouveau mot de passe doit être différent du mot de passe actuel", "mot-de-passe"},
	}
	for _, tc := range cases {
		for _, htmx := range []bool{false, true} {
			res := c.Submit("/changement-mot-de-passe", apptest.Values("mot_de_passe_actuel", tc.current,
				"mot_de_passe", tc.password, "verification", tc.verification), apptest.HTMXIf(htmx)...)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("%s (htmx=%v): status %d", tc.name, htmx, res.StatusCode)
			}
			if !strings.Contains(res.Text(), "ERREUR : "+tc.want) {
				t.Errorf("%s (htmx=%v): no banner %q in %q", tc.name, htmx, tc.want, res.Text())
			}
			input := res.Doc.Find("#" + tc.field)
			if inv, _ := input.Attr("aria-invalid"); inv != "true" {
				t.Errorf("%s: #%s not marked invalid", tc.name, tc.field)
			}
			if d, _ := input.Attr("aria-describedby"); !strings.Contains(d, tc.field+"-erreur") {
				t.Errorf("%s: #%s not described by its error (%q)", tc.name, tc.field, d)
			}
			if isPage := res.Doc.Find("header.site-header").Length() > 0; isPage == htmx {
				t.Errorf("%s (htmx=%v): full page = %v", tc.name, htmx, isPage)
			}
		}
	}

	res = c.Submit("/changement-mot-de-passe", apptest.Values("mot_de_passe_actuel", "Temp-2025a",
		"mot_de_passe", "Nouveau-2025", "verification", "Nouveau-2025"))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/connexion" {
		t.Fatalf("change: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if !strings.Contains(c.Get("/connexion").Text(), "Votre mot de passe a été enregistré.") {
		t.Error("no confirmation on the login page")
	}
	if c.Cookie("extranet_session") != "" {
		t.Error("still signed in after the change")
	}
	old := env.Client()
	old.Get("/connexion")
	if res := old.Submit("/connexion", apptest.Values("identifiant", "100002", "mot_de_passe", "Temp-2025a")); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("the temporary password still works: %d", res.StatusCode)
	}
	c.Login("100002", "Nouveau-2025")
	if res := c.Get("/"); res.StatusCode != http.StatusOK {
		t.Errorf("dashboard after the change: %d", res.StatusCode)
	}
}

func TestPasswordChangePageIsForTemporaryPasswordsOnly(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	if res := c.Get("/changement-mot-de-passe"); res.Header.Get("Location") != "/mon-compte" {
		t.Errorf("GET: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	c.Get("/")
	res := c.Submit("/changement-mot-de-passe", apptest.Values("mot_de_passe_actuel", "Demo-assmat1", "mot_de_passe", "Nouveau-2025", "verification", "Nouveau-2025"))
	if res.Header.Get("Location") != "/mon-compte" {
		t.Errorf("POST: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	c2 := env.Client()
	c2.Login("100001", "Demo-assmat1") // unchanged
}

func requestLink(t *testing.T, c *apptest.Client, login, nom, prenom, born, email string, hdr ...apptest.Header) *apptest.Response {
	t.Helper()
	c.Get("/premiere-connexion")
	return c.Submit("/premiere-connexion", apptest.Values("identifiant", login, "nom", nom, "prenom", prenom,
		"date_naissance", born, "email", email), hdr...)
}

// 100003 has no password: the link form emails her a one-time link; the page
// answers the same whether the identity matched or not.
func TestIdentifierOnlyAccountSetsItsPasswordByEmail(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	res := requestLink(t, c, "100003", "sansmotdepasse", "MARCEL", "15/03/1985", "marcel@example.fr")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/premiere-connexion" {
		t.Fatalf("request: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	sent := c.Get("/premiere-connexion").Text()
	mails := env.WaitEmails(1)
	m := mails[0]
	if m.To != "marcel@example.fr" || !strings.Contains(m.Subject, "mot de passe") {
		t.Fatalf("email %+v", m)
	}
	for _, want := range []string{"Bonjour Marcel SANSMOTDEPASSE", "Cordialement", "100003"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("email text lacks %q:\n%s", want, m.Text)
		}
	}
	if strings.Contains(m.HTML, "Hermes") || !strings.Contains(m.HTML, `lang="fr"`) {
		t.Errorf("email HTML mentions Hermes or has no lang")
	}
	link := m.Link("/mot-de-passe/")
	if link == "" {
		t.Fatalf("no link in %s", m.Text)
	}

	// A non-matching identity gets the very same answer, and no email.
	other := env.Client()
	requestLink(t, other, "100003", "Autre", "Marcel", "15/03/1985", "pirate@example.fr")
	requestLink(t, other, "999999", "Inconnu", "Personne", "01/01/1980", "pirate@example.fr")
	if got := other.Get("/premiere-connexion").Text(); got != sent {
		t.Errorf("answers differ:\n%s\n%s", sent, got)
	}
	time.Sleep(300 * time.Millisecond)
	if n := len(env.WaitEmails(1)); n != 1 {
		t.Errorf("%d emails after non-matching requests", n)
	}

	page := c.Get(link)
	if page.StatusCode != http.StatusOK || !strings.Contains(page.Text(), "Changement de mot de passe") {
		t.Fatalf("link page: %d", page.StatusCode)
	}
	if page.Doc.Find("#mot-de-passe-actuel").Length() != 0 || page.Doc.Find("#identifiant").Length() != 0 {
		t.Error("the link page asks for the current password or identifier")
	}
	res = c.Submit(link, apptest.Values("mot_de_passe", "court", "verification", "court"))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), "Mot de passe non conforme à la politique de sécurité") {
		t.Errorf("non-compliant: %d", res.StatusCode)
	}
	res = c.Submit(link, apptest.Values("mot_de_passe", "Marcel-2025", "verification", "Marcel-2025"), apptest.HTMX)
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/connexion" {
		t.Fatalf("set: %d %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
	c.Login("100003", "Marcel-2025")
	var email string
	if err := env.Pool.QueryRow(context.Background(), `SELECT email FROM assmats WHERE login = '100003'`).Scan(&email); err != nil || email != "marcel@example.fr" {
		t.Errorf("account email %q, %v", email, err)
	}
	for _, m := range env.WaitEmails(1) {
		if strings.Contains(m.Text+m.HTML, "Marcel-2025") {
			t.Error("an email contains the password")
		}
	}
	// Single use.
	if res := c.Get(link); res.StatusCode != http.StatusGone || !strings.Contains(res.Text(), "Ce lien n'est plus valable") {
		t.Errorf("used link: %d", res.StatusCode)
	}
	if res := c.Submit(link, apptest.Values("mot_de_passe", "Autre-2025x", "verification", "Autre-2025x")); res.StatusCode != http.StatusGone {
		t.Errorf("used link posted: %d", res.StatusCode)
	}
}

func TestPasswordLinkExpiresAndDiesWhenThePasswordChanges(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	// Gertrude has an email on file: the link goes only to that address.
	requestLink(t, c, "100001", "Assmat", "Gertrude", "02/02/1990", "gertrude.assmat@example.fr")
	requestLink(t, c, "100001", "Assmat", "Gertrude", "02/02/1990", "gertrude.assmat@example.fr")
	mails := env.WaitEmails(2)
	expiring, killed := mails[0].Link("/mot-de-passe/"), mails[1].Link("/mot-de-passe/")

	requestLink(t, c, "100001", "Assmat", "Gertrude", "02/02/1990", "autre@example.fr")
	time.Sleep(300 * time.Millisecond)
	if n := len(env.WaitEmails(2)); n != 2 {
		t.Errorf("a link was sent to an address other than the account's: %d emails", n)
	}

	env.Clock.Advance(59 * time.Minute)
	if res := c.Get(expiring); res.StatusCode != http.StatusOK {
		t.Fatalf("link after 59 minutes: %d", res.StatusCode)
	}
	// The password changes through Mon compte: pending links die.
	u := env.Client()
	u.Login("100001", "Demo-assmat1")
	u.Get("/mon-compte")
	if res := u.Submit("/mon-compte/mot-de-passe", apptest.Values("mot_de_passe_actuel", "Demo-assmat1",
		"nouveau_mot_de_passe", "Nouveau-2025", "confirmation", "Nouveau-2025")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("password change: %d", res.StatusCode)
	}
	if res := c.Get(killed); res.StatusCode != http.StatusGone {
		t.Errorf("link after a password change: %d", res.StatusCode)
	}
	env.Clock.Advance(2 * time.Minute)
	if res := c.Get(expiring); res.StatusCode != http.StatusGone {
		t.Errorf("link after 61 minutes: %d", res.StatusCode)
	}
	for _, bad := range []string{"/mot-de-passe/abc", "/mot-de-passe/" + strings.Repeat("A", 43), "/mot-de-passe/'%20OR%201=1--"} {
		if res := c.Get(bad); res.StatusCode != http.StatusGone {
			t.Errorf("%s: %d", bad, res.StatusCode)
		}
	}
}

func TestLinkRequestFormValidation(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	cases := []struct {
		name, login, nom, prenom, born, email, want, field string
	}{
		{"all missing", "", "", "", "", "", "Veuillez saisir votre identifiant.", "identifiant"},
		{"bad date", "100003", "A", "B", "31/02/1985", "a@example.fr", "La date de naissance doit être une date au format jj/mm/aaaa", "date-naissance"},
		{"bad email", "100003", "A", "B", "15/03/1985", "marcel", "L'adresse email n'est pas valide", "email"},
		{"huge name", "100003", strings.Repeat("A", 5000), "B", "15/03/1985", "a@example.fr", "Ce champ est trop long.", "nom"},
	}
	for _, tc := range cases {
		for _, htmx := range []bool{false, true} {
			res := requestLink(t, c, tc.login, tc.nom, tc.prenom, tc.born, tc.email, apptest.HTMXIf(htmx)...)
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), tc.want) {
				t.Errorf("%s (htmx=%v): %d %q", tc.name, htmx, res.StatusCode, res.Text())
			}
			if inv, _ := res.Doc.Find("#" + tc.field).Attr("aria-invalid"); inv != "true" {
				t.Errorf("%s: #%s not invalid", tc.name, tc.field)
			}
			if tc.name == "bad email" {
				if v, _ := res.Doc.Find("#nom").Attr("value"); v != "A" {
					t.Errorf("typed name lost: %q", v)
				}
			}
		}
	}
}

// The link's lifetime stated to the visitor is LINK_TTL's, on the page and
// in the email.
func TestLinkLifetimeFollowsTheConfiguration(t *testing.T) {
	t.Parallel()
	env := apptest.NewOn(t, pgtest.URL(t), nil, func(c *config.Config) { c.LinkTTL = 2 * time.Hour })
	if _, err := demo.Load(context.Background(), env.Pool); err != nil {
		t.Fatal(err)
	}
	c := env.Client()
	requestLink(t, c, "100003", "Sansmotdepasse", "Marcel", "15/03/1985", "marcel@example.fr")
	if notice := c.Get("/premiere-connexion").Text(); !strings.Contains(notice, "expire au bout de 2 heures") {
		t.Errorf("notice: %q", notice)
	}
	if m := env.WaitEmails(1)[0]; !strings.Contains(m.Text, "2 heures") {
		t.Errorf("email: %s", m.Text)
	}
}
