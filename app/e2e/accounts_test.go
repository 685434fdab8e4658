package e2e

import (
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

func modes() []bool { return []bool{true, false} }

// login fills the login form and submits it.
func login(p *Page, base, id, password string) {
	p.Open(base + "/connexion")
	p.Fill("#identifiant", id)
	p.Fill("#mot-de-passe", password)
	p.Click("button.btn--primary")
}

// 100002 signs in with her temporary password, fails once, then sets her own.
func TestTemporaryPasswordFlow(t *testing.T) {
	for _, js := range modes() {
		env := apptest.New(t)
		base := env.Serve()
		p := NewPage(t, js)
		login(p, base, "100002", "Temp-2025a")
		p.WaitFor("#changement")
		p.Audit("temporary password change")
		p.Fill("#mot-de-passe-actuel", "Temp-2025a")
		p.Fill("#mot-de-passe", "Nouveau-2025")
		p.Fill("#verification", "Autre-2025")
		p.Click(".btn--success")
		p.WaitFor("#erreurs")
		if got := p.Text("#erreurs"); !strings.Contains(got, "Le mot de passe n'est pas identique à la vérification") {
			t.Errorf("[%s] banner %q", p.Mode(), got)
		}
		p.Audit("temporary password change with an error")
		p.Fill("#mot-de-passe-actuel", "Temp-2025a")
		p.Fill("#mot-de-passe", "Nouveau-2025")
		p.Fill("#verification", "Nouveau-2025")
		p.Click(".btn--success")
		p.WaitFor(".notice")
		if got := p.Text(".notice"); !strings.Contains(got, "Votre mot de passe a été enregistré") {
			t.Errorf("[%s] notice %q", p.Mode(), got)
		}
		login(p, base, "100002", "Nouveau-2025")
		p.WaitFor("#infos-titre")
	}
}

// 100003 has only an identifier: she asks for a link, follows it from the
// email and sets her password.
func TestIdentifierOnlyFlow(t *testing.T) {
	for _, js := range modes() {
		env := apptest.New(t)
		base := env.Serve()
		p := NewPage(t, js)
		p.Open(base + "/connexion")
		p.Click(`a[href="/premiere-connexion"]`)
		p.WaitFor("#premiere-connexion")
		p.Audit("link request")
		p.Fill("#identifiant", "100003")
		p.Fill("#nom", "Sansmotdepasse")
		p.Fill("#prenom", "Marcel")
		p.Fill("#date-naissance", "15/03/1985")
		p.Fill("#email", "pas-une-adresse")
		p.Click(".btn--success")
		p.WaitFor("#erreurs")
		p.Audit("link request with an error")
		if v := p.Value("#nom"); v != "Sansmotdepasse" {
			t.Errorf("[%s] typed name lost: %q", p.Mode(), v)
		}
		p.Fill("#email", "marcel@example.fr")
		p.Click(".btn--success")
		p.WaitFor(".notice")
		link := env.WaitEmails(1)[0].Link("/mot-de-passe/")
		p.Open(base + link)
		p.WaitFor("#changement")
		p.Audit("password link")
		p.Fill("#mot-de-passe", "Marcel-2025")
		p.Fill("#verification", "Marcel-2025")
		p.Click(".btn--success")
		p.WaitFor(".notice")
		login(p, base, "100003", "Marcel-2025")
		p.WaitFor("#infos-titre")
		p.Open(base + link)
		if got := p.Text("h1"); got != "Ce lien n'est plus valable" {
			t.Errorf("[%s] used link: %q", p.Mode(), got)
		}
		p.Audit("used link")
	}
}

// Mon compte: the email change (confirmed from the new address) and the
// password change (which signs out).
func TestAccountForms(t *testing.T) {
	for _, js := range modes() {
		env := apptest.New(t)
		base := env.Serve()
		p := NewPage(t, js)
		login(p, base, "100001", "Demo-assmat1")
		p.WaitFor("#infos-titre")
		p.Click(".menu__item--account summary")
		p.Click(`.menu__sub a[href="/mon-compte"]`)
		p.WaitFor("#changer-email")
		p.Audit("Mon compte")

		p.Fill("#email-nouveau", "gertrude@")
		p.Click("#changer-email .btn--primary")
		p.WaitFor("#email-nouveau[aria-invalid]")
		p.Audit("Mon compte with an email error")
		p.Fill("#email-nouveau", "g.assmat@nouveau.fr")
		p.Click("#changer-email .btn--primary")
		p.WaitFor(".notice")
		link := env.WaitEmails(1)[0].Link("/adresse-email/")
		p.Open(base + link)
		p.Audit("email confirmation")
		p.Click(".btn--success")
		p.WaitFor("#confirmee-titre")
		p.Audit("email confirmed")

		p.Open(base + "/mon-compte")
		if v := p.Value("#email-actuel"); v != "g.assmat@nouveau.fr" {
			t.Errorf("[%s] current email %q", p.Mode(), v)
		}
		p.Fill("#mdp-actuel", "Mauvais-1")
		p.Fill("#mdp-nouveau", "Nouveau-2025")
		p.Fill("#mdp-confirmation", "Nouveau-2025")
		p.Click("#changer-mot-de-passe .btn--primary")
		p.WaitFor("#mdp-actuel[aria-invalid]")
		p.Audit("Mon compte with a password error")
		p.Fill("#mdp-actuel", "Demo-assmat1")
		p.Fill("#mdp-nouveau", "Nouveau-2025")
		p.Fill("#mdp-confirmation", "Nouveau-2025")
		p.Click("#changer-mot-de-passe .btn--primary")
		p.WaitFor("#connexion")
		login(p, base, "100001", "Nouveau-2025")
		p.WaitFor("#infos-titre")
	}
}

func TestDevelopmentMailboxAndPublicPages(t *testing.T) {
	env := apptest.New(t)
	base := env.Serve()
	p := NewPage(t, true)
	p.Open(base + "/premiere-connexion")
	p.Fill("#identifiant", "100003")
	p.Fill("#nom", "Sansmotdepasse")
	p.Fill("#prenom", "Marcel")
	p.Fill("#date-naissance", "15/03/1985")
	p.Fill("#email", "marcel@example.fr")
	p.Click(".btn--success")
	p.WaitFor(".notice")
	env.WaitEmails(1)
	p.Open(base + "/dev/courriels")
	if !strings.Contains(p.Text("main"), "marcel@example.fr") {
		t.Error("the mailbox does not list the email")
	}
	p.Audit("development mailbox")
	p.Open(base + "/accessibilite")
	p.Audit("accessibility statement")
	p.Open(base + "/nulle-part")
	p.Audit("not found")
}
