package genesis_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/genesis"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// The command prints the report in French; a refused file is ErrRefused
// (exit code 1) with its problems printed.
func TestCommand(t *testing.T) {
	t.Parallel()
	pool := pgtest.Pool(t)
	ctx := context.Background()
	var out bytes.Buffer
	if err := genesis.Command(ctx, pool, []string{"--dry-run", "testdata/genesis-exemple.csv"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Vérification sans import (rien n'a été enregistré) : assistants maternels : 10 créés") {
		t.Errorf("dry run output:\n%s", out.String())
	}
	broken := filepath.Join(t.TempDir(), "casse.csv")
	if err := os.WriteFile(broken, []byte(strings.Replace(sample(t), "06130", "6130", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	err := genesis.Command(ctx, pool, []string{broken}, &out)
	if !errors.Is(err, genesis.ErrRefused) || !strings.Contains(out.String(), "Ligne 3, colonne « code_postal » : code postal invalide") {
		t.Errorf("err %v, output:\n%s", err, out.String())
	}
	out.Reset()
	if err := genesis.Command(ctx, pool, []string{"testdata/genesis-exemple.csv"}, &out); err != nil || !strings.Contains(out.String(), "agréments : 11 créés") {
		t.Errorf("err %v, output:\n%s", err, out.String())
	}
}
