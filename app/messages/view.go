package messages

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/departement06/extranet-assmat/components"
)

// columns are the sortable columns, in the table's order.
var columns = []struct{ sort, label string }{
	{components.MessagesSortDate, "Date"},
	{components.MessagesSortSender, "Expéditeur"},
	{components.MessagesSortRecipient, "Destinataire"},
	{components.MessagesSortSubject, "Objet"},
}

// BoxTitle is "Messages reçus" or "Messages archivés".
func BoxTitle(archived bool) string {
	if archived {
		return components.MessagesArchivedTitle
	}
	return components.MessagesReceivedTitle
}

// Recipient is what the Destinataire column says: everyone for a general
// message, the childminder's name for a personal one (seed §2.3.1).
func Recipient(personal bool, ownName string) string {
	if personal {
		return ownName
	}
	return components.GeneralRecipient
}

// ListProps is the view model of one page of the list: a pure function of
// the loaded page, which the gallery calls with sample rows.
func ListProps(l List, ownName, notice string) components.MessagesListProps {
	q := l.Query
	p := components.MessagesListProps{
		Title: BoxTitle(q.Archived), Archived: q.Archived, Search: q.Search,
		Summary: summary(l), Return: q.Values().Encode(), Notice: notice,
	}
	// The search keeps the box and the sort, and starts at page 1.
	keep := q
	keep.Search, keep.Page = "", 1
	for _, name := range []string{components.MessagesBoxName, components.MessagesSortName, components.MessagesDirName} {
		if v := keep.Values().Get(name); v != "" {
			p.Keep = append(p.Keep, components.HiddenField{Name: name, Value: v})
		}
	}
	if q.Search != "" {
		p.ClearURL = keep.URL()
	}
	// Switching box keeps the sort and the search.
	for _, archived := range []bool{false, true} {
		b := keep
		b.Archived = archived
		b.Search = q.Search
		id := components.MessagesBoxIDPrefix + components.MessagesBoxReceived
		if archived {
			id = components.MessagesBoxIDPrefix + components.MessagesBoxArchived
		}
		p.Boxes = append(p.Boxes, components.MessagesBoxLink{ID: id, Label: BoxTitle(archived), URL: b.URL(), Current: archived == q.Archived})
	}
	for _, col := range columns {
		next := q
		next.Page = 1
		c := components.MessagesColumn{ID: "tri-" + col.sort, Label: col.label}
		if q.Sort == col.sort {
			next.Desc = !q.Desc
			c.Sort = "ascending"
			if q.Desc {
				c.Sort = "descending"
			}
		} else {
			next.Sort, next.Desc = col.sort, defaultDesc(col.sort)
		}
		c.Next = "trier par ordre " + map[bool]string{false: "croissant", true: "décroissant"}[next.Desc]
		c.URL = next.URL()
		p.Columns = append(p.Columns, c)
	}
	for _, r := range l.Rows {
		action := components.MessageArchive
		if q.Archived {
			action = components.MessageRestore
		}
		p.Rows = append(p.Rows, components.MessageRow{
			ID: r.ID, Date: components.DateTime(r.CreatedAt), Sender: r.Sender, Recipient: Recipient(r.Personal, ownName),
			Subject: r.Subject, Unread: !r.Read, ViewURL: viewURL(r.ID, q), ActionURL: components.MessagePath(r.ID, action),
		})
	}
	p.Empty = "Aucun message."
	if q.Search != "" {
		p.Empty = "Aucun message ne contient « " + q.Search + " »."
	}
	if pages := l.Pages(); pages > 1 {
		for _, n := range components.PageWindow(q.Page, pages) {
			if n == 0 {
				p.Pages = append(p.Pages, components.MessagesPageLink{Gap: true})
				continue
			}
			pq := q
			pq.Page = n
			p.Pages = append(p.Pages, components.MessagesPageLink{ID: "page-" + strconv.Itoa(n), Label: strconv.Itoa(n), Hidden: "Page ", URL: pq.URL(), Current: n == q.Page})
		}
	}
	return p
}

// summary says how many messages the view holds, and which page this is.
func summary(l List) string {
	var s string
	switch l.Total {
	case 0:
		return "Aucun message"
	case 1:
		s = "1 message"
	default:
		s = strconv.Itoa(l.Total) + " messages"
	}
	if l.Query.Search != "" {
		s += " pour « " + l.Query.Search + " »"
	}
	if pages := l.Pages(); pages > 1 {
		s += ", page " + strconv.Itoa(l.Query.Page) + " sur " + strconv.Itoa(pages)
	}
	return s
}

// viewURL opens a message from a view of the list: the view rides along in
// the query string, so that the message page leads back to it.
func viewURL(id int64, q ListQuery) string {
	u := components.MessagePath(id)
	if s := q.Values().Encode(); s != "" {
		u += "?" + s
	}
	return u
}

// MessageView is the view model of a message's page; back is the list view
// the visitor came from.
func MessageView(m Message, ownName string, back ListQuery) components.MessageViewProps {
	action := components.MessageArchive
	if m.Archived {
		action = components.MessageRestore
	}
	return components.MessageViewProps{
		Date: components.DateTime(m.CreatedAt), Sender: m.Sender, Recipient: Recipient(m.Personal, ownName),
		Subject: m.Subject, Body: Paragraphs(m.Body), Archived: m.Archived,
		ActionURL: components.MessagePath(m.ID, action), Return: back.Values().Encode(),
		BackURL: back.URL(), BackLabel: strings.ToLower(BoxTitle(back.Archived)),
	}
}

// linkPattern finds the web addresses of a message's text.
var linkPattern = regexp.MustCompile(`https?://[^\s<>"]+`)

// blankLine separates paragraphs.
var blankLine = regexp.MustCompile(`\n[ \t]*\n`)

// Paragraphs splits a message's plain text into paragraphs (blank lines)
// and lines, and its http(s) addresses into links. Nothing of the text is
// ever read as HTML: the template escapes every run.
func Paragraphs(body string) []components.MessageParagraph {
	body = strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\r", "\n")
	var out []components.MessageParagraph
	for _, block := range blankLine.Split(body, -1) {
		block = strings.Trim(block, "\n")
		if strings.TrimSpace(block) == "" {
			continue
		}
		var para components.MessageParagraph
		for _, line := range strings.Split(block, "\n") {
			para = append(para, linkify(line))
		}
		out = append(out, para)
	}
	return out
}

// linkify cuts a line into text and links. Punctuation that ends a sentence
// after an address is not part of it.
func linkify(line string) []components.MessageText {
	var out []components.MessageText
	last := 0
	for _, loc := range linkPattern.FindAllStringIndex(line, -1) {
		start, end := loc[0], loc[1]
		for end > start && strings.ContainsRune(".,;:!?)'", rune(line[end-1])) {
			end--
		}
		if end-start <= len("https://") {
			continue
		}
		if start > last {
			out = append(out, components.MessageText{Text: line[last:start]})
		}
		out = append(out, components.MessageText{Text: line[start:end], URL: line[start:end]})
		last = end
	}
	if last < len(line) {
		out = append(out, components.MessageText{Text: line[last:]})
	}
	return out
}
