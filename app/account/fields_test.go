package account

import (
	"testing"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/form/formtest"
	"github.com/departement06/extranet-assmat/components"
)

// Mon compte shows every input of its two tables as they define them, and
// nothing else: an entry and the template cannot drift apart.
func TestPageShowsItsTables(t *testing.T) {
	want := formtest.TableFields(t, passwordFields)
	email := formtest.TableFields(t, emailFields)
	email[0].ReadOnly = true // the current address is shown, not typed
	formtest.CheckInputs(t, components.AccountPage(PageProps(PageView{CurrentEmail: "gertrude.assmat@exemple.fr"})), append(want, email...))
}

// Each message lands on its own form's input; an account without an address
// says so in the read-only field.
func TestPagePropsTiesEachMessageToItsInput(t *testing.T) {
	v := PageView{
		PasswordErrors:       PasswordForm{Current: "Ancien-2024", New: "court", Confirmation: "autre"}.Validate(),
		CurrentPasswordError: credentials.MsgCurrentWrong,
		NewEmail:             "gertrude@", EmailError: ValidateNewEmail("gertrude@", ""),
	}
	p := PageProps(v)
	for _, tc := range []struct {
		field components.Field
		want  string
	}{
		{p.Password.Current, "Le mot de passe actuel est incorrect"},
		{p.Password.New, "Mot de passe non conforme à la politique de sécurité"},
		{p.Password.Confirmation, "Le mot de passe n'est pas identique à la vérification"},
		{p.Email.New, "L'adresse email n'est pas valide : elle doit ressembler à prenom.nom@exemple.fr."},
	} {
		if tc.field.Error != tc.want {
			t.Errorf("#%s error %q, want %q", tc.field.ID, tc.field.Error, tc.want)
		}
	}
	if len(p.PasswordErrors) != 3 || len(p.EmailErrors) != 1 {
		t.Errorf("summaries: %d password and %d email messages, want 3 and 1", len(p.PasswordErrors), len(p.EmailErrors))
	}
	if p.Email.New.Value != "gertrude@" || p.Email.Current.Value != "(aucune)" || !p.Email.Current.ReadOnly {
		t.Errorf("email fields %+v / %+v", p.Email.Current, p.Email.New)
	}
}
