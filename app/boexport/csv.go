package boexport

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/departement06/extranet-assmat/app/paris"
)

// bom opens the file: without it, spreadsheet software set to French reads
// UTF-8 as Windows-1252 and breaks the accents.
const bom = "\ufeff"

// Header is the file's first line, in the order of record.
var Header = []string{
	"Identifiant assistant maternel", "Nom assistant maternel", "Prénom assistant maternel", "Commune assistant maternel",
	"Nom enfant", "Prénom enfant", "Date de naissance", "Date de déclaration", "Déclaration tardive",
	"Civilité responsable 1", "Nom responsable 1", "Prénom responsable 1", "Email responsable 1", "Téléphone responsable 1",
	"Civilité responsable 2", "Nom responsable 2", "Prénom responsable 2", "Email responsable 2", "Téléphone responsable 2",
	"Adresse", "Code postal", "Commune",
	"Adresse secondaire", "Code postal secondaire", "Commune secondaire",
	"Périodes d'accueil",
}

// kindLabels are the care kinds as the childminder's form says them.
var kindLabels = map[string]string{
	"standard":    "Garde standard",
	"derogation":  "Dérogation exceptionnelle",
	"depassement": "Dépassement exceptionnel",
}

// Writer writes the export: BOM, header, then one line per child, fields
// separated by ";" and lines by CRLF, each cell neutralised (Neutralise).
type Writer struct {
	buf *bufio.Writer
	csv *csv.Writer
	rec []string
}

// NewWriter starts a file on w and writes its BOM and header.
func NewWriter(w io.Writer) (*Writer, error) {
	b := bufio.NewWriterSize(w, 32<<10)
	if _, err := b.WriteString(bom); err != nil {
		return nil, err
	}
	c := csv.NewWriter(b)
	c.Comma, c.UseCRLF = ';', true
	out := &Writer{buf: b, csv: c, rec: make([]string, len(Header))}
	return out, c.Write(Header)
}

// Write adds a child's line.
func (w *Writer) Write(d *Declaration) error {
	r := w.rec[:0]
	r = append(r, d.Login, d.AssmatNom, d.AssmatPrenom, d.AssmatCommune,
		d.Nom, d.Prenom, d.Naissance.Format("02/01/2006"), d.DeclaredAt.In(paris.Location).Format("02/01/2006"), yesNo(d.Late))
	for _, g := range d.Guardians {
		r = append(r, g.Civilite, g.Nom, g.Prenom, g.Email, g.Phone)
	}
	r = append(r, d.Adresse, d.CodePostal, d.Commune)
	if d.HasSecondary {
		r = append(r, d.Adresse2, d.CodePostal2, d.Commune2)
	} else {
		r = append(r, "", "", "")
	}
	r = append(r, periods(d))
	for i := range r {
		r[i] = Neutralise(r[i])
	}
	return w.csv.Write(r)
}

// Flush writes what is buffered to the underlying writer (each buffer's
// worth goes out as it fills; Flush sends the rest).
func (w *Writer) Flush() error {
	w.csv.Flush()
	if err := w.csv.Error(); err != nil {
		return err
	}
	return w.buf.Flush()
}

// periods joins a child's care periods in one cell, in her page's order:
// "Garde standard du 01/09/2026 au 30/06/2027, 120 h/mois (mercredis)",
// periods separated by " | ". One line per child keeps "one line, one
// child" for counting in a spreadsheet; the periods are read, not computed.
func periods(d *Declaration) string {
	var sb strings.Builder
	for i, k := range d.Kinds {
		if i > 0 {
			sb.WriteString(" | ")
		}
		label := kindLabels[k]
		if label == "" {
			label = k
		}
		sb.WriteString(label + " du " + d.Starts[i].Format("02/01/2006"))
		if d.Ends[i] != "" {
			sb.WriteString(" au " + d.Ends[i])
		} else {
			sb.WriteString(", sans date de fin")
		}
		if d.Hours[i] >= 0 {
			sb.WriteString(", " + strconv.Itoa(int(d.Hours[i])) + " h/mois")
		}
		if c := strings.TrimSpace(d.Comments[i]); c != "" {
			sb.WriteString(" (" + c + ")")
		}
	}
	return sb.String()
}

func yesNo(b bool) string {
	if b {
		return "oui"
	}
	return "non"
}

// Neutralise guards a cell against formula injection: a value a childminder
// typed that starts with = + - @ (or a tab or carriage return, which some
// software skips before reading a formula) gets a leading single quote, so
// the spreadsheet shows it as text instead of evaluating it. A phone number
// like "+33 6…" is shown with the quote too: harmless, and safer than
// guessing which plus signs are numbers.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
