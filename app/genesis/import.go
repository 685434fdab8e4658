package genesis

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/audit"
)

var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// Import reads a Genesis export from r, checks every row, and applies it in
// one transaction: all of it, or nothing when any row has a problem (the
// report lists them all, by line and column). The file is streamed into a
// staging table by COPY and applied by set-based upserts, so that memory does
// not grow with the file. A dry run does all of it and rolls back.
//
// The error is for what is not the file's fault (the database, a read
// error); a bad file is a report with Problems and a nil error.
func Import(ctx context.Context, pool *pgxpool.Pool, r io.Reader, opts Options) (Report, error) {
	rep := Report{DryRun: opts.DryRun}
	hash := sha256.New()
	src := newCopySource(io.TeeReader(r, hash), &rep, time.Now().In(paris))

	tx, err := pool.Begin(ctx)
	if err != nil {
		return rep, err
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // a no-op after Commit

	// One import at a time: a second one waits for the first to end, so
	// that its report is computed against what the first one wrote.
	if _, err := tx.Exec(ctx, sqlLock); err != nil {
		return rep, fmt.Errorf("genesis: lock: %w", err)
	}
	if _, err := tx.Exec(ctx, sqlCreateStage); err != nil {
		return rep, fmt.Errorf("genesis: staging table: %w", err)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"genesis_stage"}, stageColumns, src); err != nil {
		if src.readErr != nil {
			return rep, fmt.Errorf("genesis: reading the file: %w", src.readErr)
		}
		return rep, fmt.Errorf("genesis: copy: %w", err)
	}
	// The hash covers the whole file, even after a line that stopped the reading.
	if _, err := io.Copy(io.Discard, src.raw); err != nil {
		return rep, fmt.Errorf("genesis: reading the file: %w", err)
	}
	rep.SHA256 = hex.EncodeToString(hash.Sum(nil))
	if src.headerOK && rep.Rows == 0 {
		src.problem(0, "", "le fichier ne contient aucune ligne d'agrément.")
	}
	if src.headerOK {
		if _, err := tx.Exec(ctx, sqlIndexStage); err != nil {
			return rep, fmt.Errorf("genesis: staging indexes: %w", err)
		}
		if err := crossRowChecks(ctx, tx, src); err != nil {
			return rep, err
		}
	}
	if len(rep.Problems) > 0 {
		sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].Line < rep.Problems[j].Line })
		return rep, nil // the deferred rollback drops the staging table
	}

	var distinct int
	if err := tx.QueryRow(ctx, sqlUpsertAssmats).Scan(&rep.Created.Assmats, &rep.Updated.Assmats, &distinct); err != nil {
		return rep, fmt.Errorf("genesis: childminders: %w", err)
	}
	rep.Unchanged.Assmats = distinct - rep.Created.Assmats - rep.Updated.Assmats
	if err := tx.QueryRow(ctx, sqlUpsertAgrements).Scan(&rep.Created.Agrements, &rep.Updated.Agrements); err != nil {
		return rep, fmt.Errorf("genesis: agréments: %w", err)
	}
	rep.Unchanged.Agrements = rep.Rows - rep.Created.Agrements - rep.Updated.Agrements
	if rep.Missing.Assmats, err = strings1(ctx, tx, sqlMissingAssmats); err != nil {
		return rep, fmt.Errorf("genesis: missing childminders: %w", err)
	}
	if rep.Missing.Agrements, err = strings1(ctx, tx, sqlMissingAgrements); err != nil {
		return rep, fmt.Errorf("genesis: missing agréments: %w", err)
	}
	if opts.DryRun {
		return rep, nil // rolled back: the same report, nothing written
	}
	if err := record(ctx, tx, opts, rep); err != nil {
		return rep, err
	}
	return rep, tx.Commit(ctx)
}

