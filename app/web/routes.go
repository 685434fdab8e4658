package web

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/account"
	"github.com/departement06/extranet-assmat/app/agentauth"
	"github.com/departement06/extranet-assmat/app/agrement"
	"github.com/departement06/extranet-assmat/app/auth"
	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/boassmats"
	"github.com/departement06/extranet-assmat/app/boaudit"
	"github.com/departement06/extranet-assmat/app/bodocuments"
	"github.com/departement06/extranet-assmat/app/boexport"
	"github.com/departement06/extranet-assmat/app/boimport"
	"github.com/departement06/extranet-assmat/app/bomessages"
	"github.com/departement06/extranet-assmat/app/children"
	"github.com/departement06/extranet-assmat/app/dashboard"
	"github.com/departement06/extranet-assmat/app/devgallery"
	"github.com/departement06/extranet-assmat/app/devmail"
	"github.com/departement06/extranet-assmat/app/documents"
	"github.com/departement06/extranet-assmat/app/messages"
	"github.com/departement06/extranet-assmat/app/pages"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
	"github.com/departement06/extranet-assmat/static"
)

// routes registers every route of the extranet, in one place.
func routes(app *fiber.App, d Deps, sessions, agentSessions *session.Manager, x csrf, deviceKey []byte) {
	// Static files first: they need neither the session nor the CSRF token.
	app.Get(paths.Static+"/*", serveStatic)
	// Browsers ask for /favicon.ico on their own: answer before the session
	// middleware, so that it costs no database round trip.
	app.Get("/favicon.ico", func(c *fiber.Ctx) error {
		return c.Redirect(static.Path("img/favicon.svg"), fiber.StatusMovedPermanently)
	})

	app.Use(requestTimeout(10 * time.Second))
	app.Use(sessions.Middleware())
	app.Use(agentSessions.Middleware())
	app.Use(layoutUser)
	app.Use(x.middleware)

	authH := auth.New(auth.Deps{Pool: d.Pool, Sessions: sessions, Mail: d.Mail, Log: d.Log, Now: d.Now,
		BaseURL: d.Config.BaseURL, LinkTTL: d.Config.LinkTTL, DeviceKey: deviceKey, SecureCookies: d.Config.SecureCookies()})
	accountH := account.New(account.Deps{Pool: d.Pool, Sessions: sessions, Mail: d.Mail, Log: d.Log, Now: d.Now,
		BaseURL: d.Config.BaseURL, LinkTTL: d.Config.LinkTTL})

	// Public routes.
	app.Get(paths.Login, authH.ShowLogin)
	app.Post(paths.Login, authH.SubmitLogin)
	app.Post(paths.Logout, authH.Logout)
	app.Get(paths.FirstLogin, authH.ShowLinkRequest)
	app.Post(paths.FirstLogin, authH.SubmitLinkRequest)
	app.Get(paths.SetPassword+":token", authH.ShowSetPassword)
	app.Post(paths.SetPassword+":token", authH.SubmitSetPassword)
	app.Get(paths.ConfirmEmail+":token", accountH.ShowConfirmEmail)
	app.Post(paths.ConfirmEmail+":token", accountH.SubmitConfirmEmail)
	app.Get(paths.EmailConfirmed, accountH.ShowEmailConfirmed)
	public := &pages.Handlers{Accessibility: components.AccessibilityProps{
		Contact: d.Config.AccessibilityContact, Declared: d.Config.AccessibilityDate}}
	app.Get(paths.Accessibility, public.ShowAccessibility)
	if d.Config.DevMailbox() {
		mailbox := devmail.New(d.Pool)
		app.Get(paths.DevMailbox, mailbox.List)
		app.Get(paths.DevMailbox+"/:id", mailbox.Show)
		// The designers' gallery: sample data only, but no page of production.
		app.Get(paths.Gallery, devgallery.Index)
		app.Get(paths.Gallery+"/:component/:state", devgallery.Show)
	}

	// The back office: before the childminders' area, whose guard takes
	// every path that no route above answered.
	backOfficeRoutes(app, d, agentSessions)

	// Everything below needs a signed-in childminder (and, first, a password
	// of her own: see requireUser). An agent's session opens none of it.
	app.Use(backoffice.KeepAgentsOut)
	private := app.Group("", requireUser)
	private.Get(paths.PasswordChange, authH.ShowPasswordChange)
	private.Post(paths.PasswordChange, authH.SubmitPasswordChange)
	dash := dashboard.New(d.Pool, d.Now)
	private.Get(paths.Dashboard, dash.Show)
	session.Prefetch(sessions, dashboard.PageName, paths.Dashboard, dash.Reads)
	private.Get(paths.Account, accountH.Show)
	private.Post(paths.AccountPass, accountH.SubmitPassword)
	private.Post(paths.AccountEmail, accountH.SubmitEmail)

	kids := children.New(d.Pool, d.Now)
	private.Get(paths.Children, kids.List)
	session.Prefetch(sessions, children.ListPageName, paths.Children, kids.ListReads)
	private.Get(children.NewPath, kids.New)
	private.Post(children.NewPath, kids.Create)
	private.Post(children.FieldURL, kids.Field)
	private.Get(paths.Children+"/:id", kids.View)
	session.Prefetch(sessions, children.ViewPageName, paths.Children+"/:id", kids.ViewReads)
	private.Get(paths.Children+"/:id/modifier", kids.Edit)
	private.Post(paths.Children+"/:id/modifier", kids.Update)
	private.Get(paths.Children+"/:id/supprimer", kids.ConfirmDelete)
	private.Post(paths.Children+"/:id/supprimer", kids.Delete)

	// Mon agrément and Documents utiles: read only, one query each.
	agr := agrement.New(d.Pool, d.Now)
	private.Get(paths.Agrement, agr.Show)
	docs := documents.New(d.Pool)
	private.Get(paths.Documents, docs.List)
	private.Get(documents.FileRoute, docs.Download)

	mbox := messages.New(d.Pool, d.Now)
	private.Get(paths.Messages, mbox.List)
	session.Prefetch(sessions, messages.ListPageName, paths.Messages, mbox.ListReads)
	private.Get(paths.Messages+"/:id", mbox.View)
	session.Prefetch(sessions, messages.ViewPageName, paths.Messages+"/:id", mbox.ViewReads)
	private.Post(paths.Messages+"/:id/"+components.MessageArchive, mbox.Archive)
	private.Post(paths.Messages+"/:id/"+components.MessageRestore, mbox.Restore)
}

