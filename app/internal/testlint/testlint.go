// Package testlint keeps tests honest about the database: a test that
// discards the error of a query reads a zero value when the query fails, and
// a check such as "no row was written" then passes on a broken database.
//
// It works on syntax alone (go/parser, no type checking, nothing added to
// go.mod), so it knows a call by its name: the pgx calls (Scan, Exec, Query,
// Begin, Commit…), the sqlc query methods of app/db (given by the caller), and
// any call whose first argument is a context, which in this code base is I/O.
package testlint

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// Finding is one discarded error.
type Finding struct {
	Pos token.Position
	Msg string
}

func (f Finding) String() string { return fmt.Sprintf("%s: %s", f.Pos, f.Msg) }

// pgxMethods are the pgx methods that return an error (as the last result)
// and always take at least one argument, which tells them from bufio's
// Scan() or url.URL's Query().
var pgxMethods = map[string]bool{
	"Scan": true, "Exec": true, "Query": true, "Begin": true, "BeginTx": true,
	"Commit": true, "SendBatch": true, "CopyFrom": true, "Ping": true, "Acquire": true,
}

// pgxFuncs are the package-level pgx functions that return an error.
var pgxFuncs = map[string]bool{
	"pgx.Connect": true, "pgx.ConnectConfig": true, "pgx.ParseConfig": true,
	"pgxpool.New": true, "pgxpool.NewWithConfig": true, "pgxpool.ParseConfig": true,
	"pgx.CollectRows": true, "pgx.CollectOneRow": true, "pgx.CollectExactlyOneRow": true,
	"pgx.ForEachRow": true,
}

// Checker holds the names of the calls whose error must be checked.
type Checker struct {
	// Queries are the method names of app/db's *Queries (sqlc's output).
	Queries map[string]bool
}

// Check reports every discarded query error in one parsed file.
func (c Checker) Check(fset *token.FileSet, f *ast.File) []Finding {
	var out []Finding
	report := func(n ast.Node, format string, args ...any) {
		out = append(out, Finding{fset.Position(n.Pos()), fmt.Sprintf(format, args...)})
	}
	// Walk each function body on its own: the "is the error read later"
	// rules look no further than the innermost function.
	ast.Inspect(f, func(n ast.Node) bool {
		var body *ast.BlockStmt
		switch fn := n.(type) {
		case *ast.FuncDecl:
			body = fn.Body
		case *ast.FuncLit:
			body = fn.Body
		}
		if body == nil {
			return true
		}
		c.checkBody(body, report)
		return true
	})
	return out
}

func (c Checker) checkBody(body *ast.BlockStmt, report func(ast.Node, string, ...any)) {
	uses := identUses(body)
	next := nextStatements(body)
	ast.Inspect(body, func(n ast.Node) bool {
		if _, nested := n.(*ast.FuncLit); nested {
			return false // checked on its own by Check
		}
		switch s := n.(type) {
		case *ast.ExprStmt:
			if call, ok := s.X.(*ast.CallExpr); ok && c.isQuery(call) {
				report(s, "the error of %s is dropped", callName(call))
			}
		case *ast.AssignStmt:
			if len(s.Rhs) != 1 {
				return true
			}
			call, ok := s.Rhs[0].(*ast.CallExpr)
			if !ok || !(c.isQuery(call) || takesContext(call)) {
				return true
			}
			last := s.Lhs[len(s.Lhs)-1]
			if isBlank(last) {
				report(s, "the error of %s is assigned to _", callName(call))
				return true
			}
			id, ok := last.(*ast.Ident)
			if !ok || (!c.isQuery(call) && !strings.HasSuffix(strings.ToLower(id.Name), "err")) {
				return true
			}
			if !readAfter(uses, next[s], s, id.Name) {
				report(s, "the error of %s is assigned to %s and never checked", callName(call), id.Name)
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Query" && len(s.Lhs) == 2 {
				if rows, ok := s.Lhs[0].(*ast.Ident); ok && !isBlank(rows) && !rowsErrChecked(body, rows.Name) {
					report(s, "%s.Err() is never checked after %s: an error met while reading the rows would read as fewer rows", rows.Name, callName(call))
				}
			}
		}
		return true
	})
}

