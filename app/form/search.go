package form

import "unicode"

// Indexable says whether a trigram index can serve a search for text
// contained in a column ("contains s", extranet_like_contains): pg_trgm
// takes its trigrams from runs of letters and digits, so s needs 3 of them
// in a row ("la colle", "B0012", "Lé…" no). A search without one ("...",
// "a b", "％％％") gives the index nothing to look up: PostgreSQL would read
// it whole, then check every row of the table.
func Indexable(s string) bool {
	run := 0
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			run = 0
			continue
		}
		if run++; run == 3 {
			return true
		}
	}
	return false
}
