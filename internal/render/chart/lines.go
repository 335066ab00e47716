package chart

import (
	"html/template"
	"math"
	"strings"
)

// Lines draws one line per series over the categories, e.g. the digital
// share per month, against targets given as Markers.
type Lines struct {
	// ID, Title, Description, Unit, Format, Empty and Width are as for
	// StackedBars. A Unit of "%" is written after every axis value
	// instead of above the axis.
	ID                 string
	Title, Description string
	Categories         []string
	Series             []Series
	Markers            []Marker
	// YMin and YMax fix the ends of the value axis; nil means from the
	// data and markers, always including zero so that changes in a share
	// are not exaggerated. Values beyond a fixed end are drawn at the end.
	YMin, YMax *float64
	Unit       string
	Format     func(float64) string
	Empty      string
	Width      float64
}

const lineWidth = 2.5

// dashFor is series i's dash pattern: forecasts are dashed, and series
// past the palette are dotted (or dot-dashed) to tell them from the
// series that share their colour.
func dashFor(ser Series, i int) string {
	switch {
	case ser.Dashed:
		return "7 4"
	case seriesRound(i) == 1:
		return "1.5 3.5"
	case seriesRound(i) >= 2:
		return "10 3 1.5 3"
	}
	return ""
}

// SVG renders the chart. The empty text shows when there are no
// categories or no finite value; a line of zeros is data.
func (l Lines) SVG() template.HTML {
	f := newFrame(l.ID, l.Title, l.Description, l.Empty, l.Width)
	n := len(l.Categories)
	var all []float64
	for _, ser := range l.Series {
		for i := 0; i < n; i++ {
			if v := value(ser.Values, i); finite(v) {
				all = append(all, v)
			}
		}
	}
	if n == 0 || len(all) == 0 {
		return f.emptySVG()
	}
	markers := l.PlacedMarkers()
	lo, hi, ticks := l.Axis(all, markerValues(markers))

	format := Formatter(l.Format, append(all, markerValues(markers)...))
	tickFormat := l.Format
	if tickFormat == nil {
		tickFormat = Formatter(nil, ticks)
	}
	caption, tickLabel := l.Unit, tickFormat
	if strings.TrimSpace(l.Unit) == "%" {
		caption = ""
		tickLabel = func(v float64) string { return WithUnit(tickFormat(v), "%") }
	}
	names := make([]string, len(l.Series))
	for i, ser := range l.Series {
		names[i] = ser.Name
	}
	p := layoutCategories(f, l.Categories, names, caption, ticks, tickLabel)
	p.lo, p.hi = lo, hi

	c := p.open()
	p.drawLegend(c, func(c *canvas, i int, x, y float64) {
		c.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"%s/>`,
			num(x), num(y), num(x+swatchWidth+4), num(y), seriesColor(i), num(lineWidth), dashAttr(dashFor(l.Series[i], i)))
	})
	p.drawAxis(c)
	p.drawBaseline(c)
	for si, ser := range l.Series {
		p.drawLine(c, si, ser, format, l.Unit)
	}
	p.drawMarkers(c, markers, l.Series)
	return c.close()
}

// Axis returns the value axis's ends and gridlines for the values and the
// markers' values. A fixed end stays where the caller put it; a free end
// grows to the next round tick past the data, the markers and zero. A
// fixed range that is empty or reversed is ignored rather than drawn
// upside down. The PDF report draws its axes from the same answer.
func (l Lines) Axis(values, markers []float64) (lo, hi float64, ticks []float64) {
	dataLo, dataHi := 0.0, 0.0
	for _, v := range append(values[:len(values):len(values)], markers...) {
		dataLo, dataHi = math.Min(dataLo, v), math.Max(dataHi, v)
	}
	lo, hi = dataLo, dataHi
	fixedLo := l.YMin != nil && finite(*l.YMin)
	fixedHi := l.YMax != nil && finite(*l.YMax)
	if fixedLo {
		lo = *l.YMin
	}
	if fixedHi {
		hi = *l.YMax
	}
	if !(hi > lo) || !finite(hi-lo) {
		fixedLo, fixedHi = false, false
		lo, hi = dataLo, dataHi
	}
	ticks = Ticks(lo, hi, false)
	if !fixedLo {
		lo = ticks[0]
	}
	if !fixedHi {
		hi = ticks[len(ticks)-1]
	}
	if fixedLo || fixedHi {
		ticks = Ticks(lo, hi, true)
	}
	return lo, hi, ticks
}

func dashAttr(dash string) string {
	if dash == "" {
		return ""
	}
	return ` stroke-dasharray="` + dash + `"`
}

// dotsUpTo is the most categories for which every value gets a dot: few
// points read better as points, many as a line.
const dotsUpTo = 16

// drawLine writes one path whose segments start anew after each gap, and
// a dot for a value with gaps on both sides, which a path cannot show.
func (p *categoryPlot) drawLine(c *canvas, si int, ser Series, format func(float64) string, unit string) {
	var d strings.Builder
	var dots []int
	n := len(p.cats)
	for i := 0; i < n; i++ {
		v := value(ser.Values, i)
		if !finite(v) {
			continue
		}
		prev := i > 0 && finite(value(ser.Values, i-1))
		next := i+1 < n && finite(value(ser.Values, i+1))
		if (!prev && !next) || n <= dotsUpTo {
			dots = append(dots, i)
		}
		switch {
		case !prev && !next: // a lone value: its dot is all there is
		case !prev:
			d.WriteString("M" + num(p.x(i)) + " " + num(p.y(clamp(v, p.lo, p.hi))))
		default:
			d.WriteString("L" + num(p.x(i)) + " " + num(p.y(clamp(v, p.lo, p.hi))))
		}
	}
	color := seriesColor(si)
	c.printf(`<g class="series">`)
	if d.Len() > 0 {
		c.printf(`<path class="line" d="%s" fill="none" stroke="%s" stroke-width="%s" stroke-linejoin="round" stroke-linecap="round"%s><title>%s</title></path>`,
			d.String(), color, num(lineWidth), dashAttr(dashFor(ser, si)), esc(ser.Name))
	}
	for _, i := range dots {
		v := value(ser.Values, i)
		c.printf(`<circle cx="%s" cy="%s" r="3.5" fill="%s"><title>%s</title></circle>`,
			num(p.x(i)), num(p.y(clamp(v, p.lo, p.hi))), color, esc(p.cats[i]+", "+ser.Name+": "+WithUnit(format(v), unit)))
	}
	c.printf(`</g>`)
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }
