package pdf

import (
	"math"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/kanal-dk/kanal/internal/render/chart"
)

// The charts' box, in millimetres.
const (
	chartWidth  = contentWidth
	chartHeight = 75.0
)

// chart writes the chart's title and draws the chart under it, both on
// one page.
func (r *renderer) chart(c Chart) {
	cb := r.chartBlock(c)
	if cb.draw == nil {
		return
	}
	r.room(cb.height())
	r.font("B", captionSize, inkColor)
	r.flow(cb.title, captionLine, marginLeft)
	y := r.pdf.GetY() + 2
	cb.draw(marginLeft, y)
	r.pdf.SetDashPattern(nil, 0)
	r.pdf.SetY(y + cb.plot + 7)
}

// chartBlock is a chart ready to draw: its title, the height of the
// drawing and the drawing itself, which starts at (x, y).
type chartBlock struct {
	title []string
	plot  float64
	draw  func(x, y float64)
}

func (cb chartBlock) height() float64 { return float64(len(cb.title))*captionLine + 2 + cb.plot }

// chartBlock measures the chart; a chart with nothing to draw says its
// Empty text (or chart.DefaultEmpty) in a tinted box instead.
func (r *renderer) chartBlock(c Chart) chartBlock {
	cb := chartBlock{plot: chartHeight}
	var empty string
	switch {
	case c.Stacked != nil:
		cb.draw, empty = r.stackedChart(*c.Stacked), c.Stacked.Empty
	case c.Lines != nil:
		cb.draw, empty = r.linesChart(*c.Lines), c.Lines.Empty
	case c.Bars != nil:
		cb.draw, cb.plot = r.barsChart(*c.Bars)
		empty = c.Bars.Empty
	default:
		return cb
	}
	if cb.draw == nil {
		cb.plot = 16
		if strings.TrimSpace(empty) == "" {
			empty = chart.DefaultEmpty
		}
		cb.draw = func(x, y float64) {
			r.fill(x, y, chartWidth, cb.plot, tintColor)
			r.font("I", bodySize-1, mutedColor)
			r.textCentre(x+chartWidth/2, r.baseline(y, cb.plot), r.truncate(empty, chartWidth-4))
		}
	}
	if strings.TrimSpace(c.Title()) != "" {
		r.font("B", captionSize, inkColor)
		cb.title = r.wrap(c.Title(), contentWidth)
	}
	return cb
}

// categoryPlot is the frame that stacked columns and lines share: a
// legend on top, the unit over the value axis, gridlines with their
// labels on the left and one band per category along the bottom.
type categoryPlot struct {
	left, top, width, height float64
	lo, hi                   float64
	n                        int
}

func (p categoryPlot) band() float64 { return p.width / float64(p.n) }

// x is the middle of category i's band.
func (p categoryPlot) x(i int) float64 { return p.left + (float64(i)+0.5)*p.band() }

func (p categoryPlot) y(v float64) float64 {
	v = math.Max(p.lo, math.Min(p.hi, v))
	if !(p.hi > p.lo) || !finite(p.hi-p.lo) {
		return p.top + p.height
	}
	return p.top + p.height - (v-p.lo)/(p.hi-p.lo)*p.height
}

// legendSwatch draws series i's sample with its left edge at x, centred
// on y.
type legendSwatch func(i int, x, y float64)

const (
	swatchWidth = 3.4
	lineSwatch  = 7.0
	tickGap     = 2.0
	xLabelRoom  = 5.5
)

