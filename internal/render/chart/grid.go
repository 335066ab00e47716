package chart

import "math"

// categoryPlot is the layout that StackedBars and Lines share: a legend
// on top, an optional unit caption, a value axis on the left and one band
// per category along the bottom.
type categoryPlot struct {
	frame
	cats                     []string
	legend                   []legendEntry
	caption                  string
	captionY                 float64
	left, top, width, height float64
	lo, hi                   float64
	ticks                    []float64
	tickLabels               []string
	every                    int
	totalHeight              float64
}

type legendEntry struct {
	series int
	name   string
	x, y   float64 // swatch's left edge and the row's middle
}

const (
	swatchWidth = 14.0
	swatchGap   = 6.0
	legendGap   = 20.0
	tickGap     = 8.0
	rightMin    = 12.0
)

func layoutCategories(f frame, cats, names []string, caption string, ticks []float64, tickLabel func(float64) string) *categoryPlot {
	p := &categoryPlot{frame: f, cats: cats, caption: caption, ticks: ticks}
	y := 4.0
	if len(names) > 1 {
		p.legend, y = layoutLegend(names, f.width, y)
		y += 6
	}
	if caption != "" {
		p.captionY = y + lineHeight/2
		y += lineHeight
	}
	p.top = y + fontSize // room for the top tick label's upper half
	p.height = math.Round(f.width * 0.36)

	tickWidth := 0.0
	for _, t := range ticks {
		l := tickLabel(t)
		p.tickLabels = append(p.tickLabels, l)
		tickWidth = math.Max(tickWidth, textWidth(l))
	}
	widestCat := 0.0
	for _, c := range cats {
		widestCat = math.Max(widestCat, textWidth(c))
	}
	// The first and last x labels are centred under their bands and may
	// stick out past them; the margins leave room so none is clipped.
	n := float64(len(cats))
	band := (f.width - tickWidth - tickGap - rightMin) / n
	// A label too long for any margin is cut instead (see drawAxis), so
	// that the plot keeps at least half the width.
	overhang := math.Min(math.Max(0, widestCat/2-band/2)+4, f.width/4)
	p.left = math.Ceil(math.Max(tickWidth+tickGap+2, overhang))
	right := math.Max(rightMin, overhang)
	p.width = f.width - p.left - right
	p.every = labelEvery(cats, p.width/n)
	p.lo, p.hi = ticks[0], ticks[len(ticks)-1]
	p.totalHeight = p.top + p.height + lineHeight + 10
	return p
}

// layoutLegend places swatch-and-name entries left to right, wrapping to
// a new row rather than letting names run into each other.
func layoutLegend(names []string, width, y float64) ([]legendEntry, float64) {
	var out []legendEntry
	maxName := width - swatchWidth - swatchGap - 4
	x, row := 0.0, y+lineHeight/2
	for i, name := range names {
		name = truncate(name, maxName)
		w := swatchWidth + swatchGap + textWidth(name)
		if x > 0 && x+w > width {
			x, row = 0, row+lineHeight+2
		}
		out = append(out, legendEntry{series: i, name: name, x: x, y: row})
		x += w + legendGap
	}
	return out, row + lineHeight/2
}

func (p *categoryPlot) band() float64 { return p.width / float64(len(p.cats)) }

// x is the middle of category i's band.
func (p *categoryPlot) x(i int) float64 { return p.left + (float64(i)+0.5)*p.band() }

func (p *categoryPlot) y(v float64) float64 {
	return p.top + p.height - (v-p.lo)/(p.hi-p.lo)*p.height
}

func (p *categoryPlot) open() *canvas { return p.frame.open(p.totalHeight) }

// drawAxis writes the gridlines with their labels, the unit caption and
// the x labels. The line at zero (or the bottom) is darker: it is what
// columns stand on.
func (p *categoryPlot) drawAxis(c *canvas) {
	if p.caption != "" {
		c.text(0, p.captionY, "start", mutedColor, p.caption)
	}
	base := p.lo
	if p.lo < 0 && p.hi > 0 {
		base = 0
	}
	// Non-scaling strokes stay one pixel at any display width, so
	// crisp-edge snapping cannot draw some gridlines twice as thick.
	c.printf(`<g class="grid" stroke="%s" shape-rendering="crispEdges">`, gridColor)
	for _, t := range p.ticks {
		if t != base {
			y := num(p.y(t))
			c.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" vector-effect="non-scaling-stroke"/>`, num(p.left), y, num(p.left+p.width), y)
		}
	}
	c.printf(`</g><g class="ylabels">`)
	for i, t := range p.ticks {
		c.text(p.left-tickGap, p.y(t), "end", mutedColor, p.tickLabels[i])
	}
	c.printf(`</g><g class="xlabels">`)
	labelY := p.top + p.height + lineHeight/2 + 6
	for i, cat := range p.cats {
		if i%p.every == 0 {
			x := p.x(i)
			c.text(x, labelY, "middle", mutedColor, truncate(cat, 2*math.Min(x, p.frame.width-x)))
		}
	}
	c.printf(`</g>`)
}

// drawBaseline comes after the data so that columns do not cover it.
func (p *categoryPlot) drawBaseline(c *canvas) {
	base := p.lo
	if p.lo < 0 && p.hi > 0 {
		base = 0
	}
	y := num(p.y(base))
	c.printf(`<line class="baseline" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" vector-effect="non-scaling-stroke" shape-rendering="crispEdges"/>`,
		num(p.left), y, num(p.left+p.width), y, axisColor)
}

// drawLegend writes each entry's name after the swatch that swatch draws
// for its series.
func (p *categoryPlot) drawLegend(c *canvas, swatch func(c *canvas, series int, x, y float64)) {
	if len(p.legend) == 0 {
		return
	}
	c.printf(`<g class="legend">`)
	for _, e := range p.legend {
		swatch(c, e.series, e.x, e.y)
		c.text(e.x+swatchWidth+swatchGap, e.y, "start", inkColor, e.name)
	}
	c.printf(`</g>`)
}
