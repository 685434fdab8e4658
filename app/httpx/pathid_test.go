package httpx

import (
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/gofiber/fiber/v2"
)

// The route's :id and the path's last segment read the same ids: a positive
// number, anything else a 404.
func TestRouteIDAndPathIDAgree(t *testing.T) {
	app := fiber.New()
	app.Get("/messages/:id", func(c *fiber.Ctx) error {
		a, errA := RouteID(c)
		b, errB := PathID(c)
		if a != b || (errA == nil) != (errB == nil) {
			return c.SendString("disagree")
		}
		if errA != nil {
			return errA
		}
		return c.SendString(strconv.FormatInt(a, 10))
	})
	for path, want := range map[string]string{
		"/messages/12": "12", "/messages/12/": "12", "/messages/9223372036854775807": "9223372036854775807",
		"/messages/0": "404", "/messages/-1": "404", "/messages/abc": "404", "/messages/1e3": "404",
		"/messages/99999999999999999999": "404", "/messages/+5": "5", "/messages/%00": "404",
	} {
		res, err := app.Test(httptest.NewRequest("GET", path, nil))
		if err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 64)
		n, _ := res.Body.Read(buf)
		got := string(buf[:n])
		if res.StatusCode == fiber.StatusNotFound {
			got = "404"
		}
		if got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
}
