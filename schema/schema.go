// Package schema embeds the numbered SQL migrations (goose format). sqlc reads
// the same files to know the tables.
package schema

import "embed"

// FS holds every migration, applied in name order.
//
//go:embed *.sql
var FS embed.FS
