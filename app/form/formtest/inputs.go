package formtest

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"

	"github.com/departement06/extranet-assmat/components"
)

// fielder is what formtest needs of a form.Spec, which it cannot name: the
// tests of app/form import formtest.
type fielder interface {
	Field(value, err string) components.Field
}

// TableFields are the inputs of a form's table, as its template shows them
// empty: every field of the struct table that is a form.Spec, in order. A
// table that holds none, or a field formtest cannot read, fails the test.
func TableFields(t testing.TB, table any) []components.Field {
	t.Helper()
	v := reflect.ValueOf(table)
	if v.Kind() != reflect.Struct {
		t.Fatalf("TableFields: %T is not a struct of form.Spec", table)
	}
	var out []components.Field
	for i := range v.NumField() {
		sf := v.Type().Field(i)
		if !sf.IsExported() {
			t.Fatalf("TableFields: field %s of %T is unexported", sf.Name, table)
		}
		if s, ok := v.Field(i).Interface().(fielder); ok {
			out = append(out, s.Field("", ""))
		}
	}
	if len(out) == 0 {
		t.Fatalf("TableFields: %T holds no form.Spec", table)
	}
	return out
}

// CheckInputs renders comp and fails the test unless each field of want is
// one input of the page as its table defines it (see InputProblems).
func CheckInputs(t testing.TB, comp templ.Component, want []components.Field) {
	t.Helper()
	problems, err := InputProblems(comp, want)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// InputProblems renders comp and lists where its inputs differ from want:
// for each field, one element with its id, and on it the field's name,
// type, maxlength, required state (required and aria-required),
// autocomplete token and readonly state; one label tied to it whose text is
// the label (and its part said only to screen readers), the required star
// aside; its hint tied to it. Then every input of the page's forms that a
// user fills (not hidden, not a button) must be one of want: a template
// cannot grow an input its table does not define.
func InputProblems(comp templ.Component, want []components.Field) ([]string, error) {
	var html bytes.Buffer
	if err := comp.Render(context.Background(), &html); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	doc, err := goquery.NewDocumentFromReader(&html)
	if err != nil {
		return nil, fmt.Errorf("parse the rendered HTML: %w", err)
	}
	var problems []string
	bad := func(id, format string, args ...any) {
		problems = append(problems, "#"+id+": "+fmt.Sprintf(format, args...))
	}
	attr := func(s *goquery.Selection, name string) string {
		if v, ok := s.Attr(name); ok {
			return v
		}
		return "(none)"
	}
	wanted := map[string]bool{}
	for _, f := range want {
		wanted[f.ID] = true
		el := doc.Find(`[id="` + f.ID + `"]`)
		if el.Length() != 1 {
			bad(f.ID, "%d elements have this id, want 1", el.Length())
			continue
		}
		node := goquery.NodeName(el)
		if node != "input" && node != "select" && node != "textarea" {
			bad(f.ID, "is a <%s>, not an input", node)
			continue
		}
		if got := attr(el, "name"); got != f.Name {
			bad(f.ID, "name=%q, the table says %q", got, f.Name)
		}
		if node == "input" {
			typ := f.Type
			if typ == "" {
				typ = "text"
			}
			if got := attr(el, "type"); got != typ {
				bad(f.ID, "type=%q, the table says %q", got, typ)
			}
		}
		wantMax := "(none)"
		if f.MaxLength > 0 {
			wantMax = strconv.Itoa(f.MaxLength)
		}
		if got := attr(el, "maxlength"); node != "select" && got != wantMax {
			bad(f.ID, "maxlength=%s, the table says %s", got, wantMax)
		}
		_, required := el.Attr("required")
		if ariaRequired := attr(el, "aria-required") == "true"; required != f.Required || ariaRequired != f.Required {
			bad(f.ID, "required=%t aria-required=%t, the table says required=%t", required, ariaRequired, f.Required)
		}
		wantAuto := "(none)"
		if f.Autocomplete != "" {
			wantAuto = f.Autocomplete
		}
		if got := attr(el, "autocomplete"); got != wantAuto {
			bad(f.ID, "autocomplete=%s, the table says %s", got, wantAuto)
		}
		if _, readOnly := el.Attr("readonly"); readOnly != f.ReadOnly {
			bad(f.ID, "readonly=%t, want %t", readOnly, f.ReadOnly)
		}
		label := doc.Find(`label[for="` + f.ID + `"]`)
		if label.Length() != 1 {
			bad(f.ID, "%d labels are tied to it, want 1", label.Length())
		} else {
			text := label.Clone()
			text.Find(".required").Remove()
			if got, wantText := words(text.Text()), words(f.Label+f.LabelMore); got != wantText {
				bad(f.ID, "label %q, the table says %q", got, wantText)
			}
		}
		if f.Hint != "" {
			hint := doc.Find(`[id="` + f.ID + `-aide"]`)
			if words(hint.Text()) != words(f.Hint) || !strings.Contains(" "+attr(el, "aria-describedby")+" ", " "+f.ID+"-aide ") {
				bad(f.ID, "hint %q not tied to it (aria-describedby=%s), the table says %q", words(hint.Text()), attr(el, "aria-describedby"), f.Hint)
			}
		}
	}
	doc.Find("form input[name], form select[name], form textarea[name]").Each(func(_ int, el *goquery.Selection) {
		switch strings.ToLower(attr(el, "type")) {
		case "hidden", "submit", "button", "reset", "image":
			return
		}
		if id := attr(el, "id"); !wanted[id] {
			problems = append(problems, fmt.Sprintf("input name=%q id=%s is not in the table", attr(el, "name"), id))
		}
	})
	return problems, nil
}

// words is s with its runs of white space made one space.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }
