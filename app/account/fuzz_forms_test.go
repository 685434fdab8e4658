package account

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/app/form/formtest"
	"github.com/departement06/extranet-assmat/components"
)

// Inputs from the probes every target starts from.
var hostile = []string{"", "\x00", "a\x00b", "He\u0301le\u0300ne", "\u202eexe.gpj", "An\u200bna", "\ufeff", "\r\n",
	"\xff\xfe", strings.Repeat("é", 129), strings.Repeat("a", 5000), "' OR 1=1 --", "\"onfocus=x"}

func FuzzPasswordForm(f *testing.F) {
	f.Add("Ancien-2024", "Nouveau-2025", "Nouveau-2025")
	for _, h := range hostile {
		f.Add(h, h, h)
		f.Add("Ancien-2024", "Nouveau-2025"+h, "Nouveau-2025"+h)
	}
	f.Fuzz(func(t *testing.T, current, next, confirmation string) {
		pf := ParsePasswordForm(formtest.Ctx(t, formtest.Values("mot_de_passe_actuel", current, "nouveau_mot_de_passe", next, "confirmation", confirmation)))
		for _, s := range []string{pf.Current, pf.New, pf.Confirmation} {
			if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
				t.Fatalf("parsed %q: not NFC UTF-8", s)
			}
		}
		errs := pf.Validate()
		if len(errs) == 0 {
			// What gets hashed: within the policy, no control character; the
			// current password checked is one a password can be.
			if !credentials.MeetsPolicy(pf.New) || pf.New != pf.Confirmation || !form.Allowed(pf.New, form.Secret) ||
				form.Check(pf.Current, form.Secret, credentials.MaxPasswordLength) != "" || pf.Current == pf.New {
				t.Fatalf("accepted %+v", pf)
			}
		}
		if len(errs) > 3 {
			t.Fatalf("%d messages for 3 fields: %+v", len(errs), errs)
		}
		if plausiblePassword(current) && plausiblePassword(next) && next == confirmation && current != next && len(errs) > 0 {
			t.Fatalf("refused a plausible change %q → %q: %+v", current, next, errs)
		}
	})
}

// plausiblePassword is printable ASCII within the policy.
func plausiblePassword(s string) bool {
	for _, r := range s {
		if r < ' ' || r > '~' {
			return false
		}
	}
	return credentials.MeetsPolicy(s)
}

func FuzzNewEmail(f *testing.F) {
	f.Add("nouvelle@example.fr")
	f.Add(" Nouvelle.Adresse+extranet@sous.example.fr ")
	f.Add("hélène@example.fr")
	for _, h := range hostile {
		f.Add(h)
		f.Add("a" + h + "@example.fr")
	}
	plain := regexp.MustCompile(`^[a-z0-9]+([._+-][a-z0-9]+)*@[a-z0-9]+(\.[a-z0-9]+)+$`)
	const current = "actuelle@example.fr"
	f.Fuzz(func(t *testing.T, email string) {
		got := ParseNewEmail(formtest.Ctx(t, formtest.Values("nouvel_email", email)))
		if !utf8.ValidString(got) || !norm.NFC.IsNormalString(got) || got != strings.TrimSpace(got) {
			t.Fatalf("parsed %q: not trimmed NFC UTF-8", got)
		}
		msg := ValidateNewEmail(got, current)
		if msg == "" && (!form.ValidEmail(got) || form.Check(got, form.Name, form.MaxEmail) != "" || len(got) > form.MaxEmail) {
			t.Fatalf("accepted %q", got)
		}
		if plain.MatchString(email) && len(email) <= form.MaxEmail && !strings.EqualFold(email, current) && msg != "" {
			t.Fatalf("refused a plain address %q: %s", email, msg)
		}
		// The section re-rendered with its error gives back what was typed.
		if form.Allowed(got, form.Secret) {
			p := PageProps(PageView{CurrentEmail: current, NewEmail: got, EmailError: msg})
			again := ParseNewEmail(formtest.Ctx(t, formtest.Posted(t, components.AccountEmailSection(p))))
			if again != got {
				t.Fatalf("re-posted %q, want %q", again, got)
			}
		}
	})
}
