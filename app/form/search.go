package form

import (
	"strconv"
	"unicode"
)

// IndexableRun is how many letters or digits in a row a search needs for a
// trigram index to serve it (see Indexable).
const IndexableRun = 3

// IndexableRule states IndexableRun for the French messages and hints that
// ask for it ("au moins 3 lettres ou chiffres à la suite").
var IndexableRule = "au moins " + strconv.Itoa(IndexableRun) + " lettres ou chiffres à la suite"

// Indexable says whether a trigram index can serve a search for text
// contained in a column ("contains s", extranet_like_contains): pg_trgm
// takes its trigrams from runs of letters and digits of the folded text, so
// s needs 3 of them in a row ("la colle", "B0012"; not "Lé"). A search
// without one ("...", "a b", "％％％") gives the index nothing to look up:
// PostgreSQL would read it whole, then check every row of the table. This
// is Go's view of letters, for a French message; the queries' one-time
// filter judges the folded text by the database's rules (a modifier letter
// such as "ʼ" is a letter here and an apostrophe once folded).
func Indexable(s string) bool {
	run := 0
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			run = 0
			continue
		}
		if run++; run == IndexableRun {
			return true
		}
	}
	return false
}
