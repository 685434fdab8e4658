package hostcookie

import "testing"

func TestName(t *testing.T) {
	if got := Name("extranet_session", true); got != "__Host-extranet_session" {
		t.Errorf("secure: %q", got)
	}
	if got := Name("extranet_session", false); got != "extranet_session" {
		t.Errorf("plain: %q", got)
	}
}
