package formtest

import (
	"context"
	"io"
	"reflect"
	"testing"

	"github.com/a-h/templ"

	"github.com/departement06/extranet-assmat/components"
)

func page(html string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, html)
		return err
	})
}

// InputProblems must see each way a template can drift from its table, or
// the tests built on it prove nothing.
func TestInputProblemsSeesEveryDrift(t *testing.T) {
	want := []components.Field{
		{ID: "code-postal", Name: "code-postal", Label: "Code postal", LabelMore: " de l'adresse principale", MaxLength: 5,
			Required: true, Autocomplete: "postal-code", Hint: "5 chiffres."},
		{ID: "email-actuel", Name: "email_actuel", Label: "Adresse email actuelle", Type: "email", ReadOnly: true},
	}
	const good = `<form>
  <input type="hidden" name="_csrf" value="x">
  <label for="code-postal">Code postal <span class="visually-hidden"> de l'adresse principale</span> <span class="required">*</span></label>
  <p id="code-postal-aide">5 chiffres.</p>
  <input id="code-postal" name="code-postal" type="text" maxlength="5" required aria-required="true" autocomplete="postal-code" aria-describedby="code-postal-aide">
  <label for="email-actuel">Adresse email actuelle</label>
  <input id="email-actuel" name="email_actuel" type="email" readonly>
  <button type="submit" name="action" value="valider">VALIDER</button>
</form>`
	problems, err := InputProblems(page(good), want)
	if err != nil || problems != nil {
		t.Fatalf("the page as its table defines it: %q, %v", problems, err)
	}
	cases := []struct{ name, html, want string }{
		{"no such id", `<form></form>`, "#code-postal: 0 elements have this id, want 1"},
		{"not an input", `<div id="code-postal"></div>`, "#code-postal: is a <div>, not an input"},
		{"another name", `<input id="code-postal" name="cp">`, `#code-postal: name="cp", the table says "code-postal"`},
		{"another type", `<input id="code-postal" name="code-postal" type="tel">`, `#code-postal: type="tel", the table says "text"`},
		{"another maxlength", `<input id="code-postal" name="code-postal" type="text" maxlength="6">`, "#code-postal: maxlength=6, the table says 5"},
		{"not required", `<input id="code-postal" name="code-postal" type="text" maxlength="5">`,
			"#code-postal: required=false aria-required=false, the table says required=true"},
		{"no autocomplete", `<input id="code-postal" name="code-postal" type="text" maxlength="5" required aria-required="true">`,
			"#code-postal: autocomplete=(none), the table says postal-code"},
		{"no label", `<input id="code-postal" name="code-postal" type="text" maxlength="5" required aria-required="true" autocomplete="postal-code">`,
			"#code-postal: 0 labels are tied to it, want 1"},
		{"another label", `<label for="code-postal">CP</label><input id="code-postal" name="code-postal" type="text" maxlength="5" required aria-required="true" autocomplete="postal-code">`,
			`#code-postal: label "CP", the table says "Code postal de l'adresse principale"`},
		{"hint not tied", `<label for="code-postal">Code postal de l'adresse principale</label><p id="code-postal-aide">5 chiffres.</p>` +
			`<input id="code-postal" name="code-postal" type="text" maxlength="5" required aria-required="true" autocomplete="postal-code">`,
			`#code-postal: hint "5 chiffres." not tied to it (aria-describedby=(none)), the table says "5 chiffres."`},
		{"not read-only", `<label for="email-actuel">Adresse email actuelle</label><input id="email-actuel" name="email_actuel" type="email">`,
			"#email-actuel: readonly=false, want true"},
		{"an input the table does not define", `<form><input id="autre" name="autre"></form>`, `input name="autre" id=autre is not in the table`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			problems, err := InputProblems(page(tc.html), want)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				if p == tc.want {
					return
				}
			}
			t.Errorf("problems %q, none is %q", problems, tc.want)
		})
	}
}

type sample struct {
	Name  fieldOf
	Other string
}

// fieldOf stands for a form.Spec.
type fieldOf string

func (f fieldOf) Field(value, err string) components.Field {
	return components.Field{ID: string(f), Name: string(f), Value: value, Error: err}
}

func TestTableFieldsTakesEverySpec(t *testing.T) {
	got := TableFields(t, sample{Name: "nom", Other: "x"})
	if want := []components.Field{{ID: "nom", Name: "nom"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("TableFields = %+v, want %+v", got, want)
	}
}
