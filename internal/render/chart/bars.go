package chart

import (
	"html/template"
	"math"
	"strings"
)

// Bars draws one horizontal bar per label, from a zero line, with the
// value written at the bar's end: e.g. the savings potential per service
// area or the cost per channel. Negative values go left of the zero line.
type Bars struct {
	// ID, Title, Description, Unit, Format, Empty and Width are as for
	// StackedBars; the Unit follows every value ("1.234 kr.").
	ID                 string
	Title, Description string
	Labels             []string
	// Values[i] belongs to Labels[i]; NaN shows "–" and no bar.
	Values []float64
	Unit   string
	Format func(float64) string
	Empty  string
	Width  float64
}

const (
	barThickness = 18.0
	labelLines   = 3 // a longer label is cut with "…"; the table has it whole
	valueGap     = 6.0
)

// SVG renders the chart. All values zero or NaN show the empty text.
func (b Bars) SVG() template.HTML {
	f := newFrame(b.ID, b.Title, b.Description, b.Empty, b.Width)
	n := len(b.Labels)
	lo, hi, all := b.Range()
	if n == 0 || (lo == 0 && hi == 0) {
		return f.emptySVG()
	}
	format := Formatter(b.Format, all)

	// Labels take what they need, up to 35 % of the width, wrapping
	// within it; the rest holds the bars and their values.
	labelWidth := 0.0
	for _, l := range b.Labels {
		labelWidth = math.Max(labelWidth, textWidth(l))
	}
	labelWidth = math.Ceil(math.Min(labelWidth, f.width*0.35))
	wrapped := make([][]string, n)
	lines := 1
	for i, l := range b.Labels {
		wrapped[i] = wrap(l, labelWidth, labelLines)
		lines = max(lines, len(wrapped[i]))
	}
	rowHeight := math.Max(barThickness+12, float64(lines)*lineHeight+8)

	texts := make([]string, n)
	leftPad, rightPad := 0.0, 0.0
	for i := range texts {
		v := value(b.Values, i)
		texts[i] = WithUnit(format(v), b.Unit)
		if !finite(v) {
			texts[i] = format(v)
		}
		w := textWidth(texts[i]) + valueGap
		if finite(v) && v < 0 {
			leftPad = math.Max(leftPad, w)
		} else {
			rightPad = math.Max(rightPad, w)
		}
	}
	plotLeft := labelWidth + 12
	plotWidth := f.width - plotLeft - 4
	// Long values on both sides of zero in a narrow chart would leave the
	// bars no room, or less than none (bars drawn backwards): the bars
	// keep a quarter of the width and the texts make do with the rest.
	if pads := leftPad + rightPad; pads > plotWidth*0.75 {
		leftPad, rightPad = leftPad*plotWidth*0.75/pads, rightPad*plotWidth*0.75/pads
	}
	scale := (plotWidth - leftPad - rightPad) / (hi - lo)
	zero := plotLeft + leftPad - lo*scale
	top := 4.0
	height := top + float64(n)*rowHeight + 4

	c := f.open(height)
	c.printf(`<g class="labels">`)
	for i, l := range wrapped {
		mid := top + (float64(i)+0.5)*rowHeight
		first := mid - float64(len(l)-1)*lineHeight/2
		c.printf(`<text text-anchor="end" fill="%s">`, inkColor)
		for j, line := range l {
			c.printf(`<tspan x="%s" y="%s">%s</tspan>`, num(labelWidth), num(baseline(first+float64(j)*lineHeight)), esc(line))
		}
		c.printf(`</text>`)
	}
	c.printf(`</g><g class="bars" fill="%s">`, seriesColor(0))
	for i := 0; i < n; i++ {
		v := value(b.Values, i)
		if !finite(v) || v == 0 {
			continue
		}
		x0, x1 := zero, zero+v*scale
		if v < 0 {
			x0, x1 = x1, x0
		}
		mid := top + (float64(i)+0.5)*rowHeight
		c.printf(`<rect x="%s" y="%s" width="%s" height="%s"><title>%s</title></rect>`,
			num(x0), num(mid-barThickness/2), num(x1-x0), num(barThickness), esc(b.Labels[i]+": "+texts[i]))
	}
	c.printf(`</g><g class="values">`)
	for i := 0; i < n; i++ {
		v := value(b.Values, i)
		mid := top + (float64(i)+0.5)*rowHeight
		if finite(v) && v < 0 {
			c.text(zero+v*scale-valueGap, mid, "end", inkColor, texts[i])
		} else {
			end := zero
			if finite(v) {
				end += v * scale
			}
			c.text(end+valueGap, mid, "start", inkColor, texts[i])
		}
	}
	c.printf(`</g>`)
	c.printf(`<line class="zero" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" vector-effect="non-scaling-stroke" shape-rendering="crispEdges"/>`,
		num(zero), num(top), num(zero), num(height-4), axisColor)
	return c.close()
}

// wrap breaks s into lines no wider than width at spaces, at most
// maxLines of them, the last cut with "…" if the text goes on.
func wrap(s string, width float64, maxLines int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case textWidth(line+" "+word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	lines = append(lines, line)
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] += " …"
	}
	for i, l := range lines {
		lines[i] = truncate(l, width)
	}
	return lines
}

// Range is the span of the finite values with zero in it, and those
// values; a span of zero (or an infinite one) means nothing to draw. The
// PDF report draws its bars from the same answer.
func (b Bars) Range() (lo, hi float64, finiteValues []float64) {
	for i := range b.Labels {
		if v := value(b.Values, i); finite(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
			finiteValues = append(finiteValues, v)
		}
	}
	if !finite(hi - lo) {
		return 0, 0, finiteValues
	}
	return lo, hi, finiteValues
}
