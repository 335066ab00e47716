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
