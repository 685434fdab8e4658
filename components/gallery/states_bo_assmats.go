package gallery

import (
	"fmt"
	"time"

	"github.com/departement06/extranet-assmat/app/boassmats"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// boAssmatsStates: the back office's childminders — the search (nothing
// searched, results, several pages, none, too short, a refused character),
// its htmx region, her page in each state of her account, the three
// confirmation pages and the letter. Each is built by app/boassmats' real
// view builders from sample rows: no database.
func boAssmatsStates() []State {
	st := func(component, name, title, path string, r State) State {
		r.Group, r.Component, r.Name, r.Title, r.BackOffice, r.Path = GroupBackOffice, component, name, title, true, path
		r.Fragment = component == "BoAssmatsResults" || component == "BoAssmatsResultsSwap"
		return r
	}
	search := func(text string, page int, found []boassmats.Found) boassmats.SearchView {
		q := boassmats.SearchQuery{Text: text, Page: page}
		return boassmats.SearchView{Query: q, FieldError: q.Check(), Searched: text != "" && q.Check() == "", Found: found}
	}
	searchPage := func(name, title string, v boassmats.SearchView) State {
		return st("BoAssmatsSearchPage", name, title, paths.BackOfficeAssmats,
			State{Render: components.BoAssmatsSearchPage(boassmats.SearchProps(v))})
	}
	results := func(name, title string, v boassmats.SearchView) State {
		return st("BoAssmatsResults", name, title, paths.BackOfficeAssmats,
			State{Render: components.BoAssmatsResults(boassmats.SearchProps(v).Results)})
	}
	found := []boassmats.Found{
		{Login: "100001", Civilite: "Madame", Nom: "ASSMAT", Prenom: "Gertrude", CodePostal: "06480", Commune: "La Colle-sur-Loup", HasPassword: true, Total: 3},
		{Login: "100458", Civilite: "Madame", Nom: DoubleSurname, Prenom: LongFirstName, CodePostal: "06450", Commune: LongCommune, HasPassword: true, MustChangePassword: true, Total: 3},
		{Login: "100972", Civilite: "Monsieur", Nom: "COLLET", Prenom: "Marcel", CodePostal: "06480", Commune: "La Colle-sur-Loup", Total: 3},
	}
	var many []boassmats.Found
	for i := range boassmats.PageSize {
		many = append(many, boassmats.Found{Login: fmt.Sprintf("1%05d", 200+i), Nom: fmt.Sprintf("MARTIN-%02d", i+21), Prenom: "Sophie",
			CodePostal: "06000", Commune: "Nice", HasPassword: i%3 != 0, Total: 57})
	}

	return []State{
		searchPage("vide", "Rien de cherché encore", search("", 1, nil)),
		searchPage("resultats", "Résultats de « la colle » (compte actif, temporaire, identifiant seul)", search("la colle", 1, found)),
		searchPage("plusieurs-pages", "57 résultats, page 2 sur 3", search("martin", 2, many)),
		searchPage("aucun-resultat", "Aucun résultat", search("nulle part", 1, nil)),
		searchPage("trop-de-resultats", "Plus de 200 résultats : préciser la recherche", func() boassmats.SearchView {
			v := search("martin", 1, many)
			v.TooMany = true
			return v
		}()),
		searchPage("recherche-courte", "Recherche de 2 caractères sans identifiant", search("ab", 1, nil)),
		searchPage("caractere-refuse", "Un caractère de contrôle refusé", search("as\u0001smat", 1, nil)),
		results("resultats", "Résultats (réponse htmx)", search("la colle", 1, found)),
		results("aucun-resultat", "Aucun résultat (réponse htmx)", search("nulle part", 1, nil)),
		st("BoAssmatsResultsSwap", "resultats", "Résultats et leur annonce (réponse htmx)", paths.BackOfficeAssmats,
			State{Render: components.BoAssmatsResultsSwap(boassmats.SearchProps(search("la colle", 1, found)).Results)}),

		assmatPage("actif", "Compte actif : agréments, enfants, messages", activeView()),
		assmatPage("mot-de-passe-temporaire", "Mot de passe temporaire non encore changé, noms longs", temporaryView()),
		assmatPage("identifiant-seul", "Identifiant seul, sans agrément, enfant ni message", identifierOnlyView()),
		assmatPage("bloque", "Connexion bloquée (tentatives infructueuses)", lockedView()),
		assmatPage("apres-deblocage", "Après un déblocage (message)", unlockedView()),

		confirm("donner-acces", "Donner l'accès (identifiant seul)", boassmats.ConfirmAccessProps(getRow(identifierOnlyView().Assmat))),
		confirm("renouveler-acces", "Renouveler l'accès (compte actif)", boassmats.ConfirmAccessProps(getRow(activeView().Assmat))),
		confirm("identifiant-seul", "Passer en identifiant seul", boassmats.ConfirmIdentifierOnlyProps(getRow(activeView().Assmat))),
		confirm("deblocage", "Débloquer le compte", boassmats.ConfirmUnlockProps(getRow(lockedView().Assmat))),

		letter("courrier", "Courrier à imprimer : identifiant et mot de passe temporaire", db.BoLockAssmatRow{
			Login: "100003", Civilite: "Monsieur", Nom: "SANSMOTDEPASSE", Prenom: "Marcel",
			Adresse: "3 rue de la République", CodePostal: "06600", Commune: "Antibes"}),
		letter("adresse-longue", "Courrier : noms et adresse longs, civilité inconnue", db.BoLockAssmatRow{
			Login: "100458", Nom: DoubleSurname, Prenom: LongFirstName, Adresse: LongAddress, CodePostal: "06450", Commune: LongCommune}),
	}
}

func assmatPage(name, title string, v boassmats.AssmatView) State {
	return State{Group: GroupBackOffice, Component: "BoAssmatPage", Name: name, Title: title, BackOffice: true,
		Path: components.BoAssmatPath(v.Assmat.Login), Render: components.BoAssmatPage(boassmats.AssmatProps(v))}
}

func confirm(name, title string, p components.BoAssmatConfirmProps) State {
	return State{Group: GroupBackOffice, Component: "BoAssmatConfirmPage", Name: name, Title: title, BackOffice: true,
		Path: p.ActionURL, Render: components.BoAssmatConfirmPage(p)}
}

func letter(name, title string, a db.BoLockAssmatRow) State {
	p := boassmats.LetterProps(boassmats.LetterView{Assmat: a, Password: "Kp7m-Qx4t-Zr9a",
		BaseURL: "https://extranet-social.departement06.fr/AssMat", Now: Today})
	return State{Group: GroupBackOffice, Component: "BoAssmatLetterPage", Name: name, Title: title, BackOffice: true,
		Path: components.BoAssmatPath(a.Login, components.BoAssmatAccess), Render: components.BoAssmatLetterPage(p)}
}

// getRow is the confirmation pages' row of a page's childminder.
func getRow(a db.BoGetAssmatRow) db.BoGetAssmatRow { return a }

func galleryDay(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func galleryPtr[T any](v T) *T { return &v }

func activeView() boassmats.AssmatView {
	at := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 12, 0, 0, time.UTC) }
	return boassmats.AssmatView{
		Assmat: db.BoGetAssmatRow{Login: "100001", Civilite: "Madame", Nom: "ASSMAT", Prenom: "Gertrude",
			DateNaissance: galleryDay(1990, 2, 2), SituationFamiliale: "Concubinage", Adresse: "1 Route de la Colle",
			CodePostal: "06480", Commune: "La Colle-sur-Loup", Email: galleryPtr(SampleEmail), HasPassword: true},
		Agrements: []db.BoAssmatAgrementsRow{{Numero: "AGR-06-2019-0042", Statut: "Valide",
			DateDebutValidite: galleryPtr(galleryDay(2021, 9, 1)), DateFinValidite: galleryPtr(galleryDay(2026, 8, 31)),
			CapaciteTotale: 4, CapaciteMoins3Ans: 3, CapacitePlus3Ans: 1, LieuExercice: "mam", MamNom: "Les P'tits Loups",
			LieuAdresse: "12 chemin des Écoles", LieuCodePostal: "06480", LieuCommune: "La Colle-sur-Loup",
			Derogations: "Accueil d'un quatrième enfant de moins de 3 ans jusqu'au 31/12/2026"}},
		Children: []db.BoAssmatChildrenRow{
			{Nom: "MARTIN", Prenom: "Léa", DateNaissance: galleryDay(2024, 3, 2), DeclaredAt: at(1, 6, 9), IsCurrent: true,
				FirstStart: galleryDay(2026, 1, 5), OpenEnded: true},
			{Nom: DoubleSurname, Prenom: LongFirstName, DateNaissance: galleryDay(2023, 11, 20), DeclaredAt: at(1, 14, 9), DeclaredLate: true,
				IsCurrent: true, FirstStart: galleryDay(2025, 12, 1), LastEnd: galleryDay(2026, 6, 30)},
			{Nom: "BERNARD", Prenom: "Tom", DateNaissance: galleryDay(2021, 5, 14), DeclaredAt: at(1, 8, 9),
				FirstStart: galleryDay(2022, 9, 1), LastEnd: galleryDay(2025, 7, 4)},
		},
		Messages: []db.BoAssmatMessagesRow{
			{CreatedAt: at(1, 12, 10), SenderService: "Service des modes d'accueil de la petite enfance",
				Subject: "Rappel : déclaration des enfants accueillis sous 8 jours"},
			{CreatedAt: at(1, 5, 14), SenderService: "Service de PMI de Grasse", Subject: "Visite de suivi de votre agrément",
				Personal: true, ReadAt: galleryPtr(at(1, 6, 8))},
			{CreatedAt: at(1, 2, 9), SenderService: "Service des modes d'accueil de la petite enfance",
				Subject: "attention regardez la météo pour les alertes orange ou rouges", ReadAt: galleryPtr(at(1, 3, 18)), Archived: true},
		},
		Now: Today,
	}
}

