package gallery

import (
	"time"

	"github.com/departement06/extranet-assmat/app/auth"
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/throttle"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// loginStates: the login, the temporary-password change, the link request.
// The forms' inputs come from app/auth's table of fields, through its real
// view builders and validation: a state shows what the handler would.
func loginStates() []State {
	login := func(component, name, title string, f auth.LoginForm, v auth.LoginView) State {
		p := auth.LoginProps(f, v)
		r := components.LoginPage(p)
		if component == "LoginCard" {
			r = components.LoginCard(p)
		}
		return State{Group: GroupLogin, Component: component, Name: name, Title: title, Render: r,
			Visitor: Anonymous, Path: paths.Login, Fragment: component == "LoginCard"}
	}
	// A temporary-password change after VALIDER with these passwords typed.
	tempView := func(typed auth.PasswordForm) auth.PasswordView {
		return auth.PasswordView{Action: paths.PasswordChange, Login: "100002", Errors: typed.Validate(true)}
	}
	temp := func(name, title string, v auth.PasswordView) State {
		return State{Group: GroupLogin, Component: "PasswordChangePage", Name: name, Title: title,
			Render: components.PasswordChangePage(auth.PasswordChangeProps(v)), Visitor: Temporary, Path: paths.PasswordChange}
	}
	link := func(name, title string, f auth.LinkRequestForm, v auth.LinkRequestView) State {
		return State{Group: GroupLogin, Component: "LinkRequestPage", Name: name, Title: title,
			Render: components.LinkRequestPage(auth.LinkRequestProps(f, v)), Visitor: Anonymous, Path: paths.FirstLogin}
	}
	notices := auth.Notices(time.Hour)

	// Attempts suspended at 15h34 until 15h42, Paris time.
	throttled := throttle.Explain(time.Date(2026, 1, 15, 14, 42, 0, 0, time.UTC), time.Date(2026, 1, 15, 14, 34, 0, 0, time.UTC))
	badCredentials := components.FormErrors(auth.MsgBadCredentials)
	known := auth.LoginForm{Login: "100001", Password: "Mauvais-1"}

	policy := tempView(auth.PasswordForm{Current: "Temp-2025a", Password: "court", Verification: "court"})
	linkPolicy := auth.PasswordView{Action: paths.SetPassword + "jeton-d-exemple",
		Errors: auth.PasswordForm{Password: "court", Verification: "court"}.Validate(false)}
	wrongCurrent := tempView(auth.PasswordForm{Current: "Temp-2025b", Password: "Nouveau-2025", Verification: "Nouveau-2025"})
	wrongCurrent.CurrentError = credentials.MsgCurrentWrong

	_, linkErrs := auth.LinkRequestForm{BirthDate: "2/2/90", Email: "marie@"}.Validate()
	linkTyped := auth.LinkRequestForm{BirthDate: "2/2/90", Email: "marie@"}

	return []State{
		login("LoginPage", "vide", "Vide", auth.LoginForm{}, auth.LoginView{}),
		login("LoginPage", "deconnexion", "Après une déconnexion (message)", auth.LoginForm{}, auth.LoginView{Notice: notices[auth.NoticeLoggedOut]}),
		login("LoginPage", "champs-manquants", "CONNEXION sans rien saisir", auth.LoginForm{}, auth.LoginView{Errors: auth.LoginForm{}.Validate()}),
		login("LoginPage", "mot-de-passe-incorrect", "Mot de passe incorrect", known, auth.LoginView{Errors: badCredentials}),
		login("LoginPage", "bloquee", "Tentatives suspendues, avec l'heure à laquelle réessayer", known,
			auth.LoginView{Locked: true, Errors: components.FormErrors(auth.MsgBadCredentials, throttled)}),
		login("LoginPage", "mot-de-passe-affiche", "Mot de passe affiché (sans JavaScript)",
			auth.LoginForm{Login: "100001", Password: "Demo-assmat1", ShowPassword: true}, auth.LoginView{KeepPassword: true}),
		login("LoginCard", "mot-de-passe-incorrect", "Carte renvoyée à htmx après un échec", known, auth.LoginView{Errors: badCredentials}),

		temp("vide", "Mot de passe temporaire à remplacer", auth.PasswordView{Action: paths.PasswordChange, Login: "100002"}),
		temp("nouveau-manquant", "Nouveau mot de passe manquant", tempView(auth.PasswordForm{Current: "Temp-2025a"})),
		temp("politique", "Nouveau mot de passe non conforme à la politique", policy),
		temp("verification-differente", "Vérification différente",
			tempView(auth.PasswordForm{Current: "Temp-2025a", Password: "Nouveau-2025", Verification: "Nouveau-2026"})),
		temp("actuel-incorrect", "Mot de passe actuel incorrect", wrongCurrent),
		temp("actuel-manquant", "Mot de passe actuel manquant", tempView(auth.PasswordForm{Password: "Nouveau-2025", Verification: "Nouveau-2025"})),
		temp("identique-a-l-actuel", "Nouveau mot de passe identique à l'actuel",
			tempView(auth.PasswordForm{Current: "Nouveau-2025", Password: "Nouveau-2025", Verification: "Nouveau-2025"})),
		temp("caractere-de-controle", "Caractère invisible ou de contrôle",
			tempView(auth.PasswordForm{Current: "Temp-2025a", Password: "Nouveau\t2025", Verification: "Nouveau\t2025"})),
		temp("toutes-les-erreurs", "Toutes les erreurs à la fois", tempView(auth.PasswordForm{Password: "court", Verification: "autre"})),
		{Group: GroupLogin, Component: "PasswordChangePage", Name: "lien-par-courriel", Title: "Depuis le lien reçu par courriel (sans mot de passe actuel)",
			Render:  components.PasswordChangePage(auth.PasswordChangeProps(linkPolicy)),
			Visitor: Anonymous, Path: paths.SetPassword},
		{Group: GroupLogin, Component: "PasswordChangeCard", Name: "politique", Title: "Carte renvoyée à htmx : politique non respectée", Fragment: true,
			Render:  components.PasswordChangeCard(auth.PasswordChangeProps(policy)),
			Visitor: Temporary, Path: paths.PasswordChange},

		link("vide", "Vide", auth.LinkRequestForm{}, auth.LinkRequestView{}),
		link("erreurs", "Chaque champ en erreur", linkTyped, auth.LinkRequestView{Errors: linkErrs}),
		link("valeurs-longues", "Identité longue", auth.LinkRequestForm{Login: "100003", LastName: DoubleSurname,
			FirstName: LongFirstName, BirthDate: "02/02/1990", Email: LongEmail}, auth.LinkRequestView{}),
		link("lien-envoye", "Lien envoyé (message)", auth.LinkRequestForm{}, auth.LinkRequestView{Notice: notices[auth.NoticeLinkSent]}),
		{Group: GroupLogin, Component: "LinkRequestCard", Name: "erreurs", Title: "Carte renvoyée à htmx avec ses erreurs", Fragment: true,
			Render:  components.LinkRequestCard(auth.LinkRequestProps(auth.LinkRequestForm{}, auth.LinkRequestView{Errors: linkErrs})),
			Visitor: Anonymous, Path: paths.FirstLogin},
		{Group: GroupLogin, Component: "LinkInvalidPage", Name: "lien-expire", Title: "Lien déjà utilisé ou expiré",
			Render: components.LinkInvalidPage(paths.FirstLogin, "Demander un nouveau lien"), Visitor: Anonymous, Path: paths.SetPassword},
	}
}
