// Package pdf typesets documents as A4 PDFs: a cover, sections with
// headings, paragraphs, tables and charts, and a footer with the page
// number on every page. It draws everything itself, charts included, so
// no browser is needed on a server.
//
// A caller describes the document — its text already in one language,
// its tables as package table's Table, its charts as package chart's
// specs — and Write lays it out: it breaks lines and pages, keeps a
// heading with what follows it, repeats a table's header on each page the
// table continues on, and never splits a row or a chart.
//
// The text is set in the PDF core font Helvetica, which every PDF reader
// has, so no font is embedded. It covers Windows-1252: all of Danish, the
// Western European letters, "–", "…", "€" and the typographic quotes.
// Other characters print as the nearest such character ("−" as "-", "→"
// as "->", "č" as "c") or as "?".
package pdf

import (
	"github.com/kanal-dk/kanal/internal/render/chart"
	"github.com/kanal-dk/kanal/internal/render/table"
)

// Document is what Write typesets.
type Document struct {
	// Lang is the language of the text, "da" or "en", recorded in the PDF
	// for screen readers.
	Lang string
	// Cover opens the first page; the sections follow it.
	Cover    Cover
	Sections []Section
	// Footer is printed at the foot of every page, before the page
	// number, which PageFormat writes from the page's number (%d) and the
	// number of pages (%s): "Side %d af %s". Without exactly one of each
	// it is "%d / %s".
	Footer     string
	PageFormat string
}

// Cover is the top of the first page: the title, the subtitle and the
// byline under an accent bar, then each notice in a frame that no reader
// misses, then the summary's points, bulleted on a tinted band. Every
// part may be left out. Title and Subtitle are also the PDF's title and
// subject.
type Cover struct {
	Title, Subtitle, Byline string
	Notices                 []string
	SummaryHeading          string
	Summary                 []string
}

// Section is one chapter: a heading, and the blocks under it. A section
// without a heading continues the text without one.
type Section struct {
	Heading string
	Blocks  []Block
}

// Block is one element of a section: exactly one field is set.
type Block struct {
	// Subheading starts a part of a section.
	Subheading string
	// Paragraph is wrapped to the text width; a line break in it starts
	// a new line.
	Paragraph string
	Chart     *Chart
	// Table is set with its caption, its header repeated on every page,
	// numbers right-aligned and the totals row in bold; a table without
	// rows says its Empty text instead.
	Table *table.Table
}

// Chart is a chart spec of package chart, drawn with the PDF's own lines
// and shapes in the colours of the page's SVG: exactly one field is set.
// A chart with nothing to draw says its Empty text (or
// chart.DefaultEmpty) in a tinted box instead.
type Chart = chart.Spec
