package chart

import "html/template"

// Spec is one chart as data: exactly one field is set. A page renders it
// as SVG; package render/pdf draws it with the PDF's own lines and shapes.
type Spec struct {
	Stacked *StackedBars
	Lines   *Lines
	Bars    *Bars
}

// SVG renders the chart for a page.
func (c Spec) SVG() template.HTML {
	switch {
	case c.Stacked != nil:
		return c.Stacked.SVG()
	case c.Lines != nil:
		return c.Lines.SVG()
	case c.Bars != nil:
		return c.Bars.SVG()
	}
	return ""
}

// Title is the chart's title, written above it.
func (c Spec) Title() string {
	switch {
	case c.Stacked != nil:
		return c.Stacked.Title
	case c.Lines != nil:
		return c.Lines.Title
	case c.Bars != nil:
		return c.Bars.Title
	}
	return ""
}

// NarrowWidth is the width of a chart drawn for a phone: on a 390 px
// screen the chart is about 360 px wide, so that its text, 12 to 13 units
// high, shows at about 12 px instead of the 6 px of the 720-unit chart
// scaled down.
const NarrowWidth = 360

// Narrow is the chart drawn width units wide, for a page to show on
// narrow screens instead of the wide one. Its ids are its own, so that
// both can be in one page.
func (c Spec) Narrow(width float64) Spec {
	switch {
	case c.Stacked != nil:
		s := *c.Stacked
		s.Width, s.ID = width, narrowID(s.ID)
		return Spec{Stacked: &s}
	case c.Lines != nil:
		l := *c.Lines
		l.Width, l.ID = width, narrowID(l.ID)
		return Spec{Lines: &l}
	case c.Bars != nil:
		b := *c.Bars
		b.Width, b.ID = width, narrowID(b.ID)
		return Spec{Bars: &b}
	}
	return c
}

func narrowID(id string) string {
	if id == "" {
		id = "chart"
	}
	return id + "-narrow"
}
