package auth

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
	"\xff\xfe", strings.Repeat("é", 129), strings.Repeat("1", 5000), "' OR 1=1 --", "<script>alert(1)</script>", "\"onfocus=x"}

// normalised is true for text as every parser must hand it on: UTF-8, NFC.
func normalised(s string) bool { return utf8.ValidString(s) && norm.NFC.IsNormalString(s) }

// printable is true for text with no control character, which a browser
// sends back unchanged from a re-rendered input.
func printable(s string) bool { return form.Allowed(s, form.Secret) }

func FuzzLoginForm(f *testing.F) {
	f.Add("100001", "Demo-assmat1", false)
	f.Add(" 100001 ", " mot de passe ", true)
	for _, h := range hostile {
		f.Add(h, h, true)
		f.Add("100001", h, false)
	}
	digits := regexp.MustCompile(`^[0-9]{1,32}$`)
	f.Fuzz(func(t *testing.T, identifiant, password string, show bool) {
		values := formtest.Values("identifiant", identifiant, "mot_de_passe", password)
		if show {
			values.Set("mot_de_passe_visible", "1")
		}
		lf := ParseLoginForm(formtest.Ctx(t, values))
		if !normalised(lf.Login) || !normalised(lf.Password) || lf.Login != strings.TrimSpace(lf.Login) {
			t.Fatalf("parsed %q / %q: not trimmed NFC UTF-8", lf.Login, lf.Password)
		}
		errs := lf.Validate()
		if errs == nil {
			// What may reach the database: bounded, no control or invisible character.
			if form.Check(lf.Login, form.Name, maxLogin) != "" || form.Check(lf.Password, form.Secret, maxPassword) != "" {
				t.Fatalf("accepted %q / %q", lf.Login, lf.Password)
			}
		}
		for _, e := range errs {
			if e.Message != MsgBadCredentials && e.Message != msgMissingLogin && e.Message != msgMissingPassword {
				t.Fatalf("unknown message %q", e.Message)
			}
		}
		// Plausible credentials are checked against the accounts.
		if digits.MatchString(strings.TrimSpace(identifiant)) && password != "" && utf8.RuneCountInString(norm.NFC.String(password)) <= maxPassword &&
			printable(password) && utf8.ValidString(password) && errs != nil {
			t.Fatalf("refused %q / %q: %q", identifiant, password, errs)
		}
		// The page re-rendered with the password shown gives back both values.
		if printable(lf.Login) && printable(lf.Password) && !strings.ContainsAny(lf.Password, "\t") {
			shown := lf
			shown.ShowPassword = true
			again := ParseLoginForm(formtest.Ctx(t, formtest.Posted(t, components.LoginCard(LoginProps(shown, LoginView{KeepPassword: true})))))
			if again.Login != lf.Login || again.Password != lf.Password || !again.ShowPassword {
				t.Fatalf("re-posted %+v, want %+v", again, lf)
			}
		}
	})
}

