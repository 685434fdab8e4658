// Package static embeds the CSS, JavaScript and images of the extranet and
// names each file with a content hash, so that browsers may cache it for a year.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
)

//go:embed css js img
var FS embed.FS

// Prefix is where the files are served.
const Prefix = "/static/"

var hashes = func() map[string]string {
	m := map[string]string{}
	_ = fs.WalkDir(FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := FS.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		m[path] = hex.EncodeToString(sum[:6])
		return nil
	})
	return m
}()

// Hash is the content hash of a file ("" when the file does not exist).
func Hash(name string) string { return hashes[name] }

// Path is the URL of a file, versioned by its content: "/static/css/app.css?v=1a2b3c4d5e6f".
func Path(name string) string {
	return Prefix + name + "?v=" + hashes[name]
}

// Names are the embedded files' names ("css/app.css", …).
func Names() []string {
	names := make([]string, 0, len(hashes))
	for name := range hashes {
		names = append(names, name)
	}
	return names
}
