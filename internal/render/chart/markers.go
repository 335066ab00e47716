package chart

import "math"

// Marker is a single point worth pointing at, such as a target: drawn as
// a diamond with its label, e.g. {"2015", 50, "Mål 2015: 50 %"}.
type Marker struct {
	// Category is the x position: the first of the chart's Categories
	// equal to it. A marker whose category is not on the chart is not
	// drawn.
	Category string
	Value    float64
	Label    string
}

// PlacedMarker is a marker found on the chart: Index is its category's.
type PlacedMarker struct {
	Marker
	Index int
}

// PlacedMarkers are the markers with a finite value on one of the
// chart's categories; the others are not drawn.
func (l Lines) PlacedMarkers() []PlacedMarker {
	var out []PlacedMarker
	for _, m := range l.Markers {
		if !finite(m.Value) {
			continue
		}
		for i, c := range l.Categories {
			if c == m.Category {
				out = append(out, PlacedMarker{m, i})
				break
			}
		}
	}
	return out
}

func markerValues(ms []PlacedMarker) []float64 {
	var out []float64
	for _, m := range ms {
		out = append(out, m.Value)
	}
	return out
}

const (
	markerSize  = 6.0
	labelOffset = 16.0
	labelPad    = 3.0
)

// drawMarkers puts each marker's diamond at its point and its label where
// it covers the least of the lines, inside the chart. A white halo keeps
// the label readable where it still crosses one.
func (p *categoryPlot) drawMarkers(c *canvas, ms []PlacedMarker, series []Series) {
	if len(ms) == 0 {
		return
	}
	c.printf(`<g class="markers">`)
	for _, m := range ms {
		x, y := p.x(m.Index), p.y(clamp(m.Value, p.lo, p.hi))
		c.printf(`<g class="marker" transform="translate(%s %s)">`, num(x), num(y))
		c.printf(`<path d="M0 %sL%s 0L0 %sL%s 0Z" fill="%s" stroke="%s" stroke-width="1.5"/>`,
			num(-markerSize), num(markerSize), num(markerSize), num(-markerSize), inkColor, paper)
		if m.Label != "" {
			// Bold text runs about a tenth wider than textWidth's model.
			l := p.placeLabel(x, y, textWidth(m.Label)*1.1, series)
			c.printf(`<text x="%s" y="%s" text-anchor="%s" fill="%s" stroke="%s" stroke-width="4" stroke-linejoin="round" paint-order="stroke" font-weight="600">%s</text>`,
				num(l.dx), num(baseline(l.dy)), l.anchor, inkColor, paper, esc(m.Label))
		}
		c.printf(`</g>`)
	}
	c.printf(`</g>`)
}

// labelSpot is a label's place relative to its marker: dy is the text's
// vertical middle.
type labelSpot struct {
	dx, dy float64
	anchor string
}

// placeLabel tries above, below, left and right of the marker, in that
// order of preference, and takes the first that covers the fewest line
// samples among those that fit inside the chart.
func (p *categoryPlot) placeLabel(x, y, w float64, series []Series) labelSpot {
	spots := []labelSpot{
		{0, -labelOffset, "middle"},
		{0, labelOffset, "middle"},
		{-markerSize - 4, 0, "end"},
		{markerSize + 4, 0, "start"},
	}
	best, bestHits := spots[0], math.MaxInt
	for _, s := range spots {
		left := x + s.dx - w/2
		switch s.anchor {
		case "end":
			left = x + s.dx - w
		case "start":
			left = x + s.dx
		}
		// A centred label that would leave the chart is pinned to the
		// edge by its anchor, so an estimate too narrow cannot clip it.
		if s.anchor == "middle" && left < 2 {
			left, s.dx, s.anchor = 2, 2-x, "start"
		}
		if s.anchor == "middle" && left+w > p.frame.width-2 {
			left, s.dx, s.anchor = p.frame.width-2-w, p.frame.width-2-x, "end"
		}
		top, bottom := y+s.dy-fontSize/2-labelPad, y+s.dy+fontSize/2+labelPad
		if left < 2 || left+w > p.frame.width-2 || top < p.top-fontSize || bottom > p.top+p.height {
			continue
		}
		if hits := p.lineHits(left-labelPad, left+w+labelPad, top, bottom, series); hits < bestHits {
			best, bestHits = s, hits
		}
	}
	return best
}

// lineHits counts the samples of every series' line, taken every few
// units across [x0, x1], that fall between y0 and y1.
func (p *categoryPlot) lineHits(x0, x1, y0, y1 float64, series []Series) int {
	hits := 0
	for _, ser := range series {
		for x := x0; x <= x1; x += 3 {
			v, ok := p.valueAt(x, ser.Values)
			if y := p.y(clamp(v, p.lo, p.hi)); ok && y >= y0 && y <= y1 {
				hits++
			}
		}
	}
	return hits
}

// valueAt is where the line drawn for values is at x, if it is there.
// Left of the first point and right of the last there is no line, only
// the point itself, which counts within a tenth of a band; a label that
// reaches past the plot asks about such places.
func (p *categoryPlot) valueAt(x float64, values []float64) (float64, bool) {
	last := len(p.cats) - 1
	pos := (x-p.left)/p.band() - 0.5
	if !finite(pos) || pos < -0.1 || pos > float64(last)+0.1 {
		return 0, false
	}
	i := int(math.Floor(pos))
	if i < 0 || i >= last {
		j := min(max(i, 0), last)
		if math.Abs(pos-float64(j)) > 0.1 {
			return 0, false
		}
		v := value(values, j)
		return v, finite(v)
	}
	a, b := value(values, i), value(values, i+1)
	frac := pos - float64(i)
	switch {
	case finite(a) && finite(b):
		return a + (b-a)*frac, true
	case finite(a) && frac < 0.1:
		return a, true
	case finite(b) && frac > 0.9:
		return b, true
	}
	return 0, false
}
