package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// duplicateIDs lists the ids the page holds more than once.
const duplicateIDsJS = `(function () {
  var seen = {}, dup = [];
  document.querySelectorAll("[id]").forEach(function (e) { if (seen[e.id]++) dup.push(e.id); else seen[e.id] = 1; });
  return dup.join(" ");
})()`

func (p *Page) focusedID() string {
	return p.Eval(`document.activeElement ? document.activeElement.id : ""`)
}

// Mon compte after two failed forms: one summary id per form, the focus on
// the summary of the form just submitted, and the tab title says "Erreur"
// (with htmx too) until a form succeeds.
func TestAccountFailedFormsFocusTheirSummary(t *testing.T) {
	for _, js := range modes() {
		env := apptest.New(t)
		base := env.Serve()
		p := NewPage(t, js)
		login(p, base, "100001", "Demo-assmat1")
		p.WaitFor("#infos-titre")
		p.Open(base + "/mon-compte")

		p.Fill("#email-nouveau", "gertrude@")
		p.Click("#changer-email .btn--primary")
		p.WaitFor("#email-nouveau[aria-invalid]")
		if id := p.focusedID(); id != "erreurs-email" {
			t.Errorf("[%s] after the email form failed the focus is on %q, want its summary", p.Mode(), id)
		}
		p.Fill("#mdp-actuel", "Mauvais-1")
		p.Click("#changer-mot-de-passe .btn--primary")
		p.WaitFor("#erreurs-mot-de-passe")
		if id := p.focusedID(); id != "erreurs-mot-de-passe" {
			t.Errorf("[%s] after the password form failed the focus is on %q, want its summary", p.Mode(), id)
		}
		if dup := p.Eval(duplicateIDsJS); dup != "" {
			t.Errorf("[%s] Mon compte after two failed forms repeats ids: %s", p.Mode(), dup)
		}
		if title := p.Eval(`document.title`); !strings.HasPrefix(title, "Erreur – Mon compte") {
			t.Errorf("[%s] title after a failed form: %q", p.Mode(), title)
		}
		// The summary of the previous failure goes, so that the wait below
		// sees the new answer.
		p.Eval(`(function(){var b=document.getElementById("erreurs-email");if(b)b.remove();return ""})()`)
		p.Fill("#email-nouveau", "gertrude@")
		p.Click("#changer-email .btn--primary")
		p.WaitFor("#erreurs-email")
		if id := p.focusedID(); id != "erreurs-email" {
			t.Errorf("[%s] after the email form failed again the focus is on %q, want its summary", p.Mode(), id)
		}
		// The two ENREGISTRER say what each saves.
		pass, mail := p.Text("#changer-mot-de-passe .btn--primary"), p.Text("#changer-email .btn--primary")
		if pass == mail || !strings.HasPrefix(pass, "ENREGISTRER") || !strings.HasPrefix(mail, "ENREGISTRER") {
			t.Errorf("[%s] Mon compte's buttons are named %q and %q", p.Mode(), pass, mail)
		}
		// A success in place drops the "Erreur" of the title.
		p.Fill("#email-nouveau", "g.assmat@nouveau.fr")
		p.Click("#changer-email .btn--primary")
		p.WaitFor(".notice")
		if title := p.Eval(`document.title`); !strings.HasPrefix(title, "Mon compte – ") {
			t.Errorf("[%s] title after the form succeeded: %q", p.Mode(), title)
		}
	}
}

// A failed login and a failed child form put "Erreur –" in the tab's title,
// with htmx as without JavaScript, and focus their summary.
func TestErrorTitleAndFocusWithAndWithoutJS(t *testing.T) {
	for _, js := range modes() {
		env := apptest.New(t)
		base := env.Serve()
		p := NewPage(t, js)
		login(p, base, "100001", "Mauvais-1")
		p.WaitFor("#erreurs")
		if title := p.Eval(`document.title`); !strings.HasPrefix(title, "Erreur – Connexion – ") {
			t.Errorf("[%s] failed login title %q", p.Mode(), title)
		}
		if id := p.focusedID(); id != "erreurs" {
			t.Errorf("[%s] failed login: focus on %q", p.Mode(), id)
		}
		login(p, base, "100001", "Demo-assmat1")
		p.WaitFor("#infos-titre")
		p.Open(base + "/enfants-accueillis/nouveau")
		p.Click(".btn--success")
		p.WaitFor("#erreurs")
		if title := p.Eval(`document.title`); !strings.HasPrefix(title, "Erreur – Ajouter ou modifier un enfant – ") {
			t.Errorf("[%s] failed child form title %q", p.Mode(), title)
		}
		if id := p.focusedID(); id != "erreurs" {
			t.Errorf("[%s] failed child form: focus on %q", p.Mode(), id)
		}
	}
}

