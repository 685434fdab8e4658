package gallery

import (
	"strings"

	"github.com/departement06/extranet-assmat/app/boexport"
	"github.com/departement06/extranet-assmat/components"
)

// boExportStates: the declarations export's form, built by app/boexport's
// view builder and its real checks.
func boExportStates() []State {
	state := func(name, title string, s boexport.Scope, errs components.Errors) State {
		return State{Group: GroupBackOffice, Component: "BackOfficeExportPage", Name: name, Title: title,
			Render: components.BackOfficeExportPage(boexport.Props(s, errs)), Path: components.BackOfficeExport, BackOffice: true}
	}
	long := boexport.Scope{Commune: strings.Repeat("Saint-Martin-Vésubie ", 6), Login: "100001"}
	unknown := boexport.Scope{Commune: "Trifouilly-les-Oies"}
	return []State{
		state("formulaire", "Le formulaire, vide (toutes les communes)", boexport.Scope{}, nil),
		state("trop-long", "Une commune trop longue", long, long.Check()),
		state("personne", "Aucun assistant maternel dans cette commune", unknown, boexport.NoOne()),
	}
}
