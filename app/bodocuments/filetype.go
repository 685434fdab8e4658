package bodocuments

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"strings"
)

// MaxFileSize is the largest file an entry may hold.
const MaxFileSize = 10 << 20

// The accepted formats: the stored type, by the extension the file's name must have.
var accepted = map[string]string{
	".pdf":  "application/pdf",
	".odt":  "application/vnd.oasis.opendocument.text",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// The upload's errors, in French.
const (
	MsgFileFormat   = "Ce fichier n'est pas accepté : seuls les documents PDF, ODT (texte OpenDocument), DOCX (Word) et XLSX (Excel) le sont."
	MsgFileMismatch = "Le contenu de ce fichier ne correspond pas à un document PDF, ODT, DOCX ou XLSX (son extension ne suffit pas) : enregistrez-le à nouveau dans l'un de ces formats."
	MsgFileTooLarge = "Ce fichier dépasse 10 Mo : réduisez sa taille (par exemple en l'exportant en PDF compressé) avant de l'envoyer."
	MsgFileEmpty    = "Ce fichier est vide."
)

// Sniff checks a file by its content, not only its name: a PDF starts with
// %PDF-; ODT, DOCX and XLSX are ZIP archives whose structure says what they
// are (ODT: a first "mimetype" entry; DOCX and XLSX: [Content_Types].xml
// naming their main part). It returns the type to store, or the French
// reason to refuse it.
func Sniff(name string, content []byte) (fileType, refusal string) {
	ext := strings.ToLower(path.Ext(name))
	want, ok := accepted[ext]
	switch {
	case !ok:
		return "", MsgFileFormat
	case len(content) == 0:
		return "", MsgFileEmpty
	case len(content) > MaxFileSize:
		return "", MsgFileTooLarge
	}
	if detect(content) != want {
		return "", MsgFileMismatch
	}
	return want, ""
}

// detect is the accepted type the content is, "" for none.
func detect(b []byte) string {
	if bytes.HasPrefix(b, []byte("%PDF-")) {
		return accepted[".pdf"]
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil || len(zr.File) == 0 {
		return ""
	}
	// OpenDocument: "mimetype" first, stored, holding the type.
	if f := zr.File[0]; f.Name == "mimetype" {
		if s, ok := read(f, 200); ok && strings.TrimSpace(s) == accepted[".odt"] {
			return accepted[".odt"]
		}
		return ""
	}
	for _, f := range zr.File {
		if f.Name != "[Content_Types].xml" {
			continue
		}
		s, ok := read(f, 1<<20)
		if !ok {
			return ""
		}
		switch {
		case strings.Contains(s, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"):
			return accepted[".docx"]
		case strings.Contains(s, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"):
			return accepted[".xlsx"]
		}
		return ""
	}
	return ""
}

// read is a ZIP entry's text, at most max bytes (a crafted archive cannot
// make it inflate without end).
func read(f *zip.File, max int64) (string, bool) {
	r, err := f.Open()
	if err != nil {
		return "", false
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, max))
	if err != nil {
		return "", false
	}
	return string(b), true
}
