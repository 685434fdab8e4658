package bodocuments

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// notices are what the list says after an action (?fait=…).
var notices = map[string]string{
	"cree":     "Le document est publié.",
	"modifie":  "Le document est modifié.",
	"supprime": "Le document est supprimé.",
}

// List shows the entries in their order.
func (h *Handlers) List(c *fiber.Ctx) error {
	rows, err := h.q.BOListDocuments(c.UserContext())
	if err != nil {
		return err
	}
	p := ListProps(rows, notices[c.Query(components.BackOfficeDocumentsDoneName)])
	return backoffice.Render(c, httpx.View{Title: "Documents utiles", Page: components.BackOfficeDocumentsPage(p),
		Fragment: components.BackOfficeDocumentsList(p)})
}

// ListProps is the view model of the list.
func ListProps(rows []db.BOListDocumentsRow, notice string) components.BackOfficeDocumentsProps {
	p := components.BackOfficeDocumentsProps{Notice: notice}
	for i, r := range rows {
		p.Rows = append(p.Rows, components.BackOfficeDocumentRow{ID: r.ID, Title: r.Title, What: what(r.Url, r.FileType, r.FileSize),
			First: i == 0, Last: i == len(rows)-1})
	}
	return p
}

// what says what an entry is: "Lien vers www.monenfant.fr" or "PDF, 245 Ko".
// (app/documents words the childminders' page; a feature does not import
// another, so the agents' list has its own few words.)
func what(link, fileType string, size int64) string {
	if link != "" {
		host := link
		if u, err := url.Parse(link); err == nil && u.Host != "" {
			host = u.Hostname()
		}
		return "Lien vers " + host
	}
	name := "Fichier"
	for ext, t := range accepted {
		if t == fileType {
			name = strings.ToUpper(strings.TrimPrefix(ext, "."))
		}
	}
	if size < 1024*1024 {
		return name + ", " + strconv.FormatInt(max(1, (size+512)/1024), 10) + " Ko"
	}
	tenths := (size*10 + 512*1024) / (1024 * 1024)
	return name + ", " + strconv.FormatInt(tenths/10, 10) + "," + strconv.FormatInt(tenths%10, 10) + " Mo"
}
