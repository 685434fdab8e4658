package formtest

import (
	"context"
	"io"
	"net/url"
	"reflect"
	"testing"

	"github.com/a-h/templ"
)

// Posted must send what a browser sends, or the round-trip checks built on it prove nothing.
func TestPostedFollowsTheBrowser(t *testing.T) {
	page := templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, `<p><input name="outside" value="x"></p>
<form method="post">
  <input type="hidden" name="_csrf" value="jeton">
  <input name="nom" value="Hélène &amp; fils">
  <input name="ligne" value="a&#10;b">
  <input type="email" name="email" value=" a@example.fr ">
  <input name="verrou" value="x" disabled>
  <input type="checkbox" name="coche" value="1" checked>
  <input type="checkbox" name="pas-coche" value="1">
  <input type="checkbox" name="sans-valeur" checked>
  <select name="choisi"><option value="">—</option><option value="Madame" selected>Madame</option></select>
  <select name="inconnu"><option value="">Choisir…</option><option value="x">X</option></select>
  <button type="submit" name="action" value="valider">VALIDER</button>
  <input type="submit" name="action" value="autre">
</form>`)
		return err
	})
	want := url.Values{
		"_csrf": {"jeton"}, "nom": {"Hélène & fils"}, "ligne": {"ab"}, "email": {"a@example.fr"},
		"coche": {"1"}, "sans-valeur": {"on"}, "choisi": {"Madame"}, "inconnu": {""},
	}
	if got := Posted(t, page); !reflect.DeepEqual(got, want) {
		t.Errorf("Posted = %v\nwant     %v", got, want)
	}
}
