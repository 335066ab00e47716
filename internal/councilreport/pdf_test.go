package councilreport

import (
	"bytes"
	"errors"
	"testing"

	"github.com/kanal-dk/kanal/internal/dashboard"
	"github.com/kanal-dk/kanal/internal/render/pdf/pdftest"
	"github.com/kanal-dk/kanal/internal/render/table"
)

func TestWritePDF_NumbersTheSectionsAsThePageDoes(t *testing.T) {
	doc := Document{Lang: "da", Title: "Kanalstrategien i 2014", PageFormat: "Side %d af %s", Sections: []Section{
		{Heading: "Målene", Blocks: []Block{{Paragraph: "Et afsnit."}}},
		{Heading: "Kanalerne", Blocks: []Block{{Table: &dashboard.Table{ID: "t", Table: table.Table{Caption: "Tom", Head: []string{"a"}, Empty: "Ingen tal"}}}}},
	}}
	got := pdftest.Flat(pdfPages(t, renderPDF(t, doc)))
	want := []string{"Kanalstrategien i 2014", "1. Målene", "Et afsnit.", "2. Kanalerne", "Tom", "Ingen tal"}
	if !pdftest.InOrder(got, want) {
		t.Errorf("the PDF shows %q, want %q in order", got, want)
	}
}

func TestWritePDF_ReturnsTheWritersError(t *testing.T) {
	err := WritePDF(failingWriter{}, Document{Lang: "da", Title: "x"})
	if !errors.Is(err, errDiskFull) {
		t.Errorf("error = %v, want the writer's", err)
	}
}

var errDiskFull = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func renderPDF(t *testing.T, doc Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(&buf, doc); err != nil {
		t.Fatalf("WritePDF: %v", err)
	}
	return buf.Bytes()
}

// pdfPages is the text of each page of a PDF, in the order it is drawn.
func pdfPages(t *testing.T, pdf []byte) [][]string { return pdftest.Pages(t, pdf) }

func pageCount(pdf []byte) int { return pdftest.PageCount(pdf) }

func documentTables(doc Document) []dashboard.Table {
	var out []dashboard.Table
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			if b.Table != nil {
				out = append(out, *b.Table)
			}
		}
	}
	return out
}
