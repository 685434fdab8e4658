package gallery

import (
	"time"

	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// accountStates: the dashboard, Mon compte and the email confirmation.
func accountStates() []State {
	base := components.AccountProps{Info: Childminder, CurrentEmail: SampleEmail, Policy: Policy}
	page := func(name, title string, p components.AccountProps) State {
		return State{Group: GroupAccount, Component: "AccountPage", Name: name, Title: title,
			Render: components.AccountPage(p), Path: paths.Account}
	}
	var pwErrs components.Errors
	pwErrs.Add("mdp-actuel", msgCurrentWrong)
	pwErrs.Add("mdp-nouveau", msgPolicy)
	pwErrs.Add("mdp-confirmation", msgMismatch)
	var emailErrs components.Errors
	emailErrs.Add("email-nouveau", "L'adresse email n'est pas valide : elle doit ressembler à prenom.nom@exemple.fr.")

	withPw, withEmail, withBoth, noEmail, notice := base, base, base, base, base
	withPw.PasswordErrors = pwErrs
	withEmail.EmailErrors, withEmail.NewEmail = emailErrs, "gertrude@"
	withBoth.PasswordErrors, withBoth.EmailErrors, withBoth.NewEmail = pwErrs, emailErrs, "gertrude@"
	noEmail.CurrentEmail = ""
	notice.Notice = "Un courriel de confirmation vient d'être envoyé à la nouvelle adresse. Elle remplacera l'adresse actuelle " +
		"lorsque vous aurez cliqué sur le lien qu'il contient."
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
			Render: components.AccountPasswordSection(withPw), Path: paths.Account},
		{Group: GroupAccount, Component: "AccountEmailSection", Name: "erreur", Title: "Section renvoyée à htmx avec son erreur", Fragment: true,
			Render: components.AccountEmailSection(withEmail), Path: paths.Account},
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
