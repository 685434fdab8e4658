package gallery

import (
	"time"

	"github.com/departement06/extranet-assmat/app/agentauth"
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/app/throttle"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// backOfficeStates: the agents' layout, home, sign-in, password link and Mon
// compte. The forms' inputs come from app/agentauth's tables of fields,
// through its real view builders and validation.
func backOfficeStates() []State {
	bo := func(component, name, title string, r State) State {
		r.Group, r.Component, r.Name, r.Title, r.BackOffice = GroupBackOffice, component, name, title, true
		return r
	}
	login := func(component, name, title string, f agentauth.LoginForm, v agentauth.LoginView) State {
		p := agentauth.LoginProps(f, v)
		r := components.BackOfficeLoginPage(p)
		if component == "BackOfficeLoginCard" {
			r = components.BackOfficeLoginCard(p)
		}
		return bo(component, name, title, State{Render: r, Visitor: Anonymous, Path: paths.BackOfficeLogin,
			Fragment: component == "BackOfficeLoginCard"})
	}
	link := func(component, name, title string, typed *agentauth.LinkForm) State {
		var errs components.Errors
		if typed != nil {
			errs = typed.Validate()
		}
		p := agentauth.LinkProps("jeton-d-exemple", errs)
		r := components.BackOfficePasswordPage(p)
		if component == "BackOfficePasswordCard" {
			r = components.BackOfficePasswordCard(p)
		}
		return bo(component, name, title, State{Render: r, Visitor: Anonymous, Path: paths.BackOfficeSetPassword,
			Fragment: component == "BackOfficePasswordCard"})
	}
	account := func(component, name, title string, v agentauth.AccountView) State {
		v.Name, v.Email = "Marie-Christine DUPONT-LEFÈVRE", "marie-christine.dupont-lefevre@departement06.fr"
		p := agentauth.AccountProps(v)
		r := components.BackOfficeAccountPage(p)
		if component == "BackOfficePasswordSection" {
			r = components.BackOfficePasswordSection(p)
		}
		return bo(component, name, title, State{Render: r, Path: paths.BackOfficeAccount,
			Fragment: component == "BackOfficePasswordSection"})
	}
	notices, ended := agentauth.Notices(), session.Notices()
	// Attempts suspended at 15h34 until 15h42, Paris time.
	throttled := throttle.Explain(time.Date(2026, 1, 15, 14, 42, 0, 0, time.UTC), time.Date(2026, 1, 15, 14, 34, 0, 0, time.UTC))
	known := agentauth.LoginForm{Email: "agent@demo.local", Password: "Mauvais-1"}
	wrong := agentauth.LoginView{Errors: components.FormErrors(agentauth.MsgBadCredentials)}
	mismatch := agentauth.LinkForm{Password: "Nouveau-2025", Verification: "Nouveau-2026"}
	policy := agentauth.LinkForm{Password: "court", Verification: "court"}
	accountErrs := agentauth.AccountView{Errors: agentauth.AccountForm{Current: "Ancien-mdp1", New: "court", Confirmation: "autre"}.Validate()}

	return []State{
		bo("BackOfficeLayout", "agent-connecte", "Agent connecté : menu du back office", State{
			Render: sampleContent("Back office"), Path: paths.BackOffice}),
		bo("BackOfficeLayout", "menu-page-courante", "Menu : « Assistants maternels » est la section courante",
			State{Render: sampleContent("Fiche d'une assistante maternelle"), Path: paths.BackOfficeAssmats + "/123"}),
		bo("BackOfficeLayout", "anonyme", "Visiteur non connecté : pas de menu", State{
			Render: sampleContent("Back office"), Visitor: Anonymous, Path: paths.BackOfficeLogin}),
		bo("BackOfficeHomePage", "accueil", "Accueil de l'agent", State{
			Render: components.BackOfficeHomePage(components.BackOfficeHomeProps{FirstName: "Marie-Christine"}), Path: paths.BackOffice}),

		login("BackOfficeLoginPage", "vide", "Vide", agentauth.LoginForm{}, agentauth.LoginView{}),
		login("BackOfficeLoginPage", "deconnexion", "Après une déconnexion (message)", agentauth.LoginForm{},
			agentauth.LoginView{Notice: notices[agentauth.NoticeLoggedOut]}),
		login("BackOfficeLoginPage", "inactivite", "Après 15 minutes d'inactivité (message)", agentauth.LoginForm{},
			agentauth.LoginView{Notice: ended[session.NoticeInactivity]}),
		login("BackOfficeLoginPage", "mot-de-passe-defini", "Après le lien : mot de passe défini (message)", agentauth.LoginForm{},
			agentauth.LoginView{Notice: notices[agentauth.NoticePasswordSet]}),
		login("BackOfficeLoginPage", "champs-manquants", "CONNEXION sans rien saisir", agentauth.LoginForm{},
			agentauth.LoginView{Errors: agentauth.LoginForm{}.Validate()}),
		login("BackOfficeLoginPage", "identifiants-incorrects", "Adresse ou mot de passe incorrect", known, wrong),
		login("BackOfficeLoginPage", "bloquee", "Tentatives suspendues, avec l'heure à laquelle réessayer", known,
			agentauth.LoginView{Locked: true, Errors: components.FormErrors(agentauth.MsgBadCredentials, throttled)}),
		login("BackOfficeLoginPage", "mot-de-passe-affiche", "Mot de passe affiché (sans JavaScript)",
			agentauth.LoginForm{Email: "agent@demo.local", Password: "Demo-agent1", ShowPassword: true}, agentauth.LoginView{KeepPassword: true}),
		login("BackOfficeLoginCard", "identifiants-incorrects", "Adresse ou mot de passe incorrect (réponse htmx)", known, wrong),

		link("BackOfficePasswordPage", "vide", "Lien ouvert : définir son mot de passe", nil),
		link("BackOfficePasswordPage", "non-conforme", "Mot de passe non conforme à la politique", &policy),
		link("BackOfficePasswordCard", "verification-differente", "Vérification différente (réponse htmx)", &mismatch),

		account("BackOfficeAccountPage", "vide", "Mon compte de l'agent", agentauth.AccountView{}),
		account("BackOfficeAccountPage", "mot-de-passe-change", "Après un changement de mot de passe (message)",
			agentauth.AccountView{Notice: notices[agentauth.NoticePasswordChanged]}),
		account("BackOfficeAccountPage", "erreurs", "Nouveau mot de passe non conforme et confirmation différente", accountErrs),
		account("BackOfficePasswordSection", "mot-de-passe-actuel-incorrect", "Mot de passe actuel incorrect (réponse htmx)",
			agentauth.AccountView{CurrentError: credentials.MsgCurrentWrong}),
	}
}
