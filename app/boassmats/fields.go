package boassmats

import (
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// MaxSearch is the longest search, in characters (the input's maxlength).
const MaxSearch = 100

// searchFields are the inputs of the search form, defined once: the
// handler reads and checks them, the view shows them.
var searchFields = struct{ Query form.Spec }{
	Query: form.Spec{Name: components.BoAssmatsSearchName, ID: components.BoAssmatsSearchID, Label: "Nom, identifiant ou commune",
		Type: "search", Max: MaxSearch, Autocomplete: "off",
		Hint: "Un identifiant complet, ou " + form.IndexableRule + " d'un nom ou d'une commune. Les majuscules et les accents ne comptent pas."},
}
