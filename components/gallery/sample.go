package gallery

import (
	"time"

	"github.com/departement06/extranet-assmat/components"
)

// Sample values the states share. The long ones are there on purpose: a
// layout must hold a real commune's name and a hyphenated double surname.
const (
	// LongCommune is 100 characters, the longest a commune field takes.
	LongCommune = "Saint-Martin-de-la-Roche-sur-Vésubie-et-Hameaux-du-Haut-Pays-Niçois-Plateau-de-la-Tinée-et-Alentours"
	// DoubleSurname is a hyphenated double surname with particles.
	DoubleSurname = "DE LA ROCHEFOUCAULD-BONAPARTE-WYSE"
	// LongFirstName is a compound first name with accents.
	LongFirstName = "Marie-Éléonore-Anne-Sophie"
	// LongAddress is a long street address with its complement.
	LongAddress = "Résidence Les Jardins de la Vésubie, bâtiment C, escalier 4, 127 boulevard du Maréchal-de-Lattre-de-Tassigny"
	// LongEmail is a long but valid address.
	LongEmail = "marie-eleonore.de-la-rochefoucauld-bonaparte-wyse@messagerie-des-alpes-maritimes.example.fr"

	// sampleRequestID is what a 500 page names for support.
	sampleRequestID = "3f9c2a71-5d0e-4b8a-9e61-0c7d2f4a8b15"
)

// Childminder is the sample childminder's identity.
var Childminder = components.PersonalInfo{
	Civility:      "Madame",
	LastName:      "ASSMAT-" + DoubleSurname,
	FirstName:     LongFirstName,
	BirthDate:     time.Date(1990, 2, 2, 0, 0, 0, 0, time.UTC),
	MaritalStatus: "Concubinage",
	Street:        LongAddress,
	Postcode:      "06450",
	Town:          LongCommune,
}

// SampleEmail is the sample childminder's current address.
const SampleEmail = "gertrude.assmat@exemple.fr"

// Today is the date the states are validated at (children.ChildForm.Validate):
// fixed, so that a state does not change with the calendar.
var Today = time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
