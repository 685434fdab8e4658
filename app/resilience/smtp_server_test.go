package resilience

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/mailtest"
)

// The SMTP servers are app/mailtest's: a sink with a door per app instance,
// each door able to stop, start again on its address, refuse and be slow.
// What is here tells one received email from another.

// duplicateWindow is how long to wait, once the emails expected arrived,
// for a further one (a duplicate) to show: the queue polls every second and
// is woken at once by an insert, so 1.5 s lets a further email through. One
// sent again only after a retry's wait would come later: the tests also
// check that every job is completed.
const duplicateWindow = 1500 * time.Millisecond

// actionLink finds the link of an email's button: a message's page or a
// password link, which tells one email from another of the same subject.
var actionLink = regexp.MustCompile(`https?://[^\s"<>()]+/(?:messages|mot-de-passe)/[A-Za-z0-9_-]+`)

// emailKey names an email by its recipients, subject and link: two deliveries
// with one key are one email sent twice.
func emailKey(t *testing.T, d mailtest.Message) string {
	t.Helper()
	subject, text := mailtest.Decode(t, d.Data)
	return fmt.Sprintf("%v|%s|%s", d.To, subject, actionLink.FindString(text))
}

// countKeys counts the deliveries of each email.
func countKeys(t *testing.T, got []mailtest.Message) map[string]int {
	t.Helper()
	seen := map[string]int{}
	for _, d := range got {
		seen[emailKey(t, d)]++
	}
	return seen
}