func FuzzLinkRequestForm(f *testing.F) {
	f.Add("100003", "ASSMAT", "Hélène", "15/03/1985", "a@example.fr")
	f.Add("100003", "LE GOFF", "Jean-Pierre", "1985-03-15", "jean.pierre+extranet@example.fr")
	for _, h := range hostile {
		f.Add(h, h, h, h, h)
		f.Add("100003", h, "Hélène", "15/03/1985", "a@example.fr")
	}
	f.Add("100003", "ASSMAT", "Hélène", "31/02/1985", "a@example.fr")
	letters := regexp.MustCompile(`^\p{L}([\p{L}\p{Mn} '’-]*[\p{L}\p{Mn}])?$`)
	name := func(s string) bool {
		return letters.MatchString(s) && utf8.RuneCountInString(norm.NFC.String(s)) <= maxName
	}
	email := regexp.MustCompile(`^[a-z0-9]+([._+-][a-z0-9]+)*@[a-z0-9]+(\.[a-z0-9]+)+$`)
	date := regexp.MustCompile(`^(0[1-9]|1[0-9]|2[0-8])/(0[1-9]|1[0-2])/(19[0-9]{2}|20[0-9]{2})$`)
	ident := regexp.MustCompile(`^[0-9]{1,32}$`)
	f.Fuzz(func(t *testing.T, identifiant, nom, prenom, born, mail string) {
		lf := ParseLinkRequestForm(formtest.Ctx(t, formtest.Values("identifiant", identifiant, "nom", nom, "prenom", prenom,
			"date_naissance", born, "email", mail)))
		for _, s := range []string{lf.Login, lf.LastName, lf.FirstName, lf.BirthDate, lf.Email} {
			if !normalised(s) || s != strings.TrimSpace(s) {
				t.Fatalf("parsed %q: not trimmed NFC UTF-8", s)
			}
		}
		day, errs := lf.Validate()
		seen := map[string]bool{}
		for _, e := range errs {
			if seen[e.Field] {
				t.Fatalf("two messages for %s: %+v", e.Field, errs)
			}
			seen[e.Field] = true
		}
		if len(errs) == 0 {
			for _, s := range []string{lf.Login, lf.LastName, lf.FirstName, lf.Email} {
				if form.Check(s, form.Name, form.MaxEmail) != "" || utf8.RuneCountInString(s) > form.MaxEmail {
					t.Fatalf("accepted %q", s)
				}
			}
			if parsed, ok := form.ParseDate(lf.BirthDate); !ok || !parsed.Equal(day) {
				t.Fatalf("accepted the date %q as %v", lf.BirthDate, day)
			}
		}
		if ident.MatchString(identifiant) && name(nom) && name(prenom) && date.MatchString(born) &&
			email.MatchString(mail) && len(mail) <= form.MaxEmail && len(errs) > 0 {
			t.Fatalf("refused a plausible identity: %+v", errs)
		}
		// The form re-rendered with its errors gives back what was typed.
		if printable(lf.Login + lf.LastName + lf.FirstName + lf.BirthDate + lf.Email) {
			again := ParseLinkRequestForm(formtest.Ctx(t, formtest.Posted(t, components.LinkRequestCard(LinkRequestProps(lf, LinkRequestView{Errors: errs})))))
			if again != lf {
				t.Fatalf("re-posted %+v, want %+v", again, lf)
			}
		}
	})
}

func FuzzPasswordForm(f *testing.F) {
	f.Add("Temp-1234", "Nouveau-2025", "Nouveau-2025", true)
	f.Add("", "Nouveau-2025", "Nouveau-2025", false)
	for _, h := range hostile {
		f.Add(h, h, h, true)
		f.Add("Temp-1234", "Nouveau-2025"+h, "Nouveau-2025"+h, true)
	}
	f.Fuzz(func(t *testing.T, current, password, verification string, askCurrent bool) {
		pf := ParsePasswordForm(formtest.Ctx(t, formtest.Values("mot_de_passe_actuel", current, "mot_de_passe", password, "verification", verification)))
		for _, s := range []string{pf.Current, pf.Password, pf.Verification} {
			if !normalised(s) {
				t.Fatalf("parsed %q: not NFC UTF-8", s)
			}
		}
		errs := pf.Validate(askCurrent)
		if len(errs) == 0 {
			// What gets hashed: within the policy, no control character.
			if !credentials.MeetsPolicy(pf.Password) || pf.Password != pf.Verification || !form.Allowed(pf.Password, form.Secret) ||
				(askCurrent && form.Check(pf.Current, form.Secret, credentials.MaxPasswordLength) != "") {
				t.Fatalf("accepted %+v", pf)
			}
		}
		if len(errs) > 3 {
			t.Fatalf("%d messages for 3 fields: %+v", len(errs), errs)
		}
		if plausiblePassword(password) && verification == password && (!askCurrent || plausiblePassword(current) && current != password) && len(errs) > 0 {
			t.Fatalf("refused a plausible password %q: %+v", password, errs)
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
