package e2e

import (
	"os"
	"testing"

	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	Close()
	pgtest.Stop()
	os.Exit(code)
}
