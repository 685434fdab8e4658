package config

import (
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestFromEnvDefaults(t *testing.T) {
	c, err := FromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.ListenAddr != "127.0.0.1:3000" || c.BaseURL != "http://localhost:3000" || c.SessionIdle != 30*time.Minute ||
		c.SessionMaxAge != 12*time.Hour || c.DataDir != "var" || c.DatabaseURL != "" || c.SecureCookies() {
		t.Errorf("defaults: %+v", c)
	}
}

func TestFromEnv(t *testing.T) {
	cases := []struct {
		name    string
		env     map[string]string
		wantErr bool
		check   func(Config) bool
	}{
		{"port", map[string]string{"PORT": "8080"}, false, func(c Config) bool { return c.ListenAddr == "127.0.0.1:8080" && c.BaseURL == "http://localhost:8080" }},
		{"listen address wins", map[string]string{"PORT": "8080", "LISTEN_ADDR": "127.0.0.1:9000"}, false, func(c Config) bool { return c.ListenAddr == "127.0.0.1:9000" }},
		{"https base URL means Secure cookies", map[string]string{"BASE_URL": "https://extranet.example.fr/"}, false, func(c Config) bool { return c.SecureCookies() && c.BaseURL == "https://extranet.example.fr" }},
		{"idle timeout", map[string]string{"SESSION_IDLE_TIMEOUT": "15m"}, false, func(c Config) bool { return c.SessionIdle == 15*time.Minute }},
		{"trusted proxies", map[string]string{"TRUSTED_PROXIES": "10.0.0.1, 10.0.0.2"}, false, func(c Config) bool { return len(c.TrustedProxies) == 2 && c.TrustedProxies[1] == "10.0.0.2" }},
		{"trusted proxy that is no address", map[string]string{"TRUSTED_PROXIES": "10.0.0.1, proxy.example"}, true, nil},
		{"accessibility defaults", map[string]string{}, false, func(c Config) bool {
			return c.AccessibilityContact == "modes-accueil@departement06.fr" && c.AccessibilityDate.Format("2006-01-02") == "2026-11-30"
		}},
		{"accessibility configured", map[string]string{"ACCESSIBILITY_CONTACT": "a11y@example.fr", "ACCESSIBILITY_DATE": "2027-03-01"}, false, func(c Config) bool {
			return c.AccessibilityContact == "a11y@example.fr" && c.AccessibilityDate.Day() == 1
		}},
		{"accessibility date malformed", map[string]string{"ACCESSIBILITY_DATE": "01/03/2027"}, true, nil},
		{"accessibility contact not an address", map[string]string{"ACCESSIBILITY_CONTACT": "le service"}, true, nil},
		{"short secret key", map[string]string{"SECRET_KEY": "motdepasse"}, true, nil},
		{"long secret key", map[string]string{"SECRET_KEY": "0123456789abcdef0123456789abcdef"}, false, func(c Config) bool { return len(c.SecretKey) == 32 }},
		{"trusted proxy range", map[string]string{"TRUSTED_PROXIES": "10.0.0.0/8"}, false, func(c Config) bool { return c.TrustedProxies[0] == "10.0.0.0/8" }},
		{"bad port", map[string]string{"PORT": "abc"}, true, nil},
		{"bad base URL", map[string]string{"BASE_URL": "extranet"}, true, nil},
		{"bad duration", map[string]string{"SESSION_IDLE_TIMEOUT": "trente"}, true, nil},
		{"too short duration", map[string]string{"SESSION_IDLE_TIMEOUT": "10s"}, true, nil},
		{"max age shorter than idle", map[string]string{"SESSION_IDLE_TIMEOUT": "2h", "SESSION_MAX_AGE": "1h"}, true, nil},
		{"production without a database", map[string]string{"APP_ENV": "production"}, true, nil},
		{"production without SMTP", map[string]string{"APP_ENV": "production", "DATABASE_URL": "postgres://x/y"}, true, nil},
		{"production", map[string]string{"APP_ENV": "production", "DATABASE_URL": "postgres://x/y", "SMTP_URL": "smtp://mail.example.fr:587",
			"BASE_URL": "https://extranet.example.fr"}, false, func(c Config) bool { return c.Production && !c.DevMailbox() }},
		{"development mailbox without SMTP", map[string]string{}, false, func(c Config) bool { return c.DevMailbox() }},
		{"bad SMTP URL", map[string]string{"SMTP_URL": "mail.example.fr"}, true, nil},
		{"link lifetime", map[string]string{"LINK_TTL": "2h"}, false, func(c Config) bool { return c.LinkTTL == 2*time.Hour }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := FromEnv(env(tc.env))
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if tc.check != nil && !tc.check(c) {
				t.Errorf("config %+v", c)
			}
		})
	}
}

