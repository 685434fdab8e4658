package agentauth

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/form/formtest"
	"github.com/departement06/extranet-assmat/components"
)

// Each form shows every input of its table as the table defines it, and
// nothing else: an entry and the template cannot drift apart.
func TestFormsShowTheirTable(t *testing.T) {
	t.Run("sign-in", func(t *testing.T) {
		formtest.CheckInputs(t, components.BackOfficeLoginPage(LoginProps(LoginForm{}, LoginView{})), formtest.TableFields(t, loginFields))
	})
	t.Run("link", func(t *testing.T) {
		formtest.CheckInputs(t, components.BackOfficePasswordPage(LinkProps("jeton", nil)), formtest.TableFields(t, linkFields))
	})
	t.Run("Mon compte", func(t *testing.T) {
		formtest.CheckInputs(t, components.BackOfficeAccountPage(AccountProps(AccountView{Name: "Claire MARTIN", Email: "agent@demo.local"})),
			formtest.TableFields(t, accountFields))
	})
}

// What each form posts, read back by its parser: the names of the template
// and of the table agree.
func TestFormsParseWhatTheyPost(t *testing.T) {
	login := formtest.Posted(t, components.BackOfficeLoginPage(LoginProps(LoginForm{Email: "agent@demo.local"}, LoginView{})))
	login.Set(loginFields.Password.Name, "Demo-agent1")
	if f := ParseLoginForm(formtest.Ctx(t, login)); f.Email != "agent@demo.local" || f.Password != "Demo-agent1" {
		t.Errorf("sign-in read back as %+v", f)
	}
	account := formtest.Posted(t, components.BackOfficeAccountPage(AccountProps(AccountView{})))
	for _, s := range []string{accountFields.Current.Name, accountFields.New.Name, accountFields.Confirmation.Name} {
		if _, ok := account[s]; !ok {
			t.Errorf("Mon compte does not post %q (posts %v)", s, account)
		}
	}
}

// Errors tied to a field link from their form's summary and mark their input.
func TestErrorsAreTiedToTheirInputs(t *testing.T) {
	for _, c := range []struct {
		name, summary string
		comp          interface {
			Render(context.Context, io.Writer) error
		}
		ids []string
	}{
		{"sign-in", "erreurs", components.BackOfficeLoginCard(LoginProps(LoginForm{}, LoginView{Errors: LoginForm{}.Validate()})),
			[]string{"agent-email", "agent-mot-de-passe"}},
		{"Mon compte", "erreurs-mot-de-passe", components.BackOfficePasswordSection(AccountProps(AccountView{Errors: AccountForm{}.Validate()})),
			[]string{"agent-mdp-actuel", "agent-mdp-nouveau"}},
		{"link", "erreurs", components.BackOfficePasswordCard(LinkProps("jeton", LinkForm{Password: "court"}.Validate())),
			[]string{"agent-nouveau", "agent-verification"}},
	} {
		var buf bytes.Buffer
		if err := c.comp.Render(context.Background(), &buf); err != nil {
			t.Fatal(err)
		}
		doc, err := goquery.NewDocumentFromReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range c.ids {
			if v, _ := doc.Find("#" + id).Attr("aria-invalid"); v != "true" {
				t.Errorf("%s: #%s without aria-invalid", c.name, id)
			}
			if doc.Find("#"+c.summary+` a[href="#`+id+`"]`).Length() != 1 {
				t.Errorf("%s: the summary #%s does not link to #%s", c.name, c.summary, id)
			}
		}
	}
}
