package e2e

import (
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// Someone locks 100001 by failing on purpose; the owner, on the locked page,
// follows its hint to the link form, receives the link at her address, sets
// a new password and signs in at once: the lock is lifted.
func TestOwnerLiftsALockThroughTheEmailedLink(t *testing.T) {
	for _, js := range modes() {
		env := apptest.New(t)
		base := env.Serve()
		p := NewPage(t, js)
		for i := 0; i < 5; i++ {
			login(p, base, "100001", "Mauvais-1")
			p.WaitFor("#erreurs")
		}
		if got := p.Text("#erreurs"); !strings.Contains(got, "Trop de tentatives") {
			t.Fatalf("[%s] after 5 failures: %q", p.Mode(), got)
		}
		p.WaitFor("#connexion-deblocage")
		p.Audit("login page, attempts suspended")
		p.Click(`#connexion-deblocage a`)
		p.WaitFor("#premiere-connexion")
		p.Fill("#identifiant", "100001")
		p.Fill("#nom", "Assmat")
		p.Fill("#prenom", "Gertrude")
		p.Fill("#date-naissance", "02/02/1990")
		p.Fill("#email", "gertrude.assmat@example.fr")
		p.Click(".btn--success")
		p.WaitFor(".notice")
		link := env.WaitEmails(1)[0].Link("/mot-de-passe/")
		p.Open(base + link)
		p.WaitFor("#changement")
		p.Fill("#mot-de-passe", "Nouveau-2025")
		p.Fill("#verification", "Nouveau-2025")
		p.Click(".btn--success")
		p.WaitFor(".notice")
		login(p, base, "100001", "Nouveau-2025")
		p.WaitFor("#infos-titre")
	}
}
