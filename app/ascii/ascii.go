// Package ascii compares text ignoring the case of ASCII letters only, as
// fiber's routing does and as mail servers may: strings.EqualFold would also
// fold Unicode ("ſ" = "s", the Kelvin sign = "k"), look-alikes that the other
// side treats as different.
package ascii

// Lower is b in lower case when it is an ASCII capital letter.
func Lower(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// EqualFold is a == b, ASCII letters in any case.
func EqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if Lower(a[i]) != Lower(b[i]) {
			return false
		}
	}
	return true
}

// IndexFold is strings.Index, ASCII letters in any case.
func IndexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
