package session

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/ascii"
)

// localsPage holds the page's prefetched reads once the session proved hers.
const localsPage = "session.page"

// Reads queues what a page reads for the signed-in user (userID) in b, and
// returns the function that gives the result once b is sent. It must only
// read: when the middleware prefetches (Prefetch), it runs before the
// session is checked, for the id the cookie claims, and its result is
// dropped unless the session is that user's. It may look at the request
// (query string, route's path) and decide there (a malformed page number is
// a result: the error the page answers).
type Reads[T any] func(c *fiber.Ctx, b *pgx.Batch, userID int64) func() (T, error)

type prefetcher struct {
	name  string
	match func(path string) bool
	queue func(c *fiber.Ctx, b *pgx.Batch, userID int64) *prefetched
}

// prefetched is a page's reads as the middleware queued them.
type prefetched struct {
	name   string
	result func() (any, error)
	// missing is the batch's pgx.ErrNoRows when one of the page's reads
	// found no row (a message that is not hers): pgx runs none of
	// the later reads' callbacks, so the page is answered with it, as Load's
	// own batch would answer it, instead of reading again.
	missing error
}

// Prefetch makes the middleware queue the reads of the page at path (GET;
// ":id" stands for one segment) in the session's batch: the session, the
// user and the page's data then cost one round trip. The page's handler
// gets them with Load under the same name; a request the pattern does not
// match (or whose prefetch failed) reads by itself, one round trip more.
func Prefetch[T any](m *Manager, name, path string, reads Reads[T]) {
	m.prefetch = append(m.prefetch, prefetcher{name: name, match: pathMatcher(path),
		queue: func(c *fiber.Ctx, b *pgx.Batch, userID int64) *prefetched {
			result := reads(c, b, userID)
			return &prefetched{name: name, result: func() (any, error) { return result() }}
		}})
}

// Load gives the page's reads: the middleware's, when it prefetched them
// under this name for this request, else read now (one round trip).
func Load[T any](c *fiber.Ctx, pool *pgxpool.Pool, name string, userID int64, reads Reads[T]) (T, error) {
	if p, ok := c.Locals(localsPage).(*prefetched); ok && p.name == name {
		c.Locals(localsPage, nil) // used once
		if p.missing != nil {
			var zero T
			return zero, p.missing
		}
		v, err := p.result()
		if t, ok := v.(T); ok || err != nil {
			return t, err
		}
	}
	b := &pgx.Batch{}
	result := reads(c, b, userID)
	if err := pool.SendBatch(c.UserContext(), b).Close(); err != nil {
		// The first failed read's error (pgx.ErrNoRows for a row that is
		// not there), or the database's.
		var zero T
		return zero, err
	}
	return result()
}

// queuePage queues the reads of the page the request asks for, if it
// prefetches.
func (m *Manager) queuePage(c *fiber.Ctx, b *pgx.Batch, userID int64) *prefetched {
	if c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead {
		return nil
	}
	path := c.Path()
	for _, p := range m.prefetch {
		if p.match(path) {
			return p.queue(c, b, userID)
		}
	}
	return nil
}

// pathMatcher matches a request path against a route's pattern the way
// fiber routes it here: ASCII letters in any case (fiber folds no other), one
// trailing slash ignored; ":id" is one non-empty segment. A path it takes
// that fiber routes elsewhere would only read for nothing: the handler
// loads by its own name.
func pathMatcher(pattern string) func(string) bool {
	want := strings.Split(strings.TrimPrefix(pattern, "/"), "/")
	return func(path string) bool {
		if !strings.HasPrefix(path, "/") {
			return false
		}
		if len(path) > 1 {
			path = strings.TrimSuffix(path, "/")
		}
		got := strings.Split(path[1:], "/")
		if len(got) != len(want) {
			return false
		}
		for i, w := range want {
			if strings.HasPrefix(w, ":") {
				if got[i] == "" {
					return false
				}
				continue
			}
			if !ascii.EqualFold(got[i], w) {
				return false
			}
		}
		return true
	}
}

// Failed is the result of reads that decided without the database (a
// malformed page number...): the page answers err.
func Failed[T any](err error) func() (T, error) {
	return func() (T, error) {
		var zero T
		return zero, err
	}
}
