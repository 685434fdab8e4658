package components

import "strconv"

// AgrementSource is the seed's notice (§2.2): where the agrément's data comes
// from, and that it cannot be changed here.
const AgrementSource = "Toutes les informations affichées sur cette page proviennent de l'application métier " +
	"du département (Genesis Agréments). Elles sont accessibles uniquement en lecture : vous ne pouvez pas les modifier ici."

// NoAgrement is what the page says when the business application sent no
// agrément for the childminder.
const NoAgrement = "Aucun agrément n'est enregistré pour votre compte. Si vous pensez qu'il s'agit d'une erreur, " +
	"contactez le service des modes d'accueil de la petite enfance."

// AgrementView is one agrément as the page shows it: every text ready, dates
// already written the French way ("" when the business application has none).
type AgrementView struct {
	Numero     string
	Statut     string
	FirstGrant string
	ValidFrom  string
	ValidUntil string
	// Capacity is the number of children at the same time, in total and by age.
	Capacity, Under3, Over3 int
	// Place says where she works: "À son domicile" or "En maison d'assistants
	// maternels (MAM)"; MamName is the MAM's name, Address its or her address.
	Place   string
	MamName string
	Address string
	// Derogations are the exemptions granted, one a line (none: empty).
	Derogations []string
	// Reminder asks for the renewal of an agrément that ends within six
	// months; Expired says that it has ended. At most one is set.
	Reminder string
	Expired  string
}

// AgrementProps is the view model of "Mon agrément".
type AgrementProps struct {
	Agrements []AgrementView
}

// agrementChildren writes a number of children: "1 enfant", "4 enfants".
func agrementChildren(n int) string {
	if n == 1 || n == 0 {
		return strconv.Itoa(n) + " enfant"
	}
	return strconv.Itoa(n) + " enfants"
}

// agrementValidity says the period in words: "du 01/09/2024 au 31/08/2029",
// "depuis le 01/09/2024", "jusqu'au 31/08/2029".
func agrementValidity(a AgrementView) string {
	switch {
	case a.ValidFrom != "" && a.ValidUntil != "":
		return "du " + a.ValidFrom + " au " + a.ValidUntil
	case a.ValidFrom != "":
		return "depuis le " + a.ValidFrom
	case a.ValidUntil != "":
		return "jusqu'au " + a.ValidUntil
	}
	return "Non renseignée"
}

// orUnknown shows a missing value as such rather than as a blank;
// orUnknownF is the same for a feminine noun (une date, une adresse).
func orUnknown(s string) string {
	if s == "" {
		return "Non renseigné"
	}
	return s
}

func orUnknownF(s string) string {
	if s == "" {
		return "Non renseignée"
	}
	return s
}
