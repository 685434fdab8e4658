package db_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// The same opening, archive and restore sent 20 times at once, by two
// childminders on the same general message and on their own, leave the kept
// counts (migration 0011) as 20 sequential ones would: each state counted
// once, the menu's unread number equal to a count from the tables.
func TestParallelReadsAndArchivesKeepTheCountsExact(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := pgtest.Pool(t)
	var a, b, general, personalA, archivedB int64
	if err := pool.QueryRow(ctx, `WITH a AS (
			INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale, adresse, code_postal, commune, password_hash)
			VALUES ('P1', 'Madame', 'NOM', 'Prénom', '1980-01-01', 'Célibataire', '1 rue', '06000', 'Nice', 'x'),
			       ('P2', 'Madame', 'NOM', 'Prénom', '1980-01-01', 'Célibataire', '1 rue', '06000', 'Nice', 'x')
			RETURNING id)
		SELECT min(id), max(id) FROM a`).Scan(&a, &b); err != nil {
		t.Fatal(err)
	}
	insert := func(recipient *int64) int64 {
		var id int64
		if err := pool.QueryRow(ctx, `INSERT INTO messages (sender_service, subject, body, recipient_assmat_id, created_at)
			VALUES ('PMI', 'Objet', 'Texte', $1, now()) RETURNING id`, recipient).Scan(&id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	general, personalA, archivedB = insert(nil), insert(&a), insert(&b)
	q := db.New(pool)
	if _, err := q.ArchiveMessage(ctx, db.ArchiveMessageParams{ID: archivedB, AssmatID: b, Now: time.Now()}); err != nil {
		t.Fatal(err)
	}

	var wg sync.WaitGroup
	errs := make(chan error, 20*5)
	for range 20 {
		wg.Add(5)
		go func() {
			defer wg.Done()
			errs <- q.MarkMessageRead(ctx, db.MarkMessageReadParams{AssmatID: a, ID: general, Now: time.Now()})
		}()
		go func() {
			defer wg.Done()
			errs <- q.MarkMessageRead(ctx, db.MarkMessageReadParams{AssmatID: b, ID: general, Now: time.Now()})
		}()
		go func() {
			defer wg.Done()
			errs <- q.MarkMessageRead(ctx, db.MarkMessageReadParams{AssmatID: a, ID: personalA, Now: time.Now()})
		}()
		go func() {
			defer wg.Done()
			_, err := q.ArchiveMessage(ctx, db.ArchiveMessageParams{ID: personalA, AssmatID: a, Now: time.Now()})
			errs <- err
		}()
		go func() {
			defer wg.Done()
			_, err := q.RestoreMessage(ctx, db.RestoreMessageParams{ID: archivedB, AssmatID: b})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}

	for _, who := range []struct {
		name       string
		id         int64
		wantSeen   int64
		wantUnread int32
	}{
		// A: the general message read, her own read and archived.
		{"A", a, 2, 0},
		// B: the general message read; hers restored, never read.
		{"B", b, 1, 1},
	} {
		var personal, seen, keptPersonal, keptSeen int64
		if err := pool.QueryRow(ctx, `SELECT
			(SELECT count(*) FROM messages WHERE recipient_assmat_id = $1),
			(SELECT count(*) FROM message_states WHERE assmat_id = $1 AND (read_at IS NOT NULL OR archived_at IS NOT NULL)),
			k.personal, k.seen
			FROM assmat_message_counts k WHERE k.assmat_id = $1`, who.id).Scan(&personal, &seen, &keptPersonal, &keptSeen); err != nil {
			t.Fatal(err)
		}
		if keptPersonal != personal || keptSeen != seen || seen != who.wantSeen {
			t.Errorf("%s: personal %d kept %d; read or archived %d kept %d, want %d",
				who.name, personal, keptPersonal, seen, keptSeen, who.wantSeen)
		}
		// The menu's number, as the session's statement reads it.
		key := make([]byte, 32)
		key[0] = byte(who.id)
		if _, err := pool.Exec(ctx, `INSERT INTO sessions (k, user_id, login_at, seen_at) VALUES ($1, $2, now(), now())`, key, who.id); err != nil {
			t.Fatal(err)
		}
		me, err := q.GetAssmat(ctx, db.GetAssmatParams{SessionKey: key, ID: who.id})
		if err != nil {
			t.Fatal(err)
		}
		if me.UnreadMessages != who.wantUnread {
			t.Errorf("%s: menu's unread count %d, want %d", who.name, me.UnreadMessages, who.wantUnread)
		}
	}
}