// record writes the import's audit line, in its transaction.
func record(ctx context.Context, tx pgx.Tx, opts Options, rep Report) error {
	details := map[string]any{
		"fichier": opts.FileName, "sha256": rep.SHA256, "lignes": rep.Rows,
		"assmats_crees": rep.Created.Assmats, "assmats_modifies": rep.Updated.Assmats, "assmats_inchanges": rep.Unchanged.Assmats,
		"agrements_crees": rep.Created.Agrements, "agrements_modifies": rep.Updated.Agrements, "agrements_inchanges": rep.Unchanged.Agrements,
		"assmats_absents": len(rep.Missing.Assmats), "agrements_absents": len(rep.Missing.Agrements),
	}
	target := "import:" + rep.SHA256
	if opts.AgentID != 0 {
		return audit.Record(ctx, tx, opts.AgentID, audit.Import, target, details)
	}
	js, err := json.Marshal(details)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, sqlAuditCLI, string(audit.Import), target, js)
	return err
}

// crossRowChecks finds, in the staging table, what no single row shows: a
// childminder whose identity differs between her rows, an agrément number on
// two rows.
func crossRowChecks(ctx context.Context, tx pgx.Tx, src *copySource) error {
	checks := []struct {
		sql, col string
		msg      func(first int) string
	}{
		{sqlIdentityMismatch, Columns[colIdentifiant], func(first int) string {
			return fmt.Sprintf("l'identité de cette assistante maternelle (civilité, nom, prénom, date de naissance, situation familiale, adresse, code postal, commune, email) diffère de celle de sa ligne %d : elle doit être la même sur toutes ses lignes.", first)
		}},
		{sqlDuplicateNumero, Columns[colNumero], func(first int) string {
			return fmt.Sprintf("ce numéro d'agrément figure déjà ligne %d : un agrément n'a qu'une ligne.", first)
		}},
	}
	for _, c := range checks {
		rows, err := tx.Query(ctx, c.sql, MaxProblems+1)
		if err != nil {
			return fmt.Errorf("genesis: checks: %w", err)
		}
		var line, first int
		_, err = pgx.ForEachRow(rows, []any{&line, &first}, func() error {
			src.problem(line, c.col, c.msg(first))
			return nil
		})
		if err != nil {
			return fmt.Errorf("genesis: checks: %w", err)
		}
	}
	return nil
}

func strings1(ctx context.Context, tx pgx.Tx, sql string) ([]string, error) {
	rows, err := tx.Query(ctx, sql)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// copySource streams the file's valid rows into COPY, one at a time: it reads
// and checks a record, keeps its problems in the report, and hands COPY only
// the rows without any (the file is refused anyway when one has some, but
// every line is still checked so that all problems are reported).
type copySource struct {
	raw      io.Reader // the rest of the file, for the hash
	csv      *csv.Reader
	rep      *Report
	today    time.Time
	order    [nColumns]int // file position of each of Columns
	headerOK bool
	done     bool
	readErr  error
	values   []any
	rec      [nColumns]string
}

var bom = []byte{0xEF, 0xBB, 0xBF}

func newCopySource(r io.Reader, rep *Report, today time.Time) *copySource {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, bom) {
		_, _ = br.Discard(3)
	}
	c := csv.NewReader(br)
	c.Comma = ';'
	c.FieldsPerRecord = -1 // counted here, to say it in French
	c.ReuseRecord = true
	return &copySource{raw: br, csv: c, rep: rep, today: today, values: make([]any, len(stageColumns))}
}

func (s *copySource) problem(line int, col, msg string) {
	if len(s.rep.Problems) >= MaxProblems {
		s.rep.MoreProblems++
		return
	}
	s.rep.Problems = append(s.rep.Problems, Problem{Line: line, Column: col, Message: msg})
}

