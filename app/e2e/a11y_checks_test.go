package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Measurements the audit of issue 8 made by hand, as checks a test runs on
// every page: the focus ring's contrast against what surrounds it, and reflow
// (no sideways scrolling) at 320 CSS px and at 200 % text.

// colourJS computes WCAG contrast ratios from computed styles. backdrop(el, x, y)
// is the colour painted at a point of the ring: the backgrounds of what lies
// under it (not the element itself), composited over the white canvas.
const colourJS = `
function parse(c) {
  var m = /rgba?\(([^)]+)\)/.exec(c || "");
  if (!m) return null;
  var p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
}
function lum(c) {
  function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
  return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
}
function contrast(a, b) {
  var x = lum(a), y = lum(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
function over(top, under) {
  var a = top.a;
  return {r: top.r * a + under.r * (1 - a), g: top.g * a + under.g * (1 - a), b: top.b * a + under.b * (1 - a), a: 1};
}
function backdrop(el, x, y) {
  var layers = [];
  var stack = document.elementsFromPoint(x, y);
  for (var i = 0; i < stack.length; i++) {
    var e = stack[i];
    if (e === el || el.contains(e)) continue;
    var c = parse(getComputedStyle(e).backgroundColor);
    if (!c || c.a === 0) continue;
    layers.push(c);
    if (c.a >= 1) break;
  }
  var out = {r: 255, g: 255, b: 255, a: 1};
  for (var j = layers.length - 1; j >= 0; j--) out = over(layers[j], out);
  return out;
}
function describe(e) {
  var s = e.tagName.toLowerCase();
  if (e.id) s += "#" + e.id;
  if (typeof e.className === "string" && e.className.trim()) s += "." + e.className.trim().split(/\s+/).join(".");
  var text = (e.textContent || e.value || "").trim().replace(/\s+/g, " ").slice(0, 30);
  return text ? s + " «" + text + "»" : s;
}
`

// focusRingJS focuses every element a keyboard user can reach and measures its
// ring: the outline's colour against the backdrop at four points of the ring
// (3:1 needed), and, when the element has a background of its own, the
// halo's or the outline's colour against it (3:1).
const focusRingJS = `(function () {` + colourJS + `
  var sel = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]';
  var out = {checked: 0, min: 99, minAt: "", failures: []};
  document.querySelectorAll(sel).forEach(function (el) {
    if (el.disabled || el.tabIndex < 0 || el.getClientRects().length === 0) return;
    var cs = getComputedStyle(el);
    if (cs.visibility === "hidden") return;
    el.scrollIntoView({block: "center", inline: "center"});
    el.focus();
    if (document.activeElement !== el) return; // e.g. inside a closed menu
    out.checked++;
    cs = getComputedStyle(el);
    if (!el.matches(":focus-visible") || cs.outlineStyle === "none" || parseFloat(cs.outlineWidth) < 2) {
      out.failures.push(describe(el) + ": no visible focus ring (outline " + cs.outlineStyle + " " + cs.outlineWidth + ")");
      return;
    }
    var ring = parse(cs.outlineColor);
    var d = parseFloat(cs.outlineOffset) + parseFloat(cs.outlineWidth) / 2;
    var r = el.getBoundingClientRect(), cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    var points = [[r.left - d, cy], [r.right + d, cy], [cx, r.top - d], [cx, r.bottom + d]];
    var worst = 99, worstBg = null;
    points.forEach(function (pt) {
      if (pt[0] < 0 || pt[1] < 0 || pt[0] >= innerWidth || pt[1] >= innerHeight) return;
      var bg = backdrop(el, pt[0], pt[1]);
      var c = contrast(ring, bg);
      if (c < worst) { worst = c; worstBg = bg; }
    });
    var own = parse(cs.backgroundColor);
    if (own && own.a > 0) {
      var halo = parse(cs.boxShadow) || ring;
      var onOwn = Math.max(contrast(halo, own), contrast(ring, own));
      if (onOwn < worst) { worst = onOwn; worstBg = own; }
    }
    if (worst < out.min) { out.min = worst; out.minAt = describe(el); }
    if (worst < 3) {
      out.failures.push(describe(el) + ": ring " + cs.outlineColor + " on rgb(" + [worstBg.r, worstBg.g, worstBg.b].map(Math.round).join(", ") + ") = " + worst.toFixed(2) + ":1");
    }
  });
  if (document.activeElement) document.activeElement.blur();
  scrollTo(0, 0);
  return JSON.stringify(out);
})()`

// ringReport is what focusRingJS measured on a page.
type ringReport struct {
	Checked  int      `json:"checked"`
	Min      float64  `json:"min"`
	MinAt    string   `json:"minAt"`
	Failures []string `json:"failures"`
}

// FocusRings checks the focus ring of every focusable element of the page.
func (p *Page) FocusRings(name string) ringReport {
	p.t.Helper()
	p.settled()
	// A key that moves nothing (Shift) puts the browser in keyboard mode,
	// where focus() shows the ring; a Tab could leave a modal dialog for the
	// browser's own interface.
	p.Do(chromedp.KeyEvent(kb.Shift))
	var r ringReport
	if err := json.Unmarshal([]byte(p.Eval(focusRingJS)), &r); err != nil {
		p.t.Fatalf("[%s] %s: focus ring report: %v", p.Mode(), name, err)
	}
	if r.Checked == 0 {
		p.t.Errorf("[%s] %s: no focusable element measured", p.Mode(), name)
	}
	for _, f := range r.Failures {
		p.t.Errorf("[%s] %s: focus ring below 3:1: %s", p.Mode(), name, f)
	}
	return r
}

