package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/auth"
	"github.com/departement06/extranet-assmat/app/dashboard"
	"github.com/departement06/extranet-assmat/app/pages"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components/paths"
)

// routes registers every route of the extranet, in one place.
func routes(app *fiber.App, d Deps, sessions *session.Manager, x csrf) {
	// Static files first: they need neither the session nor the CSRF token.
	app.Get(paths.Static+"/*", serveStatic)

	app.Use(requestTimeout(10 * time.Second))
	app.Use(sessions.Middleware())
	app.Use(x.middleware)

	authH := auth.New(d.Pool, sessions, d.Log)
	app.Get(paths.Login, authH.ShowLogin)
	app.Post(paths.Login, authH.SubmitLogin)
	app.Post(paths.Logout, authH.Logout)
	app.Get(paths.Accessibility, pages.Accessibility)

	// Everything below needs a signed-in childminder.
	private := app.Group("", session.RequireUser)
	dash := dashboard.New(d.Pool)
	private.Get(paths.Dashboard, dash.Show)
}
