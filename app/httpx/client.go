package httpx

import (
	"net/netip"
	"strings"

	"github.com/gofiber/fiber/v2"
)

const localsClient = "httpx.client"

// ClientAddress finds the address of the client behind the proxies we trust
// and keeps it for ClientIP. X-Forwarded-For is read from the right: each
// trusted proxy appended the address it received from, so the first address
// that is not a trusted proxy is the client; whatever stands further left was
// written by the client itself and is ignored. Without trusted proxies, the
// header is ignored altogether. (Fiber's own c.IP() with a proxy header
// returns the header's raw text: a new throttle key per request, of any length.)
func ClientAddress(trusted []netip.Prefix) fiber.Handler {
	return func(c *fiber.Ctx) error {
		remote, _ := netip.AddrFromSlice(c.Context().RemoteIP())
		var forwarded []string
		if len(trusted) > 0 {
			c.Request().Header.VisitAll(func(k, v []byte) {
				if strings.EqualFold(string(k), fiber.HeaderXForwardedFor) {
					forwarded = append(forwarded, string(v))
				}
			})
		}
		c.Locals(localsClient, ThrottleForm(clientOf(remote.Unmap(), forwarded, trusted)))
		return c.Next()
	}
}

// ClientIP is the client's address as the throttle counts it (see
// ThrottleForm): at most a few dozen characters, never the client's own text.
func ClientIP(c *fiber.Ctx) string {
	if ip, ok := c.Locals(localsClient).(string); ok {
		return ip
	}
	remote, _ := netip.AddrFromSlice(c.Context().RemoteIP())
	return ThrottleForm(remote.Unmap())
}

// clientOf is the client's address given the connection's peer and the
// X-Forwarded-For headers (in the order received).
func clientOf(remote netip.Addr, forwarded []string, trusted []netip.Prefix) netip.Addr {
	client := remote
	if !isTrusted(client, trusted) {
		return client
	}
	hops := strings.Split(strings.Join(forwarded, ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop := strings.TrimSpace(hops[i])
		if hop == "" {
			continue // "a, , b" or a trailing comma
		}
		addr, ok := parseHop(hop)
		if !ok {
			// Not written by a proxy of ours: the last trusted hop is all we know.
			return client
		}
		client = addr.Unmap()
		if !isTrusted(client, trusted) {
			return client
		}
	}
	return client
}

// parseHop reads one X-Forwarded-For entry: an address, with or without a
// port ("203.0.113.9:51234", "[2001:db8::1]:443", as some proxies write them).
func parseHop(hop string) (netip.Addr, bool) {
	if a, err := netip.ParseAddr(strings.Trim(hop, "[]")); err == nil {
		return a, true
	}
	if ap, err := netip.ParseAddrPort(hop); err == nil {
		return ap.Addr(), true
	}
	return netip.Addr{}, false
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// ThrottleForm is the address as the throttle counts it: an IPv6 client is
// its /64 (one subscriber commonly holds a whole /64, and would otherwise
// have 2^64 fresh counters).
func ThrottleForm(a netip.Addr) string {
	if !a.IsValid() {
		return "unknown"
	}
	if a.Is6() && !a.Is4In6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}

// ParseTrusted reads the trusted proxies as given in TRUSTED_PROXIES:
// addresses or CIDR ranges.
func ParseTrusted(list []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range list {
		if p, err := netip.ParsePrefix(s); err == nil {
			if p.Addr().Is4In6() && p.Bits() >= 96 {
				// Addresses are compared unmapped: so must the range be.
				p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
			}
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, err
		}
		a = a.Unmap()
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}
