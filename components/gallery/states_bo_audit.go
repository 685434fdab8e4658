package gallery

import (
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/departement06/extranet-assmat/app/boaudit"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// boAuditStates: the back office's Journal, built by app/boaudit's view
// builder and its real date checks.
func boAuditStates() []State {
	at := time.Date(2026, 1, 15, 9, 30, 0, 0, time.UTC)
	agents := []boaudit.Agent{{ID: 1, Prenom: "Claire", Nom: "MARTIN"}, {ID: 2, Prenom: "Marie-Christine", Nom: "DUPONT-LEFÈVRE"}}
	agent := pgtype.Int8{Int64: 1, Valid: true}
	lines := []boaudit.Line{
		{ID: 5, CreatedAt: at, Action: "message-envoye", Target: "message:421", Details: `{"destinataire": "100001", "objet": "Votre dossier de renouvellement"}`, AgentID: agent, AgentName: "Claire MARTIN"},
		{ID: 4, CreatedAt: at.Add(-time.Minute), Action: "document-cree", Target: "document:12", Details: `{"titre": "Guide de l'accueil du jeune enfant 2026", "fichier": "guide-accueil-jeune-enfant-departement-alpes-maritimes-2026.pdf"}`, AgentID: agent, AgentName: "Claire MARTIN"},
		{ID: 3, CreatedAt: at.Add(-time.Hour), Action: "fiche-consultee", Target: "assmat:100457", Details: `{}`, AgentName: ""},
		{ID: 2, CreatedAt: at.Add(-2 * time.Hour), Action: "connexion", Details: `{}`, AgentID: agent, AgentName: "Claire MARTIN"},
	}
	state := func(name, title string, q boaudit.Query, lines []boaudit.Line) State {
		_, _, errs := q.Range()
		return State{Group: GroupBackOffice, Component: "BackOfficeAuditPage", Name: name, Title: title,
			Render: components.BackOfficeAuditPage(boaudit.ListProps(q, errs, agents, lines)), Path: paths.BackOfficeAudit, BackOffice: true}
	}
	many := make([]boaudit.Line, 0, boaudit.PageSize+1)
	for len(many) <= boaudit.PageSize {
		many = append(many, lines...)
	}
	return []State{
		state("journal", "Le journal, sans filtre", boaudit.Query{Page: 1}, lines),
		state("filtre", "Filtré par agent, action et dates, page 2", boaudit.Query{AgentID: 1, Action: "message-envoye", From: "01/01/2026", To: "15/01/2026", Page: 2}, lines[:1]),
		state("pages", "Une page pleine, suivie d'une autre", boaudit.Query{Page: 1}, many[:boaudit.PageSize+1]),
		state("vide", "Aucune action pour ces filtres", boaudit.Query{Action: "compte-debloque", Page: 1}, nil),
		state("dates-invalides", "Dates invalides", boaudit.Query{From: "31/02/2026", To: "01/01/2020", Page: 1}, nil),
		{Group: GroupBackOffice, Component: "BackOfficeAuditList", Name: "liste", Title: "Les lignes seules",
			Render: components.BackOfficeAuditList(boaudit.ListProps(boaudit.Query{Page: 1}, nil, agents, lines)), Path: paths.BackOfficeAudit, Fragment: true, BackOffice: true},
	}
}