// plotCategories draws the legend, unit, gridlines and labels inside the
// chart box at (x, y) and returns the plot area for the data.
func (r *renderer) plotCategories(x, y float64, cats, names []string, unit string, ticks []float64, tickLabel func(float64) string, swatch legendSwatch, swatchW float64) categoryPlot {
	r.font("", chartFontSize, inkColor)
	top := y
	if len(names) > 1 {
		top = r.legend(x, y, names, swatch, swatchW) + 2
	}
	if unit != "" {
		r.font("", chartFontSize, mutedColor)
		r.textAt(x, r.baseline(top, chartLine), r.truncate(unit, chartWidth))
		top += chartLine
	}
	top += chartLine / 2 // room for the upper half of the top tick label

	r.font("", chartFontSize, mutedColor)
	labels := make([]string, len(ticks))
	tickWidth := 0.0
	for i, t := range ticks {
		labels[i] = tickLabel(t)
		tickWidth = math.Max(tickWidth, r.width(labels[i]))
	}
	widest := 0.0
	for _, c := range cats {
		widest = math.Max(widest, r.width(c))
	}
	// The first and last x labels are centred under their bands and may
	// stick out past them; the margins leave room for them.
	band := (chartWidth - tickWidth - tickGap - 2) / float64(len(cats))
	// A label too long for any margin is cut instead, so that the plot
	// keeps at least half the width.
	overhang := math.Min(math.Max(0, widest/2-band/2)+1, chartWidth/4)
	left := math.Max(tickWidth+tickGap+0.5, overhang)
	p := categoryPlot{left: x + left, top: top, width: chartWidth - left - math.Max(2, overhang),
		height: y + chartHeight - xLabelRoom - top, lo: ticks[0], hi: ticks[len(ticks)-1], n: len(cats)}
	if p.height < 10 { // a legend of very many series: the plot keeps a height
		p.height = 10
	}

	base := p.lo
	if p.lo < 0 && p.hi > 0 {
		base = 0
	}
	for i, t := range ticks {
		if t != base {
			r.rule(p.left, p.y(t), p.left+p.width, gridColor, 0.15)
		}
		r.textRight(p.left-tickGap, r.baseline(p.y(t)-chartLine/2, chartLine), labels[i])
	}
	every := labelEvery(widest+3, p.band(), len(cats))
	for i, c := range cats {
		if i%every == 0 {
			cx := p.x(i)
			r.textCentre(cx, r.baseline(p.top+p.height+1, chartLine), r.truncate(c, 2*math.Min(cx-x, x+chartWidth-cx)))
		}
	}
	return p
}

// plotBaseline draws the line that columns stand on (zero, or the bottom),
// after the data so that no column covers it.
func (r *renderer) plotBaseline(p categoryPlot) {
	base := p.lo
	if p.lo < 0 && p.hi > 0 {
		base = 0
	}
	r.rule(p.left, p.y(base), p.left+p.width, mutedColor, 0.25)
}

// legend writes each series' swatch and name left to right, wrapping
// into rows, and returns the y under it.
func (r *renderer) legend(x, y float64, names []string, swatch legendSwatch, swatchW float64) float64 {
	r.font("", chartFontSize, inkColor)
	const gap, between = 1.5, 5.0
	cx, row := 0.0, y
	for i, name := range names {
		name = r.truncate(name, chartWidth-swatchW-gap)
		w := swatchW + gap + r.width(name)
		if cx > 0 && cx+w > chartWidth {
			cx, row = 0, row+chartLine+0.6
		}
		mid := row + chartLine/2
		swatch(i, x+cx, mid)
		r.font("", chartFontSize, inkColor)
		r.textAt(x+cx+swatchW+gap, r.baseline(row, chartLine), name)
		cx += w + between
	}
	return row + chartLine
}

// labelEvery says how many categories apart the x labels must be so that
// none overlaps the next. Steps that divide a year keep monthly labels on
// the same months.
func labelEvery(need, band float64, n int) int {
	for _, k := range []int{1, 2, 3, 4, 6} {
		if float64(k)*band >= need {
			return k
		}
	}
	k := 12
	for float64(k)*band < need && k < n {
		k += 12
	}
	return k
}

