package letters

import (
	"bytes"
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"
	"codeberg.org/go-pdf/fpdf/contrib/gofpdi"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/render/pdf"
)

// RenderPDF renders a letter as an A4 PDF. The letter's main document is
// the sender's own PDF when it gave one, else the body typeset under the
// title, the sender municipality and the date, with the actions' addresses
// printed. A letter on paper gets everything in one PDF to print: the main
// document, a page with the actions' addresses when the main document is
// the sender's (paper cannot be clicked), and the attachments' pages after
// it. A Digital Post letter's PDF is the main document alone: BuildMemo
// carries the actions and attachments as MeMo elements.
func RenderPDF(l *Letter, sender string) ([]byte, error) {
	main := l.PDF
	if len(main) == 0 {
		var err error
		if main, err = typeset(l, sender, l.Body, true); err != nil {
			return nil, err
		}
	}
	if l.Route != RouteLetter || len(l.PDF) == 0 && len(l.Attachments) == 0 {
		return main, nil
	}
	parts := [][]byte{main}
	if len(l.PDF) > 0 && (len(l.Actions) > 0 || l.ActionURL != "") {
		page, err := typeset(l, sender, "", true)
		if err != nil {
			return nil, err
		}
		parts = append(parts, page)
	}
	for _, a := range l.Attachments {
		parts = append(parts, a.Content)
	}
	return Concat(parts...)
}

// typeset renders a title page with body and, when actions is set, each
// action as its label and address.
func typeset(l *Letter, sender, body string, actions bool) ([]byte, error) {
	var blocks []pdf.Block
	if body != "" {
		blocks = append(blocks, pdf.Block{Paragraph: body})
	}
	if actions {
		if l.ActionURL != "" {
			blocks = append(blocks, pdf.Block{Paragraph: l.ActionURL})
		}
		for _, a := range l.Actions {
			blocks = append(blocks, pdf.Block{Paragraph: a.Label + ": " + a.URL})
		}
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

// ErrPDF is a document that is not a PDF Kanal can read.
var ErrPDF = fmt.Errorf("not a PDF Kanal can read")

// PageCount is the number of pages of a PDF, or ErrPDF when it cannot be
// read (the reader panics on some malformed files; that is an error here).
func PageCount(doc []byte) (n int, err error) {
	if !bytes.HasPrefix(doc, []byte("%PDF-")) {
		return 0, ErrPDF
	}
	defer func() {
		if recover() != nil {
			n, err = 0, ErrPDF
		}
	}()
	imp := gofpdi.NewImporter()
	f := fpdf.New("P", "pt", "A4", "")
	rs := io.ReadSeeker(bytes.NewReader(doc))
	imp.ImportPageFromStream(f, &rs, 1, "/MediaBox")
	n = len(imp.GetPageSizes())
	if n == 0 {
		return 0, ErrPDF
	}
	return n, nil
}

// Concat joins PDFs page by page into one, each page at its own size.
func Concat(docs ...[]byte) (out []byte, err error) {
	defer func() {
		if recover() != nil {
			out, err = nil, fmt.Errorf("join PDFs: %w", ErrPDF)
		}
	}()
	f := fpdf.New("P", "pt", "A4", "")
	for i, doc := range docs {
		imp := gofpdi.NewImporter()
		rs := io.ReadSeeker(bytes.NewReader(doc))
		first := imp.ImportPageFromStream(f, &rs, 1, "/MediaBox")
		sizes := imp.GetPageSizes()
		if len(sizes) == 0 {
			return nil, fmt.Errorf("join PDFs: document %d: %w", i+1, ErrPDF)
		}
		for p := 1; p <= len(sizes); p++ {
			tpl := first
			if p > 1 {
				tpl = imp.ImportPageFromStream(f, &rs, p, "/MediaBox")
			}
			w, h := sizes[p]["/MediaBox"]["w"], sizes[p]["/MediaBox"]["h"]
			f.AddPageFormat(orientation(w, h), fpdf.SizeType{Wd: w, Ht: h})
			imp.UseImportedTemplate(f, tpl, 0, 0, w, h)
		}
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, fmt.Errorf("join PDFs: %w", err)
	}
	return buf.Bytes(), nil
}

func orientation(w, h float64) string {
	if w > h {
		return "L"
	}
	return "P"
}
