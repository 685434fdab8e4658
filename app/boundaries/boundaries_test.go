package boundaries

import (
	"bufio"
	"go/build"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// features are the packages of the extranet's features: none may import
// another, directly or through a shared package, so that each can be
// rewritten on its own. Code two features need lives in a shared package
// (app/profile, app/credentials, app/form, components...).
var features = []string{"app/account", "app/agentauth", "app/agrement", "app/auth", "app/boassmats", "app/boaudit", "app/bodocuments", "app/boexport", "app/boimport", "app/bomessages", "app/children", "app/dashboard", "app/documents", "app/messages"}

// shows are the one exception: the dashboard shows a section of these
// features, through their QueueDashboard functions.
var shows = map[string][]string{"app/dashboard": {"app/agrement", "app/documents"},
	// The back office's messages write through app/messages' CreatePersonal
	// and CreateGeneral (meant for it: the notification email is theirs) and
	// preview with its view builder (MessageView), so that the preview is
	// the childminder's rendering.
	"app/bomessages": {"app/messages"}}

// sessionMustNotReach are what app/session must not depend on: it keeps who
// is signed in, and knows nothing of pages (layout data, notices' rendering,
// redirects are the web layer's).
var sessionMustNotReach = []string{"app/httpx", "components"}

func TestSessionKnowsNothingOfPages(t *testing.T) {
	g := load(t)
	for _, dep := range g.deps("app/session") {
		for _, banned := range sessionMustNotReach {
			if dep == banned || strings.HasPrefix(dep, banned+"/") {
				t.Errorf("app/session depends on %s (via %s)", dep, strings.Join(g.path("app/session", dep), " → "))
			}
		}
	}
}

func TestNoFeatureImportsAnother(t *testing.T) {
	g := load(t)
	for _, from := range features {
		if _, ok := g.imports[from]; !ok {
			t.Errorf("feature %s not found: update the list", from)
			continue
		}
		for _, dep := range g.deps(from) {
			for _, to := range features {
				if to != from && !slices.Contains(shows[from], to) && (dep == to || strings.HasPrefix(dep, to+"/")) {
					t.Errorf("feature %s depends on feature %s (via %s)", from, to, strings.Join(g.path(from, dep), " → "))
				}
			}
		}
	}
}

// The checks above pass when nothing is found: this one makes sure the graph
// does see imports, including indirect ones, so that a broken loader cannot
// pass them in silence.
func TestTheImportGraphSeesKnownImports(t *testing.T) {
	g := load(t)
	for _, c := range []struct{ from, to string }{
		{"app/web", "app/session"},      // direct
		{"app/web", "components"},       // direct
		{"app", "app/session"},          // through app/web
		{"app/account", "app/db"},       // direct
		{"app/dashboard", "app/db"},     // through app/profile or app/session
		{"app/web", "components/paths"}, // a sub-package
	} {
		if g.path(c.from, c.to) == nil {
			t.Errorf("the graph misses %s → %s", c.from, c.to)
		}
	}
}

// graph is the module's packages (non-test files) and their imports within
// the module, by path relative to the module root ("app/session").
type graph struct {
	imports map[string][]string
}

func load(t *testing.T) graph {
	t.Helper()
	root, module := moduleRoot(t)
	g := graph{imports: map[string][]string{}}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" ||
			name == "node_modules" || name == "var") {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(p, 0)
		if err != nil {
			if _, none := err.(*build.NoGoError); none {
				return nil
			}
			t.Errorf("%s: %v", p, err)
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		var own []string
		for _, imp := range pkg.Imports {
			if strings.HasPrefix(imp, module+"/") {
				own = append(own, strings.TrimPrefix(imp, module+"/"))
			}
		}
		g.imports[rel] = own
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// deps are every package of the module that pkg imports, directly or not.
func (g graph) deps(pkg string) []string {
	seen := map[string]bool{}
	var visit func(string)
	visit = func(p string) {
		for _, imp := range g.imports[p] {
			if !seen[imp] {
				seen[imp] = true
				visit(imp)
			}
		}
	}
	visit(pkg)
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// path is one chain of imports from → … → to, nil when there is none.
func (g graph) path(from, to string) []string {
	prev := map[string]string{from: ""}
	queue := []string{from}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, imp := range g.imports[p] {
			if _, seen := prev[imp]; seen {
				continue
			}
			prev[imp] = p
			if imp == to {
				chain := []string{to}
				for q := p; q != ""; q = prev[q] {
					chain = append([]string{q}, chain...)
				}
				return chain
			}
			queue = append(queue, imp)
		}
	}
	return nil
}

// moduleRoot is the directory of go.mod above this test, and the module's path.
func moduleRoot(t *testing.T) (dir, module string) {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		f, err := os.Open(filepath.Join(dir, "go.mod"))
		if err == nil {
			defer f.Close()
			s := bufio.NewScanner(f)
			for s.Scan() {
				if rest, ok := strings.CutPrefix(strings.TrimSpace(s.Text()), "module "); ok {
					return dir, strings.Trim(strings.TrimSpace(rest), `"`)
				}
			}
			t.Fatalf("%s/go.mod names no module", dir)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}
