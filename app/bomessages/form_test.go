package bomessages_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// A form with errors comes back (422) with each error tied to its input,
// plain and htmx, and saves nothing; a search is insensitive to accents and
// lists several childminders; "Modifier" brings back what was typed.
func TestMessageFormErrorsSearchAndEdit(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	before := count(t, env, `SELECT count(*) FROM messages`)
	for _, htmx := range []bool{false, true} {
		res := c.Submit("/back-office/messages/nouveau", apptest.Values("destinataires", "une", "action", "previsualiser"), apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("htmx=%v: %d", htmx, res.StatusCode)
		}
		for _, id := range []string{"message-recherche", "message-expediteur", "message-objet-saisi", "message-texte"} {
			if res.Doc.Find(`#erreurs a[href="#`+id+`"]`).Length() != 1 {
				t.Errorf("htmx=%v: no error for #%s: %s", htmx, id, res.Doc.Find("#erreurs").Text())
			}
		}
		if htmx == (res.Doc.Find("header.site-header").Length() > 0) {
			t.Errorf("htmx=%v: layout", htmx)
		}
		// Sending with errors (forged) is refused the same way.
		res = c.Submit("/back-office/messages/nouveau", apptest.Values("destinataires", "tous", "objet", "x", "texte", "a\x01b", "expediteur", "PMI", "action", "envoyer"), apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusUnprocessableEntity || res.Doc.Find(`#message-texte[aria-invalid="true"]`).Length() != 1 {
			t.Errorf("htmx=%v: control character sent: %d", htmx, res.StatusCode)
		}
	}
	if n := count(t, env, `SELECT count(*) FROM messages`); n != before {
		t.Errorf("a refused form saved %d message(s)", n-before)
	}

	res := c.Submit("/back-office/messages/nouveau", apptest.Values("recherche", "1000", "action", "rechercher"))
	if n := res.Doc.Find(`input[name="assmat"]`).Length(); res.StatusCode != http.StatusOK || n < 2 {
		t.Errorf("search 1000: %d, %d result(s)", res.StatusCode, n)
	}
	res = c.Submit("/back-office/messages/nouveau", apptest.Values("recherche", "gértrude", "action", "rechercher"))
	if !strings.Contains(res.Doc.Find(".bo-choices").Text(), "Gertrude ASSMAT (100001)") {
		t.Errorf("accented search: %s", res.Text())
	}
	res = c.Submit("/back-office/messages/nouveau", apptest.Values("recherche", "zzzz", "action", "rechercher"))
	if !strings.Contains(res.Text(), "Aucun assistant maternel ne correspond") {
		t.Errorf("empty search: %s", res.Text())
	}
	// Without 3 letters or digits in a row the trigram index has nothing to
	// look up: refused with a message, nothing searched. "％％％" folds to
	// "%%%", and "＿" to "_": typed, they are text, never wildcards.
	for _, typed := range []string{"ab", "...", "a b c", "％％％"} {
		res = c.Submit("/back-office/messages/nouveau", apptest.Values("recherche", typed, "action", "rechercher"))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Doc.Find("#erreurs").Text(), "au moins 3 lettres ou chiffres à la suite") ||
			res.Doc.Find(`input[name="assmat"]`).Length() != 0 || strings.Contains(res.Text(), "Aucun assistant maternel ne correspond") {
			t.Errorf("search %q: %d, %d result(s): %s", typed, res.StatusCode, res.Doc.Find(`input[name="assmat"]`).Length(), res.Doc.Find("#erreurs").Text())
		}
	}
	for _, typed := range []string{"ass＿at", "ass％", "ass\\"} {
		res = c.Submit("/back-office/messages/nouveau", apptest.Values("recherche", typed, "action", "rechercher"))
		if res.StatusCode != http.StatusOK || !strings.Contains(res.Text(), "Aucun assistant maternel ne correspond") {
			t.Errorf("search %q matched as a pattern: %d, %d result(s)", typed, res.StatusCode, res.Doc.Find(`input[name="assmat"]`).Length())
		}
	}

	// A general message previewed, then back to the form: as typed.
	form := apptest.Values("destinataires", "tous", "expediteur", "PMI", "objet", "Fermeture", "texte", "Ligne 1\nLigne 2", "action", "previsualiser")
	res = c.Submit("/back-office/messages/nouveau", form)
	if !strings.Contains(res.Text(), "Tous les assistants maternels") {
		t.Errorf("general preview's recipient: %s", res.Text())
	}
	form.Set("action", "modifier")
	res = c.Submit("/back-office/messages/nouveau", form)
	if v, _ := res.Doc.Find("#message-objet-saisi").Attr("value"); v != "Fermeture" || res.Doc.Find("#message-texte").Text() != "Ligne 1\nLigne 2" ||
		res.Doc.Find(`#message-destinataires:checked`).Length() != 1 {
		t.Errorf("edit again: %q %q", v, res.Doc.Find("#message-texte").Text())
	}
	form.Set("action", "envoyer")
	if res := c.Submit("/back-office/messages/nouveau", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("general send: %d", res.StatusCode)
	}
	if n := count(t, env, `SELECT count(*) FROM messages WHERE subject = 'Fermeture' AND recipient_assmat_id IS NULL`); n != 1 {
		t.Errorf("%d general message(s)", n)
	}
	if n := count(t, env, `SELECT count(*) FROM audit_log WHERE action = 'message-envoye' AND details->>'destinataire' = 'tous'`); n != 1 {
		t.Errorf("%d audit line(s)", n)
	}
	env.ExactlyEmails(0)
	if res := c.Get("/back-office/messages?envoye=1"); !strings.Contains(res.Text(), "Votre message a été envoyé.") {
		t.Errorf("no notice after sending")
	}
}

