package agentauth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
)

// The agents' one-time links have the shape of the childminders' (32 random
// bytes, base64url; only a SHA-256 is stored). app/credentials keeps its
// token helpers unexported, tied to account_tokens: these are their twins
// for agent_tokens.

func newToken() (token string, hash []byte) {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand panics instead)
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, hashToken(token)
}

func hashToken(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

// validTokenShape is true for a string that may be a token (43 base64url
// characters): anything else is refused before a query.
func validTokenShape(s string) bool {
	if len(s) != 43 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}
