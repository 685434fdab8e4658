package credentials

import (
	"github.com/alexedwards/argon2id"
)

// HashPassword hashes a password with argon2id (64 MiB, 1 pass, 2 lanes: the
// library's defaults, the RFC 9106 second recommendation).
func HashPassword(password string) (string, error) {
	return argon2id.CreateHash(password, argon2id.DefaultParams)
}

// dummyHash is checked when the identifier is unknown, so that a wrong
// identifier takes as long as a wrong password and reveals nothing.
var dummyHash = func() string {
	h, err := HashPassword("not-a-real-password-0")
	if err != nil {
		panic(err)
	}
	return h
}()

// CheckPassword is true when the password matches the stored hash. A nil hash
// (an account whose password was never set) never matches, in the same time.
func CheckPassword(password string, hash *string) bool {
	h := dummyHash
	if hash != nil {
		h = *hash
	}
	ok, err := argon2id.ComparePasswordAndHash(password, h)
	return err == nil && ok && hash != nil
}
