// Package e2e drives Debian's chromium through chromedp against the real
// application: flows with JavaScript on and off, and the axe-core audit.
//
// The browser is found at CHROMIUM_PATH or /usr/bin/chromium; axe-core comes
// from this folder's node_modules (npm ci --prefix app/e2e). Without them the
// tests skip with a loud message, except under CI=true, where they fail.
package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserCancel context.CancelFunc
	browserErr    error
	axeSource     string
	userDataDir   string
)

// Close closes the browser; call it from TestMain once the tests ran.
func Close() {
	if browserCancel != nil {
		browserCancel()
	}
	if userDataDir != "" {
		_ = os.RemoveAll(userDataDir)
	}
}

func chromiumPath() string {
	if p := os.Getenv("CHROMIUM_PATH"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func axePath() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "node_modules", "axe-core", "axe.min.js")
}

func start() {
	path := chromiumPath()
	if path == "" {
		browserErr = errors.New("chromium not found (apt-get install chromium, or set CHROMIUM_PATH)")
		return
	}
	src, err := os.ReadFile(axePath())
	if err != nil {
		browserErr = fmt.Errorf("axe-core not installed (npm ci --prefix app/e2e): %w", err)
		return
	}
	axeSource = string(src)
	userDataDir, err = os.MkdirTemp("", "extranet-chromium-")
	if err != nil {
		browserErr = err
		return
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(userDataDir),
		chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900),
		// The machine has no network: keep chromium from calling home.
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("lang", "fr-FR"),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		browserErr = fmt.Errorf("starting chromium: %w", err)
		return
	}
	browserCtx = ctx
	browserCancel = func() { cancelCtx(); cancelAlloc() }
}

// Page is one tab, in its own browser context (cookies are not shared).
type Page struct {
	t   testing.TB
	ctx context.Context
	JS  bool
}

// NewPage opens a tab with JavaScript on or off. It skips the test (loudly)
// when the browser or axe-core is missing, and fails it under CI.
func NewPage(t testing.TB, js bool) *Page {
	t.Helper()
	browserOnce.Do(start)
	if browserErr != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("browser tests cannot run in CI: %v", browserErr)
		}
		t.Skipf("\n*** SKIPPING BROWSER TEST: %v ***\n", browserErr)
	}
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelTimeout)
	p := &Page{t: t, ctx: ctx, JS: js}
	if !js {
		p.setScripts(false)
	}
	return p
}

func (p *Page) setScripts(enabled bool) {
	p.t.Helper()
	if _, err := chromedp.Call(p.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !enabled}); err != nil {
		p.t.Fatalf("scripts enabled=%v: %v", enabled, err)
	}
}

// Mode names the page's JavaScript mode in messages.
func (p *Page) Mode() string {
	if p.JS {
		return "JS on"
	}
	return "JS off"
}

// Do runs actions and fails the test on error.
func (p *Page) Do(steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		p.t.Fatalf("[%s] %v (at %s)", p.Mode(), err, p.where())
	}
}

// Open navigates to a URL and waits for the page's body.
func (p *Page) Open(url string) {
	p.t.Helper()
	p.Do(chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body")))
}

// settled waits, with JavaScript on, until htmx has no request in flight and
// has settled what it swapped: htmx activates the hx-* attributes of new
// content only when it settles (20 ms after the swap), so a test acting on a
// just-swapped element sooner than any person could would be ignored.
func (p *Page) settled() {
	p.t.Helper()
	if !p.JS {
		return
	}
	busy := `String(document.querySelector(".htmx-request, .htmx-settling, .htmx-swapping, .htmx-added") !== null)`
	for deadline := time.Now().Add(10 * time.Second); p.Eval(busy) == "true"; {
		if time.Now().After(deadline) {
			p.t.Fatalf("[%s] htmx still busy after 10 s", p.Mode())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Fill replaces the value of an input with what a user types.
func (p *Page) Fill(css, value string) {
	p.t.Helper()
	p.settled()
	p.Do(chromedp.Clear(chromedp.CSS(css)), chromedp.SendKeys(chromedp.CSS(css), value))
}

// Click clicks an element.
func (p *Page) Click(css string) {
	p.t.Helper()
	p.settled()
	p.Do(chromedp.Click(chromedp.CSS(css)))
}

// Select chooses an option as a user would: the select fires "change".
func (p *Page) Select(css, value string) {
	p.t.Helper()
	p.settled()
	p.Do(chromedp.SetValue(chromedp.CSS(css), value))
	p.Eval(`(function(){var e=document.querySelector(` + jsString(css) + `);e.dispatchEvent(new Event("change",{bubbles:true}));return ""})()`)
}

// Gone waits until no element matches.
func (p *Page) Gone(css string) {
	p.t.Helper()
	p.Do(chromedp.WaitNotPresent(chromedp.CSS(css)))
}

// Count is the number of elements that match.
func (p *Page) Count(css string) int {
	p.t.Helper()
	n, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(css)+`).length`))
	if err != nil {
		p.t.Fatalf("[%s] count %s: %v", p.Mode(), css, err)
	}
	return n
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// WaitFor waits until an element is in the page.
func (p *Page) WaitFor(css string) {
	p.t.Helper()
	p.Do(chromedp.WaitReady(chromedp.CSS(css)))
}

// Text is the text of the first element that matches.
func (p *Page) Text(css string) string {
	p.t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS(css)))
	for try := 0; err != nil && strings.Contains(err.Error(), "No node with given id found") && try < 3; try++ {
		// The page changed between finding the node and reading it (a
		// navigation that was still landing): read the new page's.
		time.Sleep(100 * time.Millisecond)
		s, err = chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS(css)))
	}
	if err != nil {
		p.t.Fatalf("[%s] text of %s: %v", p.Mode(), css, err)
	}
	return strings.Join(strings.Fields(s), " ")
}

