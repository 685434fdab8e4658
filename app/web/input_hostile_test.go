package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// The French message of a field holding a control or invisible character.
const msgForbidden = "Ce champ contient des caractères non autorisés"

func count(t *testing.T, env *apptest.Env, sql string) int {
	t.Helper()
	var n int
	if err := env.Pool.QueryRow(context.Background(), sql).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A NUL byte in the anonymous login form is the generic error, and costs no
// more database work than an empty form: it never reaches PostgreSQL.
func TestNULAtLoginIsAWrongPasswordWithoutQuery(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Get("/connexion")
	env.Trips.Reset()
	c.Submit("/connexion", apptest.Values("identifiant", "", "mot_de_passe", ""))
	baseline := env.Trips.Trips()
	for _, tc := range []struct{ name, login, password string }{
		{"NUL in the identifier", "100001\x00", "Demo-assmat1"},
		{"only NUL", "\x00", "\x00"},
		{"NUL in the password", "100001", "Demo-assmat1\x00"},
		{"bidi override in the identifier", "\u202e100001", "Demo-assmat1"},
	} {
		for _, htmx := range []bool{false, true} {
			env.Trips.Reset()
			res := c.Submit("/connexion", apptest.Values("identifiant", tc.login, "mot_de_passe", tc.password), apptest.HTMXIf(htmx)...)
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), "Identifiant ou mot de passe incorrect.") {
				t.Errorf("%s (htmx=%v): %d %q", tc.name, htmx, res.StatusCode, res.Text())
			}
			if n := env.Trips.Trips(); n > baseline {
				t.Errorf("%s (htmx=%v): %d round trips, an empty form costs %d", tc.name, htmx, n, baseline)
			}
		}
	}
	if n := count(t, env, `SELECT count(*) FROM login_throttle`); n != 0 {
		t.Errorf("%d throttle rows written", n)
	}
	c.Login("100001", "Demo-assmat1") // and the account is not locked by them
}

// Every field of "Première connexion" refuses a NUL in French; nothing is sent.
func TestNULInTheLinkRequestForm(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	fields := map[string]string{"identifiant": "identifiant", "nom": "nom", "prenom": "prenom", "date_naissance": "date-naissance", "email": "email"}
	for name, id := range fields {
		for _, htmx := range []bool{false, true} {
			form := apptest.Values("identifiant", "100003", "nom", "sansmotdepasse", "prenom", "MARCEL", "date_naissance", "15/03/1985", "email", "marcel@example.fr")
			form.Set(name, form.Get(name)+"\x00")
			c.Get("/premiere-connexion")
			res := c.Submit("/premiere-connexion", form, apptest.HTMXIf(htmx)...)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("NUL in %s (htmx=%v): %d %q", name, htmx, res.StatusCode, res.Text())
			}
			if inv, _ := res.Doc.Find("#" + id).Attr("aria-invalid"); inv != "true" {
				t.Errorf("NUL in %s: #%s not invalid", name, id)
			}
		}
	}
	c.Get("/premiere-connexion")
	res := c.Submit("/premiere-connexion", apptest.Values("identifiant", "100003", "nom", "sans\u200bmotdepasse", "prenom", "MARCEL",
		"date_naissance", "15/03/1985", "email", "marcel@example.fr"))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), msgForbidden) {
		t.Errorf("zero-width space in the name: %d %q", res.StatusCode, res.Text())
	}
	if n := count(t, env, `SELECT count(*) FROM dev_mailbox`) + count(t, env, `SELECT count(*) FROM account_tokens`); n != 0 {
		t.Errorf("%d emails or links after refused requests", n)
	}
}

