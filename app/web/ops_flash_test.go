package web_test

import (
	"net/http"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/config"
)

// The notice left for the next page ("Vous êtes déconnecté(e).") is a cookie
// too: on an https app it carries Secure like the session cookie, although
// the request reaches the app over http (as behind a proxy that ends TLS).
func TestNoticeCookieIsSecureOverHTTPS(t *testing.T) {
	t.Parallel()
	db := apptest.New(t).URL // one database (and demo data) for both apps
	for _, base := range []string{"http://localhost:3000", "https://extranet.example.fr"} {
		env := apptest.NewOn(t, db, nil, func(c *config.Config) { c.BaseURL = base })
		c := env.Client()
		c.Login("100001", "Demo-assmat1")
		c.Get("/") // the signed-in page's CSRF token
		res := c.Submit("/deconnexion", nil)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: logout answered %d", base, res.StatusCode)
		}
		var flash *http.Cookie
		for _, ck := range res.Cookies() {
			if ck.Name == "flash" || ck.Name == "__Host-flash" {
				flash = ck
			}
		}
		if flash == nil {
			t.Fatalf("%s: no notice cookie after logout: %v", base, res.Header.Values("Set-Cookie"))
		}
		if want := base[:5] == "https"; flash.Secure != want || (flash.Name == "__Host-flash") != want {
			t.Errorf("%s: notice cookie %s Secure=%v, want Secure and the __Host- name: %v", base, flash.Name, flash.Secure, want)
		}
	}
}
