package messages_test

import (
	"context"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/messages"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// ListReceivedFirstPage and ListReceivedNewest (the default view's pages,
// read from the top of two indexes) and DashboardMessages answer exactly
// what ListMessages, which reads and sorts every message she may see,
// answers: the same rows in the same order, and the same total. The data has what can go
// wrong: archived general and personal messages, another childminder's
// personal messages, read states, and messages created at the same instant
// (the id breaks the tie).
func TestTheLatestViewsAgreeWithTheWholeList(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := pgtest.Pool(t)
	q := db.New(pool)
	her := seedMailbox(t, pool)
	type row struct {
		id         int64
		personal   bool
		read       bool
		total      int64
		subjectOne string
	}
	var all []row
	for page := int32(0); ; page++ {
		whole, err := q.ListMessages(ctx, db.ListMessagesParams{AssmatID: her, Sort: "date", Descending: true,
			GeneralLabel: "Tous", RowLimit: 20, RowOffset: page * 20})
		if err != nil {
			t.Fatal(err)
		}
		var latest []db.ListReceivedNewestRow
		if page == 0 {
			first, err := q.ListReceivedFirstPage(ctx, her)
			if err != nil {
				t.Fatal(err)
			}
			if len(first) != messages.PageSize {
				t.Fatalf("first page: %d rows, want messages.PageSize (%d), the 20 the query is written with", len(first), messages.PageSize)
			}
			for _, r := range first {
				latest = append(latest, db.ListReceivedNewestRow(r))
			}
		} else if latest, err = q.ListReceivedNewest(ctx, db.ListReceivedNewestParams{AssmatID: her, RowOffset: page * 20}); err != nil {
			t.Fatal(err)
		}
		var want, got []row
		for _, r := range whole {
			want = append(want, row{r.ID, r.Personal, r.Read, r.Total, r.Subject})
		}
		for _, r := range latest {
			got = append(got, row{r.ID, r.Personal, r.Read, r.Total, r.Subject})
		}
		if !slices.Equal(got, want) {
			t.Fatalf("page %d:\nlatest %v\nwhole  %v", page+1, got, want)
		}
		all = append(all, want...)
		if len(whole) < 20 {
			break
		}
	}
	// 130 general + 25 hers, less her archived ones.
	var visible int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM messages m WHERE (m.recipient_assmat_id IS NULL OR m.recipient_assmat_id = $1)
		AND NOT EXISTS (SELECT 1 FROM message_states s WHERE s.assmat_id = $1 AND s.message_id = m.id AND s.archived_at IS NOT NULL)`,
		her).Scan(&visible); err != nil {
		t.Fatal(err)
	}
	if len(all) != visible || visible < 100 || all[0].total != int64(visible) {
		t.Fatalf("%d rows listed, total %d, %d visible", len(all), all[0].total, visible)
	}
	dash, err := q.DashboardMessages(ctx, her)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range dash {
		if d.ID != all[i].id || d.Personal != all[i].personal || d.Read != all[i].read {
			t.Errorf("dashboard row %d: %+v, the list's %+v", i, d, all[i])
		}
	}
	if len(dash) != 5 {
		t.Errorf("dashboard: %d rows", len(dash))
	}
	// The menu's count uses the kept number of general messages: the same
	// as counting them, after inserts and deletes.
	if _, err := pool.Exec(ctx, `DELETE FROM messages WHERE recipient_assmat_id IS NULL AND id % 11 = 0`); err != nil {
		t.Fatal(err)
	}
	var kept, counted int64
	if err := pool.QueryRow(ctx, `SELECT (SELECT general FROM message_counts), (SELECT count(*) FROM messages WHERE recipient_assmat_id IS NULL)`).
		Scan(&kept, &counted); err != nil {
		t.Fatal(err)
	}
	if kept != counted {
		t.Errorf("message_counts.general %d, counted %d", kept, counted)
	}
}

// seedMailbox gives two childminders what can go wrong in a list: 130
// general messages (every third at the same instant as the one before: the
// id breaks the tie), 25 personal messages each, her read and archived
// states and the other's archived ones. Every subject holds "Général",
// "Personnel" or "Autre"; returns her id.
func seedMailbox(t *testing.T, pool *pgxpool.Pool) int64 {
	t.Helper()
	ctx := context.Background()
	her, other := insertAssmat(t, pool, "L00000"), insertAssmat(t, pool, "L00001")
	// 130 general messages (every third at the same instant as the one
	// before), 25 of hers, 25 of the other's.
	if _, err := pool.Exec(ctx, `INSERT INTO messages (sender_service, subject, body, recipient_assmat_id, created_at)
		SELECT 'S', 'Général ' || i, 'Texte', NULL, timestamptz '2026-01-01' + (i - i % 3) * interval '1 hour'
		FROM generate_series(1, 130) i
		UNION ALL
		SELECT 'S', 'Personnel ' || i, 'Texte', $1::bigint, timestamptz '2026-01-01' + (i * 5) * interval '1 hour' + interval '30 minutes'
		FROM generate_series(1, 25) i
		UNION ALL
		SELECT 'S', 'Autre ' || i, 'Texte', $2::bigint, timestamptz '2026-01-01' + i * interval '1 hour'
		FROM generate_series(1, 25) i`, her, other); err != nil {
		t.Fatal(err)
	}
	// She archived every 7th message she may see, read every 4th, and the
	// other childminder archived others.
	if _, err := pool.Exec(ctx, `INSERT INTO message_states (assmat_id, message_id, read_at, archived_at)
		SELECT $1::bigint, id, CASE WHEN id % 4 = 0 THEN now() END, CASE WHEN id % 7 = 0 THEN now() END
		FROM messages WHERE (recipient_assmat_id IS NULL OR recipient_assmat_id = $1) AND (id % 4 = 0 OR id % 7 = 0)
		UNION ALL
		SELECT $2::bigint, id, NULL, now() FROM messages WHERE recipient_assmat_id IS NULL AND id % 5 = 0`, her, other); err != nil {
		t.Fatal(err)
	}
	return her
}

// SearchMessagesNewest (a search as it opens: newest first) answers what
// SearchMessages sorted by date answers, in both boxes and on every page:
// the same rows in the same order, and the same total.
func TestTheNewestSearchAgreesWithTheSortedSearch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := pgtest.Pool(t)
	q := db.New(pool)
	her := seedMailbox(t, pool)
	for _, pattern := range []string{"1", "general", "texte", "personnel 2", "absent"} {
		for _, archived := range []bool{false, true} {
			var pages int
			for page := int32(0); ; page++ {
				sorted, err := q.SearchMessages(ctx, db.SearchMessagesParams{AssmatID: her, Archived: archived, Sort: "date", Descending: true,
					GeneralLabel: "Tous", RowLimit: 20, RowOffset: page * 20, Pattern: pattern})
				if err != nil {
					t.Fatal(err)
				}
				newest, err := q.SearchMessagesNewest(ctx, db.SearchMessagesNewestParams{AssmatID: her, Archived: archived,
					RowLimit: 20, RowOffset: page * 20, Pattern: pattern})
				if err != nil {
					t.Fatal(err)
				}
				want := make([]db.SearchMessagesNewestRow, 0, len(sorted))
				for _, r := range sorted {
					want = append(want, db.SearchMessagesNewestRow(r))
				}
				if !slices.Equal(newest, want) {
					t.Fatalf("%q, archived %v, page %d:\nnewest %+v\nsorted %+v", pattern, archived, page+1, newest, want)
				}
				if len(sorted) < 20 {
					break
				}
				pages++
			}
			if pattern == "texte" && !archived && pages < 5 {
				t.Errorf("%q: %d full pages, want every message she may see (more than 100)", pattern, pages)
			}
		}
	}
}

// plainList is ListMessages written the plain way, one condition on the
// whole table ("general or hers"): what the list means, the oracle of
// TestListMessagesAgreesWithThePlainQuery. (It is not the app's statement
// because PostgreSQL walked every message of the country for it at L.)
const plainList = `
SELECT m.id, (m.recipient_assmat_id IS NOT NULL)::bool, (s.read_at IS NOT NULL)::bool, count(*) OVER ()
FROM messages m
LEFT JOIN message_states s ON s.message_id = m.id AND s.assmat_id = $1
WHERE (m.recipient_assmat_id IS NULL OR m.recipient_assmat_id = $1) AND (s.archived_at IS NOT NULL) = $2
ORDER BY
    CASE WHEN $3 = 'date' AND NOT $4 THEN m.created_at END ASC,
    CASE WHEN $3 = 'date' AND $4 THEN m.created_at END DESC,
    CASE WHEN $3 = 'sender' AND NOT $4 THEN extranet_fold(m.sender_service) END ASC,
    CASE WHEN $3 = 'sender' AND $4 THEN extranet_fold(m.sender_service) END DESC,
    CASE WHEN $3 = 'recipient' AND NOT $4 THEN extranet_fold(CASE WHEN m.recipient_assmat_id IS NULL THEN 'Tous'
        ELSE (SELECT a.prenom || ' ' || a.nom FROM assmats a WHERE a.id = $1) END) END ASC,
    CASE WHEN $3 = 'recipient' AND $4 THEN extranet_fold(CASE WHEN m.recipient_assmat_id IS NULL THEN 'Tous'
        ELSE (SELECT a.prenom || ' ' || a.nom FROM assmats a WHERE a.id = $1) END) END DESC,
    CASE WHEN $3 = 'subject' AND NOT $4 THEN extranet_fold(m.subject) END ASC,
    CASE WHEN $3 = 'subject' AND $4 THEN extranet_fold(m.subject) END DESC,
    m.created_at DESC, m.id DESC
LIMIT 20 OFFSET $5`

// ListMessages, which reads the general messages and hers apart, and
// ListArchived, led by her archived states, answer what the plain query
// answers, for every sort, both orders, both boxes and every page.
func TestListMessagesAgreesWithThePlainQuery(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := pgtest.Pool(t)
	q := db.New(pool)
	her := seedMailbox(t, pool)
	// Senders and subjects out of date order, some equal, for the sorts.
	if _, err := pool.Exec(ctx, `UPDATE messages SET sender_service = (ARRAY['PMI', 'Relais', 'pmi', 'Élan'])[1 + id % 4],
		subject = (ARRAY['Zèbre', 'abricot', 'Été', 'zebre'])[1 + id % 4] || ' ' || (id % 3)`); err != nil {
		t.Fatal(err)
	}
	type row struct {
		id             int64
		personal, read bool
		total          int64
	}
	for _, sort := range []string{"date", "sender", "recipient", "subject"} {
		for _, desc := range []bool{false, true} {
			for _, archived := range []bool{false, true} {
				for page := int32(0); ; page++ {
					var rows []db.ListMessagesRow
					var err error
					if archived {
						var a []db.ListArchivedRow
						a, err = q.ListArchived(ctx, db.ListArchivedParams{AssmatID: her, Sort: sort, Descending: desc,
							GeneralLabel: "Tous", RowLimit: 20, RowOffset: page * 20})
						for _, r := range a {
							rows = append(rows, db.ListMessagesRow(r))
						}
					} else {
						rows, err = q.ListMessages(ctx, db.ListMessagesParams{AssmatID: her, Sort: sort, Descending: desc,
							GeneralLabel: "Tous", RowLimit: 20, RowOffset: page * 20})
					}
					if err != nil {
						t.Fatal(err)
					}
					var got, want []row
					for _, r := range rows {
						got = append(got, row{r.ID, r.Personal, r.Read, r.Total})
					}
					plain, err := pool.Query(ctx, plainList, her, archived, sort, desc, page*20)
					if err != nil {
						t.Fatal(err)
					}
					for plain.Next() {
						var r row
						if err := plain.Scan(&r.id, &r.personal, &r.read, &r.total); err != nil {
							t.Fatal(err)
						}
						want = append(want, r)
					}
					if err := plain.Err(); err != nil {
						t.Fatal(err)
					}
					if !slices.Equal(got, want) {
						t.Fatalf("%s, desc %v, archived %v, page %d:\ngot  %v\nwant %v", sort, desc, archived, page+1, got, want)
					}
					if len(rows) < 20 {
						break
					}
				}
			}
		}
	}
}

// insertAssmat adds a childminder of that identifier; returns her id.
func insertAssmat(t *testing.T, pool *pgxpool.Pool, login string) int64 {
	t.Helper()
	var id int64
	if err := pool.QueryRow(context.Background(), `INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale,
		adresse, code_postal, commune) VALUES ($1, 'Madame', 'NOM', 'Prénom', '1980-01-01', 'Célibataire', '1 rue', '06000', 'Nice')
		RETURNING id`, login).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}
