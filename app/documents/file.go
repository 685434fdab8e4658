package documents

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// formats are the stored files' types the list shows and serves, with the
// name the list gives them: PDF and the office formats.
var formats = map[string]string{
	"application/pdf":    "PDF",
	"application/msword": "Word",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
	"application/vnd.ms-excel": "Excel",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         "Excel",
	"application/vnd.ms-powerpoint":                                             "PowerPoint",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
	"application/vnd.oasis.opendocument.text":                                   "OpenDocument texte",
	"application/vnd.oasis.opendocument.spreadsheet":                            "OpenDocument tableur",
	"application/vnd.oasis.opendocument.presentation":                           "OpenDocument présentation",
	"application/rtf": "RTF",
}

// octetStream is what an unknown type is served as: a download, never a page.
const octetStream = "application/octet-stream"

// ServedType is the Content-Type a stored file is served with: its own when
// it is one of the known formats, bytes otherwise.
func ServedType(stored string) string {
	t := strings.ToLower(strings.TrimSpace(stored))
	if _, ok := formats[t]; ok {
		return t
	}
	return octetStream
}

// Kind names a stored file's format for the list ("PDF", "Word"…).
func Kind(stored string) string {
	if k, ok := formats[ServedType(stored)]; ok {
		return k
	}
	return "fichier"
}

// Size writes a file's size the French way: "812 octets", "245 Ko", "1,2 Mo".
func Size(n int64) string {
	const ko, mo = 1024, 1024 * 1024
	switch {
	case n < ko:
		if n <= 1 {
			return fmt.Sprintf("%d octet", n)
		}
		return fmt.Sprintf("%d octets", n)
	case n < mo:
		return fmt.Sprintf("%d Ko", (n+ko/2)/ko)
	default:
		// One decimal, with the French comma.
		tenths := (n*10 + mo/2) / mo
		if tenths%10 == 0 {
			return fmt.Sprintf("%d Mo", tenths/10)
		}
		return fmt.Sprintf("%d,%d Mo", tenths/10, tenths%10)
	}
}

// SafeName is a stored file's name fit for a header: its last path segment
// only (no folder a browser could follow), without control characters
// (CR/LF would split the header), quotes or backslashes; "document" if
// nothing is left.
func SafeName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = path.Base("/" + name)
	name = strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), r == '"', r == '/', unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, name)
	name = strings.Trim(strings.TrimSpace(name), ".")
	if name == "" {
		return "document"
	}
	return name
}

// ContentDisposition is the header that makes the browser save the file under
// its name: an ASCII fallback for old clients, and the exact name in UTF-8
// (RFC 6266, RFC 8187).
func ContentDisposition(name string) string {
	name = SafeName(name)
	var ascii strings.Builder
	for _, r := range name {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '%' || r == ';' {
			ascii.WriteByte('_')
		} else {
			ascii.WriteRune(r)
		}
	}
	return `attachment; filename="` + ascii.String() + `"; filename*=UTF-8''` + encodeRFC8187(name)
}

// encodeRFC8187 percent-encodes every byte that is not an attr-char.
func encodeRFC8187(s string) string {
	const attrChars = "!#$&+-.^_`|~"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(attrChars, c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
