package demo

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/departement06/extranet-assmat/app/db"
)

// loadDocuments inserts the demo "Documents utiles": two stored PDF files
// (made here: the demo downloads nothing) and links to other sites.
func loadDocuments(ctx context.Context, q *db.Queries) error {
	guide := demoPDF("Documentation du portail Extranet", []string{
		"Extranet des assistants maternels - Département des Alpes-Maritimes",
		"",
		"1. Connexion : votre identifiant est votre numéro d'agrément.",
		"   À la première connexion, demandez un lien pour définir votre mot de passe.",
		"2. Tableau de bord : vos informations, vos derniers messages, vos enfants accueillis,",
		"   votre agrément et les documents utiles.",
		"3. Mon agrément : les informations de votre agrément, en lecture seule.",
		"4. Messages : les messages du service des modes d'accueil de la petite enfance.",
		"5. Enfants accueillis : déclarez sous 8 jours chaque enfant que vous accueillez.",
	})
	weather := demoPDF("Alertes météo : les bons réflexes", []string{
		"En cas de vigilance orange ou rouge :",
		"- suivez les consignes de la préfecture des Alpes-Maritimes ;",
		"- prévenez les parents des enfants accueillis ;",
		"- ne vous déplacez pas avec les enfants sauf nécessité.",
	})
	type entry struct {
		title, description, url string
		fileName                string
		file                    []byte
	}
	for i, e := range []entry{
		{title: "Documentation du portail Extranet", description: "Guide d'utilisation de l'extranet des assistants maternels : connexion, tableau de bord, messages et déclaration des enfants accueillis.",
			fileName: "Documentation du portail Extranet.pdf", file: guide},
		{title: "Alertes météo : les bons réflexes", description: "Que faire avec les enfants accueillis en cas de vigilance orange ou rouge.",
			fileName: "alertes-meteo-bons-reflexes.pdf", file: weather},
		{title: "Devenir assistant maternel", description: "Les démarches d'agrément dans les Alpes-Maritimes.", url: "https://www.departement06.fr/"},
		{title: "Mon-enfant.fr", description: "Le site de la CAF pour trouver un mode d'accueil.", url: "https://monenfant.fr/"},
		{title: "Pajemploi", description: "Le service de l'Urssaf pour consulter vos attestations d'emploi et vos bulletins de salaire.", url: "https://www.pajemploi.urssaf.fr/"},
	} {
		var err error
		if e.file != nil {
			_, err = q.CreateDocumentFile(ctx, db.CreateDocumentFileParams{Title: e.title, Description: e.description,
				FileName: e.fileName, FileType: "application/pdf", FileContent: e.file, Position: int32(i)})
		} else {
			_, err = q.CreateDocument(ctx, db.CreateDocumentParams{Title: e.title, Description: e.description, Url: e.url, Position: int32(i)})
		}
		if err != nil {
			return fmt.Errorf("demo document %q: %w", e.title, err)
		}
	}
	return nil
}

// demoPDF is a one-page PDF with a title and lines of text, in the standard
// Helvetica font (WinAnsi encoding, which holds French accents): small, and
// valid, its cross-reference table computed from the objects written.
func demoPDF(title string, lines []string) []byte {
	var content strings.Builder
	fmt.Fprintf(&content, "BT /F1 18 Tf 56 780 Td (%s) Tj ET\n", pdfText(title))
	content.WriteString("BT /F1 11 Tf 15 TL 56 740 Td\n")
	for _, l := range lines {
		fmt.Fprintf(&content, "(%s) Tj T*\n", pdfText(l))
	}
	content.WriteString("ET\n")
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// pdfText is a string as a PDF literal in WinAnsi encoding: Latin-1 letters
// as their byte, the few others the page uses mapped, parentheses and
// backslashes escaped.
func pdfText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteByte(byte(r))
		case r == '’':
			b.WriteByte(0x92)
		case r == 'œ':
			b.WriteByte(0x9c)
		case r == '€':
			b.WriteByte(0x80)
		case r >= 0x20 && r < 0x7f, r >= 0xa0 && r <= 0xff:
			b.WriteByte(byte(r))
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}
