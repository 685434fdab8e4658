// Package profile shows the signed-in childminder's identity the way pages
// present it. It is shared by the features that show it (the dashboard and
// Mon compte) so that neither imports the other.
package profile

import (
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/components"
)

// PersonalInfo is the identity block shown on the dashboard and on "Mon
// compte", from the childminder the session loaded (session.User).
func PersonalInfo(u *db.GetAssmatRow) components.PersonalInfo {
	return components.PersonalInfo{
		Civility:      u.Civilite,
		LastName:      u.Nom,
		FirstName:     u.Prenom,
		BirthDate:     u.DateNaissance,
		MaritalStatus: u.SituationFamiliale,
		Street:        u.Adresse,
		Postcode:      u.CodePostal,
		Town:          u.Commune,
	}
}
