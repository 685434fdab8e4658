package genesis

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/jackc/pgx/v5/pgxpool"
)

// ErrRefused is the command's error for a file with problems (exit code 1):
// the report already said why.
var ErrRefused = errors.New("fichier refusé, rien n'a été modifié")

// Command is `go run ./app import [--dry-run] FILE.csv`: it imports the file
// and prints the report in French.
func Command(ctx context.Context, pool *pgxpool.Pool, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(out)
	dry := fs.Bool("dry-run", false, "vérifier sans importer (rien n'est enregistré)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: import [--dry-run] FICHIER.csv")
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	rep, err := Import(ctx, pool, f, Options{DryRun: *dry, FileName: filepath.Base(fs.Arg(0))})
	if err != nil {
		return err
	}
	WriteReport(out, rep)
	if len(rep.Problems) > 0 {
		return ErrRefused
	}
	return nil
}

// WriteReport prints the report as plain French text: the summary, every
// problem, and the identifiers absent from the export.
func WriteReport(w io.Writer, rep Report) {
	fmt.Fprintf(w, "Fichier : %d lignes, SHA-256 %s\n%s\n", rep.Rows, rep.SHA256, rep.Summary())
	for _, p := range rep.Problems {
		fmt.Fprintln(w, "  "+p.String())
	}
	if rep.MoreProblems > 0 {
		fmt.Fprintf(w, "  … et %s.\n", plural(rep.MoreProblems, "autre erreur", "autres erreurs"))
	}
	if len(rep.Problems) > 0 {
		return
	}
	if n := len(rep.Missing.Assmats); n > 0 {
		fmt.Fprintf(w, "Assistants maternels absents de l'export (conservés) : %s\n", head(rep.Missing.Assmats))
	}
	if n := len(rep.Missing.Agrements); n > 0 {
		fmt.Fprintf(w, "Agréments absents de l'export (conservés) : %s\n", head(rep.Missing.Agrements))
	}
}

// head lists at most 50 values, then how many more.
func head(list []string) string {
	const max = 50
	s := ""
	for i, v := range list {
		if i == max {
			return s + fmt.Sprintf(" … et %d autres", len(list)-max)
		}
		if i > 0 {
			s += ", "
		}
		s += v
	}
	return s
}