// isQuery tells whether the call is one whose error must be checked.
func (c Checker) isQuery(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if pkg, ok := sel.X.(*ast.Ident); ok && pgxFuncs[pkg.Name+"."+sel.Sel.Name] {
		return true
	}
	return len(call.Args) > 0 && (pgxMethods[sel.Sel.Name] || c.Queries[sel.Sel.Name])
}

// takesContext tells whether the first argument is a context: ctx, p.ctx,
// context.Background(), t.Context().
func takesContext(call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	switch a := call.Args[0].(type) {
	case *ast.Ident:
		return a.Name == "ctx" || strings.HasSuffix(a.Name, "Ctx")
	case *ast.SelectorExpr:
		return a.Sel.Name == "ctx"
	case *ast.CallExpr:
		sel, ok := a.Fun.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "context" {
			return sel.Sel.Name == "Background" || sel.Sel.Name == "TODO"
		}
		return sel.Sel.Name == "Context" && len(a.Args) == 0
	}
	return false
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// callName is the call as written, up to its arguments: env.Pool.Exec.
func callName(call *ast.CallExpr) string {
	var b strings.Builder
	var walk func(ast.Expr)
	walk = func(e ast.Expr) {
		switch e := e.(type) {
		case *ast.Ident:
			b.WriteString(e.Name)
		case *ast.SelectorExpr:
			walk(e.X)
			b.WriteString("." + e.Sel.Name)
		case *ast.CallExpr:
			walk(e.Fun)
			b.WriteString("(…)")
		default:
			b.WriteString("…")
		}
	}
	walk(call.Fun)
	return b.String()
}

// use is one occurrence of a name: written (on the left of = or :=) or read.
type use struct {
	pos     token.Pos
	written bool
}

// identUses lists, by name and in source order, where each identifier of the
// body (nested function literals included) appears.
func identUses(body *ast.BlockStmt) map[string][]use {
	written := map[*ast.Ident]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if s, ok := n.(*ast.AssignStmt); ok && (s.Tok == token.ASSIGN || s.Tok == token.DEFINE) {
			for _, l := range s.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					written[id] = true
				}
			}
		}
		return true
	})
	uses := map[string][]use{}
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			uses[id.Name] = append(uses[id.Name], use{id.Pos(), written[id]})
		}
		return true
	})
	return uses
}

// readAfter tells whether the variable that s assigns is read after it: it
// must be read somewhere later in the function, and not be overwritten by a
// following statement of the same block before that (writes in branches,
// like if/else assigning err each, are not taken for overwrites).
func readAfter(uses map[string][]use, following []ast.Stmt, s *ast.AssignStmt, name string) bool {
	read := false
	for _, u := range uses[name] {
		if u.pos >= s.End() && !u.written {
			read = true
		}
	}
	if !read {
		return false
	}
	for _, f := range following {
		if !mentions(f, name) {
			continue
		}
		a, ok := f.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for _, r := range a.Rhs {
			if mentions(r, name) {
				return true
			}
		}
		return false // overwritten before any read
	}
	return true
}

// nextStatements maps each statement of a block to the statements that
// follow it in that block.
func nextStatements(body *ast.BlockStmt) map[ast.Stmt][]ast.Stmt {
	m := map[ast.Stmt][]ast.Stmt{}
	add := func(list []ast.Stmt) {
		for i, st := range list {
			m[st] = list[i+1:]
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch b := n.(type) {
		case *ast.BlockStmt:
			add(b.List)
		case *ast.CaseClause:
			add(b.Body)
		case *ast.CommClause:
			add(b.Body)
		}
		return true
	})
	return m
}

func mentions(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}

// rowsErrChecked tells whether the body calls rows.Err() or hands rows to
// another function (pgx.CollectRows and the like check it themselves).
func rowsErrChecked(body *ast.BlockStmt, rows string) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Err" {
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == rows {
				found = true
			}
		}
		for _, a := range call.Args {
			if x, ok := a.(*ast.Ident); ok && x.Name == rows {
				found = true
			}
		}
		return !found
	})
	return found
}
