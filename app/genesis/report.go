package genesis

import (
	"fmt"
	"strings"
)

// Options are an import's settings.
type Options struct {
	DryRun   bool   // check and count, write nothing ("Vérifier sans importer")
	AgentID  int64  // the agent who imports; 0 from the command line
	FileName string // as uploaded, for the audit log
}

// Problem is one error of the file, in French, by line (1 is the header) and
// column name ("" for the whole line).
type Problem struct {
	Line    int
	Column  string
	Message string
}

// Counts are created, updated and unchanged childminders and agréments.
type Counts struct{ Assmats, Agrements int }

// Report is what an import did, or would do (DryRun), or why it changed
// nothing (Problems).
type Report struct {
	SHA256                      string // of the file's bytes, hex
	Rows                        int    // data rows read (header excluded)
	Created, Updated, Unchanged Counts
	// Missing are the identifiers and agrément numbers in the database but
	// absent from this export: kept, never deleted, listed for the agents.
	Missing struct{ Assmats, Agrements []string }
	// Problems, when not empty, refused the whole file: nothing was changed.
	// At most MaxProblems are kept; MoreProblems counts the others.
	Problems     []Problem
	MoreProblems int
	DryRun       bool
}

// MaxProblems is how many problems a report lists.
const MaxProblems = 1000

// String is the problem as one French line.
func (p Problem) String() string {
	switch {
	case p.Line == 0:
		return p.Message
	case p.Column == "":
		return fmt.Sprintf("Ligne %d : %s", p.Line, p.Message)
	default:
		return fmt.Sprintf("Ligne %d, colonne « %s » : %s", p.Line, p.Column, p.Message)
	}
}

// Summary is the report in one French sentence.
func (r Report) Summary() string {
	if n := len(r.Problems) + r.MoreProblems; n > 0 {
		return fmt.Sprintf("Fichier refusé : %s, rien n'a été modifié.", plural(n, "erreur", "erreurs"))
	}
	var b strings.Builder
	if r.DryRun {
		b.WriteString("Vérification sans import (rien n'a été enregistré) : ")
	}
	fmt.Fprintf(&b, "assistants maternels : %s, %s, %s ; agréments : %s, %s, %s",
		plural(r.Created.Assmats, "créé", "créés"), plural(r.Updated.Assmats, "modifié", "modifiés"), plural(r.Unchanged.Assmats, "inchangé", "inchangés"),
		plural(r.Created.Agrements, "créé", "créés"), plural(r.Updated.Agrements, "modifié", "modifiés"), plural(r.Unchanged.Agrements, "inchangé", "inchangés"))
	fmt.Fprintf(&b, " ; absents de l'export : %s et %s.",
		plural(len(r.Missing.Assmats), "assistant maternel", "assistants maternels"),
		plural(len(r.Missing.Agrements), "agrément", "agréments"))
	return b.String()
}

// plural follows French: 0 and 1 take the singular.
func plural(n int, one, many string) string {
	if n <= 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
