package bodocuments

import (
	"errors"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/audit"
	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

const (
	headingNew  = "Ajouter un document ou un lien"
	headingEdit = "Modifier un document ou un lien"
)

// New shows the empty form.
func (h *Handlers) New(c *fiber.Ctx) error {
	return renderForm(c, FormProps(headingNew, components.BackOfficeDocumentsNew, Form{}, nil, ""), fiber.StatusOK)
}

// Create publishes an entry at the end of the list, with its audit line.
func (h *Handlers) Create(c *fiber.Ctx) error {
	f, err := ParseForm(c)
	if err != nil {
		return err
	}
	errs, fileType := f.Validate(false)
	if len(errs) > 0 {
		return renderForm(c, FormProps(headingNew, components.BackOfficeDocumentsNew, f, errs, ""), fiber.StatusUnprocessableEntity)
	}
	ctx := c.UserContext()
	agent := backoffice.CurrentAgent(c)
	err = pgx.BeginFunc(ctx, h.pool, func(tx pgx.Tx) error {
		q := db.New(tx)
		pos, err := q.BONextDocumentPosition(ctx)
		if err != nil {
			return err
		}
		var id int64
		if f.Kind == components.DocumentKindLink {
			id, err = q.CreateDocument(ctx, db.CreateDocumentParams{Title: f.Title, Description: f.Desc, Url: f.URL, Position: pos})
		} else {
			id, err = q.CreateDocumentFile(ctx, db.CreateDocumentFileParams{Title: f.Title, Description: f.Desc,
				FileName: f.File.Name, FileType: fileType, FileContent: f.File.Content, Position: pos})
		}
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, agent.ID, audit.DocumentCreated, audit.TargetDocument(id), auditDetails(f))
	})
	if err != nil {
		return err
	}
	return httpx.Redirect(c, paths.BackOfficeDocuments+"?"+components.BackOfficeDocumentsDoneName+"=cree")
}

// Edit shows an entry's form.
func (h *Handlers) Edit(c *fiber.Ctx) error {
	d, err := h.document(c)
	if err != nil {
		return err
	}
	f := Form{Title: d.Title, Desc: d.Description, URL: d.Url, Kind: components.DocumentKindLink}
	if d.Url == "" {
		f.Kind = components.DocumentKindFile
	}
	return renderForm(c, FormProps(headingEdit, components.BackOfficeDocumentPath(d.ID, components.DocumentEdit), f, nil, d.FileName), fiber.StatusOK)
}

// Update changes an entry: into a link (its file dropped), to a new file,
// or only its texts (it keeps its file); with its audit line.
func (h *Handlers) Update(c *fiber.Ctx) error {
	d, err := h.document(c)
	if err != nil {
		return err
	}
	f, err := ParseForm(c)
	if err != nil {
		return err
	}
	stored := d.Url == "" && d.FileSize > 0
	errs, fileType := f.Validate(stored)
	action := components.BackOfficeDocumentPath(d.ID, components.DocumentEdit)
	if len(errs) > 0 {
		return renderForm(c, FormProps(headingEdit, action, f, errs, d.FileName), fiber.StatusUnprocessableEntity)
	}
	ctx := c.UserContext()
	agent := backoffice.CurrentAgent(c)
	err = pgx.BeginFunc(ctx, h.pool, func(tx pgx.Tx) error {
		q := db.New(tx)
		var err error
		switch {
		case f.Kind == components.DocumentKindLink:
			err = q.BOUpdateDocumentLink(ctx, db.BOUpdateDocumentLinkParams{ID: d.ID, Title: f.Title, Description: f.Desc, Url: f.URL})
		case f.File != nil:
			err = q.BOUpdateDocumentFile(ctx, db.BOUpdateDocumentFileParams{ID: d.ID, Title: f.Title, Description: f.Desc,
				FileName: f.File.Name, FileType: fileType, FileContent: f.File.Content})
		default:
			err = q.BOUpdateDocumentText(ctx, db.BOUpdateDocumentTextParams{ID: d.ID, Title: f.Title, Description: f.Desc})
		}
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, agent.ID, audit.DocumentChanged, audit.TargetDocument(d.ID), auditDetails(f))
	})
	if err != nil {
		return err
	}
	return httpx.Redirect(c, paths.BackOfficeDocuments+"?"+components.BackOfficeDocumentsDoneName+"=modifie")
}

// auditDetails are what the log keeps of an entry: its title and what it is.
func auditDetails(f Form) map[string]any {
	d := map[string]any{"titre": f.Title}
	switch {
	case f.Kind == components.DocumentKindLink:
		d["lien"] = f.URL
	case f.File != nil:
		d["fichier"] = f.File.Name
	}
	return d
}

// document is the route's entry; an unknown one is a 404.
func (h *Handlers) document(c *fiber.Ctx) (db.BOGetDocumentRow, error) {
	id, err := httpx.RouteID(c)
	if err != nil {
		return db.BOGetDocumentRow{}, err
	}
	d, err := h.q.BOGetDocument(c.UserContext(), id)
	if errors.Is(err, pgx.ErrNoRows) {
		return d, fiber.ErrNotFound
	}
	return d, err
}

func renderForm(c *fiber.Ctx, p components.BackOfficeDocumentFormProps, status int) error {
	return backoffice.Render(c, httpx.View{Title: httpx.Title(p.Heading, p.Errors), Page: components.BackOfficeDocumentFormPage(p), Status: status})
}
