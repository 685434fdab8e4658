// Package resilience holds only tests: they prove that the extranet keeps its
// promises when the world around one app process is not ideal, each against
// real apps (web.New, their own pgxpool and mail queue) on a private
// PostgreSQL cluster started by pgtest, over real loopback HTTP and SMTP.
//
//   - instances_*: two app instances on one database behind a round-robin
//     client: a session, a CSRF token and the sign-in throttle opened on one
//     hold on the other, and each email is sent exactly once although both
//     mail queues poll the same jobs.
//   - smtp_*: the SMTP server is down for a few seconds while signed-in users
//     hammer pages and emails are enqueued: pages keep answering, and every
//     queued email is delivered exactly once after it comes back.
//   - restart_*: PostgreSQL restarts under the app.
//   - soak_*: a long run that must not leak.
//
// The short forms run in `go test ./app/resilience/`. The long forms are
// opt-in, see each test's comment for its flag or environment variable.
package resilience
