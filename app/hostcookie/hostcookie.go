// Package hostcookie names the extranet's cookies on the wire. Over HTTPS
// each name takes the "__Host-" prefix: a browser then keeps the cookie only
// if it is Secure, for Path "/" and without Domain, set by this very host.
// Another site of the same parent domain (a compromised intranet.example.fr
// next to extranet.example.fr) can no longer plant or shadow the extranet's
// session, CSRF seed, trusted-device or notice cookie, which it could with
// plain names ("cookie tossing"). Over plain HTTP (development, tests)
// browsers refuse the prefix, so the names stay as they are.
package hostcookie

// Prefix is what browsers require of a host-only, secure cookie's name.
const Prefix = "__Host-"

// Name is the cookie name on the wire for name.
func Name(name string, secure bool) string {
	if secure {
		return Prefix + name
	}
	return name
}
