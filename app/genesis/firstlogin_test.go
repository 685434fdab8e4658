package genesis_test

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/genesis"
)

// A childminder of the sample, imported without an email, signs in through
// "Première connexion" (her identity as Genesis has it, accents included)
// and sees her agrément on "Mon agrément".
func TestImportedChildminderSignsInAndSeesHerAgrement(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	f, err := os.Open("testdata/genesis-exemple.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := genesis.Import(context.Background(), env.Pool, f, genesis.Options{FileName: "genesis-exemple.csv"})
	if err != nil || len(rep.Problems) > 0 || rep.Created.Assmats != 10 {
		t.Fatalf("import: %v %v %s", err, rep.Problems, rep.Summary())
	}
	c := env.Client()
	c.Get("/premiere-connexion")
	res := c.Submit("/premiere-connexion", apptest.Values("identifiant", "200002", "nom", "LEFÈVRE", "prenom", "Anaïs",
		"date_naissance", "05/11/1985", "email", "anais.lefevre@exemple.fr"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("link request: %d", res.StatusCode)
	}
	link := env.WaitEmails(1)[0].Link("/mot-de-passe/")
	if link == "" {
		t.Fatal("no password link emailed")
	}
	c.Get(link)
	if res := c.Submit(link, apptest.Values("mot_de_passe", "Anais-2026", "verification", "Anais-2026")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("set password: %d", res.StatusCode)
	}
	c.Login("200002", "Anais-2026")
	page := c.Get("/mon-agrement")
	for _, want := range []string{"AG-06-2018-0002", "Fin de validité : 14/01/2028", "Lieu : À son domicile Adresse : 3 chemin des Oliviers", "LEFÈVRE"} {
		if page.StatusCode != http.StatusOK || !strings.Contains(page.Text(), want) {
			t.Errorf("Mon agrément (%d) lacks %q:\n%s", page.StatusCode, want, page.Text())
		}
	}
}
