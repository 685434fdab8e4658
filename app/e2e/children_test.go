package e2e

import (
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// The declaration of the issue, as a new user does it, with JavaScript on and
// off: Anna ENFANTGARDE with both parents, the Nice address, a secondary
// address, a standard period from today and an overrun of 68 hours (refused,
// then corrected to 40); edited; moved to the history; another child deleted.
func TestDeclareEditHistoryDelete(t *testing.T) {
	for _, js := range modes() {
		env := apptest.New(t)
		base := env.Serve()
		p := NewPage(t, js)
		login(p, base, "100001", "Demo-assmat1")
		p.WaitFor("#infos-titre")
		p.Click(`.menu__item:nth-child(4) summary`)
		p.Click(`.menu a[href="/enfants-accueillis"]`)
		p.WaitFor("#en-cours-titre")
		p.Audit("children list (empty)")
		p.Click(`a[href="/enfants-accueillis/nouveau"]`)
		p.WaitFor("#formulaire-enfant")
		p.Audit("child form")

		p.Eval(`window.__samePage = "yes"`)
		p.Fill("#nom", "ENFANTGARDE")
		p.Fill("#prenom", "Anna")
		p.Fill("#date-naissance", "01/01/2022")
		p.Select("#g1-civilite", "Madame")
		p.Fill("#g1-nom", "ENFANTGARDE")
		p.Fill("#g1-prenom", "Maman")
		p.Fill("#g1-email", "mailmaman@mailperso.fr")
		p.Fill("#g1-telephone", "06 12 34 56 78")
		p.Select("#g2-civilite", "Monsieur")
		p.Fill("#g2-nom", "ENFANTGARDE")
		p.Fill("#g2-prenom", "Papa")
		p.Fill("#g2-email", "mailpapa@mailpersoaussi.fr")
		p.Fill("#g2-telephone", "0623456789")
		p.Fill("#adresse", "147 boulevard du Mercantour")
		p.Fill("#code-postal", "6200")
		p.Fill("#commune", "Nice")
		if js {
			// Leaving a field checks it in place.
			p.WaitFor(".field--error #code-postal")
			if got := p.Text("#code-postal-erreur"); !strings.Contains(got, "5 chiffres") {
				t.Errorf("[JS on] inline error %q", got)
			}
		}
		p.Fill("#code-postal", "06200")
		p.Click("#adresse-secondaire-differente")
		if !js {
			p.Click(`button[value="actualiser-adresse"]`)
		}
		p.WaitFor("#adresse2")
		if v := p.Value("#g2-prenom"); v != "Papa" {
			t.Errorf("[%s] showing the secondary address lost what was typed: %q", p.Mode(), v)
		}
		p.Fill("#adresse2", "148 boulevard du Mercantour")
		p.Fill("#code-postal2", "06200")
		p.Fill("#commune2", "Nice")

		p.Select("#periode-0-type", "standard")
		p.Fill("#periode-0-debut", "29/11/2026")
		p.Click("#ajouter-periode")
		p.WaitFor("#periode-1-type")
		if js {
			if focused := p.Eval(`document.activeElement.id`); focused != "periode-1-type" {
				t.Errorf("[JS on] the new row did not get the focus (%q)", focused)
			}
		}
		p.Select("#periode-1-type", "depassement")
		if !js {
			p.Click(`#periode-1 button[value="actualiser-periodes"]`)
		}
		p.WaitFor("#periode-1-heures:not([disabled])")
		p.Fill("#periode-1-debut", "29/11/2026")
		p.Fill("#periode-1-fin", "30/11/2026")
		p.Fill("#periode-1-heures", "68")
		if swapped := p.Eval(`String(window.__samePage)`) == "yes"; swapped != js {
			t.Errorf("[%s] rows and toggle worked in place = %v, want %v", p.Mode(), swapped, js)
		}
		p.Click(".btn--success")
		p.WaitFor("#erreurs")
		if got := p.Text("#periode-1-heures-erreur"); got != "le nombre d'heures saisi dépasse 50h par mois" {
			t.Errorf("[%s] hours error %q", p.Mode(), got)
		}
		if v := p.Value("#adresse2"); v != "148 boulevard du Mercantour" {
			t.Errorf("[%s] secondary address lost after the error: %q", p.Mode(), v)
		}
		p.Audit("child form with errors")
		p.Fill("#periode-1-heures", "40")
		p.Click(".btn--success")
		p.WaitFor("#en-cours-titre")
		if got := p.Text("#en-cours-titre + p + .table-wrap tbody"); !strings.Contains(got, "ENFANTGARDE Anna 01/01/2022") {
			t.Errorf("[%s] list: %q", p.Mode(), got)
		}
		p.Audit("children list")

		// Voir.
		p.Click(`a[href$="/modifier"]`)
		p.WaitFor("#formulaire-enfant")
		if v := p.Value("#g2-prenom"); v != "Papa" {
			t.Errorf("[%s] edit form not prefilled: %q", p.Mode(), v)
		}
		// Every period ends in the past: Anna moves to the history.
		p.Fill("#periode-0-debut", "01/01/2025")
		p.Fill("#periode-0-fin", "31/01/2025")
		p.Fill("#periode-1-debut", "01/02/2025")
		p.Fill("#periode-1-fin", "02/02/2025")
		p.Click(".btn--success")
		p.WaitFor("#historique-titre")
		if got := p.Text("#historique-titre ~ .table-wrap tbody"); !strings.Contains(got, "Anna") {
			t.Errorf("[%s] Anna is not in the history: %q", p.Mode(), got)
		}
		p.Click(`#historique-titre ~ .table-wrap a`)
		p.WaitFor("#enfant-titre")
		if n := p.Count(`a[href$="/modifier"]`); n != 0 {
			t.Errorf("[%s] a historical child offers Modifier", p.Mode())
		}
		p.Audit("child view")

		// Declare another child, then delete it after confirming.
		p.Open(base + "/enfants-accueillis/nouveau")
		p.Fill("#nom", "AUTRE")
		p.Fill("#prenom", "Paul")
		p.Fill("#date-naissance", "2023-05-04")
		p.Fill("#adresse", "1 rue de France")
		p.Fill("#code-postal", "06000")
		p.Fill("#commune", "Nice")
		p.Fill("#periode-0-debut", "29/11/2026")
		p.Click(".btn--success")
		p.WaitFor("#en-cours-titre")
		p.Click(`a.btn--danger[href$="/supprimer"]`)
		if js {
			p.WaitFor("dialog[open]")
			p.Audit("delete dialog")
			// The list still shows the notice of the save: drop it to see the next one arrive.
			p.Eval(`(function(){var n=document.querySelector(".notice");if(n)n.remove();return ""})()`)
			p.Click("dialog .btn--danger")
		} else {
			p.WaitFor("#suppression-titre")
			p.Audit("delete confirmation page")
			p.Click("main .btn--danger")
		}
		p.WaitFor(".notice")
		if got := p.Text(".notice"); got != "La fiche de l'enfant a été supprimée." {
			t.Errorf("[%s] notice %q", p.Mode(), got)
		}
		if strings.Contains(p.Text("main"), "AUTRE") {
			t.Errorf("[%s] the deleted child is still listed", p.Mode())
		}
	}
}