// readHeader maps the header's columns (any order, any case) to Columns.
func (s *copySource) readHeader() bool {
	head, err := s.csv.Read()
	if errors.Is(err, io.EOF) {
		s.problem(1, "", "le fichier est vide : il doit commencer par la ligne d'en-tête ("+strings.Join(Columns, ";")+").")
		return false
	}
	if err != nil {
		s.csvError(err)
		return false
	}
	for i := range s.order {
		s.order[i] = -1
	}
	ok := true
	for pos, name := range head {
		name = strings.ToLower(strings.TrimSpace(name))
		i := indexOf(Columns, name)
		switch {
		case i < 0:
			s.problem(1, name, "colonne inconnue (les colonnes attendues sont : "+strings.Join(Columns, ";")+").")
			ok = false
		case s.order[i] >= 0:
			s.problem(1, name, "colonne en double.")
			ok = false
		default:
			s.order[i] = pos
		}
	}
	for i, pos := range s.order {
		if pos < 0 {
			s.problem(1, Columns[i], "colonne manquante dans la ligne d'en-tête.")
			ok = false
		}
	}
	return ok
}

func (s *copySource) csvError(err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		s.problem(pe.StartLine, "", "format CSV invalide (guillemet mal placé) : la lecture du fichier s'arrête à cette ligne.")
		return
	}
	s.readErr = err
}

// Next reads records until a valid one, or the end of the file.
func (s *copySource) Next() bool {
	if s.done {
		return false
	}
	if !s.headerOK {
		if !s.readHeader() {
			s.done = true
			return false
		}
		s.headerOK = true
	}
	for {
		rec, err := s.csv.Read()
		if errors.Is(err, io.EOF) {
			s.done = true
			return false
		}
		if err != nil {
			s.csvError(err)
			s.done = true
			return false
		}
		s.rep.Rows++
		line, _ := s.csv.FieldPos(0)
		if len(rec) != len(s.order) {
			s.problem(line, "", fmt.Sprintf("%d colonnes au lieu de %d (le séparateur est « ; »).", len(rec), nColumns))
			continue
		}
		for i, pos := range s.order {
			s.rec[i] = rec[pos]
		}
		row, probs := parseRow(s.rec[:], line, s.today)
		for _, p := range probs {
			s.problem(line, Columns[p.col], p.msg)
		}
		switch {
		case len(probs) == 0:
			s.setValues(row)
			return true
		case identityValid(probs):
			// Staged for the cross-row checks only (the file is refused
			// anyway): her identity compared with her other rows, the
			// agrément number with the others.
			s.setValues(neutralAgrement(row))
			return true
		}
	}
}

func (s *copySource) setValues(r Row) {
	v := s.values
	v[0], v[1], v[2], v[3], v[4] = int32(r.Line), r.Identifiant, r.Civilite, r.Nom, r.Prenom
	v[5], v[6], v[7], v[8], v[9] = r.DateNaissance, r.Situation, r.Adresse, r.CodePostal, r.Commune
	v[10], v[11], v[12] = r.Email, r.Numero, r.Statut
	v[13], v[14], v[15] = date(r.PremiereDelivrance), date(r.DebutValidite), date(r.FinValidite)
	v[16], v[17], v[18] = r.CapTotale, r.CapMoins3, r.CapPlus3
	v[19], v[20], v[21], v[22], v[23], v[24] = r.Lieu, r.MamNom, r.LieuAdresse, r.LieuCodePostal, r.LieuCommune, r.Derogations
}

// identityValid is true when a row's problems leave her identity and the
// agrément number valid.
func identityValid(probs []rowProblem) bool {
	for _, p := range probs {
		if p.col <= colEmail || p.col == colNumero {
			return false
		}
	}
	return true
}

// neutralAgrement keeps a row's identity and agrément number, and blanks
// the rest, which may hold anything (even bytes PostgreSQL refuses).
func neutralAgrement(r Row) Row {
	return Row{
		Line: r.Line, Identifiant: r.Identifiant, Civilite: r.Civilite, Nom: r.Nom, Prenom: r.Prenom,
		DateNaissance: r.DateNaissance, Situation: r.Situation, Adresse: r.Adresse, CodePostal: r.CodePostal,
		Commune: r.Commune, Email: r.Email, Numero: r.Numero, Lieu: "domicile",
	}
}

// date is NULL for an empty optional date.
func date(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func (s *copySource) Values() ([]any, error) { return s.values, nil }
func (s *copySource) Err() error             { return s.readErr }

func indexOf(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}
