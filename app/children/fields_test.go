package children

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// Every entry of the table is an input of the rendered form, with its name,
// id, label, limit and required state: the table and the template cannot
// drift apart. A field the template forgets, or renders under another
// name, fails here.
func TestEveryFieldOfTheTableIsInTheForm(t *testing.T) {
	f := valid()
	f.HasSecondary = true
	f.Periods = []PeriodRow{{Index: 0, Kind: KindStandard}, {Index: 4, Kind: KindDepassement}}
	var html bytes.Buffer
	if err := components.ChildFormPage(FormProps(f, FormView{Action: NewPath})).Render(context.Background(), &html); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&html)
	if err != nil {
		t.Fatal(err)
	}
	specs := []form.Spec{childLastName, childFirstName, childBirthDate}
	for _, a := range []addressSpecs{mainAddress, secondaryAddress} {
		specs = append(specs, a.Street, a.Postcode, a.Town)
	}
	for n := 1; n <= 2; n++ {
		g := guardianFields(n)
		specs = append(specs, g.Civility, g.LastName, g.FirstName, g.Email, g.Phone)
	}
	for _, i := range []int{0, 4} {
		p := periodFields(i)
		// The hours of a dépassement are required (and enabled): the row
		// with index 4 shows the table's entry in full.
		p.Hours.Required, p.End.Required = i == 4, i == 4
		specs = append(specs, p.Kind, p.Start, p.End, p.Hours, p.Comment)
	}
	for _, s := range specs {
		in := doc.Find("#" + s.InputID())
		if in.Length() != 1 {
			t.Errorf("%s: %d inputs with that id", s.InputID(), in.Length())
			continue
		}
		if name := in.AttrOr("name", ""); name != s.Name {
			t.Errorf("%s: name %q, want %q", s.InputID(), name, s.Name)
		}
		label := strings.Join(strings.Fields(doc.Find(`label[for="`+s.InputID()+`"]`).Text()), " ")
		if !strings.HasPrefix(label, s.Label) || !strings.Contains(label, strings.TrimSpace(s.LabelMore)) {
			t.Errorf("%s: label %q, want %q then %q", s.InputID(), label, s.Label, s.LabelMore)
		}
		if goquery.NodeName(in) == "input" {
			max, _ := strconv.Atoi(in.AttrOr("maxlength", "0"))
			if max != s.Max {
				t.Errorf("%s: maxlength %d, want %d", s.InputID(), max, s.Max)
			}
			if ac := in.AttrOr("autocomplete", ""); ac != s.Autocomplete {
				t.Errorf("%s: autocomplete %q, want %q", s.InputID(), ac, s.Autocomplete)
			}
		}
		if _, req := in.Attr("required"); req != s.Required {
			t.Errorf("%s: required %v, want %v", s.InputID(), req, s.Required)
		}
	}
}
