package testlint

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestNoTestDiscardsAQueryError runs the rule on every test of the module:
// the *_test.go files and the helpers that tests import (the files that
// import "testing": apptest, formtest, pgtest, the e2e browser).
func TestNoTestDiscardsAQueryError(t *testing.T) {
	root := moduleRoot(t)
	c := Checker{Queries: sqlcQueries(t, filepath.Join(root, "app", "db"))}
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", "testdata", "vendor":
				return filepath.SkipDir
			}
			if strings.HasPrefix(d.Name(), ".") && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		if !strings.HasSuffix(path, "_test.go") && !importsTesting(f) {
			return nil
		}
		files++
		for _, finding := range c.Check(fset, f) {
			t.Error(finding)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Guards the walk itself: finding no test file would pass in silence.
	if files < 50 {
		t.Fatalf("only %d test files checked under %s: the walk is broken", files, root)
	}
}

// TestTheRuleCanFail runs the rule on testdata/cases.go, where each line
// that must be reported ends with a `// want "…"` comment: every such line
// must be reported with that text, and no other line may be.
func TestTheRuleCanFail(t *testing.T) {
	fset := token.NewFileSet()
	path := filepath.Join("testdata", "cases.go")
	f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{}
	re := regexp.MustCompile(`^// want (".*")$`)
	for _, g := range f.Comments {
		for _, cm := range g.List {
			if m := re.FindStringSubmatch(cm.Text); m != nil {
				s, err := strconv.Unquote(m[1])
				if err != nil {
					t.Fatalf("%s: %v", fset.Position(cm.Pos()), err)
				}
				want[fset.Position(cm.Pos()).Line] = s
			}
		}
	}
	if len(want) < 10 {
		t.Fatalf("only %d expected findings in %s", len(want), path)
	}
	c := Checker{Queries: map[string]bool{"GetChild": true}}
	got := map[int]bool{}
	for _, finding := range c.Check(fset, f) {
		line := finding.Pos.Line
		got[line] = true
		w, ok := want[line]
		switch {
		case !ok:
			t.Errorf("unexpected finding: %s", finding)
		case !strings.Contains(finding.Msg, w):
			t.Errorf("line %d: %q does not say %q", line, finding.Msg, w)
		}
	}
	for line, w := range want {
		if !got[line] {
			t.Errorf("line %d: not reported, want %q", line, w)
		}
	}
}

func importsTesting(f *ast.File) bool {
	for _, imp := range f.Imports {
		if imp.Path.Value == `"testing"` {
			return true
		}
	}
	return false
}

// sqlcQueries are the method names of sqlc's *Queries: every query the
// application can run, kept in step with queries/*.sql by sqlc itself.
func sqlcQueries(t *testing.T, dir string) map[string]bool {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, p := range paths {
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || len(fn.Recv.List) != 1 {
				continue
			}
			if star, ok := fn.Recv.List[0].Type.(*ast.StarExpr); ok {
				if id, ok := star.X.(*ast.Ident); ok && id.Name == "Queries" && fn.Name.IsExported() && fn.Name.Name != "WithTx" {
					names[fn.Name.Name] = true
				}
			}
		}
	}
	if len(names) < 10 {
		t.Fatalf("only %d sqlc queries found in %s", len(names), dir)
	}
	return names
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}
