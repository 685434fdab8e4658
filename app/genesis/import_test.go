package genesis_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/genesis"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func sample(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/genesis-exemple.csv")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func run(t *testing.T, pool *pgxpool.Pool, file string, opts genesis.Options) genesis.Report {
	t.Helper()
	rep, err := genesis.Import(context.Background(), pool, strings.NewReader(file), opts)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	return rep
}

func count(t *testing.T, pool *pgxpool.Pool, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// counts is the report's numbers as one comparable value.
func counts(r genesis.Report) [6]int {
	return [6]int{r.Created.Assmats, r.Updated.Assmats, r.Unchanged.Assmats, r.Created.Agrements, r.Updated.Agrements, r.Unchanged.Agrements}
}

// The sample file creates its 10 childminders (one with two agréments, one
// in a MAM) as identifier-only accounts, with the file's email when it has
// one; the same file again changes nothing and says so.
func TestImportSampleThenAgain(t *testing.T) {
	t.Parallel()
	pool := pgtest.Pool(t)
	file := sample(t)
	rep := run(t, pool, file, genesis.Options{FileName: "genesis-exemple.csv"})
	if len(rep.Problems) > 0 {
		t.Fatalf("problems: %v", rep.Problems)
	}
	if got, want := counts(rep), [6]int{10, 0, 0, 11, 0, 0}; got != want {
		t.Fatalf("counts = %v, want %v", got, want)
	}
	sum := sha256.Sum256([]byte(file))
	if rep.Rows != 11 || rep.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("rows %d, sha %s", rep.Rows, rep.SHA256)
	}
	if n := count(t, pool, `SELECT count(*) FROM assmats WHERE password_hash IS NULL AND NOT must_change_password`); n != 10 {
		t.Errorf("%d identifier-only childminders, want 10", n)
	}
	var email, nom, commune string
	if err := pool.QueryRow(context.Background(), `SELECT email, nom, commune FROM assmats WHERE login = '200004'`).Scan(&email, &nom, &commune); err != nil {
		t.Fatal(err)
	}
	if email != "noemie.dupre@exemple.fr" || nom != "Dupré-Garçon" || commune != "Menton" {
		t.Errorf("200004 = %q %q %q", email, nom, commune)
	}
	if n := count(t, pool, `SELECT count(*) FROM agrements g JOIN assmats a ON a.id = g.assmat_id WHERE a.login = '200005'`); n != 2 {
		t.Errorf("200005 has %d agréments, want 2", n)
	}
	if n := count(t, pool, `SELECT count(*) FROM agrements WHERE lieu_exercice = 'mam' AND mam_nom = 'MAM Les Petits Loups' AND derogations LIKE 'Dérogation accordée%'`); n != 1 {
		t.Errorf("%d MAM agréments with the exemption, want 1", n)
	}

	again := run(t, pool, file, genesis.Options{})
	if got, want := counts(again), [6]int{0, 0, 10, 0, 0, 11}; got != want {
		t.Errorf("re-import counts = %v, want %v", got, want)
	}
	if !strings.Contains(again.Summary(), "0 créé, 0 modifié, 10 inchangés") {
		t.Errorf("summary %q", again.Summary())
	}
	if len(again.Missing.Assmats)+len(again.Missing.Agrements) != 0 {
		t.Errorf("missing %v", again.Missing)
	}
}

