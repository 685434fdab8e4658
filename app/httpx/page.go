package httpx

import "strconv"

// MaxPage bounds the page number a URL may ask for in any paginated list:
// beyond it the address is forged (and its OFFSET would only cost).
const MaxPage = 10_000

// Page reads a list's page number as a URL gives it: "" is the first page;
// ok is false for anything but a number from 1 to MaxPage (the handlers
// answer 404), so that every list treats a malformed page the same way.
func Page(raw string) (page int, ok bool) {
	if raw == "" {
		return 1, true
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > MaxPage {
		return 0, false
	}
	return n, true
}
