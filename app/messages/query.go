package messages

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// PageSize is the number of messages a page of the list shows.
const PageSize = 20

// MaxSearch is the longest search the list takes, in characters; a longer
// one (only a forged URL: the input says maxlength) is cut.
const MaxSearch = components.MessagesSearchMax

// ListQuery is one view of the list: every field comes from, and goes back
// to, the query string (ParseListQuery, URL), so that each view has its URL.
type ListQuery struct {
	Archived bool
	// Sort is one of components.MessagesSort*.
	Sort string
	Desc bool
	// Search is what the visitor typed, trimmed ("" for none).
	Search string
	Page   int
}

// defaultDesc is a column's first direction: the newest messages first, the
// text columns from A to Z.
func defaultDesc(sort string) bool { return sort == components.MessagesSortDate }

// sortKeys maps the URL's sort values to the queries' (see queries/messages.sql).
var sortKeys = map[string]string{
	components.MessagesSortDate:      "date",
	components.MessagesSortSender:    "sender",
	components.MessagesSortRecipient: "recipient",
	components.MessagesSortSubject:   "subject",
}

// DefaultQuery is the list as the menu opens it: received, newest first.
func DefaultQuery() ListQuery {
	return ListQuery{Sort: components.MessagesSortDate, Desc: true, Page: 1}
}

// ParseListQuery reads a view from a query string (get returns "" for a
// missing name). A malformed page (0, negative, not a number, beyond httpx.MaxPage)
// is an error: that page does not exist. An unknown box, sort or direction
// falls back to the default (a link of an older version, a typo): the
// links of the page it gets then carry the canonical values.
func ParseListQuery(get func(string) string) (ListQuery, bool) {
	q := DefaultQuery()
	q.Archived = get(components.MessagesBoxName) == components.MessagesBoxArchived
	if s := get(components.MessagesSortName); sortKeys[s] != "" {
		q.Sort = s
	}
	switch get(components.MessagesDirName) {
	case components.MessagesDirAsc:
		q.Desc = false
	case components.MessagesDirDesc:
		q.Desc = true
	default:
		q.Desc = defaultDesc(q.Sort)
	}
	q.Search = cut(strings.TrimSpace(form.Normalize(get(components.MessagesSearchName))), MaxSearch)
	page, ok := httpx.Page(get(components.MessagesPageName))
	q.Page = page
	// A search a keyboard cannot type (NUL, control characters, bytes that
	// are not UTF-8: a forged address) is a malformed view, a 404 in French;
	// PostgreSQL would refuse it with an error, a 500.
	return q, ok && form.Allowed(q.Search, form.Text)
}

// ParseReturn reads the view a form came from (its "retour" field, a query
// string): anything unreadable is the default view. The URL is rebuilt from
// the parsed values, so that the field cannot send anyone elsewhere.
func ParseReturn(raw string) ListQuery {
	v, err := url.ParseQuery(raw)
	if err != nil {
		return DefaultQuery()
	}
	q, ok := ParseListQuery(v.Get)
	if !ok {
		q.Page = 1
	}
	return q
}

// cut keeps the first n characters of s (never half a character).
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// Values is the view's canonical query string: only what differs from the
// default, so that the menu's /messages and the received box's first page
// are one URL.
func (q ListQuery) Values() url.Values {
	v := url.Values{}
	if q.Archived {
		v.Set(components.MessagesBoxName, components.MessagesBoxArchived)
	}
	if q.Sort != components.MessagesSortDate {
		v.Set(components.MessagesSortName, q.Sort)
	}
	if q.Desc != defaultDesc(q.Sort) {
		v.Set(components.MessagesDirName, dirValue(q.Desc))
	}
	if q.Search != "" {
		v.Set(components.MessagesSearchName, q.Search)
	}
	if q.Page > 1 {
		v.Set(components.MessagesPageName, strconv.Itoa(q.Page))
	}
	return v
}

// URL is the list page of the view.
func (q ListQuery) URL() string {
	if s := q.Values().Encode(); s != "" {
		return paths.Messages + "?" + s
	}
	return paths.Messages
}

func dirValue(desc bool) string {
	if desc {
		return components.MessagesDirDesc
	}
	return components.MessagesDirAsc
}
