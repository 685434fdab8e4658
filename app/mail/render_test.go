package mail

import (
	"sync"
	"testing"
)

// Emails are rendered by many requests at once on one Renderer: each
// render must be the same as alone. (hermes writes its defaults into the
// value it runs on: `go test -race ./app/mail/` reported the shared one
// until Render worked on a copy.)
func TestConcurrentRendersAreTheSameAsOne(t *testing.T) {
	r := NewRenderer("https://extranet.example")
	content := Content{Name: "Gertrude", Intros: []string{"Un message vous attend."},
		Action: &Action{Instructions: "Pour le lire :", Button: "Lire", Link: "https://extranet.example/messages/1"}}
	want, err := r.Render("a@example.com", "Sujet", content)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				got, err := r.Render("a@example.com", "Sujet", content)
				if err != nil || got.HTML != want.HTML || got.Text != want.Text {
					errs <- "a concurrent render differs from a lone one"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
