package boassmats

import (
	"crypto/rand"
	"math/big"
	"strings"

	"github.com/departement06/extranet-assmat/app/credentials"
)

// The temporary password's alphabet: no character that reads like another
// on paper or in a typeface (0 O o, 1 I l, 2 Z, 5 S, 6 b, 8 B: one of each
// pair is dropped), so that she types what the letter says.
const (
	tempUpper  = "ACDEFGHJKLMNPQRTUVWXY"
	tempLower  = "acdefghijkmnpqrstuvwxyz"
	tempDigits = "3479"
	tempAll    = tempUpper + tempLower + tempDigits
)

// Shape of a temporary password: three groups of four characters joined by
// hyphens ("Kp7m-Qx4t-Zr9a"), easy to read aloud and to type; 12 random
// characters from 48 give about 67 bits, far beyond guessing under the
// login throttle.
const (
	tempGroups    = 3
	tempGroupSize = 4
)

// NewTemporaryPassword returns a random temporary password (crypto/rand) that
// meets the département's policy: drawn uniformly, and drawn again in the rare
// case it lacks a lowercase letter, an uppercase letter or a digit (rejection
// keeps the draw uniform over the passwords that qualify).
func NewTemporaryPassword() string {
	for {
		var b strings.Builder
		for g := range tempGroups {
			if g > 0 {
				b.WriteByte('-')
			}
			for range tempGroupSize {
				b.WriteByte(tempAll[randomIndex(len(tempAll))])
			}
		}
		if p := b.String(); credentials.MeetsPolicy(p) {
			return p
		}
	}
}

// randomIndex is a uniform random number in [0, n).
func randomIndex(n int) int {
	i, err := rand.Int(rand.Reader, big.NewInt(int64(n)))
	if err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return int(i.Int64())
}
