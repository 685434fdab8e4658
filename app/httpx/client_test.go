package httpx

import (
	"net/netip"
	"strings"
	"testing"
)

func TestClientOf(t *testing.T) {
	trusted, err := ParseTrusted([]string{"127.0.0.1", "10.1.0.0/16"})
	if err != nil {
		t.Fatal(err)
	}
	proxy := netip.MustParseAddr("127.0.0.1")
	cases := []struct {
		name      string
		remote    netip.Addr
		forwarded []string
		trusted   []netip.Prefix
		want      string
	}{
		{"no proxy trusted: the header is ignored", proxy, []string{"203.0.113.9"}, nil, "127.0.0.1"},
		{"untrusted peer: the header is ignored", netip.MustParseAddr("198.51.100.7"), []string{"203.0.113.9"}, trusted, "198.51.100.7"},
		{"one proxy", proxy, []string{"203.0.113.9"}, trusted, "203.0.113.9"},
		{"client-written entries on the left are ignored", proxy, []string{"evil-1, 192.0.2.66, 203.0.113.9"}, trusted, "203.0.113.9"},
		{"two trusted hops", proxy, []string{"203.0.113.9, 10.1.2.3"}, trusted, "203.0.113.9"},
		{"several headers", proxy, []string{"192.0.2.66", "203.0.113.9"}, trusted, "203.0.113.9"},
		{"garbage appended: the last trusted hop", proxy, []string{"203.0.113.9, not-an-ip"}, trusted, "127.0.0.1"},
		{"a huge header", proxy, []string{strings.Repeat("x", 3000) + ", 203.0.113.9"}, trusted, "203.0.113.9"},
		{"only trusted hops", proxy, []string{"10.1.0.1"}, trusted, "10.1.0.1"},
		{"IPv4-mapped IPv6", proxy, []string{"::ffff:203.0.113.9"}, trusted, "203.0.113.9"},
		{"IPv6 counts as its /64", proxy, []string{"2001:db8:1:2:aaaa::1"}, trusted, "2001:db8:1:2::/64"},
		{"no header", proxy, nil, trusted, "127.0.0.1"},
		{"a port", proxy, []string{"203.0.113.9:51234"}, trusted, "203.0.113.9"},
		{"an IPv6 address with a port", proxy, []string{"[2001:db8:1:2::1]:443"}, trusted, "2001:db8:1:2::/64"},
		{"an IPv6 address in brackets", proxy, []string{"[2001:db8:1:2::1]"}, trusted, "2001:db8:1:2::/64"},
		{"empty entries and a trailing comma", proxy, []string{"203.0.113.9, ,"}, trusted, "203.0.113.9"},
	}
	for _, tc := range cases {
		got := ThrottleForm(clientOf(tc.remote, tc.forwarded, tc.trusted))
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestParseTrustedRefusesGarbage(t *testing.T) {
	if _, err := ParseTrusted([]string{"proxy.example"}); err == nil {
		t.Error("a host name was accepted as a trusted proxy")
	}
	got, err := ParseTrusted([]string{"10.0.0.7/8", "::1", "::ffff:127.0.0.0/104"})
	if err != nil || got[0].String() != "10.0.0.0/8" || got[1].String() != "::1/128" || got[2].String() != "127.0.0.0/8" {
		t.Errorf("ParseTrusted = %v, %v", got, err)
	}
}
