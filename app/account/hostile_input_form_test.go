package account

import (
	"reflect"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/app/form/formtest"
	"github.com/departement06/extranet-assmat/components"
)

func TestPasswordFormValidate(t *testing.T) {
	cases := []struct {
		name string
		f    PasswordForm
		want components.Errors
	}{
		{"valid", PasswordForm{"Ancien-2024", "Nouveau-2025", "Nouveau-2025"}, nil},
		{"current missing", PasswordForm{"", "Nouveau-2025", "Nouveau-2025"}, components.Errors{{Field: "mdp-actuel", Message: credentials.MsgCurrentMissing}}},
		{"NUL in the current password: wrong, never hashed", PasswordForm{"Ancien\x00", "Nouveau-2025", "Nouveau-2025"},
			components.Errors{{Field: "mdp-actuel", Message: credentials.MsgCurrentWrong}}},
		{"current password over 128 characters", PasswordForm{strings.Repeat("a", 129), "Nouveau-2025", "Nouveau-2025"},
			components.Errors{{Field: "mdp-actuel", Message: credentials.MsgCurrentWrong}}},
		{"NUL in the new password", PasswordForm{"Ancien-2024", "Nouveau-2025\x00", "Nouveau-2025\x00"},
			components.Errors{{Field: "mdp-nouveau", Message: form.MsgSecretControl}}},
		{"escape in the new password", PasswordForm{"Ancien-2024", "Nouveau\x1b2025", "Nouveau\x1b2025"},
			components.Errors{{Field: "mdp-nouveau", Message: form.MsgSecretControl}}},
		{"new password not compliant", PasswordForm{"Ancien-2024", "court", "court"},
			components.Errors{{Field: "mdp-nouveau", Message: credentials.MsgPolicy}}},
		{"same as current", PasswordForm{"Nouveau-2025", "Nouveau-2025", "Nouveau-2025"},
			components.Errors{{Field: "mdp-nouveau", Message: credentials.MsgSameAsCurrent}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.f.Validate(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Validate = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestValidateNewEmail(t *testing.T) {
	const msgInvalid = "L'adresse email n'est pas valide : elle doit ressembler à prenom.nom@exemple.fr."
	cases := []struct{ email, want string }{
		{"nouvelle@example.fr", ""},
		{"", "Veuillez saisir la nouvelle adresse email."},
		{"Actuelle@Example.fr", "La nouvelle adresse est identique à l'adresse actuelle."},
		{"nouvelle", msgInvalid},
		{"nouvelle\x00@example.fr", form.MsgForbidden},
		{"nouvelle@example.fr\x00", form.MsgForbidden},
		{"nouvelle@exa\u200bmple.fr", form.MsgForbidden},
		{"\u202enouvelle@example.fr", form.MsgForbidden},
		{"nouvelle@example.fr\r\nBcc: x@y.fr", form.MsgForbidden},
		{strings.Repeat("a", 250) + "@x.fr", form.MsgTooLong(form.MaxEmail)},
	}
	for _, tc := range cases {
		if got := ValidateNewEmail(tc.email, "actuelle@example.fr"); got != tc.want {
			t.Errorf("ValidateNewEmail(%q) = %q, want %q", tc.email, got, tc.want)
		}
	}
}

func TestParseNewEmailNormalises(t *testing.T) {
	got := ParseNewEmail(formtest.Ctx(t, formtest.Values("nouvel_email", " he\u0301le\u0300ne@example.fr ")))
	if got != "hélène@example.fr" {
		t.Errorf("parsed %q", got)
	}
}
