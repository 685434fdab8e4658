package gallery

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// withoutState are the exported components that need no state of their own.
// Each entry says why; anything else without a state fails the test.
var withoutState = map[string]string{
	"CSRFField": "a hidden input: it renders in every form state and shows nothing on its own",
}

// exportedComponents lists the exported functions of package components that
// return a templ.Component, from the source: templ generates one such Go
// function per templ component.
func exportedComponents(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var names []string
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name.Name != "components" {
			continue
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !fn.Name.IsExported() || fn.Type.Results == nil || len(fn.Type.Results.List) != 1 {
				continue
			}
			sel, ok := fn.Type.Results.List[0].Type.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Component" {
				continue
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "templ" {
				names = append(names, fn.Name.Name)
			}
		}
	}
	sort.Strings(names)
	return names
}

// Every exported component has at least one state, or says in withoutState
// why it needs none.
func TestEveryComponentHasAState(t *testing.T) {
	comps := exportedComponents(t)
	// The parser must see the components at all: an empty list passes nothing.
	for _, known := range []string{"Layout", "LoginPage", "ChildFormPage", "PeriodsSection", "TextField"} {
		if !slices.Contains(comps, known) {
			t.Fatalf("the source scan did not find %s among %v: exportedComponents is broken", known, comps)
		}
	}
	covered := map[string]int{}
	for _, s := range States() {
		covered[s.Component]++
	}
	for _, c := range comps {
		why, allowed := withoutState[c]
		switch {
		case covered[c] == 0 && !allowed:
			t.Errorf("component %s has no gallery state: add a State with Component: %q to components/gallery/states_*.go", c, c)
		case covered[c] > 0 && allowed:
			t.Errorf("component %s has a state and is also in withoutState (%q): remove it from withoutState", c, why)
		}
	}
	for c := range withoutState {
		if !slices.Contains(comps, c) {
			t.Errorf("withoutState names %s, which is not an exported component any more", c)
		}
	}
	for c := range covered {
		if !slices.Contains(comps, c) {
			t.Errorf("a state names component %q, which package components does not export", c)
		}
	}
}

// The registry is well formed: every state can be found and linked to.
func TestStatesAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range States() {
		id := s.Component + "/" + s.Name
		switch {
		case seen[id]:
			t.Errorf("two states are named %s", id)
		case !NamePattern.MatchString(s.Name):
			t.Errorf("state %s: its name must be lower-case letters, digits and hyphens (it is a URL)", id)
		case s.Title == "":
			t.Errorf("state %s has no title", id)
		case s.Render == nil:
			t.Errorf("state %s has nothing to render", id)
		case !slices.Contains(Groups, s.Group):
			t.Errorf("state %s: group %q is not in Groups", id, s.Group)
		}
		seen[id] = true
		if got, ok := Find(s.Component, s.Name); !ok || got.Title != s.Title {
			t.Errorf("Find(%q, %q) does not find the state", s.Component, s.Name)
		}
	}
	if _, ok := Find("LoginPage", "nulle-part"); ok {
		t.Error("Find answers a state that does not exist")
	}
	// The long values are what they claim to be.
	if n := utf8.RuneCountInString(LongCommune); n != 100 {
		t.Errorf("LongCommune has %d characters, want 100 (the commune field's maximum)", n)
	}
	if !strings.Contains(DoubleSurname, "-") || !strings.Contains(DoubleSurname, " ") {
		t.Errorf("DoubleSurname %q is not a hyphenated double surname with a particle", DoubleSurname)
	}
}
