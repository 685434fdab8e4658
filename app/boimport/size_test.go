package boimport_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/boimport"
)

// TestOversizedFileRefusedInFrench: through the real server (its per-route
// body limit), a file just over 50 MB reaches the handler (the route takes
// 51 MB) and is refused in French without being read; over 51 MB the
// server refuses the body itself (app/web's TestOnlyTheDocumentFormsTakeLargeBodies).
func TestOversizedFileRefusedInFrench(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	base := env.Serve()
	c := agent(t, env)
	big := bytes.Repeat([]byte("200001;Mme;Berenger\n"), boimport.MaxFileSize/20+1000)
	body, ct := multipartBody(t, c.CSRF, boimport.ActionImport, "national.csv", big)
	if body.Len() <= boimport.MaxFileSize || body.Len() > 51<<20 {
		t.Fatalf("body of %d bytes: not between 50 and 51 MB", body.Len())
	}
	req, err := http.NewRequest(http.MethodPost, base+boimport.Path, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ct)
	for _, name := range []string{"extranet_agent", "extranet_csrf"} {
		req.AddCookie(&http.Cookie{Name: name, Value: c.Cookie(name)})
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	page, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(page), "Le fichier dépasse 50 Mo") {
		t.Errorf("50 MB + %d bytes: %d %s", len(big)-boimport.MaxFileSize, res.StatusCode, page)
	}
}
