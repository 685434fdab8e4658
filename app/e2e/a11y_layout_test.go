package e2e

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// childValues is a complete declaration posted by the test client, with the
// long hyphenated names that stretch a table.
func childValues(nom, prenom string) url.Values {
	return apptest.Values(
		"nom", nom, "prenom", prenom, "date-naissance", "01/01/2022",
		"g1-civilite", "Madame", "g1-nom", nom, "g1-prenom", "Maman", "g1-email", "maman.tres-longue-adresse@messagerie-personnelle.fr", "g1-telephone", "06 12 34 56 78",
		"adresse", "147 boulevard du Mercantour", "code-postal", "06200", "commune", "Saint-Martin-Vésubie-sur-le-Long-Nom-de-Commune",
		"periode-0-type", "standard", "periode-0-debut", "29/11/2026",
		"action", "valider",
	)
}

// seedChildren declares children for 100001 through the no-JS form.
func seedChildren(t *testing.T, env *apptest.Env) {
	t.Helper()
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	for _, n := range [][2]string{{"ENFANTGARDE-DUPONTEL", "Anne-Charlotte"}, {"MARTIN", "Léo"}, {"DE LA FONTAINE-BERTRAND", "Marie-Antoinette"}} {
		c.Get("/enfants-accueillis/nouveau")
		if res := c.Submit("/enfants-accueillis/nouveau", childValues(n[0], n[1])); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("declare %s: %d %s", n[0], res.StatusCode, res.Text())
		}
	}
}

// TestFocusRingAndReflowOnEveryPage walks the pages and states of the audit,
// with JavaScript on and off, and on each one measures every focus ring
// (3:1 against what surrounds it) and the page width at 320 px and at 200 %
// text (no sideways scrolling).
func TestFocusRingAndReflowOnEveryPage(t *testing.T) {
	for _, js := range modes() {
		env := apptest.New(t)
		base := env.Serve()
		seedChildren(t, env)
		p := NewPage(t, js)
		check := func(name string) { t.Logf("[%s] %s", p.Mode(), p.Layout(name)) }

		p.Open(base + "/connexion")
		check("login")
		p.Fill("#identifiant", "100001")
		p.Fill("#mot-de-passe", "Mauvais-1")
		p.Click("button.btn--primary")
		p.WaitFor("#erreurs")
		check("login with an error")

		p.Open(base + "/premiere-connexion")
		p.Click(".btn--success")
		p.WaitFor("#erreurs")
		check("link request with errors")

		login(p, base, "100002", "Temp-2025a")
		p.WaitFor("#changement")
		p.Click(".btn--success")
		p.WaitFor("#erreurs")
		check("temporary password change with errors")
		p.Click(`button[form="retour"]`)
		p.WaitFor("#connexion")

		login(p, base, "100001", "Demo-assmat1")
		p.WaitFor("#infos-titre")
		check("dashboard")
		// The menu's drop-downs are white boxes inside the dark bar.
		p.Click(".menu__item--account summary")
		check("dashboard, account menu open")

		p.Open(base + "/mon-compte")
		p.Fill("#email-nouveau", "gertrude@")
		p.Click("#changer-email .btn--primary")
		p.WaitFor("#email-nouveau[aria-invalid]")
		p.Click("#changer-mot-de-passe .btn--primary")
		p.WaitFor("#mdp-actuel[aria-invalid]")
		check("Mon compte with both errors")

		p.Open(base + "/enfants-accueillis")
		p.WaitFor("#en-cours-titre")
		check("children list")

		p.Open(base + "/enfants-accueillis/nouveau")
		check("child form")
		p.Click(".btn--success")
		p.WaitFor("#erreurs")
		check("child form with errors")

		p.Open(base + "/enfants-accueillis")
		p.Click(`.table-wrap a[href$="/modifier"]`)
		p.WaitFor("#formulaire-enfant")
		check("child form, edit")

		p.Open(base + "/enfants-accueillis")
		p.Click(`.table-wrap a.btn--secondary:not([href$="/modifier"])`)
		p.WaitFor("#enfant-titre")
		check("child view")

		p.Open(base + "/enfants-accueillis")
		p.Click(`.table-wrap a.btn--danger`)
		if js {
			p.WaitFor("dialog[open]")
			check("delete dialog")
		} else {
			p.WaitFor("#suppression-titre")
			check("delete confirmation page")
		}

		p.Open(base + "/accessibilite")
		check("accessibility statement")
		p.Open(base + "/nulle-part")
		check("not found")
	}
}