// The rules that keep a deployment safe to run: each refusal names the
// variable to fix.
func TestFromEnvOperationalRules(t *testing.T) {
	prod := map[string]string{"APP_ENV": "production", "DATABASE_URL": "postgres://x/y", "SMTP_URL": "smtp://mail.example.fr:587"}
	with := func(base map[string]string, kv ...string) map[string]string {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	cases := []struct {
		name    string
		env     map[string]string
		wantErr string // a word the error must contain; "" for no error
		check   func(Config) bool
	}{
		// The embedded default (demo accounts, development mailbox) is for this machine only.
		{"embedded default listens on loopback", nil, "", func(c Config) bool { return c.ListenAddr == "127.0.0.1:3000" }},
		{"embedded default on another port", with(nil, "PORT", "8081"), "", func(c Config) bool { return c.ListenAddr == "127.0.0.1:8081" }},
		{"embedded default, every interface on request", with(nil, "LISTEN_ADDR", ":3000"), "", func(c Config) bool { return c.ListenAddr == ":3000" }},
		{"a database of one's own listens on every interface", with(nil, "DATABASE_URL", "postgres://x/y"), "", func(c Config) bool { return c.ListenAddr == ":3000" }},
		{"a database of one's own, with PORT", with(nil, "DATABASE_URL", "postgres://x/y", "PORT", "8080"), "", func(c Config) bool { return c.ListenAddr == ":8080" }},
		{"a database of one's own, LISTEN_ADDR wins", with(nil, "DATABASE_URL", "postgres://x/y", "LISTEN_ADDR", "10.0.0.5:80"), "", func(c Config) bool { return c.ListenAddr == "10.0.0.5:80" }},

		// Activity is recorded at most once a minute: a shorter idle timeout would sign out active users.
		{"idle timeout of 1m", with(nil, "SESSION_IDLE_TIMEOUT", "1m"), "SESSION_IDLE_TIMEOUT", nil},
		{"idle timeout of 2m", with(nil, "SESSION_IDLE_TIMEOUT", "2m"), "SESSION_IDLE_TIMEOUT", nil},
		{"idle timeout just under 5m", with(nil, "SESSION_IDLE_TIMEOUT", "4m59s"), "SESSION_IDLE_TIMEOUT", nil},
		{"idle timeout of 5m", with(nil, "SESSION_IDLE_TIMEOUT", "5m"), "", func(c Config) bool { return c.SessionIdle == 5*time.Minute }},
		{"idle timeout of 6m", with(nil, "SESSION_IDLE_TIMEOUT", "6m", "SESSION_MAX_AGE", "6m"), "", func(c Config) bool { return c.SessionIdle == 6*time.Minute }},

		// Production: no password or session over clear http.
		{"production with the default http base URL", prod, "BASE_URL", nil},
		{"production with an http base URL", with(prod, "BASE_URL", "http://extranet.example.fr"), "https", nil},
		{"production with an https base URL", with(prod, "BASE_URL", "https://extranet.example.fr"), "", func(c Config) bool { return c.Production && c.SecureCookies() }},
		{"development accepts http", with(nil, "BASE_URL", "http://extranet.example.fr"), "", func(c Config) bool { return !c.Production && !c.SecureCookies() }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := FromEnv(env(tc.env))
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tc.wantErr != "" && err == nil:
				t.Fatalf("accepted, want an error naming %s: %+v", tc.wantErr, c)
			case tc.wantErr != "" && !strings.Contains(err.Error(), tc.wantErr):
				t.Fatalf("error %q does not name %s", err, tc.wantErr)
			}
			if tc.check != nil && !tc.check(c) {
				t.Errorf("config %+v", c)
			}
		})
	}
}
