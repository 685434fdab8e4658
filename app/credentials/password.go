package credentials

import (
	"context"
	"time"

	"github.com/alexedwards/argon2id"

	"github.com/departement06/extranet-assmat/app/db"
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

// SetPassword hashes and stores a new password for the childminder. Every
// session opened before now ends and pending password links die (see the
// query). email becomes the account's address when it had none (nil: keep).
func SetPassword(ctx context.Context, q *db.Queries, id int64, password string, now time.Time, email *string) error {
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return q.SetPassword(ctx, db.SetPasswordParams{ID: id, PasswordHash: hash, Now: now, Email: email})
}
