package components

// Values the login form's buttons post under ActionName, and the hidden input
// that keeps the password shown: app/auth reads these very constants, so that
// the template and its handler cannot disagree on a button.
const (
	// ActionLogin is CONNEXION (and its hidden copy that Enter submits).
	ActionLogin = "connexion"
	// ActionShowPassword is "Afficher le mot de passe" without JavaScript:
	// the form comes back with the password shown, or hidden again.
	ActionShowPassword = "afficher"
	// PasswordShownSuffix follows the password input's name to name the
	// hidden input that says it is shown ("mot_de_passe_visible"), posted
	// with PasswordShownValue.
	PasswordShownSuffix = "_visible"
	PasswordShownValue  = "1"
)
