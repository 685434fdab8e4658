package boimport

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/genesis"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// Show is the form.
func (h *Handlers) Show(c *fiber.Ctx) error {
	return render(c, Props(nil, "", nil), fiber.StatusOK)
}

// Submit checks the upload (present, at most 50 MB, a CSV text), then
// runs the import or its dry run and shows the report. A refused file (any
// problem: nothing changed) is a 422 with the report; the same report after
// a reload would be the same (the import is idempotent), so there is no
// redirect to protect.
func (h *Handlers) Submit(c *fiber.Ctx) error {
	dryRun := c.FormValue("action") != ActionImport
	fh, err := c.FormFile(fields.File.Name)
	if errors.Is(err, fasthttp.ErrMissingFile) || errors.Is(err, fasthttp.ErrNoMultipartForm) || (err == nil && fh.Filename == "" && fh.Size == 0) {
		return refuse(c, msgMissingFile)
	}
	if err != nil {
		return err
	}
	if fh.Size > MaxFileSize {
		return refuse(c, MsgTooLarge)
	}
	f, err := fh.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return err
	}
	head = head[:n]
	if msg := CheckFile(fh.Filename, head); msg != "" {
		return refuse(c, msg)
	}
	rep, err := genesis.Import(c.UserContext(), h.d.Pool, io.MultiReader(bytes.NewReader(head), f), genesis.Options{
		DryRun: dryRun, AgentID: backoffice.CurrentAgent(c).ID, FileName: filepath.Base(fh.Filename)})
	if err != nil {
		return err
	}
	status := fiber.StatusOK
	if len(rep.Problems)+rep.MoreProblems > 0 {
		status = fiber.StatusUnprocessableEntity
	}
	return render(c, Props(nil, filepath.Base(fh.Filename), &rep), status)
}

// CheckFile is the refusal of a file ("" when it may be read): it must be
// named .csv and its first bytes be text, UTF-8 (a BOM allowed, a character
// cut at the end of the sample allowed) without NUL bytes. A spreadsheet
// (.xlsx, a zip), a PDF or an image is refused before any row is read, and
// a CSV saved in another encoding is told so (accents would be broken).
func CheckFile(name string, head []byte) string {
	if !strings.EqualFold(filepath.Ext(name), ".csv") || len(head) == 0 || bytes.IndexByte(head, 0) >= 0 {
		return MsgNotCSV
	}
	for i := 0; i < 3 && !utf8.Valid(head) && len(head) > 0; i++ {
		head = head[:len(head)-1]
	}
	if !utf8.Valid(head) {
		return MsgNotUTF8
	}
	return ""
}

// refuse shows the form with the upload's refusal.
func refuse(c *fiber.Ctx, msg string) error {
	var errs components.Errors
	errs.Add(fields.File.InputID(), msg)
	return render(c, Props(errs, "", nil), fiber.StatusUnprocessableEntity)
}

// render shows the page in the back office's layout (htmx: the page's
// region alone, which the form targets).
func render(c *fiber.Ctx, p components.BackOfficeImportProps, status int) error {
	title := "Import Genesis"
	if p.Report != nil {
		title = "Rapport d'import"
	}
	return backoffice.Render(c, httpx.View{Title: httpx.Title(title, p.Errors), Page: components.BackOfficeImportPage(p), Status: status})
}
