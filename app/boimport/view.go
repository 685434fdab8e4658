package boimport

import (
	"strconv"

	"github.com/departement06/extranet-assmat/app/genesis"
	"github.com/departement06/extranet-assmat/components"
)

// Props is the page's view model: the form (with the upload's refusal, if
// any) and, after a submit, the report of file name.
func Props(errs components.Errors, name string, rep *genesis.Report) components.BackOfficeImportProps {
	p := components.BackOfficeImportProps{
		Action: Path, Errors: errs,
		File:         fields.File.Field("", errs.For(fields.File.InputID())),
		CheckValue:   ActionCheck,
		ImportValue:  ActionImport,
		MaxFileBytes: MaxFileSize,
	}
	if rep == nil {
		return p
	}
	r := &components.BackOfficeImportReport{
		FileName: name, Summary: rep.Summary(), DryRun: rep.DryRun, Rows: rep.Rows, SHA256: rep.SHA256,
		Refused: len(rep.Problems)+rep.MoreProblems > 0,
		Counts: []components.BackOfficeImportCount{
			{Label: "Assistants maternels", Created: rep.Created.Assmats, Updated: rep.Updated.Assmats, Unchanged: rep.Unchanged.Assmats},
			{Label: "Agréments", Created: rep.Created.Agrements, Updated: rep.Updated.Agrements, Unchanged: rep.Unchanged.Agrements},
		},
		MissingAssmats:   listed(rep.Missing.Assmats, "assistant maternel", "assistants maternels"),
		MissingAgrements: listed(rep.Missing.Agrements, "agrément", "agréments"),
		MoreProblems:     rep.MoreProblems,
	}
	for _, pb := range rep.Problems {
		line := ""
		if pb.Line > 0 {
			line = strconv.Itoa(pb.Line)
		}
		col := pb.Column
		if col == "" {
			col = "(toute la ligne)"
		}
		r.Problems = append(r.Problems, components.BackOfficeImportProblem{Line: line, Column: col, Message: pb.Message})
	}
	p.Report = r
	return p
}

// listed is an absent list as shown: its first MaxListed entries and its
// count in words.
func listed(all []string, one, many string) components.BackOfficeImportList {
	l := components.BackOfficeImportList{Total: len(all), Items: all}
	if len(all) > MaxListed {
		l.Items = all[:MaxListed]
		l.More = len(all) - MaxListed
	}
	word := one
	if len(all) > 1 {
		word = many
	}
	l.Title = strconv.Itoa(len(all)) + " " + word + " absent"
	if len(all) > 1 {
		l.Title += "s"
	}
	l.Title += " de l'export"
	return l
}
