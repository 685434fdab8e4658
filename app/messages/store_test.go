package messages_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/messages"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
	"github.com/departement06/extranet-assmat/components"
)

// loadList sends each view to the statement that answers it in its order:
// a search newest first to SearchMessagesNewest, a search oldest first or by
// another column to SearchMessages, and the same without a search. A
// dispatch that took the newest-first statement for an ascending search
// would list the newest first. What is typed is text: "＿" folds to LIKE's
// "_", and matches no one.
func TestLoadListAnswersEachOrder(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := pgtest.Pool(t)
	her := insertAssmat(t, pool, "S00001")
	// Subjects out of date order, so that each sort gives another order.
	subjects := []string{"Canicule : B", "Canicule : D", "Canicule : A", "Canicule : C", "Autre chose"}
	for i, s := range subjects {
		if _, err := pool.Exec(ctx, `INSERT INTO messages (sender_service, subject, body, created_at) VALUES ('S', $1, 'Texte', $2)`,
			s, time.Date(2026, 1, 1+i, 9, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
	}
	q := db.New(pool)
	for _, c := range []struct {
		lq   messages.ListQuery
		want []string
	}{
		{messages.ListQuery{Search: "canicule", Sort: components.MessagesSortDate, Desc: true, Page: 1}, []string{"Canicule : C", "Canicule : A", "Canicule : D", "Canicule : B"}},
		{messages.ListQuery{Search: "canicule", Sort: components.MessagesSortDate, Desc: false, Page: 1}, []string{"Canicule : B", "Canicule : D", "Canicule : A", "Canicule : C"}},
		{messages.ListQuery{Search: "canicule", Sort: components.MessagesSortSubject, Desc: false, Page: 1}, []string{"Canicule : A", "Canicule : B", "Canicule : C", "Canicule : D"}},
		{messages.ListQuery{Search: "canicule", Sort: components.MessagesSortSubject, Desc: true, Page: 1}, []string{"Canicule : D", "Canicule : C", "Canicule : B", "Canicule : A"}},
		{messages.ListQuery{Search: "canicule", Sort: components.MessagesSortDate, Desc: true, Page: 1, Archived: true}, nil},
		{messages.ListQuery{Search: "can＿cule", Sort: components.MessagesSortDate, Desc: true, Page: 1}, nil},
		{messages.ListQuery{Search: "can＿cule", Sort: components.MessagesSortDate, Desc: false, Page: 1}, nil},
		{messages.ListQuery{Sort: components.MessagesSortDate, Desc: false, Page: 1}, append([]string{}, subjects...)},
		{messages.ListQuery{Sort: components.MessagesSortDate, Desc: true, Page: 1}, []string{"Autre chose", "Canicule : C", "Canicule : A", "Canicule : D", "Canicule : B"}},
	} {
		l, err := messages.LoadList(ctx, q, her, c.lq)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range l.Rows {
			got = append(got, r.Subject)
		}
		if !slices.Equal(got, c.want) || l.Total != len(c.want) {
			t.Errorf("%+v: %q (total %d), want %q", c.lq, got, l.Total, c.want)
		}
	}
}
