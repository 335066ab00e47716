package councilreport

import (
	"fmt"
	"io"

	"github.com/kanal-dk/kanal/internal/render/pdf"
)

// WritePDF renders the report as an A4 PDF with package render/pdf: the title,
// the notices and the summary on the first page, then the numbered
// sections with their paragraphs, tables and charts. Every page carries
// doc.Footer and the page number: "Side 2 af 9" in Danish, "Page 2 of 9"
// otherwise.
func WritePDF(w io.Writer, doc Document) error {
	if err := pdf.Write(w, pdfDocument(doc)); err != nil {
		return fmt.Errorf("write council report PDF: %w", err)
	}
	return nil
}

// pdfDocument lays the report out for package render/pdf. The sections are
// numbered as on the HTML page.
func pdfDocument(doc Document) pdf.Document {
	out := pdf.Document{
		Lang: doc.Lang,
		Cover: pdf.Cover{Title: doc.Title, Subtitle: doc.Subtitle, Byline: doc.Byline, Notices: pdfNotices(doc),
			SummaryHeading: doc.SummaryHeading, Summary: doc.Summary},
		Footer:     doc.Footer,
		PageFormat: doc.PageFormat,
	}
	for i, s := range doc.Sections {
		section := pdf.Section{Heading: fmt.Sprintf("%d. %s", i+1, s.Heading)}
		for _, b := range s.Blocks {
			block := pdf.Block{Subheading: b.Subheading, Paragraph: b.Paragraph}
			block.Chart = b.Chart
			if b.Table != nil {
				block.Table = &b.Table.Table
			}
			section.Blocks = append(section.Blocks, block)
		}
		out.Sections = append(out.Sections, section)
	}
	return out
}

// pdfNotices are the cover's notices, then the one that names the HTML
// page as the accessible version.
func pdfNotices(doc Document) []string {
	out := append([]string(nil), doc.Notices...)
	if doc.PDFNotice != "" {
		out = append(out, doc.PDFNotice)
	}
	return out
}
