package gallery

import (
	"time"

	"github.com/departement06/extranet-assmat/app/account"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// accountStates: the dashboard, Mon compte and the email confirmation. Mon
// compte's inputs come from app/account's tables of fields, through its real
// view builder and validation: a state shows what the handler would.
func accountStates() []State {
	base := account.PageView{Info: Childminder, CurrentEmail: SampleEmail}
	page := func(name, title string, v account.PageView) State {
		return State{Group: GroupAccount, Component: "AccountPage", Name: name, Title: title,
			Render: components.AccountPage(account.PageProps(v)), Path: paths.Account}
	}
	// The password form after ENREGISTRER with nothing as the current
	// password, a new one the policy refuses and another confirmation.
	pwErrs := account.PasswordForm{Current: "", New: "court", Confirmation: "autre"}.Validate()
	const typedEmail = "gertrude@"
	emailErr := account.ValidateNewEmail(typedEmail, SampleEmail)

	withPw, withEmail, withBoth, noEmail, notice := base, base, base, base, base
	withPw.PasswordErrors = pwErrs
	withEmail.EmailError, withEmail.NewEmail = emailErr, typedEmail
	withBoth.PasswordErrors, withBoth.EmailError, withBoth.NewEmail = pwErrs, emailErr, typedEmail
	noEmail.CurrentEmail = ""
	notice.Notice = account.Notices()[account.NoticeEmailChangeSent]
	return []State{
		{Group: GroupAccount, Component: "DashboardPage", Name: "identite-longue", Title: "Tableau de bord, identité et commune longues",
			Render: components.DashboardPage(components.DashboardProps{Info: Childminder}), Path: paths.Dashboard},
		{Group: GroupAccount, Component: "PersonalInfoList", Name: "identite-longue", Title: "Informations personnelles seules", Fragment: true,
			Render: components.PersonalInfoList(Childminder), Path: paths.Dashboard},
		page("vide", "Sans erreur", base),
		page("sans-adresse-email", "Sans adresse email", noEmail),
		page("erreurs-mot-de-passe", "Erreurs du changement de mot de passe", withPw),
		page("erreur-adresse-email", "Erreur de la nouvelle adresse email", withEmail),
		page("deux-formulaires-en-erreur", "Les deux formulaires en erreur", withBoth),
		page("confirmation-envoyee", "Courriel de confirmation envoyé (message)", notice),
		{Group: GroupAccount, Component: "AccountPasswordSection", Name: "erreurs", Title: "Section renvoyée à htmx avec ses erreurs", Fragment: true,
			Render: components.AccountPasswordSection(account.PageProps(withPw)), Path: paths.Account},
		{Group: GroupAccount, Component: "AccountEmailSection", Name: "erreur", Title: "Section renvoyée à htmx avec son erreur", Fragment: true,
			Render: components.AccountEmailSection(account.PageProps(withEmail)), Path: paths.Account},
		{Group: GroupAccount, Component: "ConfirmEmailPage", Name: "adresse-longue", Title: "Confirmer une adresse longue",
			Render: components.ConfirmEmailPage(LongEmail, paths.ConfirmEmail+"jeton-d-exemple"), Visitor: Anonymous, Path: paths.ConfirmEmail},
		{Group: GroupAccount, Component: "EmailConfirmedPage", Name: "confirmee", Title: "Adresse confirmée",
			Render: components.EmailConfirmedPage(), Path: paths.EmailConfirmed},
	}
}

// errorStates: the error pages as app/web's error handler fills them.
func errorStates() []State {
	page := func(name, title string, p components.ErrorProps) State {
		return State{Group: GroupErrors, Component: "ErrorPage", Name: name, Title: title, Render: components.ErrorPage(p)}
	}
	notFound := components.ErrorProps{Title: "Page introuvable", Message: "La page demandée n'existe pas ou ne vous est pas accessible."}
	unavailable := components.ErrorProps{Title: "Service momentanément indisponible", Message: "Service momentanément surchargé, réessayez dans un instant."}
	return []State{
		page("404", "404 Page introuvable", notFound),
		page("413", "413 Envoi trop volumineux", components.ErrorProps{Title: "Envoi trop volumineux",
			Message: "Les informations envoyées dépassent la taille autorisée. Veuillez les raccourcir."}),
		page("403", "403 Action refusée (jeton CSRF)", components.ErrorProps{Title: "Action refusée",
			Message: "Cette action n'a pas pu être vérifiée : la page a peut-être expiré. Rechargez la page, puis réessayez."}),
		page("429", "429 Trop de demandes", components.ErrorProps{Title: "Trop de demandes",
			Message: "Trop de demandes ont été faites en peu de temps. Veuillez patienter quelques minutes."}),
		page("500", "500 Erreur technique, avec la référence", components.ErrorProps{Title: "Erreur technique",
			Message: "Une erreur technique est survenue. Veuillez réessayer dans quelques instants. Si le problème persiste, " +
				"contactez le service en indiquant la référence " + sampleRequestID + "."}),
		page("503", "503 Service momentanément indisponible", unavailable),
		{Group: GroupErrors, Component: "ErrorFragment", Name: "503", Title: "503 dans la zone d'alerte d'une page (htmx)", Fragment: true,
			Render: components.ErrorFragment(unavailable)},
		{Group: GroupErrors, Component: "ErrorFragment", Name: "404", Title: "404 renvoyé à htmx", Fragment: true,
			Render: components.ErrorFragment(notFound)},
	}
}

// otherStates: the pages with no state of their own to speak of.
func otherStates() []State {
	mails := []components.DevMail{
		{ID: 2, To: LongEmail, Subject: "Définissez votre mot de passe", SentAt: Childminder.BirthDate.AddDate(35, 0, 0),
			Links: []string{"http://localhost:3000/mot-de-passe/jeton-d-exemple-tres-long-0123456789abcdefghijklmnopqrstuvwxyz"}},
		{ID: 1, To: SampleEmail, Subject: "Votre adresse email a été modifiée", SentAt: Childminder.BirthDate.AddDate(35, 0, 0)},
	}
	return []State{
		{Group: GroupOther, Component: "AccessibilityPage", Name: "declaration", Title: "Déclaration d'accessibilité",
			Render: components.AccessibilityPage(components.AccessibilityProps{Contact: "modes-accueil@departement06.fr",
				Declared: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)}), Visitor: Anonymous, Path: paths.Accessibility},
		{Group: GroupOther, Component: "DevMailboxPage", Name: "vide", Title: "Boîte de développement vide",
			Render: components.DevMailboxPage(nil), Visitor: Anonymous, Path: paths.DevMailbox},
		{Group: GroupOther, Component: "DevMailboxPage", Name: "deux-courriels", Title: "Boîte de développement avec deux courriels",
			Render: components.DevMailboxPage(mails), Visitor: Anonymous, Path: paths.DevMailbox},
	}
}
