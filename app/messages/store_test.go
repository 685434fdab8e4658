package messages

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/db"
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
	var her int64
	if err := pool.QueryRow(ctx, `INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale,
		adresse, code_postal, commune) VALUES ('S00001', 'Madame', 'NOM', 'Prénom', '1980-01-01', 'Célibataire', '1 rue', '06000', 'Nice')
		RETURNING id`).Scan(&her); err != nil {
		t.Fatal(err)
	}
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
		lq   ListQuery
		want []string
	}{
		{ListQuery{Search: "canicule", Sort: components.MessagesSortDate, Desc: true, Page: 1}, []string{"Canicule : C", "Canicule : A", "Canicule : D", "Canicule : B"}},
		{ListQuery{Search: "canicule", Sort: components.MessagesSortDate, Desc: false, Page: 1}, []string{"Canicule : B", "Canicule : D", "Canicule : A", "Canicule : C"}},
		{ListQuery{Search: "canicule", Sort: components.MessagesSortSubject, Desc: false, Page: 1}, []string{"Canicule : A", "Canicule : B", "Canicule : C", "Canicule : D"}},
		{ListQuery{Search: "canicule", Sort: components.MessagesSortSubject, Desc: true, Page: 1}, []string{"Canicule : D", "Canicule : C", "Canicule : B", "Canicule : A"}},
		{ListQuery{Search: "canicule", Sort: components.MessagesSortDate, Desc: true, Page: 1, Archived: true}, nil},
		{ListQuery{Search: "can＿cule", Sort: components.MessagesSortDate, Desc: true, Page: 1}, nil},
		{ListQuery{Search: "can＿cule", Sort: components.MessagesSortDate, Desc: false, Page: 1}, nil},
		{ListQuery{Sort: components.MessagesSortDate, Desc: false, Page: 1}, append([]string{}, subjects...)},
		{ListQuery{Sort: components.MessagesSortDate, Desc: true, Page: 1}, []string{"Autre chose", "Canicule : C", "Canicule : A", "Canicule : D", "Canicule : B"}},
	} {
		l, err := loadList(ctx, q, her, c.lq)
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
