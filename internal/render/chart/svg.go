package chart

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Shared measures, in viewBox units. At the default width a chart shown
// 720 pixels wide prints its text at 13 pixels.
const (
	defaultWidth = 720.0
	fontSize     = 13.0
	lineHeight   = 18.0
)

// DefaultEmpty is what a chart says when it has nothing to show and the
// page gave no Empty text of its own.
const DefaultEmpty = "Ingen data"

// canvas collects one chart's SVG. Everything a chart writes goes through
// it, so escaping and number formatting happen in one place.
type canvas struct {
	b  strings.Builder
	id string
}

// frame is what every chart kind has in common.
type frame struct {
	id, title, desc, empty string
	width                  float64
}

func newFrame(id, title, desc, empty string, width float64) frame {
	if empty == "" {
		empty = DefaultEmpty
	}
	if !(width >= 240) { // also catches NaN
		width = defaultWidth
	}
	return frame{id: cleanID(id), title: title, desc: desc, empty: empty, width: width}
}

// cleanID keeps an ID usable both as an XML id and inside the
// space-separated aria-labelledby list.
func cleanID(id string) string {
	var b strings.Builder
	for _, r := range id {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	s := b.String()
	switch {
	case s == "":
		return "chart"
	case !unicode.IsLetter(rune(s[0])):
		return "chart-" + s
	}
	return s
}

// open starts the SVG with the accessible name and description as the
// first children, where assistive technology and axe look for them.
func (f frame) open(height float64) *canvas {
	c := &canvas{id: f.id}
	c.printf(`<svg xmlns="http://www.w3.org/2000/svg" id="%s" class="chart" role="img" aria-labelledby="%s-title %s-desc" viewBox="0 0 %s %s" width="100%%" preserveAspectRatio="xMidYMin meet" font-size="%s" fill="%s">`,
		f.id, f.id, f.id, num(f.width), num(height), num(fontSize), inkColor)
	c.printf(`<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, f.id, esc(f.title), f.id, esc(f.desc))
	return c
}

// emptySVG is a chart that says there is nothing to show, so a page never
// has to branch around a chart.
func (f frame) emptySVG() template.HTML {
	h := 120.0
	c := f.open(h)
	c.printf(`<rect class="empty" x="0.5" y="0.5" width="%s" height="%s" fill="none" stroke="%s"/>`, num(f.width-1), num(h-1), gridColor)
	c.text(f.width/2, h/2, "middle", mutedColor, f.empty)
	return c.close()
}

func (c *canvas) close() template.HTML {
	c.b.WriteString("</svg>")
	return template.HTML(c.b.String())
}

func (c *canvas) printf(format string, args ...any) {
	fmt.Fprintf(&c.b, format, args...)
}

// text writes one line of text whose middle sits at y.
func (c *canvas) text(x, y float64, anchor, fill, s string) {
	c.printf(`<text x="%s" y="%s" text-anchor="%s" fill="%s">%s</text>`, num(x), num(baseline(y)), anchor, fill, esc(s))
}

// baseline moves a text's vertical middle to its baseline; the attribute
// dominant-baseline would do it, but not in every PDF renderer.
func baseline(middle float64) float64 { return middle + fontSize*0.35 }

// num writes a coordinate with at most two decimals: precise enough for
// any screen or printer, short, and the same on every machine.
func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	r := math.Round(v*100) / 100
	if r == 0 {
		return "0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// esc escapes text for XML and HTML alike and drops what XML cannot hold,
// so that the page stays well-formed whatever the labels contain.
func esc(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&#34;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			// not allowed in XML 1.0
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// textWidth estimates how wide s is in the inherited sans-serif at
// fontSize. It errs on the wide side so that labels spaced by it do not
// collide in fonts wider than the estimate's model.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case strings.ContainsRune("iljIf.,:;'!|()[] t", r):
			w += 0.34
		case strings.ContainsRune("mwMW%@", r):
			w += 0.9
		case unicode.IsUpper(r) || strings.ContainsRune("æøÆØ", r):
			w += 0.7
		default:
			w += 0.58
		}
	}
	return w * fontSize
}

// truncate shortens s with an ellipsis to fit maxWidth.
func truncate(s string, maxWidth float64) string {
	if textWidth(s) <= maxWidth {
		return s
	}
	runes := []rune(s)
	for n := len(runes) - 1; n > 0; n-- {
		t := strings.TrimRight(string(runes[:n]), " ") + "…"
		if textWidth(t) <= maxWidth {
			return t
		}
	}
	return "…"
}
