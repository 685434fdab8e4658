package children

import (
	"context"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/components"
)

// ListItem is a child as the lists show it.
type ListItem struct {
	ID        int64
	LastName  string
	FirstName string
	Born      time.Time
	Periods   []Period
}

// List is the children of a childminder split by today's date.
type List struct {
	Current, History []ListItem
	Capacity         int
	MaxSimultaneous  int
	// Truncated: the childminder has more periods than one page reads
	// (maxListRows); the list says so rather than cut in silence.
	Truncated bool
	// HistoryPage is the page of the history shown (1 first), of
	// HistoryPages; HistoryTotal counts the children of the whole history.
	HistoryPage, HistoryPages, HistoryTotal int
}

// HistoryPageSize is the number of children of the history one page shows:
// the history only grows, year after year. The page says it (components).
const HistoryPageSize = components.HistoryPageSize

// maxListRows bounds the period rows the list page reads (a childminder has
// a few dozen; this only guards the page against a runaway account).
const maxListRows = 5000

// loadList reads the list page in one query: the current children and the
// given page of the history (1 first).
func loadList(ctx context.Context, q *db.Queries, assmatID int64, today time.Time, historyPage int) (List, error) {
	rows, err := q.ListChildrenPeriods(ctx, db.ListChildrenPeriodsParams{AssmatID: assmatID, Today: today, MaxRows: maxListRows + 1,
		HistorySize: HistoryPageSize, HistoryOffset: int32((historyPage - 1) * HistoryPageSize)})
	if err != nil {
		return List{}, err
	}
	l := List{HistoryPage: historyPage}
	if len(rows) > 0 {
		l.HistoryTotal = int(rows[0].HistoryTotal)
		l.HistoryPages = (l.HistoryTotal + HistoryPageSize - 1) / HistoryPageSize
	}
	if len(rows) > maxListRows {
		// One row more than shown says the list is cut. The last child's
		// periods may be cut too: drop that child rather than file it
		// under the wrong list.
		l.Truncated = true
		rows = rows[:maxListRows]
		last := rows[len(rows)-1].ID
		for len(rows) > 0 && rows[len(rows)-1].ID == last {
			rows = rows[:len(rows)-1]
		}
	}
	var all []ListItem
	for _, r := range rows {
		if len(all) == 0 || all[len(all)-1].ID != r.ID {
			all = append(all, ListItem{ID: r.ID, LastName: r.Nom, FirstName: r.Prenom, Born: r.DateNaissance})
		}
		it := &all[len(all)-1]
		it.Periods = append(it.Periods, Period{Kind: string(r.Kind), Start: r.StartDate, End: r.EndDate})
		l.Capacity = int(r.Capacity)
	}
	var current [][]Period
	for _, it := range all {
		if Current(it.Periods, today) {
			l.Current = append(l.Current, it)
			current = append(current, it.Periods)
		} else {
			l.History = append(l.History, it)
		}
	}
	l.MaxSimultaneous = MaxSimultaneous(current, today)
	return l, nil
}

// loadChild reads one child of the childminder; ok is false when there is no
// such child of hers.
func loadChild(ctx context.Context, q *db.Queries, id, assmatID int64) (ch Child, ok bool, err error) {
	rows, err := q.GetChildWithPeriods(ctx, db.GetChildWithPeriodsParams{ID: id, AssmatID: assmatID})
	if err != nil || len(rows) == 0 {
		return Child{}, false, err
	}
	r := rows[0]
	ch = Child{
		ID: r.ID, LastName: r.Nom, FirstName: r.Prenom, Born: r.DateNaissance,
		G1:           Guardian{r.Guardian1Civilite, r.Guardian1Nom, r.Guardian1Prenom, r.Guardian1Email, r.Guardian1Phone},
		G2:           Guardian{r.Guardian2Civilite, r.Guardian2Nom, r.Guardian2Prenom, r.Guardian2Email, r.Guardian2Phone},
		Main:         Address{r.Adresse, r.CodePostal, r.Commune},
		HasSecondary: r.HasSecondaryAddress,
		Secondary:    Address{r.SecondaryAdresse, r.SecondaryCodePostal, r.SecondaryCommune},
		Version:      r.Version, DeclaredAt: r.DeclaredAt, DeclaredLate: r.DeclaredLate,
	}
	for _, r := range rows {
		p := Period{Kind: string(r.Kind), Start: r.StartDate, End: r.EndDate, Comment: r.Comment}
		if r.HoursPerMonth != nil {
			h := int(*r.HoursPerMonth)
			p.Hours = &h
		}
		ch.Periods = append(ch.Periods, p)
	}
	return ch, true, nil
}

