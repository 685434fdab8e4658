// Package config reads the application's settings once from the environment.
package config

import (
	"fmt"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is every setting of the app. Read it with FromEnv and pass it down.
type Config struct {
	// DatabaseURL is empty for the embedded default: a private cluster under DataDir.
	DatabaseURL string
	// DataDir holds the embedded cluster (default ./var).
	DataDir string
	// ListenAddr is host:port, from LISTEN_ADDR or PORT: 127.0.0.1:3000 for the
	// embedded default (only this machine), :3000 with DATABASE_URL.
	ListenAddr string
	// BaseURL is the public address, used in emails and to decide Secure cookies.
	BaseURL string
	// SecretKey signs CSRF tokens; when empty a key is generated once and kept in the database.
	SecretKey string
	// SessionIdle ends a session after this long without a request
	// (SESSION_IDLE_TIMEOUT, default 30m, at least MinSessionIdle).
	SessionIdle time.Duration
	// SessionMaxAge ends a session this long after login, active or not (SESSION_MAX_AGE, default 12h).
	SessionMaxAge time.Duration
	// Production hides development-only pages (APP_ENV=production).
	Production bool
	// TrustedProxies are the addresses whose X-Forwarded-For is believed.
	TrustedProxies []string
	// SMTPURL is the mail server: smtp://user:password@host:587?tls=mandatory
	// (tls: mandatory, opportunistic or none), or smtps:// for implicit TLS.
	// Empty keeps emails in the development mailbox instead of sending them.
	SMTPURL string
	// MailFrom is the sender of every email.
	MailFrom string
	// LinkTTL is how long a password or email link stays valid (LINK_TTL, default 1h).
	LinkTTL time.Duration
	// AccessibilityContact answers accessibility requests; the statement gives it (ACCESSIBILITY_CONTACT).
	AccessibilityContact string
	// AccessibilityDate is when the accessibility statement was established (ACCESSIBILITY_DATE, aaaa-mm-jj).
	AccessibilityDate time.Time
}

// MinSessionIdle is the shortest SESSION_IDLE_TIMEOUT. The session records a
// visitor's activity at most once a minute (so that reading a page does not
// write): with a shorter idle timeout an active visitor would be signed out
// between two of those writes.
const MinSessionIdle = 5 * time.Minute

// FromEnv reads the configuration; getenv is os.Getenv outside tests.
func FromEnv(getenv func(string) string) (Config, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	c := Config{
		DatabaseURL:   getenv("DATABASE_URL"),
		DataDir:       or(getenv("DATA_DIR"), "var"),
		SecretKey:     getenv("SECRET_KEY"),
		Production:    getenv("APP_ENV") == "production",
		SessionIdle:   30 * time.Minute,
		SessionMaxAge: 12 * time.Hour,
		SMTPURL:       getenv("SMTP_URL"),
		MailFrom:      or(getenv("MAIL_FROM"), "Département des Alpes-Maritimes <nepasrepondre@departement06.fr>"),
		LinkTTL:       time.Hour,
		// The service's own address: a no-reply address cannot take requests.
		AccessibilityContact: or(getenv("ACCESSIBILITY_CONTACT"), "modes-accueil@departement06.fr"),
	}
	port := or(getenv("PORT"), "3000")
	if _, err := strconv.Atoi(port); err != nil {
		return c, fmt.Errorf("PORT=%q is not a port number", port)
	}
	// The embedded default is a development setup (demo accounts, the
	// development mailbox with live password links): only this machine may
	// reach it unless LISTEN_ADDR says otherwise.
	defaultListen := ":" + port
	if c.DatabaseURL == "" {
		defaultListen = "127.0.0.1:" + port
	}
	c.ListenAddr = or(getenv("LISTEN_ADDR"), defaultListen)
	c.BaseURL = strings.TrimRight(or(getenv("BASE_URL"), "http://localhost:"+port), "/")
	if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return c, fmt.Errorf("BASE_URL=%q must be an absolute http(s) URL", c.BaseURL)
	}
	var err error
	if c.SessionIdle, err = duration(getenv, "SESSION_IDLE_TIMEOUT", c.SessionIdle); err != nil {
		return c, err
	}
	if c.SessionIdle < MinSessionIdle {
		return c, fmt.Errorf("SESSION_IDLE_TIMEOUT=%q must be at least 5m: activity is recorded at most once a minute, "+
			"so a shorter timeout would sign out people who are using the extranet", getenv("SESSION_IDLE_TIMEOUT"))
	}
	if c.SessionMaxAge, err = duration(getenv, "SESSION_MAX_AGE", c.SessionMaxAge); err != nil {
		return c, err
	}
	if c.SessionMaxAge < c.SessionIdle {
		return c, fmt.Errorf("SESSION_MAX_AGE (%s) must not be shorter than SESSION_IDLE_TIMEOUT (%s)", c.SessionMaxAge, c.SessionIdle)
	}
	if c.LinkTTL, err = duration(getenv, "LINK_TTL", c.LinkTTL); err != nil {
		return c, err
	}
	// It signs CSRF tokens and trusted-device cookies, samples of which every
	// visitor gets and may try to crack offline: no short, guessable key.
	if c.SecretKey != "" && len(c.SecretKey) < 32 {
		return c, fmt.Errorf("SECRET_KEY must be at least 32 characters (for example: openssl rand -base64 32), or unset to use a random key kept in the database")
	}
	if c.SMTPURL != "" {
		if u, err := url.Parse(c.SMTPURL); err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
			return c, fmt.Errorf("SMTP_URL must look like smtp://user:password@host:587?tls=mandatory")
		}
	}
	if c.AccessibilityDate, err = time.Parse("2006-01-02", or(getenv("ACCESSIBILITY_DATE"), "2026-11-30")); err != nil {
		return c, fmt.Errorf("ACCESSIBILITY_DATE=%q must be a date such as 2026-11-30", getenv("ACCESSIBILITY_DATE"))
	}
	if !strings.Contains(c.AccessibilityContact, "@") {
		return c, fmt.Errorf("ACCESSIBILITY_CONTACT=%q must be an email address", c.AccessibilityContact)
	}
	for _, p := range strings.Split(getenv("TRUSTED_PROXIES"), ",") {
		if p = strings.TrimSpace(p); p != "" {
			if _, err := netip.ParsePrefix(p); err != nil {
				if _, err := netip.ParseAddr(p); err != nil {
					return c, fmt.Errorf("TRUSTED_PROXIES: %q is neither an IP address nor a CIDR range", p)
				}
			}
			c.TrustedProxies = append(c.TrustedProxies, p)
		}
	}
	if c.Production && c.DatabaseURL == "" {
		return c, fmt.Errorf("APP_ENV=production needs DATABASE_URL: the embedded PostgreSQL is for development")
	}
	if c.Production && c.SMTPURL == "" {
		return c, fmt.Errorf("APP_ENV=production needs SMTP_URL: the development mailbox does not exist in production")
	}
	if c.Production && !c.SecureCookies() {
		return c, fmt.Errorf("APP_ENV=production needs an https BASE_URL (got %q): sessions and passwords must not travel in clear, and cookies are Secure only over https", c.BaseURL)
	}
	return c, nil
}

// DevMailbox is true when emails are kept for the development mailbox page
// rather than sent: no SMTP server, not in production.
func (c Config) DevMailbox() bool { return c.SMTPURL == "" && !c.Production }

// SecureCookies is true when the app is served over HTTPS.
func (c Config) SecureCookies() bool { return strings.HasPrefix(c.BaseURL, "https://") }

func duration(getenv func(string) string, name string, def time.Duration) (time.Duration, error) {
	v := getenv(name)
	if v == "" {
		return def, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < time.Minute {
		return 0, fmt.Errorf("%s=%q must be a duration of at least 1m, such as 30m or 12h", name, v)
	}
	return d, nil
}

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
