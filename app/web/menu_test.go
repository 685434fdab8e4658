package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/components/paths"
)

// The menu counts the unread received messages: a general message without a
// state row is unread, a read or archived one is not, another childminder's
// personal message does not count. The count rides on the query that loads
// the signed-in user: the dashboard stays within its round trips.
func TestTheMenuCountsUnreadMessages(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	ctx := context.Background()
	var a, b int64
	env.QueryRow(`SELECT id FROM assmats WHERE login = '100001'`, nil, &a)
	env.QueryRow(`SELECT id FROM assmats WHERE login = '100002'`, nil, &b)
	if _, err := env.Pool.Exec(ctx, `DELETE FROM messages`); err != nil {
		t.Fatal(err)
	}
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	menu := func() (string, string) {
		t.Helper()
		link := c.Get(paths.Dashboard).Doc.Find(`nav.menu a[href="/messages"]`)
		return strings.Join(strings.Fields(link.Text()), " "), strings.TrimSpace(link.Find(".visually-hidden").Text())
	}
	if text, _ := menu(); text != "MESSAGES" {
		t.Errorf("no message: menu says %q", text)
	}
	var read, archived int64
	for i, m := range []struct {
		to      *int64
		subject string
	}{{nil, "Général non lu"}, {nil, "Général lu"}, {&a, "Personnel non lu"}, {&a, "Personnel archivé"}, {&b, "Pour une autre"}} {
		var id int64
		if err := env.Pool.QueryRow(ctx, `INSERT INTO messages (sender_service, subject, body, recipient_assmat_id) VALUES ('Service', $1, 'Texte', $2) RETURNING id`,
			m.subject, m.to).Scan(&id); err != nil {
			t.Fatal(err)
		}
		switch i {
		case 1:
			read = id
		case 3:
			archived = id
		}
	}
	if _, err := env.Pool.Exec(ctx, `INSERT INTO message_states (assmat_id, message_id, read_at) VALUES ($1, $2, now())`, a, read); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Pool.Exec(ctx, `INSERT INTO message_states (assmat_id, message_id, archived_at) VALUES ($1, $2, now())`, a, archived); err != nil {
		t.Fatal(err)
	}
	env.Trips.Reset()
	text, spoken := menu()
	if text != "MESSAGES (2) , 2 messages non lus" || spoken != ", 2 messages non lus" {
		t.Errorf("menu says %q (spoken part %q), want MESSAGES (2) and « 2 messages non lus »", text, spoken)
	}
	if n := env.Trips.Trips(); n > 3 {
		t.Errorf("dashboard with the count: %d round trips", n)
	}
}
