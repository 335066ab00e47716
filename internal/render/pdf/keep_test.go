package pdf

import (
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/render/pdf/pdftest"
	"github.com/kanal-dk/kanal/internal/render/table"
)

// A heading is never left at the foot of a page: neither alone nor with
// only the short introduction under it. It stands on the page where the
// table or chart it introduces starts, wherever on the page the filler
// above it ends. Before the fix, a heading and a one-line introduction
// were left at the foot while the table went on the next page.
func TestWritePDF_HeadingStaysWithWhatItIntroduces(t *testing.T) {
	small := table.Table{Caption: "Tabellen", Head: []string{"Område", "Henvendelser"},
		Rows: [][]table.Cell{{{Text: "Pas"}, numberCell(137)}, {{Text: "Flytning"}, numberCell(442)}}}
	long := longTable()
	long.Caption = "Tabellen"
	chartBlock := Chart{Stacked: monthlyMix()}
	chartBlock.Stacked.Title = "Tabellen"
	cases := []struct {
		name   string
		blocks []Block
	}{
		{"heading, one line, small table", []Block{{Paragraph: "Hver andel bygger på disse definitioner."}, {Table: &small}}},
		{"heading, two lines, long table", []Block{{Paragraph: "Første linje.\nAnden linje."}, {Table: &long}}},
		{"heading, three lines, chart", []Block{{Paragraph: "Et.\nTo.\nTre."}, {Chart: &chartBlock}}},
		{"heading, table at once", []Block{{Table: &small}}},
		{"subheading, two lines, table", []Block{{Subheading: "Underoverskrift"}, {Paragraph: "Et.\nTo."}, {Table: &small}}},
	}
	for _, c := range cases {
		for lines := 1; lines <= 52; lines++ {
			doc := Document{Lang: "da", Sections: []Section{
				{Heading: "Fyld", Blocks: []Block{{Paragraph: strings.TrimSuffix(strings.Repeat("Linje\n", lines), "\n")}}},
				{Heading: "Overskriften", Blocks: c.blocks},
			}}
			out := renderPDF(t, doc)
			pages := pdftest.Pages(t, out)
			heading, sub, target := pageOf(pages, "Overskriften"), pageOf(pages, "Underoverskrift"), pageOf(pages, "Tabellen")
			if heading < 0 || target < 0 {
				t.Fatalf("%s after %d lines: heading on page %d, table on page %d", c.name, lines, heading, target)
			}
			if heading != target {
				t.Errorf("%s after %d lines: the heading is on page %d, what it introduces starts on page %d",
					c.name, lines, heading+1, target+1)
			}
			if sub >= 0 && sub != target {
				t.Errorf("%s after %d lines: the subheading is on page %d, its table starts on page %d",
					c.name, lines, sub+1, target+1)
			}
		}
	}
}

// A long introduction is text in its own right: the heading keeps only
// its first lines, and the rest may run on to the next page.
func TestWritePDF_LongIntroductionMayBreakAfterItsFirstLines(t *testing.T) {
	small := table.Table{Caption: "Tabellen", Head: []string{"Område"}, Rows: [][]table.Cell{{{Text: "Pas"}}}}
	intro := strings.TrimSuffix(strings.Repeat("Indledning\n", 8), "\n")
	broke := false
	for lines := 1; lines <= 52; lines++ {
		doc := Document{Lang: "da", Sections: []Section{
			{Heading: "Fyld", Blocks: []Block{{Paragraph: strings.TrimSuffix(strings.Repeat("Linje\n", lines), "\n")}}},
			{Heading: "Overskriften", Blocks: []Block{{Paragraph: intro}, {Table: &small}}},
		}}
		pages := pdftest.Pages(t, renderPDF(t, doc))
		heading := pageOf(pages, "Overskriften")
		if n := count(pages[heading][index(pages[heading], "Overskriften"):], "Indledning"); n < 2 {
			t.Errorf("after %d lines: the heading keeps %d lines of its introduction, want at least 2", lines, n)
		}
		if heading != pageOf(pages, "Tabellen") {
			broke = true
		}
	}
	if !broke {
		t.Error("a long introduction never broke between pages: the heading pulls too much with it")
	}
}

// pageOf is the index of the first page that shows s, or -1.
func pageOf(pages [][]string, s string) int {
	for i, page := range pages {
		if contains(page, s) {
			return i
		}
	}
	return -1
}

func count(ss []string, s string) int {
	n := 0
	for _, x := range ss {
		if x == s {
			n++
		}
	}
	return n
}
