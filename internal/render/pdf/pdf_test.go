package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/number"
	"github.com/kanal-dk/kanal/internal/render/chart"
	"github.com/kanal-dk/kanal/internal/render/pdf/pdftest"
	"github.com/kanal-dk/kanal/internal/render/table"
)

func TestWritePDF_IsAnA4PDFOfSeveralPagesWithMetadata(t *testing.T) {
	out := renderPDF(t, reportDocument())

	if !bytes.HasPrefix(out, []byte("%PDF-")) {
		t.Errorf("output starts %q, want %%PDF-", out[:min(len(out), 8)])
	}
	if !bytes.HasSuffix(bytes.TrimRight(out, "\r\n"), []byte("%%EOF")) {
		t.Errorf("output does not end with %%%%EOF: …%q", out[max(0, len(out)-16):])
	}
	if n := pdftest.PageCount(out); n < 2 {
		t.Errorf("pages = %d, want more than one", n)
	}
	if !bytes.Contains(out, []byte("/MediaBox [0 0 595.28 841.89]")) {
		t.Error("pages are not A4 portrait")
	}
	for _, want := range []string{"/FlateDecode", "/Lang (da)", "/Title (" + utf16Text("Kanalstrategien i 2014") + ")", "/Creator (" + utf16Text("Kanal") + ")"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestWritePDF_TextIsDanishAndNumbersAndLabelsAreThere(t *testing.T) {
	out := renderPDF(t, reportDocument())
	checkMargins(t, pdftest.PlacedPages(t, out))
	pages := pdftest.Pages(t, out)
	text := strings.Join(pdftest.Flat(pages), " ")

	for _, want := range []string{
		"Kanalstrategien i 2014",
		"Årsrapport til kommunalbestyrelsen",
		"Dragør Kommune · udarbejdet 3. februar 2015",
		"1. Målene", "2. Kanalerne", "3. Besparelsespotentialet",
		"Børn og skole", "Ældre", "Flytteanmeldelse", "på rette vej",
		"Kontaktcentret – åbent mandag–torsdag", "„Digital først“", "€", "…",
		"1.234",                 // a cell
		"Mål 2015: 50 %",        // a marker of the lines chart
		"Personlig henvendelse", // a legend entry of the stacked chart
		"-1.250 kr.",            // the negative bar's value
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if !contains(pages[0], "•") {
		t.Error("the summary has no bullets on page 1")
	}

	n := len(pages)
	if n != pdftest.PageCount(out) {
		t.Fatalf("%d content streams for %d pages", n, pdftest.PageCount(out))
	}
	for i, page := range pages {
		want := fmt.Sprintf("Side %d af %d", i+1, n)
		if !contains(page, want) {
			t.Errorf("page %d has no footer %q", i+1, want)
		}
		if !contains(page, "Dragør Kommune · Kanalstrategien i 2014") {
			t.Errorf("page %d has no footer text", i+1)
		}
	}
}

func TestWritePDF_EveryCellIsPrintedInOrder(t *testing.T) {
	doc := reportDocument()
	text := strings.Join(pdftest.Flat(pdftest.Pages(t, renderPDF(t, doc))), " ")
	for _, tb := range documentTables(doc) {
		pos := 0
		seq := append([][]table.Cell{headCells(tb.Head)}, tb.Rows...)
		for _, row := range append(seq, tb.Foot) {
			for _, c := range row {
				if c.Text == "" {
					continue
				}
				i := strings.Index(text[pos:], c.Text)
				if i < 0 {
					t.Fatalf("table %q: cell %q missing (or out of order)", tb.Caption, c.Text)
				}
				pos += i + len(c.Text)
			}
		}
	}
}

func TestWritePDF_LongTableContinuesWithItsHeaderAndWholeRows(t *testing.T) {
	doc := reportDocument()
	long := longTable()
	pages := pdftest.Pages(t, renderPDF(t, doc))

	var onPages []int
	for i, page := range pages {
		if strings.Contains(strings.Join(page, " "), long.Head[0]) {
			onPages = append(onPages, i)
			// The whole header, in order, on every page the table is on.
			if !pdftest.InOrder(page, long.Head) {
				t.Errorf("page %d: the header is not repeated whole", i+1)
			}
		}
	}
	if len(onPages) < 2 {
		t.Fatalf("the long table's header is on %d page(s), want it repeated on the next", len(onPages))
	}
	for _, row := range long.Rows {
		found := false
		for _, page := range pages {
			k := index(page, row[0].Text)
			if k < 0 {
				continue
			}
			found = true
			for j, c := range row[1:] {
				if k+1+j >= len(page) || page[k+1+j] != c.Text {
					t.Errorf("row %q is not whole on one page: cell %d", row[0].Text, j+1)
					break
				}
			}
		}
		if !found {
			t.Errorf("row %q is missing", row[0].Text)
		}
	}
}

func TestWritePDF_ChartStaysOnThePageOfItsTitle(t *testing.T) {
	charts := []struct {
		chart Chart
		last  string // the text drawn last in the chart
	}{
		{Chart{Lines: reportDocument().Sections[0].Blocks[1].Chart.Lines}, "Mål 2015: 50 %"},
		{Chart{Stacked: monthlyMix()}, "nov. 2014"},
		{Chart{Bars: reportDocument().Sections[2].Blocks[1].Chart.Bars}, "-1.250 kr."},
	}
	for _, c := range charts {
		// Filler pushes the chart to every height on the page.
		for lines := 20; lines <= 60; lines += 3 {
			doc := Document{Lang: "da", Sections: []Section{{Heading: "Fyld", Blocks: []Block{
				{Paragraph: strings.Repeat("Linje\n", lines)},
				{Chart: &c.chart},
			}}}}
			out := renderPDF(t, doc)
			checkMargins(t, pdftest.PlacedPages(t, out))
			pages := pdftest.Pages(t, out)
			for i, page := range pages {
				if contains(page, c.chart.Title()) && !contains(page, c.last) {
					t.Errorf("%q after %d lines: its title is on page %d, its end is not", c.chart.Title(), lines, i+1)
				}
			}
		}
	}
}

func TestWritePDF_CharactersOutsideCP1252PrintAsNearOnes(t *testing.T) {
	doc := Document{Lang: "en", Cover: Cover{Title: "Signs"}, PageFormat: "Page %d of %s", Sections: []Section{{Heading: "Arrows", Blocks: []Block{
		{Paragraph: "From 5 − 3 → 2 ≤ 4; Łódź, Dvořák, ﬁle, 東京 and \u200bzero\u00adwidth."},
	}}}}
	text := strings.Join(pdftest.Flat(pdftest.Pages(t, renderPDF(t, doc))), " ")
	want := "From 5 - 3 -> 2 <= 4; Lódz, Dvorák, file, ?? and zerowidth."
	if !strings.Contains(text, want) {
		t.Errorf("text = %q\nwant it to contain %q", text, want)
	}
	if !strings.Contains(text, "Page 1 of 1") {
		t.Errorf("an English report's footer is not \"Page 1 of 1\": %q", text)
	}
}

func TestWritePDF_OddInputGivesAValidPDF(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	one := 1.0
	tests := []struct {
		name string
		doc  Document
		want []string // texts the PDF must show
	}{
		{"empty document", Document{}, []string{"1 / 1"}},
		{"empty section and blocks", Document{Sections: []Section{{}, {Blocks: []Block{{}, {Chart: &Chart{}}, {Table: &table.Table{}}}}}}, []string{"1 / 1"}},
		{"NaN and infinite values", Document{Lang: "da", PageFormat: "Side %d af %s", Sections: []Section{{Heading: "Tal", Blocks: []Block{
			{Chart: &Chart{Stacked: &chart.StackedBars{Title: "Søjler", Categories: []string{"a", "b", "c"},
				Series: []chart.Series{{Name: "x", Values: []float64{nan, 2, inf}}, {Name: "y", Values: []float64{-1, nan}}}}}},
			{Chart: &Chart{Lines: &chart.Lines{Title: "Linjer", Categories: []string{"2013", "2014", "2015"}, YMin: &nan, YMax: &inf,
				Series:  []chart.Series{{Name: "x", Values: []float64{nan, 40, inf}}},
				Markers: []chart.Marker{{Category: "2015", Value: nan, Label: "usynlig"}, {Category: "2014", Value: 50, Label: "Mål"}}}}},
			{Chart: &Chart{Bars: &chart.Bars{Title: "Bjælker", Labels: []string{"a", "b", "c"}, Values: []float64{nan, -inf, 3}}}},
			{Chart: &Chart{Lines: &chart.Lines{Title: "Kæmpe", Categories: []string{"a", "b"},
				Series: []chart.Series{{Values: []float64{-math.MaxFloat64, math.MaxFloat64}}}}}},
			{Chart: &Chart{Stacked: &chart.StackedBars{Title: "Overløb", Categories: []string{"a"},
				Series: []chart.Series{{Values: []float64{math.MaxFloat64}}, {Values: []float64{math.MaxFloat64}}}}}},
			{Table: &table.Table{Head: []string{"a", "b"}, Rows: [][]table.Cell{{{Text: "ikke et tal", Value: &nan}, {Text: "∞", Value: &inf}}}}},
		}}}}, []string{"Søjler", "Linjer", "Mål", "Bjælker", "Side 1 af"}},
		{"charts without data", Document{Sections: []Section{{Heading: "Tomt", Blocks: []Block{
			{Chart: &Chart{Stacked: &chart.StackedBars{Title: "Ingen kategorier", Empty: "Intet at vise"}}},
			{Chart: &Chart{Lines: &chart.Lines{Title: "Ingen værdier", Categories: []string{"a"}, Series: []chart.Series{{Values: []float64{nan}}}}}},
			{Chart: &Chart{Bars: &chart.Bars{Title: "Nuller", Labels: []string{"a"}, Values: []float64{0}}}},
		}}}}, []string{"Intet at vise", chart.DefaultEmpty}},
		{"tables without rows and of unequal rows", Document{Sections: []Section{{Heading: "Tabeller", Blocks: []Block{
			{Table: &table.Table{Caption: "Ingen rækker", Head: []string{"a", "b"}, Empty: "Ingen tal endnu"}},
			{Table: &table.Table{Caption: "Kun hoved", Head: []string{"hovedet"}}},
			{Table: &table.Table{Caption: "Skæv", Head: []string{"a"},
				Rows: [][]table.Cell{{}, {{Text: "en"}, {Text: "to", Value: &one}, {Text: "tre"}}, {{Text: "fire"}}},
				Foot: []table.Cell{{Text: "i alt"}, {Text: "1", Value: &one}, {}, {}, {Text: "fem"}}}},
		}}}}, []string{"Ingen tal endnu", "hovedet", "en", "to", "tre", "fire", "fem"}},
		{"very long words and lines", Document{Cover: Cover{Title: strings.Repeat("Kommunalbestyrelsesmedlemmer", 12), Summary: []string{strings.Repeat("ø", 400)}},
			Sections: []Section{{Heading: strings.Repeat("Overskrift ", 40), Blocks: []Block{
				{Paragraph: strings.Repeat("Selvbetjeningsløsningsleverandørkontrakt", 30) + "\n\n" + strings.Repeat("lang tekst ", 2000)},
				{Table: &table.Table{Head: []string{strings.Repeat("Overskrift", 20)},
					Rows: [][]table.Cell{{{Text: strings.Repeat("x", 3000)}}}}},
			}}}}, []string{"Kommunalbestyrelsesmedlemmer"}},
		{"a bar chart with very many bars", Document{Sections: []Section{{Blocks: []Block{{Chart: &Chart{Bars: manyBars(300)}}}}}}, []string{"område 299"}},
		{"control characters", Document{Cover: Cover{Title: "a\x00b\tc\r\nd\x7f"}, Footer: "\x00", PageFormat: ")(\\ %d of %s"}, []string{"a b c", ")(\\ 1 of 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := renderPDF(t, tt.doc)
			if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(out, "\n"), []byte("%%EOF")) || pdftest.PageCount(out) < 1 {
				t.Fatal("not a PDF")
			}
			for _, s := range pdftest.Streams(t, out) {
				if bytes.Contains(s, []byte("NaN")) || bytes.Contains(s, []byte("Inf")) {
					t.Fatal("a coordinate is not a number")
				}
			}
			checkMargins(t, pdftest.PlacedPages(t, out))
			text := strings.Join(pdftest.Flat(pdftest.Pages(t, out)), " ")
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("text lacks %q", w)
				}
			}
		})
	}
}

