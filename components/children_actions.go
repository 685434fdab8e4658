package components

import "strconv"

// Names and values the child form posts besides its fields: the handlers in
// app/children read these very constants, so that a template and its
// handler cannot disagree on a button.
const (
	// ActionName is the name of the submit buttons that post an action (the
	// child form's, the login's).
	ActionName = "action"
	// VersionName carries the version of the child the form was loaded with.
	VersionName = "version"
	// SecondaryName is the box "l'adresse du responsable légal n°2 est différente".
	SecondaryName = "adresse-secondaire-differente"
	// RowNumberName is posted by a period input's inline check: the row's
	// number as the page shows it ("période 3"), which its index does not say.
	RowNumberName = "numero-periode"

	ActionValidate       = "valider"
	ActionAddPeriod      = "ajouter-periode"
	ActionRefreshPeriods = "actualiser-periodes"
	ActionRefreshAddress = "actualiser-adresse"
	// ActionRemovePeriodPrefix is followed by the row's index (RemovePeriodAction).
	ActionRemovePeriodPrefix = "supprimer-periode-"
)

// Ids of the form's sections: htmx targets and the no-JS anchors.
const (
	ChildFormID = "formulaire-enfant"
	PeriodsID   = "periodes"
	// PeriodRowsID is the table body htmx appends an added row to.
	PeriodRowsID      = "periodes-lignes"
	SecondaryID       = "adresse-secondaire"
	AddPeriodID       = "ajouter-periode"
	PeriodRowIDPrefix = "periode-"
)

// RemovePeriodAction is the value of the "Retirer" button of row index.
func RemovePeriodAction(index int) string { return ActionRemovePeriodPrefix + strconv.Itoa(index) }

// PeriodRowID is the id of row index ("periode-3").
func PeriodRowID(index int) string { return PeriodRowIDPrefix + strconv.Itoa(index) }