// stackedChart returns the drawing of stacked columns, or nil when there
// is nothing to draw. Negative and missing values draw no segment.
func (r *renderer) stackedChart(s chart.StackedBars) func(x, y float64) {
	n := len(s.Categories)
	totals, _, maxTotal := s.Totals()
	if n == 0 || !(maxTotal > 0) {
		return nil
	}
	ticks, unit := chart.Ticks(0, maxTotal, false), s.Unit
	tickLabel := chart.Formatter(s.Format, ticks)
	if s.Percent {
		ticks, unit = []float64{0, 25, 50, 75, 100}, ""
		format := chart.Formatter(s.Format, ticks)
		tickLabel = func(v float64) string { return chart.WithUnit(format(v), "%") }
	}
	names := make([]string, len(s.Series))
	for i, ser := range s.Series {
		names[i] = ser.Name
	}
	return func(x, y float64) {
		p := r.plotCategories(x, y, s.Categories, names, unit, ticks, tickLabel, func(i int, x, y float64) {
			r.fill(x, y-swatchWidth/2, swatchWidth, swatchWidth, seriesColor(i))
		}, swatchWidth)
		barWidth := math.Min(p.band()*0.7, 14)
		cum := make([]float64, n)
		for si, ser := range s.Series {
			for i := 0; i < n; i++ {
				v := value(ser.Values, i)
				if !finite(v) || v <= 0 {
					continue
				}
				bottom, top := cum[i], cum[i]+v
				cum[i] = top
				if s.Percent {
					bottom, top = bottom/totals[i]*100, top/totals[i]*100
				}
				y0, y1 := p.y(bottom), p.y(top)
				r.fill(p.x(i)-barWidth/2, y1, barWidth, y0-y1, seriesColor(si))
				if bottom > 0 && barWidth > 1 { // a white seam between segments
					r.rule(p.x(i)-barWidth/2, y0, p.x(i)+barWidth/2, paperColor, 0.2)
				}
			}
		}
		r.plotBaseline(p)
	}
}

// linesChart returns the drawing of lines with their markers, or nil when
// there is nothing to draw.
func (r *renderer) linesChart(l chart.Lines) func(x, y float64) {
	n := len(l.Categories)
	var all, marks []float64
	for _, ser := range l.Series {
		for i := 0; i < n; i++ {
			if v := value(ser.Values, i); finite(v) {
				all = append(all, v)
			}
		}
	}
	if n == 0 || len(all) == 0 {
		return nil
	}
	markers := l.PlacedMarkers()
	for _, m := range markers {
		marks = append(marks, m.Value)
	}
	lo, hi, ticks := l.Axis(all, marks)
	tickFormat := chart.Formatter(l.Format, ticks)
	unit, tickLabel := l.Unit, tickFormat
	if strings.TrimSpace(l.Unit) == "%" {
		unit = ""
		tickLabel = func(v float64) string { return chart.WithUnit(tickFormat(v), "%") }
	}
	names := make([]string, len(l.Series))
	for i, ser := range l.Series {
		names[i] = ser.Name
	}
	return func(x, y float64) {
		p := r.plotCategories(x, y, l.Categories, names, unit, ticks, tickLabel, func(i int, x, y float64) {
			r.stroke(i, l.Series[i])
			if finite(x) && finite(y) {
				r.pdf.Line(x, y, x+lineSwatch, y)
			}
			r.pdf.SetDashPattern(nil, 0)
		}, lineSwatch)
		p.lo, p.hi = lo, hi
		r.plotBaseline(p)
		for i, ser := range l.Series {
			r.drawLine(p, i, ser)
		}
		r.drawMarkers(p, markers, l.Series)
	}
}

// stroke sets the pen for series i: its colour, and a dash for a
// forecast or a series past the palette.
func (r *renderer) stroke(i int, ser chart.Series) {
	c := seriesColor(i)
	r.pdf.SetDrawColor(c.r, c.g, c.b)
	r.pdf.SetLineWidth(0.6)
	round := i / len(seriesColors)
	switch {
	case ser.Dashed:
		r.pdf.SetDashPattern([]float64{2.2, 1.4}, 0)
	case round == 1:
		r.pdf.SetDashPattern([]float64{0.4, 1.2}, 0)
	case round >= 2:
		r.pdf.SetDashPattern([]float64{2.6, 0.9, 0.4, 0.9}, 0)
	default:
		r.pdf.SetDashPattern(nil, 0)
	}
}

// dotsUpTo is the most categories for which every value gets a dot: few
// points read better as points, many as a line.
const dotsUpTo = 16