// backOfficeRoutes registers the département's agents' back office: its
// public pages (sign-in, the link that sets a new agent's password), then
// the group that only a signed-in agent enters (backoffice.Require: a
// childminder gets a 404), closed by a 404 for any other path under it.
// Add back-office routes inside the group, above its closing line.
func backOfficeRoutes(app *fiber.App, d Deps, agentSessions *session.Manager) {
	agents := agentauth.New(agentauth.Deps{Pool: d.Pool, Sessions: agentSessions, Log: d.Log, Now: d.Now})
	app.Get(paths.BackOfficeLogin, agents.ShowLogin)
	app.Post(paths.BackOfficeLogin, agents.SubmitLogin)
	app.Get(paths.BackOfficeSetPassword+":token", agents.ShowSetPassword)
	app.Post(paths.BackOfficeSetPassword+":token", agents.SubmitSetPassword)

	bo := app.Group(paths.BackOffice, backoffice.Require)
	in := func(p string) string { return strings.TrimPrefix(p, paths.BackOffice) }
	bo.Get("", agents.ShowHome)
	bo.Post(in(paths.BackOfficeLogout), agents.Logout)
	bo.Get(in(paths.BackOfficeAccount), agents.ShowAccount)
	bo.Post(in(paths.BackOfficeAccountPass), agents.SubmitAccountPassword)

	// Childminders: the search, her page, her account's actions (each a GET
	// that asks, a POST that does). Her page shows this feature's notices.
	assmats := boassmats.New(boassmats.Deps{Pool: d.Pool, Log: d.Log, Now: d.Now, BaseURL: d.Config.BaseURL})
	one := in(paths.BackOfficeAssmats) + "/:login"
	bo.Get(in(paths.BackOfficeAssmats), assmats.Search)
	bo.Get(one, assmats.Show)
	bo.Get(one+"/"+components.BoAssmatAccess, assmats.ConfirmAccess)
	bo.Post(one+"/"+components.BoAssmatAccess, assmats.GiveAccess)
	bo.Get(one+"/"+components.BoAssmatIdentifierOnly, assmats.ConfirmIdentifierOnly)
	bo.Post(one+"/"+components.BoAssmatIdentifierOnly, assmats.MakeIdentifierOnly)
	bo.Get(one+"/"+components.BoAssmatUnlock, assmats.ConfirmUnlock)
	bo.Post(one+"/"+components.BoAssmatUnlock, assmats.Unlock)

	// Messages to the childminders (issue 10 §4): a personal one is notified by email.
	notify := messages.Notify{BaseURL: d.Config.BaseURL}
	if d.Mail != nil {
		notify.Mail = d.Mail
	}
	boMessages := bomessages.New(bomessages.Deps{Pool: d.Pool, Notify: notify, Now: d.Now})
	bo.Get(in(paths.BackOfficeMessages), boMessages.List)
	bo.Get(in(components.BackOfficeMessagesNew), boMessages.New)
	bo.Post(in(components.BackOfficeMessagesNew), boMessages.Submit)

	// The audit log (issue 10 §6): filters in the query string.
	bo.Get(in(paths.BackOfficeAudit), boaudit.New(d.Pool).List)

	// Documents utiles (issue 10 §5): the forms are multipart (a file of at
	// most 10 MB: see smallBodies).
	boDocs := bodocuments.New(d.Pool)
	bo.Get(in(paths.BackOfficeDocuments), boDocs.List)
	bo.Get(in(components.BackOfficeDocumentsNew), boDocs.New)
	bo.Post(in(components.BackOfficeDocumentsNew), boDocs.Create)
	bo.Get(in(paths.BackOfficeDocuments)+"/:id/"+components.DocumentEdit, boDocs.Edit)
	bo.Post(in(paths.BackOfficeDocuments)+"/:id/"+components.DocumentEdit, boDocs.Update)
	bo.Get(in(paths.BackOfficeDocuments)+"/:id/"+components.DocumentDelete, boDocs.ConfirmDelete)
	bo.Post(in(paths.BackOfficeDocuments)+"/:id/"+components.DocumentDelete, boDocs.Delete)
	bo.Post(in(paths.BackOfficeDocuments)+"/:id/"+components.DocumentMoveUp, boDocs.MoveUp)
	bo.Post(in(paths.BackOfficeDocuments)+"/:id/"+components.DocumentMoveDown, boDocs.MoveDown)

	// The declarations export (issue 11 §4): a GET form, a streamed file.
	export := boexport.New(boexport.Deps{Pool: d.Pool, Log: d.Log, Now: d.Now})
	bo.Get(in(components.BackOfficeExport), export.Show)
	bo.Get(in(components.BackOfficeExportFile), export.Download)

	// The Genesis import's upload page (issue 11 §2): a multipart form of
	// at most 51 MB (see uploadRoute), the import itself is app/genesis's.
	imports := boimport.New(boimport.Deps{Pool: d.Pool, Log: d.Log})
	bo.Get(in(components.BackOfficeImport), imports.Show)
	bo.Post(in(components.BackOfficeImport), imports.Submit)

	bo.Use(backoffice.NotFound)
}
