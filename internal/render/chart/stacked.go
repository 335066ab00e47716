package chart

import (
	"html/template"
	"math"
)

// StackedBars draws one column per category with one segment per series
// stacked from the bottom in series order, e.g. the channel mix per month.
type StackedBars struct {
	// ID must be unique on the page: the chart's element ids derive from
	// it. Characters other than ASCII letters, digits, "-" and "_" become
	// "-", and an ID that does not start with a letter (or is empty) gets
	// "chart-" in front.
	ID string
	// Title names the chart for assistive technology (and is the hover
	// tooltip); Description says what it shows. The page should show the
	// title as a heading or caption too.
	Title, Description string
	Categories         []string
	Series             []Series
	// Unit is shown above the value axis and in the segment tooltips.
	Unit string
	// UnitOne, when set, follows a value of exactly 1 in a tooltip
	// instead of Unit: "1 henvendelse", not "1 henvendelser".
	UnitOne string
	// Percent stacks each column as shares of its total (0–100 %).
	Percent bool
	// Format writes numbers; nil means Danish with as many decimals as
	// the values need (at most two).
	Format func(float64) string
	// Empty is the text shown when there is nothing to draw; "" means
	// DefaultEmpty ("Ingen data").
	Empty string
	// Width is the viewBox width; text is 13 units high, so it shows at
	// 13 px when the chart is displayed this wide. 0 (or anything under
	// 240) means 720.
	Width float64
}

// SVG renders the chart. Negative and NaN values draw no segment: a
// stack of counts has no place for them.
func (s StackedBars) SVG() template.HTML {
	f := newFrame(s.ID, s.Title, s.Description, s.Empty, s.Width)
	n := len(s.Categories)
	totals, all, maxTotal := s.Totals()
	if n == 0 || !(maxTotal > 0) {
		return f.emptySVG()
	}

	format := Formatter(s.Format, all)
	ticks, caption := Ticks(0, maxTotal, false), s.Unit
	tickLabel := format
	if s.Percent {
		ticks, caption = []float64{0, 25, 50, 75, 100}, ""
		tickLabel = func(v float64) string { return WithUnit(Formatter(s.Format, ticks)(v), "%") }
	} else if s.Format == nil {
		tickLabel = Formatter(nil, ticks)
	}
	names := make([]string, len(s.Series))
	for i, ser := range s.Series {
		names[i] = ser.Name
	}
	p := layoutCategories(f, s.Categories, names, caption, ticks, tickLabel)

	c := p.open()
	writeHatches(c, len(s.Series))
	p.drawLegend(c, func(c *canvas, i int, x, y float64) {
		c.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, num(x), num(y-swatchWidth/2), num(swatchWidth), num(swatchWidth), fillFor(c, i))
	})
	p.drawAxis(c)

	barWidth := math.Min(p.band()*0.7, 56)
	shareFormat := Formatter(nil, []float64{0.5})
	// Stack boundaries are computed on cumulative sums and rounded once,
	// so segments meet without hairline gaps or overlaps.
	bottoms := make([]float64, n)
	for i := range bottoms {
		bottoms[i] = p.y(0)
	}
	cum := make([]float64, n)
	for si, ser := range s.Series {
		c.printf(`<g class="series" fill="%s" stroke="%s" stroke-width="0.75">`, fillFor(c, si), paper)
		for i := 0; i < n; i++ {
			v := value(ser.Values, i)
			if !finite(v) || v <= 0 {
				continue
			}
			cum[i] += v
			top := cum[i]
			if s.Percent {
				top = cum[i] / totals[i] * 100
			}
			yTop := round2(p.y(top))
			unit := s.Unit
			if v == 1 && s.UnitOne != "" {
				unit = s.UnitOne
			}
			tip := WithUnit(format(v), unit)
			if s.Percent {
				tip += " (" + WithUnit(shareFormat(v/totals[i]*100), "%") + ")"
			}
			c.printf(`<rect x="%s" y="%s" width="%s" height="%s"><title>%s</title></rect>`,
				num(p.x(i)-barWidth/2), num(yTop), num(barWidth), num(bottoms[i]-yTop),
				esc(s.Categories[i]+", "+ser.Name+": "+tip))
			bottoms[i] = yTop
		}
		c.printf(`</g>`)
	}
	p.drawBaseline(c)
	return c.close()
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// Totals are each column's total, every value that is drawn (positive and
// finite), and the largest total, which is not positive when there is
// nothing to draw. The PDF report stacks from the same answer.
func (s StackedBars) Totals() (totals, drawn []float64, largest float64) {
	totals = make([]float64, len(s.Categories))
	for _, ser := range s.Series {
		for i := range totals {
			if v := value(ser.Values, i); finite(v) && v > 0 {
				totals[i] += v
				drawn = append(drawn, v)
			}
		}
	}
	for _, t := range totals {
		largest = math.Max(largest, t)
	}
	if !finite(largest) {
		largest = 0
	}
	return totals, drawn, largest
}
