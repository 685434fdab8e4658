package formtest

import (
	"bytes"
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
)

// Posted renders comp and returns what a browser posts from its first form
// when the user submits it untouched, without the submit button: the check
// that a re-rendered form gives back what was typed (parse → render → parse).
// It follows the HTML rules a browser applies: disabled controls and
// unchecked boxes are not sent, a text input's value loses its line breaks,
// an email input's its surrounding spaces, and a select sends its selected
// option, or its first one when none is.
func Posted(t testing.TB, comp templ.Component) url.Values {
	t.Helper()
	var html bytes.Buffer
	if err := comp.Render(context.Background(), &html); err != nil {
		t.Fatalf("render: %v", err)
	}
	doc, err := goquery.NewDocumentFromReader(&html)
	if err != nil {
		t.Fatalf("parse the rendered HTML: %v", err)
	}
	v := url.Values{}
	doc.Find("form").First().Find("input, select, textarea").Each(func(_ int, s *goquery.Selection) {
		name, ok := s.Attr("name")
		if !ok || name == "" || s.Is("[disabled]") {
			return
		}
		switch goquery.NodeName(s) {
		case "select":
			opt := s.Find("option[selected]").Last()
			if opt.Length() == 0 {
				opt = s.Find("option").First()
			}
			if value, ok := opt.Attr("value"); ok {
				v.Add(name, value)
			} else {
				v.Add(name, opt.Text())
			}
			return
		case "textarea":
			v.Add(name, s.Text())
			return
		}
		value, _ := s.Attr("value")
		switch typ, _ := s.Attr("type"); strings.ToLower(typ) {
		case "submit", "button", "image", "reset", "file":
		case "checkbox", "radio":
			if s.Is("[checked]") {
				if value == "" {
					value = "on"
				}
				v.Add(name, value)
			}
		case "hidden":
			v.Add(name, value)
		case "email":
			v.Add(name, strings.Trim(stripNewlines(value), " \t\n\f\r"))
		default: // text, tel, password, search…
			v.Add(name, stripNewlines(value))
		}
	})
	return v
}

func stripNewlines(s string) string { return strings.NewReplacer("\r", "", "\n", "").Replace(s) }