// Attr is an attribute of the first element that matches ("" when absent).
func (p *Page) Attr(css, name string) string {
	p.t.Helper()
	r, err := chromedp.Run(p.ctx, chromedp.AttributeValue(chromedp.CSS(css), name))
	if err != nil {
		p.t.Fatalf("[%s] attribute %s of %s: %v", p.Mode(), name, css, err)
	}
	return r.Value
}

// Value is the current value of an input (its property, not its attribute).
func (p *Page) Value(css string) string {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Value(chromedp.CSS(css)))
	if err != nil {
		p.t.Fatalf("[%s] value of %s: %v", p.Mode(), css, err)
	}
	return v
}

// URL is the address of the page. It fails the test when the browser does
// not answer: an empty address would pass the "not at /x" checks.
func (p *Page) URL() string {
	p.t.Helper()
	u, err := chromedp.Run(p.ctx, chromedp.Location())
	if err != nil {
		p.t.Fatalf("[%s] address of the page: %v", p.Mode(), err)
	}
	return u
}

// where is the address of the page for a failure message, which must not
// itself fail the test.
func (p *Page) where() string {
	u, err := chromedp.Run(p.ctx, chromedp.Location())
	if err != nil {
		return fmt.Sprintf("unknown address: %v", err)
	}
	return u
}

// Eval evaluates JavaScript in the page (DevTools evaluation: it runs even
// when the page's own scripts are off).
func (p *Page) Eval(expr string) string {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		p.t.Fatalf("[%s] eval %s: %v", p.Mode(), expr, err)
	}
	return v
}

// Violation is one axe-core rule a page breaks.
type Violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// Audit runs axe-core (WCAG 2.0 A/AA and 2.1 AA rules) on the page and fails
// the test for each violation. axe needs scripts: they are switched on for the
// audit and back off after it.
func (p *Page) Audit(name string) {
	p.t.Helper()
	if !p.JS {
		p.setScripts(true)
		defer p.setScripts(false)
	}
	const run = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"]}, resultTypes: ["violations"]})
		.then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.map(n => n.target.join(" "))})))`
	violations, err := chromedp.Run(p.ctx, func(ctx context.Context, t *chromedp.Target) ([]Violation, error) {
		if _, err := chromedp.Evaluate[bool](axeSource+";true")(ctx, t); err != nil {
			return nil, fmt.Errorf("inject axe: %w", err)
		}
		return chromedp.Evaluate[[]Violation](run, chromedp.EvalAwaitPromise)(ctx, t)
	})
	if err != nil {
		p.t.Fatalf("[%s] axe on %s: %v", p.Mode(), name, err)
	}
	for _, v := range violations {
		p.t.Errorf("[%s] %s: accessibility violation %s (%s): %s at %v", p.Mode(), name, v.ID, v.Impact, v.Help, v.Nodes)
	}
}

// Screenshot saves a PNG of the page, for a person to look at.
func (p *Page) Screenshot(path string) {
	p.t.Helper()
	b, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		p.t.Fatal(err)
	}
}
