package auth

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/form/formtest"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// Each form shows every input of its table as the table defines it, and
// nothing else: an entry and the template cannot drift apart.
func TestFormsShowTheirTable(t *testing.T) {
	t.Run("login", func(t *testing.T) {
		formtest.CheckInputs(t, components.LoginPage(LoginProps(LoginForm{}, LoginView{})), formtest.TableFields(t, loginFields))
	})
	t.Run("link request", func(t *testing.T) {
		formtest.CheckInputs(t, components.LinkRequestPage(LinkRequestProps(LinkRequestForm{}, LinkRequestView{})),
			formtest.TableFields(t, linkRequestFields))
	})
	t.Run("temporary password", func(t *testing.T) {
		want := formtest.TableFields(t, passwordFields)
		want[0].ReadOnly = true // the login is shown, not typed
		formtest.CheckInputs(t, components.PasswordChangePage(PasswordChangeProps(PasswordView{Action: paths.PasswordChange, Login: "100002"})), want)
	})
	t.Run("emailed link", func(t *testing.T) {
		s := passwordFields
		formtest.CheckInputs(t, components.PasswordChangePage(PasswordChangeProps(PasswordView{Action: paths.SetPassword + "jeton"})),
			[]components.Field{s.Password.Field("", ""), s.Verification.Field("", "")})
	})
}

// The policy under the new password is credentials.PolicyText's rule, as the
// page has always written it.
func TestPolicyHint(t *testing.T) {
	if got, want := policyHint(), "8 caractères au minimum dont 1 minuscule, 1 majuscule et 1 chiffre."; got != want {
		t.Errorf("policyHint() = %q, want %q", got, want)
	}
}

// A login error tied to a field links from the summary and marks its input,
// as every other form does: the messages of an empty CONNEXION.
func TestLoginFieldErrorsAreTiedToTheirInputs(t *testing.T) {
	errs := LoginForm{}.Validate()
	var buf bytes.Buffer
	if err := components.LoginCard(LoginProps(LoginForm{}, LoginView{Errors: errs})).Render(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"identifiant", "mot-de-passe"} {
		in := doc.Find("#" + id)
		if v, _ := in.Attr("aria-invalid"); v != "true" {
			t.Errorf("#%s aria-invalid=%q", id, v)
		}
		desc, _ := in.Attr("aria-describedby")
		if !strings.Contains(desc, id+"-erreur") || doc.Find("#"+id+"-erreur").Length() != 1 {
			t.Errorf("#%s aria-describedby=%q, no tied error", id, desc)
		}
		if doc.Find(`#erreurs a[href="#`+id+`"]`).Length() != 1 {
			t.Errorf("the summary does not link to #%s", id)
		}
	}
}
