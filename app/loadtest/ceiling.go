package loadtest

import (
	"net"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ceilingPage is a 10 KB HTML page: about what the app's pages weigh.
var ceilingPage = func() string {
	var b strings.Builder
	b.WriteString("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Plafond</title></head><body><main>")
	for b.Len() < 10*1024-len("</main></body></html>") {
		b.WriteString("<p>Extranet des assistants maternels : page de référence.</p>\n")
	}
	s := b.String()[:10*1024-len("</main></body></html>")]
	return s + "</main></body></html>"
}()

// ceilings serves the two ceilings the app's pages are compared with, on a
// loopback port of this process: a bare Fiber handler returning the static
// 10 KB page, and the same after one SELECT 1 on the pool (nil: that route
// answers 503). It returns the base URL and a stop function.
func ceilings(pool *pgxpool.Pool) (string, func(), error) {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/static", func(c *fiber.Ctx) error {
		c.Type("html", "utf-8")
		return c.SendString(ceilingPage)
	})
	app.Get("/select1", func(c *fiber.Ctx) error {
		if pool == nil {
			return fiber.ErrServiceUnavailable
		}
		var one int
		if err := pool.QueryRow(c.UserContext(), "SELECT 1").Scan(&one); err != nil {
			return err
		}
		c.Type("html", "utf-8")
		return c.SendString(ceilingPage)
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	go func() { _ = app.Listener(l) }()
	return "http://" + l.Addr().String(), func() { _ = app.ShutdownWithTimeout(5 * time.Second) }, nil
}

// ceilingTargets are the two ceilings as targets.
var ceilingTargets = []target{
	{Name: "ceiling: static 10 KB", Ceiling: "static", Anonymous: true, Method: "GET", Status: 200, Path: fixed("/static")},
	{Name: "ceiling: SELECT 1 + page", Ceiling: "select1", Anonymous: true, Method: "GET", Status: 200, Path: fixed("/select1")},
}