func temporaryView() boassmats.AssmatView {
	v := activeView()
	v.Assmat = db.BoGetAssmatRow{Login: "100458", Civilite: "Madame", Nom: DoubleSurname, Prenom: LongFirstName,
		DateNaissance: galleryDay(1978, 6, 14), Adresse: LongAddress, CodePostal: "06450", Commune: LongCommune,
		Email: galleryPtr(LongEmail), HasPassword: true, MustChangePassword: true}
	return v
}

func identifierOnlyView() boassmats.AssmatView {
	return boassmats.AssmatView{Assmat: db.BoGetAssmatRow{Login: "100003", Civilite: "Monsieur", Nom: "SANSMOTDEPASSE", Prenom: "Marcel",
		DateNaissance: galleryDay(1985, 3, 15), SituationFamiliale: "Célibataire", Adresse: "3 rue de la République",
		CodePostal: "06600", Commune: "Antibes"}, Now: Today}
}

func lockedView() boassmats.AssmatView {
	v := activeView()
	v.Now = time.Date(2026, 1, 15, 14, 34, 0, 0, time.UTC)
	v.LockedUntil = time.Date(2026, 1, 15, 14, 42, 0, 0, time.UTC)
	return v
}

func unlockedView() boassmats.AssmatView {
	v := activeView()
	v.Notice = boassmats.Notices()[boassmats.NoticeUnlocked]
	return v
}
