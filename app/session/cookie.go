package session

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"strings"
)

// secretLen is the cookie's random part: 32 bytes, 43 characters of base64url.
const secretLen = 32

// cookieClaim is what a session cookie says: a user's id (a claim the row
// must confirm) and the SHA-256 of its secret, the row's key.
type cookieClaim struct {
	userID int64
	secret string
	key    [sha256.Size]byte
}

// parseCookie reads "<user id>.<secret>". Anything else, however long or
// odd, is no session, and costs no query.
func parseCookie(v string) (cookieClaim, bool) {
	id, secret, ok := strings.Cut(v, ".")
	// One way to write an id: no leading zero ("0001" is no "1").
	if !ok || len(id) == 0 || len(id) > 19 || id[0] == '0' || len(secret) != base64.RawURLEncoding.EncodedLen(secretLen) {
		return cookieClaim{}, false
	}
	for i := 0; i < len(id); i++ {
		if id[i] < '0' || id[i] > '9' {
			return cookieClaim{}, false
		}
	}
	uid, err := strconv.ParseInt(id, 10, 64)
	if err != nil || uid <= 0 {
		return cookieClaim{}, false
	}
	if _, err := base64.RawURLEncoding.DecodeString(secret); err != nil {
		return cookieClaim{}, false
	}
	return cookieClaim{userID: uid, secret: secret, key: sha256.Sum256([]byte(secret))}, true
}

// newClaim is a new session's cookie for the user.
func newClaim(userID int64) (cookieClaim, error) {
	b := make([]byte, secretLen)
	if _, err := rand.Read(b); err != nil {
		return cookieClaim{}, err
	}
	secret := base64.RawURLEncoding.EncodeToString(b)
	return cookieClaim{userID: userID, secret: secret, key: sha256.Sum256([]byte(secret))}, nil
}

func (c cookieClaim) cookie() string { return strconv.FormatInt(c.userID, 10) + "." + c.secret }

// keyHex names the session for the CSRF token: secret (derived from the
// cookie's secret), and the same on every instance.
func (c cookieClaim) keyHex() string { return hex.EncodeToString(c.key[:]) }