// drawLine draws one series as a line that breaks at each gap, with a dot
// at a value that has gaps on both sides.
func (r *renderer) drawLine(p categoryPlot, si int, ser chart.Series) {
	r.stroke(si, ser)
	var dots []int
	open := false
	for i := 0; i < p.n; i++ {
		v := value(ser.Values, i)
		if !finite(v) {
			if open {
				r.pdf.DrawPath("D")
				open = false
			}
			continue
		}
		prev := i > 0 && finite(value(ser.Values, i-1))
		next := i+1 < p.n && finite(value(ser.Values, i+1))
		if (!prev && !next) || p.n <= dotsUpTo {
			dots = append(dots, i)
		}
		switch {
		case !prev && !next:
		case !finite(p.x(i)) || !finite(p.y(v)):
		case !open:
			r.pdf.MoveTo(p.x(i), p.y(v))
			open = true
		default:
			r.pdf.LineTo(p.x(i), p.y(v))
		}
	}
	if open {
		r.pdf.DrawPath("D")
	}
	r.pdf.SetDashPattern(nil, 0)
	c := seriesColor(si)
	r.pdf.SetFillColor(c.r, c.g, c.b)
	for _, i := range dots {
		if x, y := p.x(i), p.y(value(ser.Values, i)); finite(x) && finite(y) {
			r.pdf.Circle(x, y, 0.75, "F")
		}
	}
}

const markerSize = 1.6

// drawMarkers draws each marker as a diamond with its label beside it,
// where the label covers the least of the lines, on white.
func (r *renderer) drawMarkers(p categoryPlot, ms []chart.PlacedMarker, series []chart.Series) {
	for _, m := range ms {
		x, y := p.x(m.Index), p.y(m.Value)
		if !finite(x) || !finite(y) {
			continue
		}
		r.pdf.SetFillColor(inkColor.r, inkColor.g, inkColor.b)
		r.pdf.SetDrawColor(paperColor.r, paperColor.g, paperColor.b)
		r.pdf.SetLineWidth(0.3)
		r.pdf.Polygon([]fpdf.PointType{{X: x, Y: y - markerSize}, {X: x + markerSize, Y: y}, {X: x, Y: y + markerSize}, {X: x - markerSize, Y: y}}, "FD")
		if m.Label == "" {
			continue
		}
		r.font("B", chartFontSize, inkColor)
		label := r.truncate(m.Label, p.width)
		w := r.width(label)
		left, top := r.placeLabel(p, x, y, w, series)
		r.fill(left-0.6, top, w+1.2, chartLine, paperColor)
		r.textAt(left, r.baseline(top, chartLine), label)
	}
}

// placeLabel tries above, below, left and right of a marker at (x, y),
// and takes the first of those inside the plot that covers the fewest
// points of the lines. It returns the label's left and top.
func (r *renderer) placeLabel(p categoryPlot, x, y, w float64, series []chart.Series) (float64, float64) {
	const off = markerSize + 1
	spots := [][2]float64{
		{x - w/2, y - off - chartLine},
		{x - w/2, y + off},
		{x - off - w, y - chartLine/2},
		{x + off, y - chartLine/2},
	}
	best, bestHits := spots[0], math.MaxInt
	for _, s := range spots {
		s[0] = math.Max(p.left+0.5, math.Min(s[0], p.left+p.width-w-0.5))
		if s[1] < p.top-chartLine/2 || s[1]+chartLine > p.top+p.height {
			continue
		}
		if hits := lineHits(p, s[0]-0.6, s[0]+w+0.6, s[1], s[1]+chartLine, series); hits < bestHits {
			best, bestHits = s, hits
		}
	}
	if bestHits == math.MaxInt {
		best[0] = math.Max(p.left+0.5, math.Min(best[0], p.left+p.width-w-0.5))
		best[1] = math.Max(best[1], p.top-chartLine/2)
	}
	return best[0], best[1]
}

// lineHits counts the points of every series' line, sampled along each
// segment, that fall inside the box.
func lineHits(p categoryPlot, x0, x1, y0, y1 float64, series []chart.Series) int {
	hits := 0
	for _, ser := range series {
		for i := 0; i < p.n; i++ {
			a, b := value(ser.Values, i), value(ser.Values, i+1)
			if !finite(a) {
				continue
			}
			steps := 8
			if i+1 >= p.n || !finite(b) {
				steps, b = 0, a // a lone point, or the line's end
			}
			for k := 0; k <= steps; k++ {
				f := float64(k) / 8
				x, y := p.x(i)+f*p.band(), p.y(a+f*(b-a))
				if x >= x0 && x <= x1 && y >= y0 && y <= y1 {
					hits++
				}
			}
		}
	}
	return hits
}

