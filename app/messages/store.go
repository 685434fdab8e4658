package messages

import (
	"context"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/components"
)

// loadList reads one page of a view in one query (the page's rows and the
// view's total): the default view's pages from the top of two indexes
// (ListReceivedFirstPage, then ListReceivedNewest), the received ones in
// another order by ListMessages, the archived ones by ListArchived, a
// search newest first (as it opens) by SearchMessagesNewest, in another
// order by SearchMessages. The six answer rows of one shape (listRow).
func loadList(ctx context.Context, q *db.Queries, assmatID int64, lq ListQuery) (List, error) {
	offset := int32((lq.Page - 1) * PageSize)
	newest := lq.Sort == components.MessagesSortDate && lq.Desc
	switch {
	case lq.Search == "" && !lq.Archived && newest && lq.Page == 1:
		rows, err := q.ListReceivedFirstPage(ctx, assmatID)
		return listOf(lq, rows, err)
	case lq.Search == "" && !lq.Archived && newest:
		rows, err := q.ListReceivedNewest(ctx, db.ListReceivedNewestParams{AssmatID: assmatID, RowOffset: offset})
		return listOf(lq, rows, err)
	case lq.Search == "" && lq.Archived:
		rows, err := q.ListArchived(ctx, db.ListArchivedParams{
			AssmatID: assmatID, Sort: sortKeys[lq.Sort], Descending: lq.Desc,
			GeneralLabel: components.GeneralRecipient, RowLimit: PageSize, RowOffset: offset,
		})
		return listOf(lq, rows, err)
	case lq.Search == "":
		rows, err := q.ListMessages(ctx, db.ListMessagesParams{
			AssmatID: assmatID, Sort: sortKeys[lq.Sort], Descending: lq.Desc,
			GeneralLabel: components.GeneralRecipient, RowLimit: PageSize, RowOffset: offset,
		})
		return listOf(lq, rows, err)
	case newest:
		rows, err := q.SearchMessagesNewest(ctx, db.SearchMessagesNewestParams{
			AssmatID: assmatID, Archived: lq.Archived, Pattern: lq.Search, RowLimit: PageSize, RowOffset: offset,
		})
		return listOf(lq, rows, err)
	}
	rows, err := q.SearchMessages(ctx, db.SearchMessagesParams{
		AssmatID: assmatID, Archived: lq.Archived, Pattern: lq.Search, Sort: sortKeys[lq.Sort], Descending: lq.Desc,
		GeneralLabel: components.GeneralRecipient, RowLimit: PageSize, RowOffset: offset,
	})
	return listOf(lq, rows, err)
}

// listRow is a row of any of the list's statements: sqlc gives each its
// own type, all of the same columns.
type listRow interface {
	db.ListMessagesRow | db.ListReceivedFirstPageRow | db.ListReceivedNewestRow |
		db.ListArchivedRow | db.SearchMessagesRow | db.SearchMessagesNewestRow
}

// listOf is the view's page from a statement's rows.
func listOf[R listRow](lq ListQuery, rows []R, err error) (List, error) {
	l := List{Query: lq}
	if err != nil {
		return l, err
	}
	for _, row := range rows {
		r := db.ListMessagesRow(row)
		l.Rows = append(l.Rows, Summary{ID: r.ID, CreatedAt: r.CreatedAt, Sender: r.SenderService, Subject: r.Subject, Personal: r.Personal, Read: r.Read})
		l.Total = int(r.Total)
	}
	return l, nil
}

// getMessage reads a message the childminder may see, and whether she has
// read it already; pgx.ErrNoRows for any other message (a 404).
func getMessage(ctx context.Context, q *db.Queries, assmatID, id int64) (Opened, error) {
	r, err := q.GetMessage(ctx, db.GetMessageParams{AssmatID: assmatID, ID: id})
	if err != nil {
		return Opened{}, err
	}
	return Opened{Message: Message{ID: r.ID, CreatedAt: r.CreatedAt, Sender: r.SenderService, Subject: r.Subject, Body: r.Body,
		Personal: r.Personal, Archived: r.Archived}, WasRead: r.WasRead}, nil
}

// Opened is a message as its page reads it: with whether she had read it.
type Opened struct {
	Message
	WasRead bool
}