// An error a field check brings when the field is left is repeated in the
// page's polite live region, which was in the page before.
func TestInlineErrorIsAnnounced(t *testing.T) {
	env := apptest.New(t)
	base := env.Serve()
	p := NewPage(t, true)
	login(p, base, "100001", "Demo-assmat1")
	p.WaitFor("#infos-titre")
	p.Open(base + "/enfants-accueillis/nouveau")
	if live := p.Attr("#annonces", "aria-live"); live != "polite" {
		t.Fatalf("no polite live region in the page (aria-live=%q)", live)
	}
	p.Fill("#code-postal", "6200")
	p.Fill("#commune", "Nice")
	p.WaitFor(".field--error #code-postal")
	var said string
	for i := 0; i < 50 && !strings.Contains(said, "5 chiffres"); i++ {
		said = p.Eval(`document.getElementById("annonces").textContent`)
		if !strings.Contains(said, "5 chiffres") {
			time.Sleep(20 * time.Millisecond)
		}
	}
	if !strings.Contains(said, "Code postal") || !strings.Contains(said, "5 chiffres") {
		t.Errorf("live region says %q after the postcode's inline error", said)
	}
	if p.Count("#annonces .field, .field #annonces") != 0 {
		t.Error("the live region is inside a swapped field")
	}
}

// The child form: autocomplete tokens (none for third parties), the date
// formats tied to their inputs, the asterisk explained.
func TestChildFormAutocompleteAndHints(t *testing.T) {
	for _, js := range modes() {
		env := apptest.New(t)
		base := env.Serve()
		p := NewPage(t, js)
		login(p, base, "100001", "Demo-assmat1")
		p.WaitFor("#infos-titre")
		p.Open(base + "/enfants-accueillis/nouveau")
		p.Click("#adresse-secondaire-differente")
		if !js {
			p.Click(`button[value="actualiser-adresse"]`)
		}
		p.WaitFor("#adresse2")
		for id, want := range map[string]string{"adresse": "address-line1", "adresse2": "address-line1",
			"commune": "address-level2", "commune2": "address-level2", "code-postal": "postal-code", "code-postal2": "postal-code"} {
			if got := p.Attr("#"+id, "autocomplete"); got != want {
				t.Errorf("[%s] #%s autocomplete=%q, want %q", p.Mode(), id, got, want)
			}
		}
		if got := p.Eval(`Array.from(document.querySelectorAll('[id^="g1-"][autocomplete], [id^="g2-"][autocomplete]')).map(e => e.id + "=" + e.getAttribute("autocomplete")).join(" ")`); got != "" {
			t.Errorf("[%s] guardians' fields carry personal autocomplete tokens: %s", p.Mode(), got)
		}
		for _, id := range []string{"date-naissance", "periode-0-debut", "periode-0-fin"} {
			if !describedBy(p, id, "jj/mm/aaaa") {
				t.Errorf("[%s] #%s: no description with the date format (aria-describedby=%q)", p.Mode(), id, p.Attr("#"+id, "aria-describedby"))
			}
		}
		requiredExplained(t, p, "child form")
	}
}

// describedBy says whether the input's aria-describedby names an element of
// the page whose text contains want.
func describedBy(p *Page, id, want string) bool {
	return p.Eval(`(function(){var e=document.getElementById(`+jsString(id)+`);var ids=(e.getAttribute("aria-describedby")||"").split(/\s+/).filter(Boolean);`+
		`return String(ids.some(function(i){var d=document.getElementById(i);return d&&d.textContent.indexOf(`+jsString(want)+`)>=0}))})()`) == "true"
}

// requiredExplained fails when the page marks required fields with a star
// but does not say what the star means.
func requiredExplained(t *testing.T, p *Page, name string) {
	t.Helper()
	if p.Count("label .required") == 0 {
		t.Errorf("[%s] %s: no required star to explain", p.Mode(), name)
		return
	}
	if text := p.Text("main"); !strings.Contains(text, "Les champs marqués d'un astérisque (*) sont obligatoires.") {
		t.Errorf("[%s] %s: the asterisk is not explained", p.Mode(), name)
	}
}

// The asterisk is explained on every page whose form marks required fields.
func TestAsteriskExplained(t *testing.T) {
	for _, js := range modes() {
		env := apptest.New(t)
		base := env.Serve()
		p := NewPage(t, js)
		p.Open(base + "/connexion")
		requiredExplained(t, p, "login")
		login(p, base, "100002", "Temp-2025a")
		p.WaitFor("#changement")
		requiredExplained(t, p, "temporary password change")
		p.Click(`button[form="retour"]`)
		p.WaitFor("#connexion")
		login(p, base, "100001", "Demo-assmat1")
		p.WaitFor("#infos-titre")
		p.Open(base + "/mon-compte")
		requiredExplained(t, p, "Mon compte")
	}
}

