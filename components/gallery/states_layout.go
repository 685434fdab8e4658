package gallery

import (
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// layoutStates: the layout and its menu for each kind of visitor. Every
// other state is inside the layout too; these show it around a plain content.
func layoutStates() []State {
	return []State{
		{Group: GroupLayout, Component: "Layout", Name: "connectee", Title: "Connectée : menu complet",
			Render: sampleContent("Mise en page"), Path: paths.Dashboard},
		{Group: GroupLayout, Component: "Layout", Name: "menu-page-courante", Title: "Menu : « Accueil Assistant Maternel » est la page courante",
			Render: sampleContent("Enfants accueillis"), Path: paths.Children},
		{Group: GroupLayout, Component: "Layout", Name: "mot-de-passe-temporaire", Title: "Mot de passe temporaire : seulement Déconnexion",
			Render: sampleContent("Mise en page"), Visitor: Temporary, Path: paths.PasswordChange},
		{Group: GroupLayout, Component: "Layout", Name: "anonyme", Title: "Visiteur non connecté : pas de menu",
			Render: sampleContent("Mise en page"), Visitor: Anonymous, Path: paths.Login},
	}
}

// fieldStates: the field components alone, as the inline check swaps them.
func fieldStates() []State {
	frag := func(component, name, title string, f components.Field) State {
		return State{Group: GroupFields, Component: component, Name: name, Title: title, Fragment: true,
			Render: components.TextField(f), Path: paths.Children}
	}
	nom := components.Field{ID: "nom", Name: "nom", Label: "Nom de l'enfant", MaxLength: 100, Required: true,
		ValidateURL: paths.Children + "/champ"}
	withErr, valid, long := nom, nom, nom
	withErr.Error = "\"Nom de l'enfant\" est un champ requis."
	valid.Value, valid.Valid = "DUPONT", true
	long.Value, long.Valid = DoubleSurname, true
	postcode := components.Field{ID: "code-postal", Name: "code-postal", Label: "Code postal", Value: "6200", MaxLength: 5,
		Required: true, InputMode: "numeric", Autocomplete: "postal-code",
		Error: "Le code postal doit comporter 5 chiffres, par exemple 06200."}
	phone := components.Field{ID: "g1-telephone", Name: "g1-telephone", Label: "N° de téléphone du responsable légal 1", Type: "tel",
		MaxLength: 25, Hint: "Par exemple 06 12 34 56 78.", Value: "06 12",
		Error: "Le numéro de téléphone doit être un numéro français à 10 chiffres, par exemple 06 12 34 56 78."}
	civilite := components.Field{ID: "g1-civilite", Name: "g1-civilite", Label: "Civilité du responsable légal 1",
		Options: []components.Option{{Value: "", Label: "—"}, {Value: "Madame", Label: "Madame"}, {Value: "Monsieur", Label: "Monsieur"}}}
	date := components.Field{ID: "date-naissance", Name: "date-naissance", Label: "Date de naissance de l'enfant", Value: "31/02/2024",
		Required: true, InputMode: "numeric", Placeholder: "jj/mm/aaaa", MaxLength: 10,
		Error: "La date doit être au format jj/mm/aaaa, par exemple 09/07/2025."}
	pw := components.Field{ID: "mot-de-passe", Name: "mot_de_passe", Label: "Mot de passe", Value: "Demo-assmat1",
		Autocomplete: "current-password", MaxLength: 128, Required: true}
	pwErr := pw
	pwErr.Value, pwErr.Error = "", "Veuillez saisir votre mot de passe."
	return []State{
		frag("TextField", "vide", "Champ requis vide", nom),
		frag("TextField", "erreur-en-ligne", "Champ avec son erreur en ligne (après la vérification au départ du champ)", withErr),
		frag("TextField", "valide", "Champ valide, coche verte après une soumission", valid),
		frag("TextField", "nom-compose-long", "Nom composé long, valide", long),
		frag("TextField", "code-postal-invalide", "Code postal invalide", postcode),
		frag("TextField", "telephone-aide-et-erreur", "Téléphone : aide et erreur", phone),
		frag("TextField", "date-invalide", "Date impossible", date),
		frag("TextField", "liste-de-choix", "Liste de choix (civilité)", civilite),
		{Group: GroupFields, Component: "PasswordField", Name: "masque", Title: "Mot de passe masqué", Fragment: true,
			Render: components.PasswordField(pw, false), Visitor: Anonymous, Path: paths.Login},
		{Group: GroupFields, Component: "PasswordField", Name: "affiche", Title: "Mot de passe affiché (sans JavaScript)", Fragment: true,
			Render: components.PasswordField(pw, true), Visitor: Anonymous, Path: paths.Login},
		{Group: GroupFields, Component: "PasswordField", Name: "erreur", Title: "Mot de passe avec son erreur", Fragment: true,
			Render: components.PasswordField(pwErr, false), Visitor: Anonymous, Path: paths.Login},
		{Group: GroupFields, Component: "ErrorBanner", Name: "plusieurs-erreurs", Title: "Résumé « ERREUR : » avec des liens vers les champs", Fragment: true,
			Render: components.ErrorBanner(components.Errors{
				{Field: "nom", Message: "\"Nom de l'enfant\" est un champ requis."},
				{Field: "code-postal", Message: "Le code postal doit comporter 5 chiffres, par exemple 06200."},
				{Message: "Une erreur qui concerne tout le formulaire."},
			})},
		{Group: GroupFields, Component: "Notice", Name: "confirmation", Title: "Message de confirmation", Fragment: true,
			Render: components.Notice("La fiche de " + LongFirstName + " " + DoubleSurname + " est enregistrée.")},
	}
}
