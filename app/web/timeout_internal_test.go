package web

import (
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/components"
)

// Every handler's context ends after the request timeout, except the
// Genesis import's (its exact path, POST), which may take slowTransfer: a
// national file is checked and written in about 9 s on a quiet machine.
func TestOnlyTheImportOutlivesTheRequestTimeout(t *testing.T) {
	app := fiber.New()
	app.Use(requestTimeout(10 * time.Second))
	left := func(c *fiber.Ctx) error {
		deadline, ok := c.UserContext().Deadline()
		if !ok {
			return c.SendString("none")
		}
		return c.SendString(strconv.FormatInt(int64(time.Until(deadline)/time.Second), 10))
	}
	app.Post(components.BackOfficeImport, left)
	app.Get(components.BackOfficeImport, left)
	app.Post("/enfants-accueillis/nouveau", left)
	for _, tc := range []struct {
		method, path string
		min, max     int
	}{
		{"POST", components.BackOfficeImport, int(slowTransfer/time.Second) - 5, int(slowTransfer / time.Second)},
		{"POST", components.BackOfficeImport + "?x=1", int(slowTransfer/time.Second) - 5, int(slowTransfer / time.Second)},
		{"GET", components.BackOfficeImport, 5, 10},
		{"POST", "/enfants-accueillis/nouveau", 5, 10},
	} {
		res, err := app.Test(httptest.NewRequest(tc.method, tc.path, nil))
		if err != nil {
			t.Fatal(err)
		}
		body := make([]byte, 32)
		n, _ := res.Body.Read(body)
		got, err := strconv.Atoi(string(body[:n]))
		if err != nil || got < tc.min || got > tc.max {
			t.Errorf("%s %s: %q seconds left, want %d to %d", tc.method, tc.path, body[:n], tc.min, tc.max)
		}
	}
}