func childFields(ch Child) (g1, g2 Guardian, sec Address) {
	if ch.HasSecondary {
		sec = ch.Secondary
	}
	return ch.G1, ch.G2, sec
}

// createChild saves a new child and its periods in one transaction.
func createChild(ctx context.Context, tx pgx.Tx, assmatID int64, ch Child, now, today time.Time) (int64, error) {
	q := db.New(tx)
	g1, g2, sec := childFields(ch)
	id, err := q.CreateChild(ctx, db.CreateChildParams{
		AssmatID: assmatID, Nom: ch.LastName, Prenom: ch.FirstName, DateNaissance: ch.Born,
		Guardian1Civilite: g1.Civility, Guardian1Nom: g1.LastName, Guardian1Prenom: g1.FirstName, Guardian1Email: g1.Email, Guardian1Phone: g1.Phone,
		Guardian2Civilite: g2.Civility, Guardian2Nom: g2.LastName, Guardian2Prenom: g2.FirstName, Guardian2Email: g2.Email, Guardian2Phone: g2.Phone,
		Adresse: ch.Main.Street, CodePostal: ch.Main.Postcode, Commune: ch.Main.Town,
		HasSecondaryAddress: ch.HasSecondary, SecondaryAdresse: sec.Street, SecondaryCodePostal: sec.Postcode, SecondaryCommune: sec.Town,
		Now: now, DeclaredLate: DeclaredLate(ch.Periods, today),
	})
	if err != nil {
		return 0, err
	}
	return id, q.CreateCarePeriods(ctx, periodParams(id, ch.Periods))
}

// updateChild saves an edit if the version still matches and the child is
// current; saved is false otherwise (the caller finds out why).
func updateChild(ctx context.Context, tx pgx.Tx, assmatID int64, ch Child, now, today time.Time) (saved bool, err error) {
	q := db.New(tx)
	g1, g2, sec := childFields(ch)
	n, err := q.UpdateChild(ctx, db.UpdateChildParams{
		ID: ch.ID, AssmatID: assmatID, Version: ch.Version, Today: today, Now: now,
		Nom: ch.LastName, Prenom: ch.FirstName, DateNaissance: ch.Born,
		Guardian1Civilite: g1.Civility, Guardian1Nom: g1.LastName, Guardian1Prenom: g1.FirstName, Guardian1Email: g1.Email, Guardian1Phone: g1.Phone,
		Guardian2Civilite: g2.Civility, Guardian2Nom: g2.LastName, Guardian2Prenom: g2.FirstName, Guardian2Email: g2.Email, Guardian2Phone: g2.Phone,
		Adresse: ch.Main.Street, CodePostal: ch.Main.Postcode, Commune: ch.Main.Town,
		HasSecondaryAddress: ch.HasSecondary, SecondaryAdresse: sec.Street, SecondaryCodePostal: sec.Postcode, SecondaryCommune: sec.Town,
	})
	if err != nil || n == 0 {
		return false, err
	}
	if err := q.DeleteCarePeriods(ctx, ch.ID); err != nil {
		return false, err
	}
	return true, q.CreateCarePeriods(ctx, periodParams(ch.ID, ch.Periods))
}

func periodParams(childID int64, periods []Period) db.CreateCarePeriodsParams {
	p := db.CreateCarePeriodsParams{ChildID: childID}
	for i, per := range periods {
		end, hours := "", ""
		if per.End != nil {
			end = per.End.Format(time.DateOnly)
		}
		if per.Hours != nil {
			hours = strconv.Itoa(*per.Hours)
		}
		p.Kinds = append(p.Kinds, per.Kind)
		p.Starts = append(p.Starts, per.Start.Format(time.DateOnly))
		p.Ends = append(p.Ends, end)
		p.Hours = append(p.Hours, hours)
		p.Comments = append(p.Comments, per.Comment)
		p.Positions = append(p.Positions, int32(i))
	}
	return p
}
