package auth

import (
	"reflect"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/components"
)

func TestLoginFormValidate(t *testing.T) {
	cases := []struct {
		name string
		form LoginForm
		want []string
	}{
		{"complete", LoginForm{Login: "100001", Password: "Demo-assmat1"}, nil},
		{"both missing", LoginForm{}, []string{msgMissingLogin, msgMissingPassword}},
		{"identifier missing", LoginForm{Password: "x"}, []string{msgMissingLogin}},
		{"password missing", LoginForm{Login: "100001"}, []string{msgMissingPassword}},
		{"identifier too long", LoginForm{Login: strings.Repeat("1", 33), Password: "x"}, []string{MsgBadCredentials}},
		{"identifier at the limit", LoginForm{Login: strings.Repeat("1", 32), Password: "x"}, nil},
		{"password too long", LoginForm{Login: "1", Password: strings.Repeat("a", 129)}, []string{MsgBadCredentials}},
		{"invalid UTF-8", LoginForm{Login: "\xff\xfe", Password: "x"}, []string{MsgBadCredentials}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := messages(tc.form.Validate()); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Validate() = %q, want %q", got, tc.want)
			}
		})
	}
}

// messages are the errors' messages, in order (nil for none).
func messages(errs components.Errors) []string {
	var m []string
	for _, e := range errs {
		m = append(m, e.Message)
	}
	return m
}
