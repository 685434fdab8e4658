package gallery

import (
	"fmt"

	"github.com/departement06/extranet-assmat/app/boimport"
	"github.com/departement06/extranet-assmat/app/genesis"
	"github.com/departement06/extranet-assmat/components"
)

// boImportStates: the Genesis import's page, built by app/boimport's view
// builder from app/genesis's reports.
func boImportStates() []State {
	state := func(name, title string, p components.BackOfficeImportProps) State {
		return State{Group: GroupBackOffice, Component: "BackOfficeImportPage", Name: name, Title: title,
			Render: components.BackOfficeImportPage(p), Path: components.BackOfficeImport, BackOffice: true}
	}
	var refusal components.Errors
	refusal.Add("import-fichier", boimport.MsgNotCSV)
	const sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	checked := genesis.Report{SHA256: sha, Rows: 12, DryRun: true}
	checked.Created.Assmats, checked.Created.Agrements = 2, 3
	checked.Unchanged.Assmats, checked.Unchanged.Agrements = 8, 8
	checked.Missing.Assmats = []string{"100457"}
	imported := genesis.Report{SHA256: sha, Rows: 260_000}
	imported.Created.Assmats, imported.Updated.Assmats, imported.Unchanged.Assmats = 1_204, 36, 228_760
	imported.Created.Agrements, imported.Updated.Agrements, imported.Unchanged.Agrements = 1_380, 52, 258_568
	for i := range boimport.MaxListed + 37 {
		imported.Missing.Assmats = append(imported.Missing.Assmats, fmt.Sprintf("%06d", 300_000+i))
	}
	imported.Missing.Agrements = []string{"AG-06-2009-0417", "AG-06-2011-0032"}
	broken := genesis.Report{SHA256: sha, Rows: 12, MoreProblems: 3}
	broken.Problems = []genesis.Problem{
		{Line: 4, Column: "date_naissance", Message: "Date invalide : « 31/02/1980 » n'existe pas (format jj/mm/aaaa)."},
		{Line: 9, Column: "capacite_moins_3_ans", Message: "Nombre invalide : « -1 » (un entier positif ou nul est attendu)."},
		{Line: 11, Column: "", Message: "La ligne a 22 colonnes, 24 sont attendues."},
	}
	return []State{
		state("formulaire", "Le formulaire, avant tout envoi", boimport.Props(nil, "", nil)),
		state("fichier-refuse", "Un fichier qui n'est pas un CSV", boimport.Props(refusal, "", nil)),
		state("verification", "Vérifier sans importer", boimport.Props(nil, "genesis-2026-11.csv", &checked)),
		state("import", "Import national, des absents au-delà de la liste", boimport.Props(nil, "genesis-national-2026-11.csv", &imported)),
		state("erreurs", "Fichier refusé, ses erreurs par ligne et colonne", boimport.Props(nil, "genesis-2026-11-corrige.csv", &broken)),
	}
}
