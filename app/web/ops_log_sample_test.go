package web_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
	"github.com/departement06/extranet-assmat/app/web"
	"github.com/departement06/extranet-assmat/static"
)

// Successful static files are sampled in the access log (one line in 100,
// marked sample=100), pages and every error are all logged (sample=1).
func TestStaticHitsAreSampledInTheAccessLog(t *testing.T) {
	logs := &lockedBuffer{}
	cfg, err := config.FromEnv(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	pool, err := pgxpool.New(context.Background(), pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	app, err := web.New(context.Background(), web.Deps{Config: cfg, Pool: pool, Log: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	get := func(path string) {
		res, err := app.Test(httptest.NewRequest(http.MethodGet, path, nil), 10_000)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
	}
	for i := 0; i < 300; i++ {
		get(static.Path("css/app.css"))
	}
	for i := 0; i < 5; i++ {
		get("/connexion")
		get("/static/js/nope.js") // a 404: always logged
	}
	count := func(substr string) int {
		n := 0
		for _, line := range strings.Split(logs.String(), "\n") {
			if strings.Contains(line, "msg=request") && strings.Contains(line, substr) {
				n++
			}
		}
		return n
	}
	if n := count("path=/static/css/app.css"); n != 3 || count("path=/static/css/app.css status=200") != 3 {
		t.Errorf("%d lines for 300 hits of app.css, want 3 (one in 100)", n)
	}
	if n := count("sample=100"); n != 3 {
		t.Errorf("%d sampled lines say sample=100, want 3", n)
	}
	if n := count("path=/connexion"); n != 5 {
		t.Errorf("%d lines for 5 login pages", n)
	}
	if n := count("path=/static/js/nope.js"); n != 5 {
		t.Errorf("%d lines for 5 missing static files, want every one", n)
	}
}
