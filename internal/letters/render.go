package letters

import (
	"bytes"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/render/pdf"
)

// RenderPDF renders a letter as a simple A4 PDF: the sender municipality
// and the date under the title, then the body and the action link. Both
// routes send this PDF: in the MeMo message for Digital Post, to the print
// queue for paper.
func RenderPDF(l *Letter, sender string) ([]byte, error) {
	blocks := []pdf.Block{{Paragraph: l.Body}}
	if l.ActionURL != "" {
		blocks = append(blocks, pdf.Block{Paragraph: l.ActionURL})
	}
	doc := pdf.Document{Lang: "da",
		Cover:      pdf.Cover{Title: l.Title, Byline: sender + " · " + civil.DateOf(l.CreatedAt).String()},
		Sections:   []pdf.Section{{Blocks: blocks}},
		PageFormat: "Side %d af %s"}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
