package benchdata

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
)

// writer copies the plan's tables, one COPY each, in the load's transaction.
type writer struct {
	tx   pgx.Tx
	p    *plan
	base map[string]int64 // table → its max(id) before the load
	hash string
	rep  *Report
	logf func(string, ...any)
}

func (w *writer) copy(ctx context.Context, table string, columns []string, src *rowSource) error {
	start := time.Now()
	n, err := w.tx.CopyFrom(ctx, pgx.Identifier{table}, columns, src)
	if err == nil {
		err = src.Err()
	}
	if err != nil {
		return fmt.Errorf("copy %s: %w", table, err)
	}
	w.rep.Rows[table] = n
	w.logf("%-15s %9d rows in %s", table, n, time.Since(start).Round(time.Millisecond))
	return nil
}

func (w *writer) assmatID(i int) int64 { return w.base["assmats"] + 1 + int64(i) }

func (w *writer) assmats(ctx context.Context) error {
	cols := []string{"id", "login", "civilite", "nom", "prenom", "date_naissance", "situation_familiale",
		"adresse", "code_postal", "commune", "email", "password_hash"}
	return w.copy(ctx, "assmats", cols, newSource(w.p.scale.Assmats, len(cols), func(i int, row []any) error {
		a := w.p.assmat(i)
		var email any
		if a.Email != nil {
			email = *a.Email
		}
		row[0], row[1], row[2], row[3], row[4], row[5] = w.assmatID(i), a.Login, a.Civility, a.LastName, a.FirstName, a.Birth
		row[6], row[7], row[8], row[9], row[10], row[11] = a.Marital, a.Street, a.Town.Postcode, a.Town.Name, email, w.hash
		return nil
	}))
}

func (w *writer) agrements(ctx context.Context) error {
	cols := []string{"id", "assmat_id", "numero", "statut", "date_premiere_delivrance", "date_debut_validite", "date_fin_validite",
		"capacite_totale", "capacite_moins_3_ans", "capacite_plus_3_ans", "lieu_exercice", "mam_nom",
		"lieu_adresse", "lieu_code_postal", "lieu_commune", "derogations"}
	return w.copy(ctx, "agrements", cols, newSource(w.p.scale.Agrements, len(cols), func(k int, row []any) error {
		g := w.p.agrement(k)
		row[0], row[1], row[2], row[3], row[4], row[5], row[6] = w.base["agrements"]+1+int64(k), w.assmatID(g.AssmatIndex),
			g.Numero, g.Status, g.First, g.Start, g.End
		row[7], row[8], row[9], row[10], row[11] = int32(g.Total), int32(g.Under3), int32(g.Over3), g.Place, g.MamName
		row[12], row[13], row[14], row[15] = g.Street, g.Postcode, g.Town, g.Derogations
		return nil
	}))
}

func (w *writer) childID(c int) int64 { return w.base["children"] + 1 + int64(c) }

func (w *writer) children(ctx context.Context) error {
	cols := []string{"id", "assmat_id", "nom", "prenom", "date_naissance",
		"guardian1_civilite", "guardian1_nom", "guardian1_prenom", "guardian1_email", "guardian1_phone",
		"guardian2_civilite", "guardian2_nom", "guardian2_prenom", "guardian2_email", "guardian2_phone",
		"adresse", "code_postal", "commune", "has_secondary_address", "secondary_adresse", "secondary_code_postal", "secondary_commune",
		"declared_at", "declared_late", "updated_at"}
	return w.copy(ctx, "children", cols, newSource(w.p.scale.Children, len(cols), func(c int, row []any) error {
		ch := w.p.child(c)
		row[0], row[1], row[2], row[3], row[4] = w.childID(c), w.assmatID(ch.AssmatIndex), ch.LastName, ch.FirstName, ch.Birth
		row[5], row[6], row[7], row[8], row[9] = "Madame", ch.LastName, ch.G1First, ch.G1Email, ch.G1Phone
		row[10], row[11], row[12], row[13], row[14] = ch.G2Civ, ch.G2Last, ch.G2First, ch.G2Email, ch.G2Phone
		row[15], row[16], row[17], row[18], row[19], row[20], row[21] = ch.Street, ch.Postcode, ch.Town, ch.Secondary, ch.Street2, ch.Postcode2, ch.Town2
		row[22], row[23], row[24] = ch.DeclaredAt, ch.DeclaredLate, ch.DeclaredAt
		return nil
	}))
}

