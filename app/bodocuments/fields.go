package bodocuments

import (
	"errors"
	"io"
	"net/url"
	"strings"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// Messages of the form's own rules.
const (
	msgMissingKind = "Veuillez choisir le type de l'entrée : un lien ou un fichier."
	msgMissingURL  = "Veuillez saisir l'adresse du lien."
	msgBadURL      = "Adresse invalide : elle doit commencer par https:// ou http:// et nommer un site."
	msgMissingFile = "Veuillez choisir le fichier à publier."
)

// fields are the inputs of an entry's form, each defined once.
var fields = struct{ Title, Desc, Kind, URL, File form.Spec }{
	Title: form.Spec{Name: "titre", ID: "document-titre", Label: "Titre", Required: true, Max: 200},
	Desc: form.Spec{Name: "description", ID: "document-description", Label: "Description", Max: 500,
		Hint: "Une phrase qui dit à quoi sert le document ou le site (facultatif)."},
	Kind: form.Spec{Name: "type", ID: "document-type", Label: "Type d'entrée", Required: true, Missing: msgMissingKind},
	URL: form.Spec{Name: "adresse", ID: "document-adresse", Label: "Adresse du lien", Type: "url", Chars: form.Name, Max: 2000,
		Hint: "Pour un lien : l'adresse complète, commençant par https://."},
	File: form.Spec{Name: "fichier", ID: "document-fichier", Label: "Fichier", Type: "file",
		Hint: "Pour un fichier : PDF, ODT, DOCX ou XLSX, 10 Mo au maximum."},
}

// Upload is a file sent with the form.
type Upload struct {
	Name    string
	Content []byte
	// TooLarge: more than MaxFileSize; Content is then not read.
	TooLarge bool
}

// Form is an entry as typed.
type Form struct {
	Title, Desc, Kind, URL string
	File                   *Upload
}

// ParseForm reads the posted (multipart) form. A file larger than
// MaxFileSize is not read, only marked.
func ParseForm(c *fiber.Ctx) (Form, error) {
	f := Form{Title: fields.Title.Read(c), Desc: fields.Desc.Read(c), Kind: fields.Kind.Read(c), URL: fields.URL.Read(c)}
	if f.Kind != components.DocumentKindLink && f.Kind != components.DocumentKindFile {
		f.Kind = ""
	}
	fh, err := c.FormFile(fields.File.Name)
	if errors.Is(err, fasthttp.ErrMissingFile) || errors.Is(err, fasthttp.ErrNoMultipartForm) || (err == nil && fh.Filename == "" && fh.Size == 0) {
		return f, nil
	}
	if err != nil {
		return f, err
	}
	up := &Upload{Name: strings.Clone(fh.Filename)}
	if fh.Size > MaxFileSize {
		up.TooLarge = true
		f.File = up
		return f, nil
	}
	r, err := fh.Open()
	if err != nil {
		return f, err
	}
	defer r.Close()
	if up.Content, err = io.ReadAll(io.LimitReader(r, MaxFileSize+1)); err != nil {
		return f, err
	}
	up.TooLarge = len(up.Content) > MaxFileSize
	f.File = up
	return f, nil
}

// Validate is the form's errors and, for a file, its type to store.
// stored: the entry already holds a file (an edit may keep it).
func (f Form) Validate(stored bool) (components.Errors, string) {
	var e components.Errors
	e.Add(fields.Title.InputID(), fields.Title.Check(f.Title))
	e.Add(fields.Desc.InputID(), fields.Desc.Check(f.Desc))
	e.Add(fields.Kind.InputID(), fields.Kind.Check(f.Kind))
	fileType := ""
	switch f.Kind {
	case components.DocumentKindLink:
		switch msg := fields.URL.Check(f.URL); {
		case f.URL == "":
			e.Add(fields.URL.InputID(), msgMissingURL)
		case msg != "":
			e.Add(fields.URL.InputID(), msg)
		case !webAddress(f.URL):
			e.Add(fields.URL.InputID(), msgBadURL)
		}
	case components.DocumentKindFile:
		switch {
		case f.File == nil && !stored:
			e.Add(fields.File.InputID(), msgMissingFile)
		case f.File != nil && f.File.TooLarge:
			e.Add(fields.File.InputID(), MsgFileTooLarge)
		case f.File != nil:
			var refusal string
			fileType, refusal = Sniff(f.File.Name, f.File.Content)
			e.Add(fields.File.InputID(), refusal)
		}
	}
	return e, fileType
}

// webAddress accepts an http(s) address with a host, nothing else (no
// javascript:, data: or relative link on the childminders' page).
func webAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.User == nil
}

// FormProps is the view model of an entry's form; current names the stored
// file an edit keeps.
func FormProps(heading, action string, f Form, errs components.Errors, current string) components.BackOfficeDocumentFormProps {
	radio := func(value, label string) components.BackOfficeChoice {
		return components.BackOfficeChoice{ID: fields.Kind.InputID() + "-" + value, Name: fields.Kind.Name, Value: value,
			Label: label, Checked: f.Kind == value}
	}
	p := components.BackOfficeDocumentFormProps{
		Heading: heading, Action: action, Errors: errs,
		Title:     fields.Title.Field(f.Title, errs.For(fields.Title.InputID())),
		Desc:      fields.Desc.Field(f.Desc, errs.For(fields.Desc.InputID())),
		Kind:      components.BackOfficeChoice{ID: fields.Kind.InputID(), Label: fields.Kind.Label},
		KindLink:  radio(components.DocumentKindLink, "Un lien vers un site"),
		KindFile:  radio(components.DocumentKindFile, "Un fichier (PDF, ODT, DOCX, XLSX)"),
		KindError: errs.For(fields.Kind.InputID()),
		URL:       fields.URL.Field(f.URL, errs.For(fields.URL.InputID())),
		File:      fields.File.Field("", errs.For(fields.File.InputID())),
		// The summary's link lands on the first radio.
		CurrentFile: current,
	}
	p.KindLink.ID = fields.Kind.InputID()
	p.File.Attrs = templ.Attributes{"accept": ".pdf,.odt,.docx,.xlsx,application/pdf"}
	return p
}
