package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// matrixVariant is how a request is made: plain or htmx and, for an unsafe
// method, which CSRF token it carries (the form field for a plain request,
// the header htmx sends from the layout's hx-headers).
type matrixVariant struct {
	name   string
	htmx   bool
	unsafe bool
	token  func(v *matrixVisitor) string
	// refused: the CSRF check answers 403 before any handler runs.
	refused bool
}

func matrixVariantsOf(method string) []matrixVariant {
	switch method {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions:
		return []matrixVariant{{name: "plain"}, {name: "htmx", htmx: true}}
	}
	own := func(v *matrixVisitor) string { return v.token }
	none := func(*matrixVisitor) string { return "" }
	other := func(v *matrixVisitor) string { return v.other }
	return []matrixVariant{
		{name: "token", unsafe: true, token: own},
		{name: "token, htmx", unsafe: true, htmx: true, token: own},
		{name: "no token", unsafe: true, token: none, refused: true},
		{name: "no token, htmx", unsafe: true, htmx: true, token: none, refused: true},
		{name: "other session's token", unsafe: true, token: other, refused: true},
		{name: "other session's token, htmx", unsafe: true, htmx: true, token: other, refused: true},
	}
}

type matrixCount struct{ safe, unsafe, refused int }

func (n *matrixCount) add(v matrixVariant) {
	switch {
	case !v.unsafe:
		n.safe++
	case v.refused:
		n.refused++
	default:
		n.unsafe++
	}
}

// run makes one request and checks its answer and what it changed in the database.
func (fx *matrixFixture) run(row matrixRow, role matrixRole, method, pattern string, v matrixVariant) {
	t := fx.t
	t.Helper()
	w := role.want(row)
	if v.refused {
		w = matrixWant{status: http.StatusForbidden}
	}
	acts := len(w.changes) > 0
	vis := fx.visitors[role.name]
	if acts {
		vis = fx.disposable(role) // an action spends a session or a target: one of its own
	}
	path := fx.fill(pattern, row.target, acts)
	label := fmt.Sprintf("%s %s [%s] as %s (%s)", method, path, row.target.nameOr("no parameter"), role.name, v.name)

	fx.resetThrottle()
	before := fx.snapshot()
	res := fx.send(vis, method, path, row, v)
	if acts {
		fx.settleMail()
	}
	changed := matrixChanged(before, fx.snapshot())

	fx.checkAnswer(label, w, v, res)
	allowed := slices.Clone(w.changes)
	if row.throttled && !v.refused {
		allowed = append(allowed, "login_throttle")
	}
	for _, table := range changed {
		if !slices.Contains(allowed, table) {
			want := "no change at all"
			if acts {
				want = "changes in " + strings.Join(w.changes, ", ") + " only"
			}
			t.Errorf("%s: table %s changed (want %s)", label, table, want)
		}
	}
	if acts && !slices.Contains(changed, w.changes[0]) {
		t.Errorf("%s: the action changed nothing in %s (changed: %v)", label, w.changes[0], changed)
	}
}

// checkAnswer compares the status and, for a redirect, its target.
func (fx *matrixFixture) checkAnswer(label string, w matrixWant, v matrixVariant, res *apptest.Response) {
	t := fx.t
	t.Helper()
	location, hxRedirect := res.Header.Get("Location"), res.Header.Get("HX-Redirect")
	switch {
	case w.status == http.StatusSeeOther && v.htmx:
		if res.StatusCode != http.StatusNoContent || hxRedirect != w.to {
			t.Errorf("%s: got %d HX-Redirect %q, want 204 HX-Redirect %q", label, res.StatusCode, hxRedirect, w.to)
		}
	case w.status == http.StatusSeeOther || w.status == http.StatusMovedPermanently:
		if res.StatusCode != w.status || location != w.to {
			t.Errorf("%s: got %d Location %q, want %d Location %q", label, res.StatusCode, location, w.status, w.to)
		}
	case res.StatusCode != w.status:
		t.Errorf("%s: got %d (Location %q, HX-Redirect %q), want %d", label, res.StatusCode, location, hxRedirect, w.status)
	}
	// htmx does not swap a 403: it must reload the page, which brings a fresh token (see csrf.go).
	if v.refused && v.htmx && res.Header.Get("HX-Refresh") != "true" {
		t.Errorf("%s: a CSRF refusal to htmx without HX-Refresh: true", label)
	}
}

// send makes the request of the variant.
func (fx *matrixFixture) send(v *matrixVisitor, method, path string, row matrixRow, va matrixVariant) *apptest.Response {
	headers := slices.Concat(row.header, apptest.HTMXIf(va.htmx))
	if !va.unsafe {
		return v.client.Do(httptest.NewRequest(method, path, nil), headers...)
	}
	form := url.Values{}
	for k, vs := range row.form {
		form[k] = slices.Clone(vs)
	}
	if token := va.token(v); token != "" && va.htmx {
		headers = append(headers, apptest.Header{Name: "X-Csrf-Token", Value: token})
	} else if token != "" {
		form.Set("_csrf", token)
	}
	req := httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return v.client.Do(req, headers...)
}

// matrixRoutes lists "METHOD /path" for every route but middleware and the
// HEAD routes fiber adds by itself for each GET (same path, same handlers).
func matrixRoutes(app *fiber.App) []string {
	all := app.GetRoutes(true)
	sameHandlers := func(a, b []fiber.Handler) bool {
		return slices.EqualFunc(a, b, func(x, y fiber.Handler) bool {
			return reflect.ValueOf(x).Pointer() == reflect.ValueOf(y).Pointer()
		})
	}
	var out []string
	for _, r := range all {
		if r.Method == fiber.MethodHead && slices.ContainsFunc(all, func(g fiber.Route) bool {
			return g.Method == fiber.MethodGet && g.Path == r.Path && sameHandlers(g.Handlers, r.Handlers)
		}) {
			continue
		}
		if key := r.Method + " " + r.Path; !slices.Contains(out, key) {
			out = append(out, key)
		}
	}
	return out
}
