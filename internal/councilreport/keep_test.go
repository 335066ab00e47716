package councilreport

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/render/pdf/pdftest"
)

// introduction is the most characters of the paragraphs between a heading
// and the table or chart they introduce that must stay with the heading:
// about three lines of the PDF's text.
const introduction = 250

// In the reports the council is sent, no heading is left at the foot of a
// page: a heading stands on the page of the next text, and one with only a
// short introduction under it on the page where the table, chart or
// subheading it introduces starts. Before, "6. Definitioner og priser"
// and its one-line introduction ended page 7 of the 2014 report, and
// "Borgerbutikken" page 5, with their tables on the next pages.
func TestReportPDF_NoHeadingIsLeftAtTheFootOfAPage(t *testing.T) {
	pdftest.Reproducible(t, made)
	db, _ := dragoer(t)
	ctx := context.Background()
	for _, r := range []struct {
		lang  string
		year  int
		issue *Issue
	}{
		{locale.Danish, 2014, nil},
		{"en", 2014, &Issue{At: made.UTC(), By: "Anna Andersen", Version: 1}},
		{locale.Danish, 2030, nil},
	} {
		doc, err := newReports(db).Make(ctx, locale.New(r.lang), "dragoer", history(t, db, "dragoer"), r.year, made, r.issue)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("%d-%s", r.year, r.lang)
		text := placed(pdftest.Pages(t, renderPDF(t, *doc)))
		at := 0
		checked := 0
		for i, s := range doc.Sections {
			at = checkKept(t, name, text, at, fmt.Sprintf("%d. %s", i+1, s.Heading), s.Blocks)
			checked++
			for j, b := range s.Blocks {
				if b.Subheading != "" {
					at = checkKept(t, name, text, at, b.Subheading, s.Blocks[j+1:])
					checked++
				}
			}
		}
		if checked < len(doc.Sections) {
			t.Errorf("%s: checked %d headings", name, checked)
		}
	}
}

// placedText is one string of the PDF and the page it is on.
type placedText struct {
	page int
	text string
}

func placed(pages [][]string) []placedText {
	var out []placedText
	for i, page := range pages {
		for _, s := range page {
			if strings.TrimSpace(s) != "" {
				out = append(out, placedText{i, s})
			}
		}
	}
	return out
}

// checkKept finds heading in text from index from on, checks that it is
// kept with what follows it, and returns the index after it.
func checkKept(t *testing.T, report string, text []placedText, from int, heading string, blocks []Block) int {
	t.Helper()
	// A department's name is also a row of the table before it: the
	// heading is the one followed by the start of its first block.
	first := firstText(blocks)
	h := from
	for h < len(text)-1 && !(text[h].text == heading && strings.HasPrefix(first, text[h+1].text)) {
		h++
	}
	if h >= len(text)-1 {
		t.Errorf("%s: the PDF does not show %q followed by more text", report, heading)
		return from
	}
	if text[h+1].page != text[h].page {
		t.Errorf("%s: %q is the last text on page %d", report, heading, text[h].page+1)
	}
	intro := 0
	for _, b := range blocks {
		var next string
		switch {
		case b.Paragraph != "":
			intro += utf8.RuneCountInString(b.Paragraph)
			continue
		case b.Subheading != "":
			next = b.Subheading
		case b.Chart != nil:
			next = b.Chart.Title()
		case b.Table != nil:
			next = b.Table.Caption
		}
		if intro > introduction || next == "" {
			break
		}
		for k := h + 1; k < len(text); k++ {
			// A caption may wrap: its first line starts it.
			if len(text[k].text) > 8 && strings.HasPrefix(next, text[k].text) {
				if text[k].page != text[h].page {
					t.Errorf("%s: %q and its introduction are on page %d, %q starts on page %d",
						report, heading, text[h].page+1, next, text[k].page+1)
				}
				return h + 1
			}
		}
		t.Errorf("%s: %q is not in the PDF after %q", report, next, heading)
		break
	}
	return h + 1
}

// firstText is the text the first of blocks starts with.
func firstText(blocks []Block) string {
	for _, b := range blocks {
		switch {
		case b.Paragraph != "":
			return b.Paragraph
		case b.Subheading != "":
			return b.Subheading
		case b.Chart != nil:
			return b.Chart.Title()
		case b.Table != nil:
			return b.Table.Caption
		}
	}
	return ""
}
