package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// Without JavaScript, archiving or restoring answers the list it came from
// with a notice that says what happened (the notices are registered).
func TestArchiveAndRestoreSayWhatHappenedWithoutJS(t *testing.T) {
	t.Parallel()
	env, c := signedInA(t)
	id := strconv.FormatInt(messageID(t, env, weather), 10)
	c.Get("/messages")
	res := c.Submit("/messages/"+id+"/archiver", apptest.Values("retour", "/messages"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("archive: %d", res.StatusCode)
	}
	if page := c.Get(res.Header.Get("Location")); !strings.Contains(page.Doc.Find(".notice").Text(), "Le message a été archivé") {
		t.Errorf("after archiving, the list says %q", page.Doc.Find(".notice").Text())
	}
	res = c.Submit("/messages/"+id+"/restaurer", apptest.Values("retour", "/messages?boite=archives"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("restore: %d", res.StatusCode)
	}
	if page := c.Get(res.Header.Get("Location")); !strings.Contains(page.Doc.Find(".notice").Text(), "Le message a été restauré") {
		t.Errorf("after restoring, the list says %q", page.Doc.Find(".notice").Text())
	}
}
