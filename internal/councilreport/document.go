// Package councilreport writes the council's yearly report on the channel
// strategy (to kommunalbestyrelsen): the effect against the targets, the
// channels and their cost, each department, self-service and the gross
// channel-shift potential, with charts and the tables of their numbers.
// The seeds ask for it in the first quarter of each year.
//
// Make reads the year's measures into a Document; WriteHTML renders it
// with the report's own template, WritePDF lays it out for package
// render/pdf, which needs no browser on a server. Issue stores both as
// issued, and they are served from the stored bytes ever after.
package councilreport

import (
	"github.com/kanal-dk/kanal/internal/dashboard"
)

// Document is the report, independent of how it is rendered.
type Document struct {
	// Lang is the language of every text, "da" or "en".
	Lang string
	// Title, Subtitle and Byline open the report: "Kanalstrategien i
	// 2014", "Årsrapport til kommunalbestyrelsen", "Dragør Kommune ·
	// udarbejdet 3. februar 2015".
	Title, Subtitle, Byline string
	// Notices stand on the cover under the byline, each in a frame: that
	// the report is not issued (made on the fly) or when and by whom it
	// was issued, and that it rests on demo data.
	Notices []string
	// Summary are the report's main points, one sentence each, under
	// SummaryHeading.
	SummaryHeading string
	Summary        []string
	Sections       []Section
	// Accessible says which version of the report is the accessible one:
	// the HTML page, which has headings, tables with their headers, charts
	// with a text alternative and the document's language for screen
	// readers. The PDF is a print copy that package render/pdf cannot tag
	// (see docs/figures.md), and says so on its cover in PDFNotice;
	// the page says in HTMLNote that it is the accessible version.
	PDFNotice, HTMLNote string
	// Footer is printed at the foot of every PDF page, before the page
	// number, which PageFormat writes from the page's number (%d) and the
	// number of pages (%s): "Side %d af %s".
	Footer     string
	PageFormat string
}

// Section is one numbered chapter of the report.
type Section struct {
	Heading string
	Blocks  []Block
}

// Block is one element of a section: exactly one field is set.
type Block struct {
	// Subheading starts a part of a section (a department).
	Subheading string
	Paragraph  string
	// Chart is followed by the table of its numbers in Table.
	Chart *dashboard.Chart
	Table *dashboard.Table
}
