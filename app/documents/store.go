package documents

import (
	"context"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/dbbatch"
	"github.com/departement06/extranet-assmat/components"
)

// Document is one entry of "Documents utiles": a link to another site (URL)
// or a stored file (HasFile, FileName, FileType, FileSize in bytes).
type Document struct {
	ID          int64
	Title       string
	Description string
	URL         string
	HasFile     bool
	FileName    string
	FileType    string
	FileSize    int64
}

// load reads every entry in its order, without the files' bytes (one query).
func load(ctx context.Context, q *db.Queries) ([]Document, error) {
	rows, err := q.ListDocuments(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Document, 0, len(rows))
	for _, r := range rows {
		out = append(out, Document{ID: r.ID, Title: r.Title, Description: r.Description, URL: r.Url,
			HasFile: r.HasFile, FileName: r.FileName, FileType: r.FileType, FileSize: r.FileSize})
	}
	return out, nil
}

// QueueDashboard adds to b the read of the dashboard's "Documents utiles"
// section (the page's query) and returns the function that gives its view
// once b was sent and closed. Render it with components.DocumentsSummary.
func QueueDashboard(b *pgx.Batch) func() (components.DocumentsProps, error) {
	return dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) (components.DocumentsProps, error) {
		list, err := load(ctx, q)
		if err != nil {
			return components.DocumentsProps{}, err
		}
		return Props(list), nil
	})
}

// Props builds the page's view model. The gallery builds its states with it.
func Props(list []Document) components.DocumentsProps {
	p := components.DocumentsProps{Documents: make([]components.DocumentView, 0, len(list))}
	for _, d := range list {
		v := components.DocumentView{Title: d.Title, Description: d.Description}
		if d.HasFile {
			v.FileURL, v.FileKind, v.FileSize = FileURL(d.ID), Kind(d.FileType), Size(d.FileSize)
		} else if u, host, ok := external(d.URL); ok {
			v.URL, v.Host = u, host
		}
		p.Documents = append(p.Documents, v)
	}
	return p
}

// external accepts an absolute http(s) address only, and gives its host
// without "www." as the link names it.
func external(raw string) (u, host string, ok bool) {
	parsed, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (parsed.Scheme != "https" && parsed.Scheme != "http") || parsed.Host == "" {
		return "", "", false
	}
	return parsed.String(), strings.TrimPrefix(parsed.Hostname(), "www."), true
}