// barsChart returns the drawing of horizontal bars and its height, or nil
// when there is nothing to draw. Labels are on the left, each value at
// its bar's end; negative values go left of the zero line.
func (r *renderer) barsChart(b chart.Bars) (func(x, y float64), float64) {
	n := len(b.Labels)
	lo, hi, all := b.Range()
	if n == 0 || (lo == 0 && hi == 0) {
		return nil, 0
	}
	format := chart.Formatter(b.Format, all)

	// Rows are as high as their labels need, and thinner when there are
	// so many that the chart would not fit on a page.
	size := chartFontSize
	r.font("", size, inkColor)
	labelWidth := 0.0
	for _, l := range b.Labels {
		labelWidth = math.Max(labelWidth, r.width(l))
	}
	labelWidth = math.Ceil(math.Min(labelWidth, chartWidth*0.35))
	labels := make([][]string, n)
	lines := 1
	for i, l := range b.Labels {
		labels[i] = r.clip(l, labelWidth, 3)
		lines = max(lines, len(labels[i]))
	}
	rowH := math.Max(7, float64(lines)*chartLine+2)
	const most = pageHeight - marginTop - marginBottom - 20
	if float64(n)*rowH+4 > most {
		rowH = (most - 4) / float64(n)
		size = math.Max(2, math.Min(size, rowH/float64(lines)/ptMM/1.25))
	}
	height := float64(n)*rowH + 4
	thick := math.Min(4.2, rowH*0.6)

	texts := make([]string, n)
	r.font("", size, inkColor)
	leftPad, rightPad := 0.0, 0.0
	for i := range texts {
		v := value(b.Values, i)
		texts[i] = format(v)
		if finite(v) {
			texts[i] = chart.WithUnit(texts[i], b.Unit)
		}
		w := r.width(texts[i]) + 1.5
		if finite(v) && v < 0 {
			leftPad = math.Max(leftPad, w)
		} else {
			rightPad = math.Max(rightPad, w)
		}
	}
	return func(x, y float64) {
		plotLeft := x + labelWidth + 3
		plotWidth := x + chartWidth - plotLeft
		// As on the page: the bars keep a quarter of the width however
		// long the values' texts are.
		leftPad, rightPad := leftPad, rightPad
		if pads := leftPad + rightPad; pads > plotWidth*0.75 {
			leftPad, rightPad = leftPad*plotWidth*0.75/pads, rightPad*plotWidth*0.75/pads
		}
		scale := (plotWidth - leftPad - rightPad) / (hi - lo)
		zero := plotLeft + leftPad - lo*scale
		top := y + 2
		lineH := size * ptMM * 1.3
		for i := 0; i < n; i++ {
			mid := top + (float64(i)+0.5)*rowH
			r.font("", size, inkColor)
			first := mid - float64(len(labels[i]))*lineH/2
			for j, line := range labels[i] {
				r.textRight(x+labelWidth, r.baseline(first+float64(j)*lineH, lineH), line)
			}
			v := value(b.Values, i)
			if finite(v) && v != 0 {
				x0, x1 := zero, zero+v*scale
				if v < 0 {
					x0, x1 = x1, x0
				}
				r.fill(x0, mid-thick/2, x1-x0, thick, seriesColor(0))
			}
			base := r.baseline(mid-lineH/2, lineH)
			if finite(v) && v < 0 {
				r.textRight(zero+v*scale-1.5, base, texts[i])
			} else {
				end := zero
				if finite(v) {
					end += v * scale
				}
				r.textAt(end+1.5, base, texts[i])
			}
		}
		r.line(zero, top-1, zero, top+float64(n)*rowH+1, mutedColor, 0.25)
	}, height
}

// value reads values[i]; a missing entry is a gap, like NaN.
func value(values []float64, i int) float64 {
	if i >= 0 && i < len(values) {
		return values[i]
	}
	return math.NaN()
}