// periods walks the children again, in the same order, for their periods.
func (w *writer) periods(ctx context.Context) error {
	cols := []string{"id", "child_id", "kind", "start_date", "end_date", "hours_per_month", "comment", "position"}
	c, k := -1, 0
	var ch child
	return w.copy(ctx, "care_periods", cols, newSource(w.p.scale.Periods, len(cols), func(i int, row []any) error {
		for c < 0 || k >= len(ch.Periods) {
			c, k = c+1, 0
			if c >= w.p.scale.Children {
				return fmt.Errorf("period %d: no child left", i)
			}
			ch = w.p.child(c)
		}
		pe := ch.Periods[k]
		var end, hours any
		if pe.End != nil {
			end = *pe.End
		}
		if pe.Hours != nil {
			hours = *pe.Hours
		}
		row[0], row[1], row[2], row[3], row[4] = w.base["care_periods"]+1+int64(i), w.childID(c), pe.Kind, pe.Start, end
		row[5], row[6], row[7] = hours, pe.Comment, int32(k)
		k++
		return nil
	}))
}

func (w *writer) messageID(pos int32) int64 { return w.base["messages"] + 1 + int64(pos) }

func (w *writer) messages(ctx context.Context) error {
	cols := []string{"id", "sender_service", "subject", "body", "recipient_assmat_id", "created_at"}
	return w.copy(ctx, "messages", cols, newSource(len(w.p.msgs), len(cols), func(pos int, row []any) error {
		m := w.p.message(pos)
		var to any
		if m.Recipient >= 0 {
			to = w.assmatID(m.Recipient)
		}
		row[0], row[1], row[2], row[3], row[4], row[5] = w.messageID(int32(pos)), m.Sender, m.Subject, m.Body, to, m.CreatedAt
		return nil
	}))
}

// states gives each childminder her share of the states (about the
// average, some more, some fewer), on messages she may see: most of her
// personal ones first, then general ones, recent ones more often. Most are
// read, some archived, a few archived unread.
func (w *writer) states(ctx context.Context) error {
	s := w.p.scale
	general := w.p.generalPositions()
	// One childminder's states at a time, in the primary key's order.
	type state struct {
		pos      int32
		read     bool
		archived bool
	}
	var batch []state
	a, produced, k := -1, 0, 0
	avg := s.States / s.Assmats
	now := time.Date(w.p.today.Year(), w.p.today.Month(), w.p.today.Day(), 9, 0, 0, 0, time.UTC)
	var r *rand.Rand
	next := func() error {
		for k >= len(batch) {
			a, k, batch = a+1, 0, batch[:0]
			if a >= s.Assmats {
				return fmt.Errorf("states: %d produced, want %d", produced, s.States)
			}
			r = rng(w.p.seed, kindState, a)
			// Her share: what keeps the running total on target, give or take.
			want := int(int64(s.States)*int64(a+1)/int64(s.Assmats)) - produced
			if a < s.Assmats-1 && avg > 1 {
				want += r.IntN(avg+1) - avg/2
			}
			own := w.p.personal[w.p.personalAt[a]:w.p.personalAt[a+1]]
			want = max(0, min(want, len(own)+len(general)))
			seen := map[int32]bool{}
			for _, pos := range own {
				if len(batch) < want && chance(r, 85) {
					batch = append(batch, state{pos: pos})
					seen[pos] = true
				}
			}
			for len(batch) < want {
				// Recent general messages are read by more childminders.
				u := r.Float64()
				pos := general[len(general)-1-int(u*u*float64(len(general)))]
				if !seen[pos] {
					seen[pos] = true
					batch = append(batch, state{pos: pos})
				}
			}
			for i := range batch {
				batch[i].archived = chance(r, 15)
				batch[i].read = !batch[i].archived || chance(r, 60)
			}
			// The primary key's order: message ids grow with positions.
			slices.SortFunc(batch, func(x, y state) int { return int(x.pos - y.pos) })
			produced += len(batch)
		}
		return nil
	}
	cols := []string{"assmat_id", "message_id", "read_at", "archived_at"}
	return w.copy(ctx, "message_states", cols, newSource(s.States, len(cols), func(i int, row []any) error {
		if err := next(); err != nil {
			return err
		}
		st := batch[k]
		k++
		created := w.p.msgTime(w.p.msgs[st.pos])
		at := created.Add(time.Duration(1+r.IntN(20*24*60)) * time.Minute)
		if at.After(now) {
			at = now
		}
		var read, archived any
		if st.read {
			read = at
		}
		if st.archived {
			archived = at.Add(time.Duration(r.IntN(10*24*60)) * time.Minute)
			if archived.(time.Time).After(now) {
				archived = now
			}
		}
		row[0], row[1], row[2], row[3] = w.assmatID(a), w.messageID(st.pos), read, archived
		return nil
	}))
}
