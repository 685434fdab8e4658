package messages

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// loadList reads one page of a view in one query (the page's rows and the
// view's total). ownName is the childminder's name, the recipient of her
// personal messages, by which they sort.
func loadList(ctx context.Context, q *db.Queries, assmatID int64, lq ListQuery) (List, error) {
	l := List{Query: lq}
	offset := int32((lq.Page - 1) * PageSize)
	if lq.Search == "" {
		rows, err := q.ListMessages(ctx, db.ListMessagesParams{
			AssmatID: assmatID, Archived: lq.Archived, Sort: sortKeys[lq.Sort], Descending: lq.Desc,
			GeneralLabel: components.GeneralRecipient, RowLimit: PageSize, RowOffset: offset,
		})
		if err != nil {
			return l, err
		}
		for _, r := range rows {
			l.Rows = append(l.Rows, Summary{ID: r.ID, CreatedAt: r.CreatedAt, Sender: r.SenderService, Subject: r.Subject, Personal: r.Personal, Read: r.Read})
			l.Total = int(r.Total)
		}
		return l, nil
	}
	rows, err := q.SearchMessages(ctx, db.SearchMessagesParams{
		AssmatID: assmatID, Archived: lq.Archived, Pattern: form.LikeEscape(lq.Search), Sort: sortKeys[lq.Sort], Descending: lq.Desc,
		GeneralLabel: components.GeneralRecipient, RowLimit: PageSize, RowOffset: offset,
	})
	if err != nil {
		return l, err
	}
	for _, r := range rows {
		l.Rows = append(l.Rows, Summary{ID: r.ID, CreatedAt: r.CreatedAt, Sender: r.SenderService, Subject: r.Subject, Personal: r.Personal, Read: r.Read})
		l.Total = int(r.Total)
	}
	return l, nil
}

// openMessage loads a message the childminder may see and marks it read,
// in one statement (see OpenMessage); ok is false for any other message.
func openMessage(ctx context.Context, q *db.Queries, assmatID, id int64, now func() time.Time) (Message, bool, error) {
	r, err := q.OpenMessage(ctx, db.OpenMessageParams{AssmatID: assmatID, ID: id, Now: now()})
	if errors.Is(err, pgx.ErrNoRows) {
		return Message{}, false, nil
	}
	if err != nil {
		return Message{}, false, err
	}
	return Message{ID: r.ID, CreatedAt: r.CreatedAt, Sender: r.SenderService, Subject: r.Subject, Body: r.Body,
		Personal: r.Personal, Archived: r.Archived}, true, nil
}