// A search matching more childminders than the form lists (20) lists 20,
// sorted by name, and says to refine; 20 exactly list them all, without a
// word. Plain and htmx.
func TestRecipientSearchSaysWhenMoreMatch(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	if _, err := env.Pool.Exec(context.Background(), `INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale,
		adresse, code_postal, commune)
		SELECT 'R' || lpad(i::text, 5, '0'), 'Madame', CASE WHEN i <= 20 THEN 'VINGTAINE' ELSE 'FOULE' END, 'Prénom ' || lpad(i::text, 2, '0'),
		       '1980-01-01', 'Célibataire', '1 rue', '06000', 'Nice'
		FROM generate_series(1, 45) i`); err != nil {
		t.Fatal(err)
	}
	for _, htmx := range []bool{false, true} {
		res := c.Submit("/back-office/messages/nouveau", apptest.Values("destinataires", "une", "recherche", "foule", "action", "rechercher"), apptest.HTMXIf(htmx)...)
		choices := res.Doc.Find(`input[name="assmat"]`)
		status := res.Doc.Find(`[role="status"]`).Text()
		if res.StatusCode != http.StatusOK || choices.Length() != 20 || !strings.Contains(status, "Plus de 20 assistants maternels correspondent") {
			t.Errorf("htmx=%v, 25 matches: %d, %d choices, status %q", htmx, res.StatusCode, choices.Length(), status)
		}
		if first := strings.TrimSpace(res.Doc.Find(`label[for="message-assmat"]`).Text()); !strings.Contains(first, "FOULE") || !strings.Contains(first, "Prénom 21") {
			t.Errorf("htmx=%v: the first choice is %q, want FOULE Prénom 21 (sorted by name)", htmx, first)
		}
		res = c.Submit("/back-office/messages/nouveau", apptest.Values("destinataires", "une", "recherche", "vingtaine", "action", "rechercher"), apptest.HTMXIf(htmx)...)
		if n := res.Doc.Find(`input[name="assmat"]`).Length(); n != 20 || strings.Contains(res.Text(), "Plus de 20") {
			t.Errorf("htmx=%v, 20 matches: %d choices, %q", htmx, n, res.Doc.Find(`[role="status"]`).Text())
		}
	}
}
