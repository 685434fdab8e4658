package config

import (
	"testing"
	"time"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestFromEnvDefaults(t *testing.T) {
	c, err := FromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.ListenAddr != ":3000" || c.BaseURL != "http://localhost:3000" || c.SessionIdle != 30*time.Minute ||
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
		{"port", map[string]string{"PORT": "8080"}, false, func(c Config) bool { return c.ListenAddr == ":8080" && c.BaseURL == "http://localhost:8080" }},
		{"listen address wins", map[string]string{"PORT": "8080", "LISTEN_ADDR": "127.0.0.1:9000"}, false, func(c Config) bool { return c.ListenAddr == "127.0.0.1:9000" }},
		{"https base URL means Secure cookies", map[string]string{"BASE_URL": "https://extranet.example.fr/"}, false, func(c Config) bool { return c.SecureCookies() && c.BaseURL == "https://extranet.example.fr" }},
		{"idle timeout", map[string]string{"SESSION_IDLE_TIMEOUT": "15m"}, false, func(c Config) bool { return c.SessionIdle == 15*time.Minute }},
		{"trusted proxies", map[string]string{"TRUSTED_PROXIES": "10.0.0.1, 10.0.0.2"}, false, func(c Config) bool { return len(c.TrustedProxies) == 2 && c.TrustedProxies[1] == "10.0.0.2" }},
		{"bad port", map[string]string{"PORT": "abc"}, true, nil},
		{"bad base URL", map[string]string{"BASE_URL": "extranet"}, true, nil},
		{"bad duration", map[string]string{"SESSION_IDLE_TIMEOUT": "trente"}, true, nil},
		{"too short duration", map[string]string{"SESSION_IDLE_TIMEOUT": "10s"}, true, nil},
		{"max age shorter than idle", map[string]string{"SESSION_IDLE_TIMEOUT": "2h", "SESSION_MAX_AGE": "1h"}, true, nil},
		{"production without a database", map[string]string{"APP_ENV": "production"}, true, nil},
		{"production without SMTP", map[string]string{"APP_ENV": "production", "DATABASE_URL": "postgres://x/y"}, true, nil},
		{"production", map[string]string{"APP_ENV": "production", "DATABASE_URL": "postgres://x/y", "SMTP_URL": "smtp://mail.example.fr:587"}, false, func(c Config) bool { return c.Production && !c.DevMailbox() }},
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