// The delete dialog starts on the safe choice and adds no second h1; the
// child view's periods table has a caption.
func TestDeleteDialogAndChildViewStructure(t *testing.T) {
	for _, js := range modes() {
		env := apptest.New(t)
		base := env.Serve()
		seedChildren(t, env)
		p := NewPage(t, js)
		login(p, base, "100001", "Demo-assmat1")
		p.WaitFor("#infos-titre")
		p.Open(base + "/enfants-accueillis")
		p.Click(`.table-wrap a.btn--secondary:not([href$="/modifier"])`)
		p.WaitFor("#enfant-titre")
		if got := p.Eval(`(function(){var c=document.querySelector("#periodes-titre ~ .table-wrap caption");return c?c.textContent.trim():""})()`); !strings.HasPrefix(got, "Périodes d'accueil de ") {
			t.Errorf("[%s] child view's periods table caption %q", p.Mode(), got)
		}
		p.Open(base + "/enfants-accueillis")
		title := p.Eval(`document.title`)
		p.Click(`.table-wrap a.btn--danger`)
		if js {
			p.WaitFor("dialog[open]")
			p.settled()
			if got := p.Eval(`document.activeElement.textContent.trim()`); got != "ANNULER" {
				t.Errorf("[JS on] the delete dialog opens with the focus on %q, want ANNULER", got)
			}
			p.Click("dialog [data-close-dialog]")
			p.Gone("dialog")
			if got := p.Eval(`document.title`); got != title {
				t.Errorf("[JS on] title after the dialog closed %q, want %q", got, title)
			}
			p.Click(`.table-wrap a.btn--danger`)
			p.WaitFor("dialog[open]")
		} else {
			p.WaitFor("#suppression-titre")
		}
		if n := p.Count("h1"); n != 1 {
			t.Errorf("[%s] the delete confirmation shows %d h1", p.Mode(), n)
		}
	}
}

// inView says whether the element's top is inside the viewport.
func inView(p *Page, id string) bool {
	return p.Eval(`(function(){var r=document.getElementById(`+jsString(id)+`).getBoundingClientRect();return String(r.top >= 0 && r.top < innerHeight)})()`) == "true"
}

// Without JavaScript, the buttons that reload the child form to add or
// remove a row, apply a type or show the secondary address bring the user
// back where she was, not to the top of the page.
func TestNoJSFormButtonsComeBackToTheirSection(t *testing.T) {
	env := apptest.New(t)
	base := env.Serve()
	p := NewPage(t, false)
	login(p, base, "100001", "Demo-assmat1")
	p.WaitFor("#infos-titre")
	p.Open(base + "/enfants-accueillis/nouveau")
	for _, step := range []struct{ name, click, wait, anchor string }{
		{"Ajouter une période", "#ajouter-periode", "#periode-1-type", "periodes"},
		{"Appliquer le type", `#periode-1 button[value="actualiser-periodes"]`, "#periode-1-type", "periode-1"},
		{"Retirer", `button[value="supprimer-periode-1"]`, "#periode-0-type", "periodes"},
		{"Afficher l'adresse secondaire", `button[value="actualiser-adresse"]`, "#adresse-secondaire", "adresse-secondaire-differente"},
	} {
		p.Eval(`scrollTo(0, 0); ""`)
		if step.name == "Afficher l'adresse secondaire" {
			p.Click("#adresse-secondaire-differente")
		}
		p.Eval(`window.__oldPage = true; ""`)
		p.Click(step.click)
		for deadline := time.Now().Add(10 * time.Second); p.Eval(`String(window.__oldPage === true || document.readyState !== "complete")`) == "true"; {
			if time.Now().After(deadline) {
				t.Fatalf("%s: no new page", step.name)
			}
			time.Sleep(20 * time.Millisecond)
		}
		p.WaitFor(step.wait)
		if u := p.URL(); !strings.HasSuffix(u, "#"+step.anchor) {
			t.Errorf("%s: the answer is at %s, want #%s", step.name, u, step.anchor)
		}
		if !inView(p, step.anchor) {
			t.Errorf("%s: #%s is not in view after the reload (scrollY %s)", step.name, step.anchor, p.Eval(`String(scrollY)`))
		}
	}
	if p.Count("#adresse2") != 1 {
		t.Error("the secondary address did not show")
	}
}
