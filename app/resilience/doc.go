// Package resilience holds only tests: they prove that the extranet keeps its
// promises (issue 12 §4) when the world around one app process is not ideal,
// each against real apps (web.New with their own pgxpool and mail queue, as
// main.go assembles them) over real loopback HTTP and SMTP, on PostgreSQL.
//
//   - instances_*: two app instances on one database behind a round-robin
//     client: a session, a CSRF token and the login throttle opened on one
//     hold on the other, a forged token is refused by both, and each email is
//     sent exactly once although both mail queues poll the same jobs.
//   - smtp_*: the SMTP server is stopped, then refuses mail, while signed-in
//     childminders keep asking for pages and emails keep being written: pages
//     answer 200 throughout, and every email is delivered exactly once, within
//     a bound, after the server comes back.
//   - restart_*: PostgreSQL restarts under the app.
//   - soak_*: a long run under load that must not leak.
//
// The short forms run with the rest of the suite:
//
//	go test ./app/resilience/
//
// The long forms are opt-in. RESILIENCE_LONG=1 gives the SMTP test a
// minute's outage under production's retry waits (10 s, 20 s, 40 s…):
//
//	RESILIENCE_LONG=1 go test ./app/resilience/ -run TestSMTPOutageUnderLoad -v -timeout 10m
//
// The soak's length is set by SOAK_DURATION (see soak_test.go).
package resilience
