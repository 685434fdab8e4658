package auth

import (
	"reflect"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/app/form/formtest"
	"github.com/departement06/extranet-assmat/components"
)

// Input no account can hold gets the generic message: the handler then
// answers without any query (a NUL byte makes PostgreSQL fail).
func TestLoginFormRefusesHostileInput(t *testing.T) {
	cases := []struct {
		name              string
		identifiant, pass string
		want              []string
	}{
		{"NUL in the identifier", "100001\x00", "Demo-assmat1", []string{MsgBadCredentials}},
		{"only a NUL as identifier", "\x00", "x", []string{MsgBadCredentials}},
		{"escape in the identifier", "1000\x1b01", "Demo-assmat1", []string{MsgBadCredentials}},
		{"zero-width space in the identifier", "1000\u200b01", "Demo-assmat1", []string{MsgBadCredentials}},
		{"bidi override in the identifier", "\u202e100001", "Demo-assmat1", []string{MsgBadCredentials}},
		{"NUL in the password", "100001", "Demo-assmat1\x00", []string{MsgBadCredentials}},
		{"newline in the password", "100001", "Demo\nassmat1", []string{MsgBadCredentials}},
		{"spaces in a password count", "100001", " Demo assmat1 ", nil},
		{"accents in a password", "100001", "Sésame-2025", nil},
		{"password of 128 characters", "100001", strings.Repeat("é", 128), nil},
		{"password of 129 characters", "100001", strings.Repeat("é", 129), []string{MsgBadCredentials}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := ParseLoginForm(formtest.Ctx(t, formtest.Values("identifiant", tc.identifiant, "mot_de_passe", tc.pass)))
			if got := messages(f.Validate()); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Validate() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestLoginFormNormalises(t *testing.T) {
	f := ParseLoginForm(formtest.Ctx(t, formtest.Values("identifiant", " 100001 ", "mot_de_passe", " Se\u0301same-1")))
	if f.Login != "100001" || f.Password != " Sésame-1" {
		t.Errorf("parsed %q / %q", f.Login, f.Password)
	}
}

func TestLinkRequestFormRefusesHostileInput(t *testing.T) {
	base := map[string]string{"identifiant": "100003", "nom": "ASSMAT", "prenom": "Hélène", "date_naissance": "15/03/1985", "email": "a@example.fr"}
	cases := []struct {
		name, field, value string
		errField, want     string // "" = accepted
	}{
		{"NUL in the identifier", "identifiant", "100003\x00", "identifiant", form.MsgForbidden},
		{"NUL in the name", "nom", "ASS\x00MAT", "nom", form.MsgForbidden},
		{"bidi override in the first name", "prenom", "H\u202eélène", "prenom", form.MsgForbidden},
		{"bidi isolate in the name", "nom", "ASSMAT\u2066", "nom", form.MsgForbidden},
		{"zero-width space in the name", "nom", "ASS\u200bMAT", "nom", form.MsgForbidden},
		{"zero-width joiner in the first name", "prenom", "Hé\u200dlène", "prenom", form.MsgForbidden},
		{"byte order mark in the name", "nom", "\ufeffASSMAT", "nom", form.MsgForbidden},
		{"word joiner in the first name", "prenom", "Hé\u2060lène", "prenom", form.MsgForbidden},
		{"tab in the name", "nom", "ASS\tMAT", "nom", form.MsgForbidden},
		{"bytes that are not UTF-8", "nom", "ASS\xffMAT", "nom", form.MsgForbidden},
		{"NUL in the birth date", "date_naissance", "15/03/1985\x00", "date-naissance", "La date de naissance doit être une date au format jj/mm/aaaa, par exemple 02/02/1990."},
		{"NUL in the email", "email", "a\x00@example.fr", "email", form.MsgForbidden},
		{"zero-width space in the email", "email", "a@exa\u200bmple.fr", "email", form.MsgForbidden},
		{"NFD first name of 100 characters as seen", "prenom", strings.Repeat("e\u0301", 100), "", ""},
		{"first name of 101 characters", "prenom", strings.Repeat("é", 101), "prenom", form.MsgTooLong(100)},
		{"email over 254 characters", "email", strings.Repeat("a", 250) + "@x.fr", "email", form.MsgTooLong(form.MaxEmail)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := formtest.Values()
			for k, val := range base {
				v.Set(k, val)
			}
			v.Set(tc.field, tc.value)
			f := ParseLinkRequestForm(formtest.Ctx(t, v))
			_, errs := f.Validate()
			if tc.want == "" {
				if len(errs) > 0 {
					t.Fatalf("refused: %+v", errs)
				}
				return
			}
			if got := errs.For(tc.errField); got != tc.want || len(errs) != 1 {
				t.Errorf("error of %s = %q, want %q (all: %+v)", tc.errField, got, tc.want, errs)
			}
		})
	}
}

func TestPasswordFormRefusesHostileInput(t *testing.T) {
	cases := []struct {
		name       string
		f          PasswordForm
		askCurrent bool
		want       components.Errors
	}{
		{"valid link form", PasswordForm{Password: "Nouveau-2025", Verification: "Nouveau-2025"}, false, nil},
		{"valid change", PasswordForm{Current: "Temp-1234", Password: "Nouveau-2025", Verification: "Nouveau-2025"}, true, nil},
		{"NUL in the new password", PasswordForm{Password: "Nouveau-2025\x00", Verification: "Nouveau-2025\x00"}, false,
			components.Errors{{Field: "mot-de-passe", Message: form.MsgSecretControl}}},
		{"tab in a short new password", PasswordForm{Password: "a\tB1", Verification: "a\tB1"}, false,
			components.Errors{{Field: "mot-de-passe", Message: form.MsgSecretControl}}},
		{"NUL in the current password", PasswordForm{Current: "Temp\x00", Password: "Nouveau-2025", Verification: "Nouveau-2025"}, true,
			components.Errors{{Field: "mot-de-passe-actuel", Message: credentials.MsgCurrentWrong}}},
		{"current password too long to be one", PasswordForm{Current: strings.Repeat("a", 129), Password: "Nouveau-2025", Verification: "Nouveau-2025"}, true,
			components.Errors{{Field: "mot-de-passe-actuel", Message: credentials.MsgCurrentWrong}}},
		{"current password not asked in the link flow", PasswordForm{Current: "\x00", Password: "Nouveau-2025", Verification: "Nouveau-2025"}, false, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.f.Validate(tc.askCurrent); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Validate = %+v, want %+v", got, tc.want)
			}
		})
	}
}

// NFD and NFC spellings of one password are one password.
func TestPasswordFormNormalises(t *testing.T) {
	f := ParsePasswordForm(formtest.Ctx(t, formtest.Values("mot_de_passe", "Se\u0301same-2025", "verification", "Sésame-2025")))
	if errs := f.Validate(false); len(errs) > 0 || f.Password != "Sésame-2025" {
		t.Errorf("parsed %q, errors %+v", f.Password, errs)
	}
}
