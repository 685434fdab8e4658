package httpx

import (
	"bytes"
	"context"
	"errors"
	"sync"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/components"
)

// Frozen is a full page that depends on nothing of the request but its CSRF
// token, as the anonymous login page: it is rendered once, then each request
// gets its bytes with its own token put in. The login page is the one page
// anyone may ask for as often as they like; rendering it every time cost more
// than the rest of the request (issue 12: 0.45–0.51 → 0.77–0.91 × the static
// ceiling).
//
// Only the anonymous, full-page request of exactly Path is answered frozen:
// htmx, a signed-in user or another spelling of the path are rendered as usual.
type Frozen struct {
	path string
	view func() View

	once   sync.Once
	parts  [][]byte // the page split where the token goes
	status int
	err    error
}

// tokenMark stands for the CSRF token in the frozen render: characters that
// HTML escaping leaves alone, and that no page otherwise contains.
const tokenMark = "FROZEN-CSRF-TOKEN-c5f1e0b2"

// NewFrozen freezes the page that view builds for path.
func NewFrozen(path string, view func() View) *Frozen {
	return &Frozen{path: path, view: view}
}

// Send answers c with the frozen page if c is a request it may answer, and
// reports whether it did; otherwise the caller renders the page itself.
func (f *Frozen) Send(c *fiber.Ctx) (bool, error) {
	r := Request(c)
	if IsHTMX(c) || r.User != nil || r.Path != f.path || r.CSRFToken == "" {
		return false, nil
	}
	f.once.Do(f.freeze)
	if f.err != nil {
		// Rendered as usual: its own error, if the page cannot be rendered,
		// reaches the error handler and its log on every request.
		return false, nil
	}
	htmlHeaders(c, f.status)
	// Written into the response's own (pooled) buffer: no page-sized
	// allocation per request.
	res := c.Response()
	res.ResetBody()
	for i, p := range f.parts {
		if i > 0 {
			res.AppendBodyString(r.CSRFToken)
		}
		res.AppendBody(p)
	}
	return true, nil
}

// freeze renders the page once with tokenMark for its token. The request it
// renders for is the one Send answers: anonymous, at path, not htmx.
func (f *Frozen) freeze() {
	v := f.view()
	f.status = v.Status
	if f.status == 0 {
		f.status = fiber.StatusOK
	}
	var buf bytes.Buffer
	ctx := components.WithRequest(context.Background(), components.Request{CSRFToken: tokenMark, Path: f.path})
	if f.err = components.Layout(v.Title, v.Page).Render(ctx, &buf); f.err != nil {
		return
	}
	f.parts = bytes.Split(buf.Bytes(), []byte(tokenMark))
	if len(f.parts) < 2 {
		// The layout puts the token in hx-headers: a page without it would
		// answer every htmx request of its forms with a 403.
		f.err = errors.New("httpx.Frozen: the page has no CSRF token")
	}
}