func TestWritePDF_RandomTablesNeverFail(t *testing.T) {
	rng := rand.New(rand.NewPCG(2015, 50))
	words := []string{"Borgerservice", "æble", "Østerbro", "Århus", "−", "→", "„", "…", "1.234", "45,3 %", "–", "",
		"Selvbetjeningsløsningsleverandørkontrakt", "(", ")", "\\", "€", "kr.", " ", "\n"}
	text := func() string {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(words[rng.IntN(len(words))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		return b.String()
	}
	cells := func() []table.Cell {
		row := make([]table.Cell, rng.IntN(16))
		for i := range row {
			row[i].Text = text()
			if rng.IntN(2) == 0 {
				v := []float64{rng.NormFloat64() * 1e4, math.NaN(), math.Inf(-1), 0, 1e300}[rng.IntN(5)]
				row[i] = table.Cell{Text: number.Danish.Format(v, rng.IntN(3)), Value: &v, Percent: rng.IntN(4) == 0}
			}
		}
		return row
	}
	for doc := range 8 {
		var blocks []Block
		for range 8 {
			tb := &table.Table{Caption: text(), Empty: text()}
			for range rng.IntN(16) {
				tb.Head = append(tb.Head, text())
			}
			for range rng.IntN(70) {
				tb.Rows = append(tb.Rows, cells())
			}
			if rng.IntN(2) == 0 {
				tb.Foot = cells()
			}
			blocks = append(blocks, Block{Table: tb}, Block{Paragraph: text()})
		}
		var buf bytes.Buffer
		if err := Write(&buf, Document{Lang: "da", Cover: Cover{Title: text()}, Sections: []Section{{Heading: text(), Blocks: blocks}}}); err != nil {
			t.Fatalf("document %d: %v", doc, err)
		}
		if !bytes.HasSuffix(bytes.TrimRight(buf.Bytes(), "\n"), []byte("%%EOF")) || pdftest.PageCount(buf.Bytes()) < 1 {
			t.Fatalf("document %d is not a valid PDF", doc)
		}
		checkMargins(t, pdftest.PlacedPages(t, buf.Bytes()))
	}
}

func TestWritePDF_ReturnsTheWritersError(t *testing.T) {
	err := Write(failingWriter{}, reportDocument())
	if !errors.Is(err, errDiskFull) {
		t.Errorf("error = %v, want the writer's", err)
	}
}

// TestWritePDF_File writes the report document to /tmp/council-test.pdf
// for a person to look at, when KANAL_WRITE_PDF=1.
func TestWritePDF_File(t *testing.T) {
	if os.Getenv("KANAL_WRITE_PDF") != "1" {
		t.Skip("set KANAL_WRITE_PDF=1 to write /tmp/council-test.pdf")
	}
	if err := os.WriteFile("/tmp/council-test.pdf", renderPDF(t, reportDocument()), 0o644); err != nil {
		t.Fatal(err)
	}
}

var errDiskFull = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func renderPDF(t *testing.T, doc Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, doc); err != nil {
		t.Fatalf("WritePDF: %v", err)
	}
	return buf.Bytes()
}

// utf16Text is s as fpdf writes an info string: UTF-16BE with a byte
// order mark, escaped for a PDF literal.
func utf16Text(s string) string {
	var b strings.Builder
	b.WriteString("\xfe\xff")
	for _, r := range s {
		b.WriteByte(byte(r >> 8))
		b.WriteByte(byte(r))
	}
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`, "\r", `\r`).Replace(b.String())
}

// checkMargins fails the test for a text in the page's margins, other
// than the footer's.
func checkMargins(t *testing.T, pages [][]pdftest.Text) {
	t.Helper()
	const mm = 72 / 25.4
	for i, page := range pages {
		for _, p := range page {
			footer := math.Abs(p.Y-12*mm) < 0.5
			if p.X < 19.5*mm || p.X > 190*mm || (p.Y < (marginBottom-0.5)*mm || p.Y > 277*mm) && !footer {
				t.Errorf("page %d: %q at (%.0f, %.0f) mm is in the margin", i+1, p.Text, p.X/mm, p.Y/mm)
			}
		}
	}
}

func contains(ss []string, s string) bool { return index(ss, s) >= 0 }

func index(ss []string, s string) int {
	for i, x := range ss {
		if x == s {
			return i
		}
	}
	return -1
}

func documentTables(doc Document) []table.Table {
	var out []table.Table
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			if b.Table != nil {
				out = append(out, *b.Table)
			}
		}
	}
	return out
}

// reportDocument is a yearly report to the council as package councilreport
// would write it for Dragør.
func reportDocument() Document {
	zero, hundred := 0.0, 100.0
	nan := math.NaN()
	return Document{
		Lang: "da",
		Cover: Cover{
			Title:    "Kanalstrategien i 2014",
			Subtitle: "Årsrapport til kommunalbestyrelsen",
			Byline:   "Dragør Kommune · udarbejdet 3. februar 2015",
			Summary: []string{
				"Kommunen er på rette vej: 46,2 % af de indgående henvendelser var digitale i 2014, og målet for 2015 er 50 %.",
				"Børn og skole og Borgerservice står for to tredjedele af besparelsespotentialet, i alt 1.234.500 kr. om året.",
				"Ældre borgere bruger stadig oftest telefonen og den personlige henvendelse – medbetjening hjælper dem videre.",
				"„Digital først“ virker: 61,8 % af de udgående breve gik med Digital Post, og 1.234 borgere er fritaget.",
			},
		},
		Sections: []Section{
			{Heading: "1. Målene", Blocks: []Block{
				{Paragraph: "Kanalstrategien 2012–2015 sætter to mål for de digitale henvendelser: 30 % i 2012 og 50 % i 2015. " +
					"Andelen voksede fra 24,1 % i 2011 til 46,2 % i 2014. Fortsætter udviklingen, når kommunen målet i 2015 … men kun lige."},
				{Chart: &Chart{Lines: &chart.Lines{
					Title: "Digitale indgående henvendelser, andel", Unit: "%", YMin: &zero, YMax: &hundred,
					Categories: []string{"2011", "2012", "2013", "2014", "2015"},
					Series: []chart.Series{
						{Name: "Opgjort", Values: []float64{24.1, 31.5, 39.8, 46.2, nan}},
						{Name: "Fremskrivning", Values: []float64{nan, nan, nan, 46.2, 52.4}, Dashed: true},
					},
					Markers: []chart.Marker{
						{Category: "2012", Value: 30, Label: "Mål 2012: 30 %"},
						{Category: "2015", Value: 50, Label: "Mål 2015: 50 %"},
					},
				}}},
				{Table: ptr(keyFigures())},
			}},
			{Heading: "2. Kanalerne", Blocks: []Block{
				{Paragraph: "Kontaktcentret – åbent mandag–torsdag 8–22 og fredag 8–18 – tog imod flest henvendelser. " +
					"Diagrammet viser kanalmiksen måned for måned; tabellen under det giver tallene uge for uge. " +
					"Prisen for en personlig henvendelse er omkring 75 kr., for en selvbetjening med automatisk dataoverførsel 20 kr. (ca. 2,70 €)."},
				{Chart: &Chart{Stacked: monthlyMix()}},
				{Table: ptr(longTable())},
			}},
			{Heading: "3. Besparelsespotentialet", Blocks: []Block{
				{Paragraph: "Flyttes de henvendelser, der kan flyttes, til selvbetjening, sparer kommunen i alt 1.234.500 kr. om året."},
				{Chart: &Chart{Bars: &chart.Bars{
					Title: "Besparelse pr. år, pr. område", Unit: "kr.",
					Labels: []string{"Flytteanmeldelse", "Børn og skole – pladsanvisning", "Ældre – hjælpemidler og boligændringer", "Sundhedskort", "Byggetilladelse"},
					Values: []float64{412000, 388500, 301250, 135000, -1250},
				}}},
				{Subheading: "Børn og skole"},
				{Paragraph: "Pladsanvisningen er obligatorisk selvbetjening. Forældre, der ikke kan selv, får hjælp i Borgerservice."},
				{Subheading: "Ældre"},
				{Paragraph: "Hjælpemidler søges oftest på papir. Afdelingen vil tilbyde medbetjening ved hjemmebesøg."},
			}},
		},
		Footer:     "Dragør Kommune · Kanalstrategien i 2014",
		PageFormat: "Side %d af %s",
	}
}

func ptr[T any](v T) *T { return &v }

func numberCell(v float64) table.Cell {
	return table.Cell{Text: number.Danish.Format(v, 0), Value: &v}
}

func shareCell(v float64) table.Cell {
	return table.Cell{Text: number.Danish.Format(100*v, 1) + " %", Value: &v, Percent: true}
}

func keyFigures() table.Table {
	row := func(label string, part, whole float64) []table.Cell {
		return []table.Cell{{Text: label}, shareCell(part / whole), numberCell(part), numberCell(whole)}
	}
	return table.Table{
		Caption: "Nøgletal for 2014",
		Head:    []string{"Mål", "Andel", "Del", "Hele"},
		Rows: [][]table.Cell{
			row("Digitale indgående henvendelser", 41234, 89250),
			row("Heraf medbetjening", 1234, 89250),
			row("Digitale ansøgninger og anmeldelser", 18760, 23450),
			row("Udgående breve med Digital Post", 30900, 50000),
		},
		Foot: []table.Cell{{Text: "I alt"}, {Text: "–"}, numberCell(92128), numberCell(251950)},
	}
}

var channelNames = []string{"Selvbetjening", "Hjemmeside", "Digital Post", "Telefon", "E-mail", "Papirpost",
	"Personlig henvendelse", "Kontaktformular", "SMS", "Videomøde"}

func monthlyMix() *chart.StackedBars {
	months := []string{"jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."}
	c := &chart.StackedBars{Title: "Henvendelser til kommunen pr. måned og kanal", Unit: "henvendelser"}
	for _, m := range months {
		c.Categories = append(c.Categories, m+" 2014")
	}
	for i, name := range channelNames[:8] {
		s := chart.Series{Name: name}
		for m := range months {
			s.Values = append(s.Values, float64(200+((i*7+m*3)%11)*60+m*25*(8-i)/8))
		}
		c.Series = append(c.Series, s)
	}
	return c
}

// longTable has twelve columns and forty rows: too wide for the page at
// the normal size and too long for one page.
func longTable() table.Table {
	t := table.Table{Caption: "Henvendelser pr. uge og kanal", Head: append(append([]string{"Uge i 2014"}, channelNames...), "I alt")}
	var totals [11]float64
	for w := 1; w <= 40; w++ {
		row := []table.Cell{{Text: "Uge " + strconv.Itoa(w)}}
		sum := 0.0
		for c := range channelNames {
			v := float64(40 + (w*37+c*113)%900 + 1000*(c%3))
			sum += v
			totals[c] += v
			row = append(row, numberCell(v))
		}
		totals[10] += sum
		t.Rows = append(t.Rows, append(row, numberCell(sum)))
	}
	t.Foot = []table.Cell{{Text: "I alt"}}
	for _, v := range totals {
		t.Foot = append(t.Foot, numberCell(v))
	}
	return t
}

func manyBars(n int) *chart.Bars {
	b := &chart.Bars{Title: "Mange områder"}
	for i := range n {
		b.Labels = append(b.Labels, "område "+strconv.Itoa(i))
		b.Values = append(b.Values, float64(i*i-n))
	}
	return b
}
