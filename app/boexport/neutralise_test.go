package boexport_test

import (
	"testing"

	"github.com/departement06/extranet-assmat/app/boexport"
)

func TestNeutralise(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"":                        "",
		"Éloïse":                  "Éloïse",
		"=1+1":                    "'=1+1",
		"+33 6 12 34 56 78":       "'+33 6 12 34 56 78",
		"-2 chemin":               "'-2 chemin",
		"@SUM(A1)":                "'@SUM(A1)",
		"\t=cmd":                  "'\t=cmd",
		"\r=cmd":                  "'\r=cmd",
		"a=b":                     "a=b",
		"06 12 34 56 78":          "06 12 34 56 78",
		"'déjà cité":              "'déjà cité",
		"Jean-Pierre":             "Jean-Pierre",
		" =espace devant":         " =espace devant",
		"HYPERLINK(\"x\")":        "HYPERLINK(\"x\")",
		"=HYPERLINK(\"x\";\"y\")": "'=HYPERLINK(\"x\";\"y\")",
	} {
		if got := boexport.Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}