// Mon compte and the temporary-password change refuse control characters in
// new passwords and addresses, in French, and change nothing.
func TestNULInAccountForms(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	c.Get("/mon-compte")
	for _, tc := range []struct{ current, next, want string }{
		{"Demo-assmat1", "Nouveau-2025\x00", "aucun caractère de contrôle"},
		{"Demo-assmat1\x00", "Nouveau-2025", "Le mot de passe actuel est incorrect"},
	} {
		res := c.Submit("/mon-compte/mot-de-passe", apptest.Values("mot_de_passe_actuel", tc.current, "nouveau_mot_de_passe", tc.next, "confirmation", tc.next))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), tc.want) {
			t.Errorf("password %q → %q: %d %q", tc.current, tc.next, res.StatusCode, res.Text())
		}
	}
	for _, email := range []string{"nouvelle\x00@example.fr", "nouvelle@exa\u200bmple.fr"} {
		res := c.Submit("/mon-compte/adresse-email", apptest.Values("nouvel_email", email))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), msgForbidden) {
			t.Errorf("email %q: %d %q", email, res.StatusCode, res.Text())
		}
	}
	if n := count(t, env, `SELECT count(*) FROM account_tokens`); n != 0 {
		t.Errorf("%d links issued", n)
	}
	c.Login("100001", "Demo-assmat1") // the password did not change

	env.NewAssmat("200001", "Temp-2025a", true)
	tmp := env.Client()
	tmp.Login("200001", "Temp-2025a")
	tmp.Get("/changement-mot-de-passe")
	res := tmp.Submit("/changement-mot-de-passe", apptest.Values("mot_de_passe_actuel", "Temp-2025a", "mot_de_passe", "Josiane\x002025", "verification", "Josiane\x002025"))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), "aucun caractère de contrôle") {
		t.Errorf("temporary password change with NUL: %d %q", res.StatusCode, res.Text())
	}
}

// The child form: a NUL anywhere is a field error, 500 rows are refused with
// the maximum stated, a 1900–2200 dérogation is refused with a short answer;
// nothing is stored.
func TestHostileChildForms(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	for _, field := range []string{"nom", "prenom", "g1-nom", "g2-prenom", "g1-email", "adresse", "commune", "adresse2", "commune2", "periode-0-debut"} {
		c.Get("/enfants-accueillis/nouveau")
		res := c.Submit("/enfants-accueillis/nouveau", with(anna(), field, anna().Get(field)+"\x00"))
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("NUL in %s: %d %q", field, res.StatusCode, res.Text())
		}
		if inv, _ := res.Doc.Find("#" + field).Attr("aria-invalid"); inv != "true" {
			t.Errorf("NUL in %s: not marked invalid", field)
		}
	}

	rows := anna()
	for i := 2; i < 500; i++ {
		rows.Set("periode-"+itoa(int64(i))+"-type", "standard")
		rows.Set("periode-"+itoa(int64(i))+"-debut", "29/11/2026")
	}
	for _, htmx := range []bool{false, true} {
		c.Get("/enfants-accueillis/nouveau")
		res := c.Submit("/enfants-accueillis/nouveau", rows, apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), "Une fiche compte au plus 30 périodes d'accueil") {
			t.Errorf("500 rows (htmx=%v): %d %q", htmx, res.StatusCode, res.Text())
		}
		if n := res.Doc.Find("#periodes tbody tr").Length(); n != 30 {
			t.Errorf("500 rows (htmx=%v): %d rows shown back, want the first 30", htmx, n)
		}
	}

	centuries := with(anna(), "periode-1-type", "derogation", "periode-1-debut", "01/01/1900", "periode-1-fin", "31/12/2200", "periode-1-heures", "")
	c.Get("/enfants-accueillis/nouveau")
	res := c.Submit("/enfants-accueillis/nouveau", centuries)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), "La date ne peut pas précéder le 01/01/1990.") ||
		!strings.Contains(res.Text(), "La date ne peut pas dépasser le 29/11/2028") {
		t.Errorf("1900–2200 dérogation: %d %q", res.StatusCode, res.Text())
	}
	if n := res.Doc.Find("#erreurs li").Length(); n > 10 {
		t.Errorf("1900–2200 dérogation: %d summary lines", n)
	}
	t.Logf("1900–2200 dérogation answer: %d bytes", len(res.Body))

	c.Get("/enfants-accueillis/nouveau")
	res = c.Submit("/enfants-accueillis/nouveau", with(anna(), "periode-0-debut", "31/12/2021"))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), "La période ne peut pas commencer avant la naissance de l'enfant.") {
		t.Errorf("period before birth: %d %q", res.StatusCode, res.Text())
	}
	if n := count(t, env, `SELECT count(*) FROM children`); n != 0 {
		t.Errorf("%d children stored", n)
	}
}
