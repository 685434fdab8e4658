package web_test

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// The server takes bodies up to the documents' upload (11 MB) on the back
// office's document forms, and the Genesis import's 51 MB on its page, from
// a signed-in agent only; every other route and visitor keeps the forms' 1 MB
// and is refused a larger body on its announced length alone, before a byte
// of it is read (413, in French): fasthttp reserves the announced length at
// once. A 2 MB document form of the agent's reaches its handler (a 422 for
// its missing fields: not a 413).
func TestOnlyTheDocumentFormsTakeLargeBodies(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	base := env.Serve()
	for _, tc := range []struct {
		path string
		size int
		want int
	}{
		{"/connexion", 2 << 20, http.StatusRequestEntityTooLarge},
		{"/back-office/connexion", 2 << 20, http.StatusRequestEntityTooLarge},
		{"/back-office/messages/nouveau", 2 << 20, http.StatusRequestEntityTooLarge},
		{"/enfants-accueillis/nouveau", 2 << 20, http.StatusRequestEntityTooLarge},
		{"/back-office/documents-utiles/nouveau", 12 << 20, http.StatusRequestEntityTooLarge},
		// The Genesis import takes 51 MB, and only at its exact path.
		{"/back-office/import", 52 << 20, http.StatusRequestEntityTooLarge},
		{"/back-office/import/autre", 2 << 20, http.StatusRequestEntityTooLarge},
		{"/back-office/importer", 2 << 20, http.StatusRequestEntityTooLarge},
	} {
		if got := announceBody(t, base, tc.path, tc.size, ""); got != tc.want {
			t.Errorf("POST %s announcing %d bytes: %d, want %d", tc.path, tc.size, got, tc.want)
		}
	}
	big := strings.Repeat("x", 2<<20)
	agent := env.Client()
	agent.Get("/back-office/connexion")
	res := agent.Submit("/back-office/connexion", apptest.Values("email", "agent@demo.local", "mot_de_passe", "Demo-agent1"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("agent sign-in: %d", res.StatusCode)
	}
	agent.Get("/back-office/documents-utiles/nouveau")
	if res := agent.Submit("/back-office/documents-utiles/nouveau", apptest.Values("description", big)); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("2 MB document form: %d", res.StatusCode)
	}
	// Below the import's limit, the agent's body is read (no answer on the
	// length alone: 0), where any other route refuses it at once; so is her
	// 5 MB document. Anonymous, a forged cookie, or a childminder's session:
	// refused at once, on the length alone.
	cookie := "extranet_agent=" + agent.Cookie("extranet_agent")
	for _, tc := range []struct {
		path, cookie string
		size, want   int
	}{
		{"/back-office/import", cookie, 20 << 20, 0},
		{"/back-office/documents-utiles/nouveau", cookie, 5 << 20, 0},
		{"/back-office/documents-utiles/nouveau", cookie, 20 << 20, http.StatusRequestEntityTooLarge},
		{"/back-office/import", "", 20 << 20, http.StatusRequestEntityTooLarge},
		{"/back-office/documents-utiles/nouveau", "", 5 << 20, http.StatusRequestEntityTooLarge},
		{"/back-office/import", "extranet_agent=1.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 20 << 20, http.StatusRequestEntityTooLarge},
		{"/back-office/import", "extranet_session=" + childminder(t, env), 20 << 20, http.StatusRequestEntityTooLarge},
	} {
		if got := announceBody(t, base, tc.path, tc.size, tc.cookie); got != tc.want {
			t.Errorf("POST %s announcing %d bytes with cookie %.30q: %d, want %d", tc.path, tc.size, tc.cookie, got, tc.want)
		}
	}
}

// childminder is the session cookie of a signed-in childminder.
func childminder(t *testing.T, env *apptest.Env) string {
	t.Helper()
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	if c.Cookie("extranet_session") == "" {
		t.Fatal("the childminder has no session")
	}
	return c.Cookie("extranet_session")
}

// announceBody sends a POST's headers announcing size bytes, with a Cookie
// header when cookie is set, and reads the answer without sending the body:
// the status the server gives on the length alone (0 when it waits for the
// body).
func announceBody(t *testing.T, base, path string, size int, cookie string) int {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(3 * time.Second)); err != nil {
		t.Fatal(err)
	}
	header := ""
	if cookie != "" {
		header = "Cookie: " + cookie + "\r\n"
	}
	if _, err := fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n%sContent-Length: %d\r\n\r\n", path, header, size); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return 0 // no answer before the body: the server is reading it
	}
	defer res.Body.Close()
	return res.StatusCode
}

// A form of more than 2,000 fields is refused (413, in French) before anything
// splits it: a 1 MB body of "a&a&…" cost 23 ms and 37 MB to parse,
// anonymously. A smaller one goes on to the form's token check (403).
func TestAFormOfTooManyFieldsIsRefusedUnparsed(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	base := env.Serve()
	for _, tc := range []struct {
		fields, want int
	}{
		{500000, http.StatusRequestEntityTooLarge},
		{2001, http.StatusRequestEntityTooLarge},
		{1999, http.StatusForbidden},
	} {
		res, err := http.Post(base+"/connexion", "application/x-www-form-urlencoded", strings.NewReader(strings.Repeat("a&", tc.fields-1)+"a"))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != tc.want {
			t.Errorf("a form of %d fields: %d, want %d", tc.fields, res.StatusCode, tc.want)
		}
	}
}
