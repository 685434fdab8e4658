package components

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// A login error tied to a field links from the summary and marks its input,
// as every other form does.
func TestLoginFieldErrorsAreTiedToTheirInputs(t *testing.T) {
	var errs Errors
	errs.Add("identifiant", "Veuillez saisir votre identifiant.")
	errs.Add("mot-de-passe", "Veuillez saisir votre mot de passe.")
	var buf bytes.Buffer
	if err := LoginCard(LoginProps{Errors: errs}).Render(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"identifiant", "mot-de-passe"} {
		in := doc.Find("#" + id)
		if v, _ := in.Attr("aria-invalid"); v != "true" {
			t.Errorf("#%s aria-invalid=%q", id, v)
		}
		desc, _ := in.Attr("aria-describedby")
		if !strings.Contains(desc, id+"-erreur") || doc.Find("#"+id+"-erreur").Length() != 1 {
			t.Errorf("#%s aria-describedby=%q, no tied error", id, desc)
		}
		if doc.Find(`#erreurs a[href="#`+id+`"]`).Length() != 1 {
			t.Errorf("the summary does not link to #%s", id)
		}
	}
}