// reflowJS measures the page's width against the viewport's and names the
// outermost elements that stick out on the right.
const reflowJS = `(function () {` + colourJS + `
  var de = document.documentElement, cw = de.clientWidth, out = {scroll: de.scrollWidth, client: cw, culprits: [], clipped: []};
  // A select narrower than its chosen option cuts it off; so does a
  // scrolling box (a table's wrapper) that hides part of it.
  var ctx = document.createElement("canvas").getContext("2d");
  document.querySelectorAll("select").forEach(function (sel) {
    if (sel.getClientRects().length === 0) return;
    var cs = getComputedStyle(sel);
    ctx.font = cs.font;
    var chosen = sel.options[sel.selectedIndex], shownText = chosen ? chosen.text : "";
    var need = ctx.measureText(shownText).width + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight) + parseFloat(cs.fontSize);
    var r = sel.getBoundingClientRect(), shown = r.width;
    for (var a = sel.parentElement; a; a = a.parentElement) {
      if (getComputedStyle(a).overflowX === "visible") continue;
      var ar = a.getBoundingClientRect();
      shown = Math.min(shown, Math.max(0, Math.min(r.right, ar.right) - Math.max(r.left, ar.left)));
    }
    if (shown + 1 < need) out.clipped.push(describe(sel) + " shows " + Math.round(shown) + " of the " + Math.round(need) + " px its choice « " + shownText + " » needs");
  });
  if (out.scroll <= cw) return JSON.stringify(out);
  document.querySelectorAll("body *").forEach(function (e) {
    if (out.culprits.length >= 5) return;
    var r = e.getBoundingClientRect();
    if (r.width === 0 || r.right <= cw + 0.5) return;
    var parent = e.parentElement, pr = parent.getBoundingClientRect();
    if (parent !== document.body && pr.right > cw + 0.5) return;
    out.culprits.push(describe(e) + " (right edge at " + Math.round(r.right + scrollX) + " px)");
  });
  return JSON.stringify(out);
})()`

// reflowReport is what reflowJS measured.
type reflowReport struct {
	Scroll   int      `json:"scroll"`
	Client   int      `json:"client"`
	Culprits []string `json:"culprits"`
	Clipped  []string `json:"clipped"`
}

func (p *Page) reflow(name, how string) reflowReport {
	p.t.Helper()
	var r reflowReport
	if err := json.Unmarshal([]byte(p.Eval(reflowJS)), &r); err != nil {
		p.t.Fatalf("[%s] %s: reflow report: %v", p.Mode(), name, err)
	}
	if r.Client == 0 {
		p.t.Fatalf("[%s] %s: no viewport measured", p.Mode(), name)
	}
	if r.Scroll > r.Client {
		p.t.Errorf("[%s] %s at %s: the page scrolls sideways (scrollWidth %d > clientWidth %d): %s",
			p.Mode(), name, how, r.Scroll, r.Client, strings.Join(r.Culprits, "; "))
	}
	for _, c := range r.Clipped {
		p.t.Errorf("[%s] %s at %s: a select is cut off: %s", p.Mode(), name, how, c)
	}
	return r
}

// Reflow320 measures the page in a 320 CSS px wide viewport (WCAG 1.4.10).
func (p *Page) Reflow320(name string) reflowReport {
	p.t.Helper()
	p.settled()
	if _, err := chromedp.Call(p.ctx, emulation.SetDeviceMetricsOverride,
		emulation.SetDeviceMetricsOverrideParams{Width: 320, Height: 640, DeviceScaleFactor: 1}); err != nil {
		p.t.Fatalf("320 px viewport: %v", err)
	}
	p.waitWidth("=== 320")
	defer func() {
		if _, err := chromedp.Call(p.ctx, emulation.ClearDeviceMetricsOverride, cdp.Empty{}); err != nil {
			p.t.Fatalf("viewport back: %v", err)
		}
		p.waitWidth("> 320")
	}()
	return p.reflow(name, "320 px")
}

// waitWidth waits until the viewport's width satisfies cond (the emulation
// applies asynchronously).
func (p *Page) waitWidth(cond string) {
	p.t.Helper()
	for deadline := time.Now().Add(5 * time.Second); p.Eval(`String(document.documentElement.clientWidth `+cond+`)`) != "true"; {
		if time.Now().After(deadline) {
			p.t.Fatalf("[%s] the viewport width never became %s", p.Mode(), cond)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Reflow200 measures the page at the test window's width with the root font
// size doubled, as a user's 200 % text setting does (WCAG 1.4.4).
func (p *Page) Reflow200(name string) reflowReport {
	p.t.Helper()
	p.settled()
	p.Eval(`document.documentElement.style.fontSize = "200%"; ""`)
	defer p.Eval(`document.documentElement.style.fontSize = ""; ""`)
	return p.reflow(name, "200 % text")
}

// Layout runs the three checks on the page and returns a one-line summary.
func (p *Page) Layout(name string) string {
	p.t.Helper()
	ring := p.FocusRings(name)
	large := p.Reflow200(name)
	narrow := p.Reflow320(name)
	return fmt.Sprintf("%-34s ring min %.2f:1 (%d elements, at %s) · 320 px: %d/%d · 200 %%: %d/%d",
		name, ring.Min, ring.Checked, ring.MinAt, narrow.Scroll, narrow.Client, large.Scroll, large.Client)
}
