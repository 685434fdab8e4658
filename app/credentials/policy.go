package credentials

import (
	"unicode"

	"github.com/departement06/extranet-assmat/app/form"
)

// The département's password policy, shown on every password form; its
// texts are built from MinPasswordLength.
const (
	// MinPasswordLength is the policy's shortest password.
	MinPasswordLength = 8
	// PolicyRule is the rule as a phrase (the hint under a new password).
	PolicyRule = "8 caractères au minimum dont 1 minuscule, 1 majuscule et 1 chiffre"
	// PolicyText is the rule under its heading, above every password form.
	PolicyText = "Politique de sécurité : " + PolicyRule

	MsgPolicy          = "Mot de passe non conforme à la politique de sécurité"
	MsgMismatch        = "Le mot de passe n'est pas identique à la vérification"
	MsgCurrentWrong    = "Le mot de passe actuel est incorrect"
	MsgCurrentMissing  = "Veuillez saisir votre mot de passe actuel"
	MsgPasswordMissing = "Veuillez saisir un nouveau mot de passe"
	MsgSameAsCurrent   = "Le nouveau mot de passe doit être différent du mot de passe actuel"

	// MaxPasswordLength bounds what is hashed (argon2id is costly on huge input).
	MaxPasswordLength = 128
)

// MeetsPolicy is true for a password of 8 to 128 characters with at least one
// lowercase letter, one uppercase letter and one digit.
func MeetsPolicy(password string) bool {
	var n int
	var lower, upper, digit bool
	for _, r := range password {
		n++
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsDigit(r):
			digit = true
		}
	}
	return n >= MinPasswordLength && n <= MaxPasswordLength && lower && upper && digit
}

// CheckNewPassword returns the seed's errors for a new password and for its
// verification ("" when fine).
func CheckNewPassword(password, verification string) (passwordErr, verificationErr string) {
	switch {
	case password == "":
		return MsgPasswordMissing, ""
	case !form.Allowed(password, form.Secret):
		// No control character: a password must be typable again.
		passwordErr = form.MsgSecretControl
	case !MeetsPolicy(password):
		passwordErr = MsgPolicy
	}
	if password != verification {
		verificationErr = MsgMismatch
	}
	return passwordErr, verificationErr
}

// CheckPasswordChange checks a password change without the database: the
// current password given (one that no password can be — a control character,
// over-long — is wrong without being hashed), the new one against the policy
// and its confirmation, and that it differs from the current one. Each form
// ties the three messages ("" when fine) to its own fields.
func CheckPasswordChange(current, password, verification string) (currentErr, passwordErr, verificationErr string) {
	switch {
	case current == "":
		currentErr = MsgCurrentMissing
	case form.Check(current, form.Secret, MaxPasswordLength) != "":
		currentErr = MsgCurrentWrong
	}
	passwordErr, verificationErr = CheckNewPassword(password, verification)
	if passwordErr == "" && current != "" && current == password {
		passwordErr = MsgSameAsCurrent
	}
	return currentErr, passwordErr, verificationErr
}
