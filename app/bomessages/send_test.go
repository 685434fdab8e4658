package bomessages_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/demo"
)

const (
	subject = "Réunion d'information 7Q2"
	body    = "Bonjour,\n\nLa réunion aura lieu le 12 décembre.\nInscription : https://www.departement06.fr/reunion.\n\nContenu confidentiel X9K."
)

func personal(action, recipient string) url.Values {
	return apptest.Values("destinataires", "une", "assmat", recipient, "expediteur", "Service de PMI",
		"objet", subject, "texte", body, "action", action)
}

func idOf(t *testing.T, env *apptest.Env, login string) string {
	t.Helper()
	return strconv.Itoa(count(t, env, `SELECT id FROM assmats WHERE login = $1`, login))
}

// The whole path of a personal message, plain and htmx: a search finds
// her, the preview is her own page's rendering and saves nothing, "Envoyer"
// writes it (with its audit line and one email that tells nothing of it);
// she sees it unread, another childminder gets a 404.
func TestPersonalMessageFromSearchToHerMailbox(t *testing.T) {
	t.Parallel()
	for _, htmx := range []bool{false, true} {
		t.Run(map[bool]string{false: "plain", true: "htmx"}[htmx], func(t *testing.T) {
			t.Parallel()
			env := apptest.New(t)
			c := agent(t, env)
			h := apptest.HTMXIf(htmx)
			before := count(t, env, `SELECT count(*) FROM messages`)

			res := c.Submit("/back-office/messages/nouveau", apptest.Values("destinataires", "une", "recherche", "100001", "action", "rechercher"), h...)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("search: %d", res.StatusCode)
			}
			id := idOf(t, env, "100001")
			if v, _ := res.Doc.Find(`input[name="assmat"]:checked`).Attr("value"); v != id {
				t.Fatalf("the only match is not chosen (%q, want %s): %s", v, id, res.Text())
			}
			if htmx == (res.Doc.Find("html header").Length() > 0) {
				t.Errorf("htmx=%v: the layout's presence is wrong", htmx)
			}

			res = c.Submit("/back-office/messages/nouveau", personal("previsualiser", id), h...)
			if res.StatusCode != http.StatusOK || !strings.Contains(res.Text(), "Aperçu du message") {
				t.Fatalf("preview: %d %s", res.StatusCode, res.Text())
			}
			preview, err := res.Doc.Find(".bo-preview .message__body").Html()
			if err != nil || !strings.Contains(preview, `href="https://www.departement06.fr/reunion"`) {
				t.Fatalf("preview's body: %v %s", err, preview)
			}
			if n := count(t, env, `SELECT count(*) FROM messages`); n != before {
				t.Fatalf("the preview saved a message: %d → %d", before, n)
			}
			// The hidden inputs carry the text as typed.
			if v, _ := res.Doc.Find(`form input[type="hidden"][name="texte"]`).Attr("value"); v != body {
				t.Errorf("hidden body %q", v)
			}

			res = c.Submit("/back-office/messages/nouveau", personal("envoyer", id), h...)
			want := http.StatusSeeOther
			if htmx {
				want = http.StatusNoContent
			}
			if res.StatusCode != want {
				t.Fatalf("send: %d %s", res.StatusCode, res.Text())
			}
			var msgID int64
			var agentID int64
			env.QueryRow(`SELECT id, sent_by_agent_id FROM messages WHERE subject = $1 AND recipient_assmat_id = $2`,
				[]any{subject, id}, &msgID, &agentID)
			if n := count(t, env, `SELECT count(*) FROM audit_log WHERE action = 'message-envoye' AND target = $1
				AND agent_id = $2 AND details->>'destinataire' = '100001'`, "message:"+strconv.FormatInt(msgID, 10), agentID); n != 1 {
				t.Errorf("%d audit line(s) for the message", n)
			}

			mails := env.ExactlyEmails(1)
			if mails[0].To != "gertrude.assmat@example.fr" {
				t.Errorf("email to %q", mails[0].To)
			}
			for _, secret := range []string{"7Q2", "X9K"} {
				if strings.Contains(mails[0].Subject+mails[0].Text+mails[0].HTML, secret) {
					t.Errorf("the email holds the message's content (%s)", secret)
				}
			}

			her := env.Client()
			her.Login(demo.Logins[0].Identifiant, demo.Logins[0].Password)
			list := her.Get("/messages")
			row := list.Doc.Find("tr").FilterFunction(func(_ int, s *goquery.Selection) bool { return strings.Contains(s.Text(), subject) })
			if row.Length() != 1 || !row.HasClass("messages__unread") {
				t.Errorf("her list: %d row(s): %s", row.Length(), row.Text())
			}
			page := her.Get("/messages/" + strconv.FormatInt(msgID, 10))
			if page.StatusCode != http.StatusOK {
				t.Fatalf("her message: %d", page.StatusCode)
			}
			got, err := page.Doc.Find(".message__body").Html()
			if err != nil || got != preview {
				t.Errorf("the preview differs from her page:\npreview %s\nhers    %s", preview, got)
			}
			// 100002, past her temporary password, gets a 404.
			if _, err := env.Pool.Exec(t.Context(), `UPDATE assmats SET must_change_password = false WHERE login = '100002'`); err != nil {
				t.Fatal(err)
			}
			other := env.Client()
			other.Login(demo.Logins[1].Identifiant, demo.Logins[1].Password)
			if res := other.Get("/messages/" + strconv.FormatInt(msgID, 10)); res.StatusCode != http.StatusNotFound {
				t.Errorf("another childminder opens it: %d", res.StatusCode)
			}
		})
	}
}