// The audit line of an applied import: its counts and the file's SHA-256,
// by the agent who imported, or by nobody from the command line.
func TestImportIsAudited(t *testing.T) {
	t.Parallel()
	pool := pgtest.Pool(t)
	ctx := context.Background()
	var agent int64
	if err := pool.QueryRow(ctx, `INSERT INTO agents (login, nom, prenom, email) VALUES ('agent@cd06.fr', 'Martin', 'Léa', 'agent@cd06.fr') RETURNING id`).Scan(&agent); err != nil {
		t.Fatal(err)
	}
	rep := run(t, pool, sample(t), genesis.Options{AgentID: agent, FileName: "export.csv"})
	run(t, pool, sample(t), genesis.Options{})
	rows, err := pool.Query(ctx, `SELECT coalesce(agent_id, 0), action, target, details FROM audit_log ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var id int64
		var action, target string
		var details map[string]any
		if err := rows.Scan(&id, &action, &target, &details); err != nil {
			t.Fatal(err)
		}
		if action != "import" || target != "import:"+rep.SHA256 || details["sha256"] != rep.SHA256 {
			t.Errorf("line %s %s %v", action, target, details)
		}
		js, err := json.Marshal([]any{id == agent, details["fichier"], details["assmats_crees"], details["agrements_crees"], details["agrements_inchanges"]})
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(js))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{`[true,"export.csv",10,11,0]`, `[false,"",0,0,11]`}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("audit lines %v, want %v", lines, want)
	}
}

// A byte order mark and Windows line ends are the same file: nothing changes.
func TestImportBOMAndCRLF(t *testing.T) {
	t.Parallel()
	pool := pgtest.Pool(t)
	file := sample(t)
	crlf := "\uFEFF" + strings.ReplaceAll(file, "\n", "\r\n")
	first := run(t, pool, crlf, genesis.Options{})
	if got, want := counts(first), [6]int{10, 0, 0, 11, 0, 0}; got != want || len(first.Problems) > 0 {
		t.Fatalf("BOM+CRLF counts = %v, want %v (problems %v)", got, want, first.Problems)
	}
	for name, f := range map[string]string{"LF": file, "BOM": "\uFEFF" + file, "CRLF": strings.ReplaceAll(file, "\n", "\r\n")} {
		rep := run(t, pool, f, genesis.Options{})
		if got, want := counts(rep), [6]int{0, 0, 10, 0, 0, 11}; got != want || len(rep.Problems) > 0 {
			t.Errorf("%s: counts = %v, want %v (problems %v)", name, got, want, rep.Problems)
		}
	}
	var nom string
	if err := pool.QueryRow(context.Background(), `SELECT nom FROM assmats WHERE login = '200001'`).Scan(&nom); err != nil || nom != "Bérenger" {
		t.Errorf("nom = %q, %v", nom, err)
	}
}

// A file with problems changes nothing, and lists every one of them by line
// and column, including those that only show across rows.
func TestImportWithErrorsChangesNothing(t *testing.T) {
	t.Parallel()
	pool := pgtest.Pool(t)
	run(t, pool, sample(t), genesis.Options{})
	lines := strings.Split(sample(t), "\n")
	// A new commune on line 2 would be an update, were the file accepted.
	lines[1] = strings.Replace(lines[1], ";Nice;", ";Villefranche-sur-Mer;", 1)
	lines[3] = strings.Replace(lines[3], "22/07/1980", "31/02/1980", 1)           // line 4
	lines[4] = strings.Replace(lines[4], ";06500;", ";6500;", 1)                  // line 5
	lines[4] = strings.Replace(lines[4], ";4;4;0;", ";4;4;x;", 1)                 // line 5
	lines[5] = strings.Replace(lines[5], ";01/03/2024;", ";01/03/20x4;", 1)       // line 6, still compared with line 7
	lines[6] = strings.Replace(lines[6], "Divorcée", "Remariée", 1)               // line 7: not her identity of line 6
	lines[8] = strings.Replace(lines[8], "AG-06-2022-0007", "AG-06-2021-0006", 1) // line 9: line 8's number
	lines[10] = "200009;Mme;Oukili"                                               // line 11
	file := strings.Join(lines, "\n")
	before := count(t, pool, `SELECT count(*) FROM audit_log`)
	rep := run(t, pool, file, genesis.Options{})
	var got []string
	for _, p := range rep.Problems {
		got = append(got, p.String())
	}
	want := []string{
		"Ligne 4, colonne « date_naissance » : date invalide",
		"Ligne 5, colonne « code_postal » : code postal invalide",
		"Ligne 5, colonne « capacite_plus_3_ans » : nombre entier attendu",
		"Ligne 6, colonne « date_debut_validite » : date invalide",
		"Ligne 7, colonne « identifiant » : l'identité de cette assistante maternelle",
		"Ligne 9, colonne « numero_agrement » : ce numéro d'agrément figure déjà ligne 8",
		"Ligne 11 : 3 colonnes au lieu de 24",
	}
	if len(got) != len(want) {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d = %q, want %q…", i, got[i], want[i])
		}
	}
	if !strings.Contains(rep.Problems[4].Message, "sa ligne 6") {
		t.Errorf("identity problem %q does not name line 6", rep.Problems[4].Message)
	}
	if rep.Summary() != "Fichier refusé : 7 erreurs, rien n'a été modifié." {
		t.Errorf("summary %q", rep.Summary())
	}
	if n := count(t, pool, `SELECT count(*) FROM assmats WHERE commune = 'Villefranche-sur-Mer'`); n != 0 {
		t.Error("a refused file changed a childminder")
	}
	if n := count(t, pool, `SELECT count(*) FROM audit_log`); n != before {
		t.Errorf("a refused file wrote %d audit lines", n-before)
	}
}

// Header problems stop the reading at line 1; an empty file is refused.
func TestImportBadHeader(t *testing.T) {
	t.Parallel()
	pool := pgtest.Pool(t)
	file := strings.Replace(sample(t), "capacite_totale;", "capacite;", 1)
	rep := run(t, pool, file, genesis.Options{})
	if len(rep.Problems) != 2 || rep.Problems[0].Column != "capacite" || rep.Problems[1].Column != "capacite_totale" || rep.Problems[1].Line != 1 {
		t.Errorf("problems %v", rep.Problems)
	}
	for _, f := range []string{"", strings.SplitN(sample(t), "\n", 2)[0] + "\n"} {
		if rep := run(t, pool, f, genesis.Options{}); len(rep.Problems) != 1 {
			t.Errorf("file %q: problems %v", f, rep.Problems)
		}
	}
	if n := count(t, pool, `SELECT count(*) FROM assmats`); n != 0 {
		t.Errorf("%d childminders after refused files", n)
	}
}

// A changed agrément and a changed identity are updates; the rest unchanged.
func TestImportChangedAgrement(t *testing.T) {
	t.Parallel()
	pool := pgtest.Pool(t)
	run(t, pool, sample(t), genesis.Options{})
	file := strings.Replace(sample(t), "AG-06-2015-0001;En cours de validité;02/09/2015;02/09/2020;01/09/2030;4;4;2", "AG-06-2015-0001;En cours de validité;02/09/2015;02/09/2025;01/09/2035;3;3;2", 1)
	file = strings.Replace(file, "9 impasse des Mimosas", "11 impasse des Mimosas", 1)
	rep := run(t, pool, file, genesis.Options{})
	// 200006 works at home: her agrément's place follows her new address.
	if got, want := counts(rep), [6]int{0, 1, 9, 0, 2, 9}; got != want {
		t.Fatalf("counts = %v, want %v", got, want)
	}
	if n := count(t, pool, `SELECT count(*) FROM agrements WHERE numero = 'AG-06-2015-0001' AND capacite_totale = 3 AND date_fin_validite = '2035-09-01'`); n != 1 {
		t.Error("the agrément was not updated")
	}
	if n := count(t, pool, `SELECT count(*) FROM assmats a JOIN agrements g ON g.assmat_id = a.id WHERE a.login = '200006' AND a.adresse = '11 impasse des Mimosas' AND g.lieu_adresse = a.adresse`); n != 1 {
		t.Error("the address was not updated")
	}
}

// An agrément listed under another childminder moves to her.
func TestImportAgrementMoves(t *testing.T) {
	t.Parallel()
	pool := pgtest.Pool(t)
	run(t, pool, sample(t), genesis.Options{})
	// 200005's second agrément is now 200010's.
	lines := strings.Split(sample(t), "\n")
	fields := strings.Split(lines[6], ";")
	copy(fields, strings.Split(lines[11], ";")[:10])
	lines[6] = strings.Join(fields, ";")
	rep := run(t, pool, strings.Join(lines, "\n"), genesis.Options{})
	if got, want := counts(rep), [6]int{0, 0, 10, 0, 1, 10}; got != want || len(rep.Problems) > 0 {
		t.Fatalf("counts = %v, want %v (problems %v)", got, want, rep.Problems)
	}
	if n := count(t, pool, `SELECT count(*) FROM agrements g JOIN assmats a ON a.id = g.assmat_id WHERE g.numero = 'AG-06-2024-0105' AND a.login = '200010'`); n != 1 {
		t.Error("the agrément did not move")
	}
}

// A childminder or an agrément absent from a new export is listed, not deleted.
func TestImportMissingAreKept(t *testing.T) {
	t.Parallel()
	pool := pgtest.Pool(t)
	run(t, pool, sample(t), genesis.Options{})
	lines := strings.Split(sample(t), "\n")
	file := strings.Join(append(lines[:6:6], lines[7:11]...), "\n") + "\n" // without 200005's second agrément and 200010
	rep := run(t, pool, file, genesis.Options{})
	if !reflect.DeepEqual(rep.Missing.Assmats, []string{"200010"}) || !reflect.DeepEqual(rep.Missing.Agrements, []string{"AG-06-2023-0010", "AG-06-2024-0105"}) {
		t.Errorf("missing %v", rep.Missing)
	}
	if !strings.HasSuffix(rep.Summary(), "absents de l'export : 1 assistant maternel et 2 agréments.") {
		t.Errorf("summary %q", rep.Summary())
	}
	if n := count(t, pool, `SELECT count(*) FROM assmats WHERE login = '200010'`) + count(t, pool, `SELECT count(*) FROM agrements WHERE numero IN ('AG-06-2023-0010', 'AG-06-2024-0105')`); n != 3 {
		t.Errorf("%d of the 3 missing rows kept", n)
	}
}

// Her email and password are hers: the import never overwrites them.
func TestImportKeepsEmailAndPassword(t *testing.T) {
	t.Parallel()
	pool := pgtest.Pool(t)
	run(t, pool, sample(t), genesis.Options{})
	if _, err := pool.Exec(context.Background(), `UPDATE assmats SET email = 'helene@chez-elle.fr', password_hash = 'hash' WHERE login = '200001'; UPDATE assmats SET email = 'anais@chez-elle.fr' WHERE login = '200002'`); err != nil {
		t.Fatal(err)
	}
	file := strings.Replace(sample(t), "helene.berenger@exemple.fr", "autre@exemple.fr", 1)
	file = strings.Replace(file, "Pacsée;3 chemin des Oliviers;06130;Grasse;;", "Mariée;3 chemin des Oliviers;06130;Grasse;anais@exemple.fr;", 1)
	rep := run(t, pool, file, genesis.Options{})
	if got, want := counts(rep), [6]int{0, 1, 9, 0, 0, 11}; got != want {
		t.Errorf("counts = %v, want %v (the situation changed, not the email)", got, want)
	}
	if n := count(t, pool, `SELECT count(*) FROM assmats WHERE (login, email, password_hash) = ('200001', 'helene@chez-elle.fr', 'hash') OR (login, email, situation_familiale) = ('200002', 'anais@chez-elle.fr', 'Mariée')`); n != 2 {
		t.Errorf("%d of 2 childminders kept their email", n)
	}
}

// A dry run reports the same as the import, and writes nothing.
func TestImportDryRun(t *testing.T) {
	t.Parallel()
	pool := pgtest.Pool(t)
	dry := run(t, pool, sample(t), genesis.Options{DryRun: true})
	if got, want := counts(dry), [6]int{10, 0, 0, 11, 0, 0}; got != want || !dry.DryRun {
		t.Errorf("dry run counts = %v, want %v", got, want)
	}
	if !strings.HasPrefix(dry.Summary(), "Vérification sans import") {
		t.Errorf("summary %q", dry.Summary())
	}
	if n := count(t, pool, `SELECT (SELECT count(*) FROM assmats) + (SELECT count(*) FROM agrements) + (SELECT count(*) FROM audit_log)`); n != 0 {
		t.Errorf("a dry run wrote %d rows", n)
	}
	real := run(t, pool, sample(t), genesis.Options{})
	if counts(real) != counts(dry) || real.SHA256 != dry.SHA256 {
		t.Errorf("import %v differs from its dry run %v", counts(real), counts(dry))
	}
}

// A quote out of place stops the reading at its line; the file is refused.
func TestImportBadQuote(t *testing.T) {
	t.Parallel()
	pool := pgtest.Pool(t)
	file := strings.Replace(sample(t), "MAM Les Petits Loups;18", `MAM "Les Petits Loups";18`, 1) // line 5
	rep := run(t, pool, file, genesis.Options{})
	if len(rep.Problems) != 1 || rep.Problems[0].Line != 5 || !strings.Contains(rep.Problems[0].Message, "guillemet") {
		t.Errorf("problems %v", rep.Problems)
	}
	quoted := strings.Replace(sample(t), "MAM Les Petits Loups;18", `"MAM ""Les Petits Loups""";18`, 1)
	if rep := run(t, pool, quoted, genesis.Options{}); len(rep.Problems) != 0 || rep.Created.Assmats != 10 {
		t.Errorf("a quoted field: %v %s", rep.Problems, rep.Summary())
	}
	if n := count(t, pool, `SELECT count(*) FROM agrements WHERE mam_nom = 'MAM "Les Petits Loups"'`); n != 1 {
		t.Errorf("%d agréments with the quoted MAM name, want 1", n)
	}
}

// Every problem is counted, the first MaxProblems listed.
func TestImportProblemsCapped(t *testing.T) {
	t.Parallel()
	pool := pgtest.Pool(t)
	lines := strings.Split(strings.TrimSpace(sample(t)), "\n")
	var b strings.Builder
	b.WriteString(lines[0] + "\n")
	for i := 0; i < genesis.MaxProblems+5; i++ {
		b.WriteString(strings.Replace(lines[1], "14/03/1978", "14/13/1978", 1) + "\n")
	}
	rep := run(t, pool, b.String(), genesis.Options{})
	if len(rep.Problems) != genesis.MaxProblems || rep.MoreProblems != 5 || rep.Problems[genesis.MaxProblems-1].Line != genesis.MaxProblems+1 {
		t.Errorf("%d problems listed, %d more, last on line %d", len(rep.Problems), rep.MoreProblems, rep.Problems[len(rep.Problems)-1].Line)
	}
	if !strings.HasPrefix(rep.Summary(), "Fichier refusé : 1005 erreurs") {
		t.Errorf("summary %q", rep.Summary())
	}
}
