package boassmats

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// PageSize is the number of childminders a page of results lists.
const PageSize = 20

// MaxResults bounds a search: past it, the page asks to refine rather than
// list (10 pages). A name as common as Martin matched thousands of
// childminders nationally, none of whom an agent would find by paging; the
// bound also keeps a broad search's cost that of a département's.
const MaxResults = 200

// SearchQuery is one view of the search: every field comes from, and goes
// back to, the query string, so that each result page has its URL.
type SearchQuery struct {
	// Text is what the agent typed, trimmed ("" for none).
	Text string
	Page int
}

// ParseSearchQuery reads a view from a query string (get returns "" for a
// missing name); ok is false for a malformed page.
func ParseSearchQuery(get func(string) string) (q SearchQuery, ok bool) {
	q = SearchQuery{Text: strings.TrimSpace(get(components.BoAssmatsSearchName)), Page: 1}
	q.Page, ok = httpx.Page(get(components.BoAssmatsPageName))
	return q, ok
}

// Check is the search field's error ("" when the text may be searched):
// a character it refuses, or too long.
func (q SearchQuery) Check() string { return searchFields.Query.Check(q.Text) }

// Short is true for a search the trigram index cannot serve, without 3
// letters or digits in a row ("ab", "...", "％％％": form.Indexable): it
// only finds the childminder of that very identifier.
func (q SearchQuery) Short() bool { return !form.Indexable(q.Text) }

// URL is the view's canonical address (defaults left out).
func (q SearchQuery) URL() string {
	v := url.Values{}
	if q.Text != "" {
		v.Set(components.BoAssmatsSearchName, q.Text)
	}
	if q.Page > 1 {
		v.Set(components.BoAssmatsPageName, strconv.Itoa(q.Page))
	}
	if len(v) == 0 {
		return paths.BackOfficeAssmats
	}
	return paths.BackOfficeAssmats + "?" + v.Encode()
}
