package auth

import (
	"reflect"
	"strings"
	"testing"
)

func TestLoginFormValidate(t *testing.T) {
	cases := []struct {
		name string
		form LoginForm
		want []string
	}{
		{"complete", LoginForm{Identifiant: "100001", Password: "Demo-assmat1"}, nil},
		{"both missing", LoginForm{}, []string{msgMissingLogin, msgMissingPassword}},
		{"identifier missing", LoginForm{Password: "x"}, []string{msgMissingLogin}},
		{"password missing", LoginForm{Identifiant: "100001"}, []string{msgMissingPassword}},
		{"identifier too long", LoginForm{Identifiant: strings.Repeat("1", 33), Password: "x"}, []string{msgBadCredentials}},
		{"identifier at the limit", LoginForm{Identifiant: strings.Repeat("1", 32), Password: "x"}, nil},
		{"password too long", LoginForm{Identifiant: "1", Password: strings.Repeat("a", 129)}, []string{msgBadCredentials}},
		{"invalid UTF-8", LoginForm{Identifiant: "\xff\xfe", Password: "x"}, []string{msgBadCredentials}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.form.Validate(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Validate() = %q, want %q", got, tc.want)
			}
		})
	}
}
