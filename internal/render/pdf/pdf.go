package pdf

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"github.com/kanal-dk/kanal/internal/render/chart"
)

// Write typesets doc as an A4 PDF on w. Its error is the writer's, or
// fpdf's for a document it could not make.
func Write(w io.Writer, doc Document) error {
	r := newRenderer(doc)
	r.titleBlock()
	r.notices()
	r.summary()
	for _, s := range doc.Sections {
		r.section(s)
	}
	return r.pdf.Output(w)
}

// The page, in millimetres: A4 with the text block as wide as a chart.
const (
	pageWidth    = 210.0
	pageHeight   = 297.0
	marginLeft   = 20.0
	marginTop    = 20.0
	marginBottom = 24.0
	contentWidth = pageWidth - 2*marginLeft
	// footerBaseline is where the page footer's text stands.
	footerBaseline = pageHeight - 12
	// ptMM converts a font size in points to millimetres.
	ptMM = 25.4 / 72
	// capHeight is Helvetica's capital height as a share of the font size:
	// text is centred on a line by its capitals.
	capHeight = 0.718
)

// Type sizes in points and line heights in millimetres.
const (
	titleSize      = 22.0
	subtitleSize   = 13.0
	bylineSize     = 9.5
	headingSize    = 14.0
	subheadingSize = 11.0
	bodySize       = 10.0
	bodyLine       = 5.0
	captionSize    = 9.5
	footerSize     = 8.0
	chartFontSize  = 7.5
	chartLine      = 3.6
)

// The palette of the text and rules; the series colours are
// chart.Palette's, so the PDF's charts match the page's.
var (
	inkColor     = hexColor("#1b1f24")
	mutedColor   = hexColor("#4a5360")
	gridColor    = hexColor("#dde1e6")
	accentColor  = hexColor("#1f5a96")
	tintColor    = hexColor("#f1f4f8")
	headFill     = hexColor("#e4e9ef")
	stripeFill   = hexColor("#f6f7f9")
	paperColor   = hexColor("#ffffff")
	seriesColors = parsePalette(chart.Palette())
)

// renderer is one document being drawn.
type renderer struct {
	pdf     *fpdf.Fpdf
	doc     Document
	text    *cp1252
	current fontState
}

func newRenderer(doc Document) *renderer {
	pdf := fpdf.New("P", "mm", "A4", "")
	r := &renderer{pdf: pdf, doc: doc, text: newCP1252(pdf.UnicodeTranslatorFromDescriptor(""))}
	pdf.SetMargins(marginLeft, marginTop, marginLeft)
	pdf.SetAutoPageBreak(true, marginBottom)
	pdf.SetCellMargin(0)
	pdf.SetTitle(doc.Cover.Title, true)
	pdf.SetSubject(doc.Cover.Subtitle, true)
	pdf.SetAuthor("Kanal", true)
	pdf.SetCreator("Kanal", true)
	if lang := languageTag(doc.Lang); lang != "" {
		pdf.SetLang(lang)
	}
	pdf.AliasNbPages(totalPagesAlias)
	pdf.SetLineCapStyle("butt")
	pdf.SetLineJoinStyle("round")
	pdf.SetFooterFunc(r.footer)
	r.font("", bodySize, inkColor)
	pdf.AddPage()
	return r
}

// totalPagesAlias stands for the number of pages until the document is
// closed and it is known. fpdf replaces it wherever it occurs, so it is
// nothing a document would say.
const totalPagesAlias = "{kanal:pages}"

// languageTag keeps a language code that can go into the catalogue as
// is: letters and hyphens only.
func languageTag(lang string) string {
	for _, r := range lang {
		if !(r == '-' || r < unicode.MaxASCII && unicode.IsLetter(r)) {
			return ""
		}
	}
	return lang
}

// footer writes doc.Footer on the left and the page number on the right,
// under a hairline.
func (r *renderer) footer() {
	pdf := r.pdf
	r.rule(marginLeft, footerBaseline-4.5, marginLeft+contentWidth, gridColor, 0.2)
	r.font("", footerSize, mutedColor)
	format := r.doc.PageFormat
	if strings.Count(format, "%d") != 1 || strings.Count(format, "%s") != 1 {
		format = "%d / %s"
	}
	// The number of pages is filled in when the document is closed.
	page := strings.TrimSuffix(fmt.Sprintf(format, pdf.PageNo(), totalPagesAlias), totalPagesAlias)
	// The total is not known yet; Helvetica's digits are all as wide, so
	// two of them stand in for it when right-aligning.
	numberWidth := r.width(page) + r.width("00")
	r.textAt(marginLeft+contentWidth-numberWidth, footerBaseline, page+totalPagesAlias)
	footer := r.truncate(r.doc.Footer, contentWidth-numberWidth-8)
	r.textAt(marginLeft, footerBaseline, footer)
}

// titleBlock opens the first page: an accent bar, the title, the
// subtitle and the byline, and a rule under them.
func (r *renderer) titleBlock() {
	d := r.doc.Cover
	if d.Title == "" && d.Subtitle == "" && d.Byline == "" {
		return
	}
	r.fill(marginLeft, marginTop, 28, 1.4, accentColor)
	r.pdf.SetY(marginTop + 8)
	r.font("B", titleSize, inkColor)
	r.flow(r.wrap(d.Title, contentWidth), titleSize*ptMM*1.2, marginLeft)
	if d.Subtitle != "" {
		r.pdf.SetY(r.pdf.GetY() + 1.5)
		r.font("", subtitleSize, mutedColor)
		r.flow(r.wrap(d.Subtitle, contentWidth), subtitleSize*ptMM*1.35, marginLeft)
	}
	if d.Byline != "" {
		r.pdf.SetY(r.pdf.GetY() + 2.5)
		r.font("", bylineSize, mutedColor)
		r.flow(r.wrap(d.Byline, contentWidth), bylineSize*ptMM*1.4, marginLeft)
	}
	y := r.pdf.GetY() + 5
	r.rule(marginLeft, y, marginLeft+contentWidth, gridColor, 0.3)
	r.pdf.SetY(y + 7)
}

// notices frame each of the cover's notices — a report not issued yet,
// demo data — in bold on a tinted band with a dark bar, so that no reader
// of the cover misses them.
func (r *renderer) notices() {
	const pad = 3.0
	for _, n := range nonEmpty(r.doc.Cover.Notices) {
		r.font("B", bodySize, inkColor)
		lines := r.wrap(n, contentWidth-2*pad-2)
		h := float64(len(lines))*bodyLine + 2*pad
		r.room(h)
		y := r.pdf.GetY()
		r.fill(marginLeft, y, contentWidth, h, tintColor)
		r.fill(marginLeft, y, 1.6, h, inkColor)
		r.pdf.SetY(y + pad)
		r.font("B", bodySize, inkColor)
		r.flow(lines, bodyLine, marginLeft+pad+2)
		r.pdf.SetY(y + h + 3)
	}
	if len(nonEmpty(r.doc.Cover.Notices)) > 0 {
		r.pdf.SetY(r.pdf.GetY() + 3)
	}
}

// summary lists the main points, bulleted, on a tinted band with an
// accent bar: the first thing a reader reads.
func (r *renderer) summary() {
	points := nonEmpty(r.doc.Cover.Summary)
	if len(points) == 0 {
		return
	}
	const pad, indent, gap = 4.0, 6.0, 1.6
	if r.doc.Cover.SummaryHeading != "" {
		r.heading(r.doc.Cover.SummaryHeading, subheadingSize, inkColor, 0, pad+2*bodyLine)
	}
	r.font("", bodySize, inkColor)
	band := func(h float64) float64 {
		y := r.pdf.GetY()
		r.fill(marginLeft, y, contentWidth, h, tintColor)
		r.fill(marginLeft, y, 1.2, h, accentColor)
		r.pdf.SetY(y + h)
		return y
	}
	r.room(pad + 2*bodyLine)
	band(pad)
	for i, point := range points {
		lines := r.wrap(point, contentWidth-2*pad-indent)
		for j, line := range lines {
			r.room(bodyLine + gap)
			y := band(bodyLine)
			r.font("", bodySize, inkColor)
			if j == 0 {
				r.textAt(marginLeft+pad+1, r.baseline(y, bodyLine), "•")
			}
			r.textAt(marginLeft+pad+indent, r.baseline(y, bodyLine), line)
		}
		if i < len(points)-1 {
			band(gap)
		}
	}
	band(pad)
	r.pdf.SetY(r.pdf.GetY() + 6)
}

// section writes a chapter: its heading, unless it has none, and its
// blocks.
func (r *renderer) section(s Section) {
	if r.pdf.GetY() > marginTop+1 {
		r.pdf.SetY(r.pdf.GetY() + 4)
	}
	if s.Heading != "" {
		r.heading(s.Heading, headingSize, accentColor, headingGap, r.lead(s.Blocks))
	}
	for i, b := range s.Blocks {
		switch {
		case b.Subheading != "":
			if r.pdf.GetY() > marginTop+1 {
				r.pdf.SetY(r.pdf.GetY() + subheadingBefore)
			}
			r.heading(b.Subheading, subheadingSize, inkColor, subheadingGap, r.lead(s.Blocks[i+1:]))
		case b.Paragraph != "":
			r.paragraph(b.Paragraph)
		case b.Chart != nil:
			r.chart(*b.Chart)
		case b.Table != nil:
			r.table(*b.Table)
		}
	}
}

// heading writes a heading in bold, and the gap after it, on the page
// where the first lead millimetres of what follows it fit too, so that no
// heading is left at the foot of a page.
func (r *renderer) heading(s string, size float64, c rgb, gap, lead float64) {
	r.font("B", size, c)
	lines := r.wrap(s, contentWidth)
	lineH := size * ptMM * 1.3
	r.room(float64(len(lines))*lineH + gap + lead)
	r.font("B", size, c)
	r.flow(lines, lineH, marginLeft)
	r.pdf.SetY(r.pdf.GetY() + gap)
}

// The gaps under a section's heading, and before and under a
// subheading.
const (
	headingGap       = 2.5
	subheadingBefore = 2.0
	subheadingGap    = 1.5
)

// lead is the height of the start of blocks that must stay with a heading
// before them: a chart with its title, a table's caption, header and
// first rows; a short introduction whole, with the start of the table or
// chart it introduces; the first two lines of a longer paragraph.
func (r *renderer) lead(blocks []Block) float64 {
	for i, b := range blocks {
		switch {
		case b.Subheading != "":
			r.font("B", subheadingSize, inkColor)
			lines := r.wrap(b.Subheading, contentWidth)
			return float64(len(lines))*subheadingSize*ptMM*1.3 + subheadingBefore + subheadingGap + r.lead(blocks[i+1:])
		case b.Paragraph != "":
			r.font("", bodySize, inkColor)
			n := len(r.wrap(b.Paragraph, contentWidth))
			if n > introLines {
				return 2 * bodyLine
			}
			intro := float64(n) * bodyLine
			if i+1 < len(blocks) && (blocks[i+1].Chart != nil || blocks[i+1].Table != nil) {
				// paragraphGap after the introduction; keepSlack so that
				// rounding never sends the block on alone.
				if with := intro + paragraphGap + r.lead(blocks[i+1:]) + keepSlack; with <= maxLead {
					return with
				}
			}
			return intro
		case b.Chart != nil:
			return r.chartBlock(*b.Chart).height()
		case b.Table != nil:
			return r.tableBlock(*b.Table).keep()
		}
	}
	return 0
}

// introLines is the most lines of a paragraph that introduces the table
// or chart after it, as "Hver andel … bygger på disse definitioner."
// does: a heading is kept with all of it and with the start of what it
// introduces, so that a heading and its introduction are not left at the
// foot of a page with the table on the next. A longer paragraph is text in
// its own right: the heading keeps its first two lines.
const introLines = 3

// maxLead is the most a heading pulls with it to the next page: a page's
// text height less room for the heading itself. A heading, its
// introduction and a chart taller than that keep only the introduction.
const maxLead = pageHeight - marginTop - marginBottom - 25

const (
	paragraphGap = 3.0
	keepSlack    = 0.01
)

func (r *renderer) paragraph(s string) {
	r.font("", bodySize, inkColor)
	r.flow(r.wrap(s, contentWidth), bodyLine, marginLeft)
	r.pdf.SetY(r.pdf.GetY() + paragraphGap)
}

// flow writes lines in the current font from the current position,
// turning the page where the next line does not fit.
func (r *renderer) flow(lines []string, lineH, x float64) {
	for _, line := range lines {
		r.room(lineH)
		y := r.pdf.GetY()
		r.textAt(x, r.baseline(y, lineH), line)
		r.pdf.SetY(y + lineH)
	}
}

// room starts a new page unless h millimetres fit above the footer. On a
// fresh page it does nothing, so that a block taller than a page cannot
// add pages forever.
func (r *renderer) room(h float64) {
	y := r.pdf.GetY()
	if y+h > pageHeight-marginBottom && y > marginTop+1 {
		r.newPage()
	}
}

// newPage turns the page and restores the font that the footer changed.
func (r *renderer) newPage() {
	f := r.current
	r.pdf.AddPage()
	r.font(f.style, f.size, f.color)
}

// Text and fonts.

// font selects Helvetica in a style ("", "B", "I") and size, and a text
// colour, and remembers them for newPage.
func (r *renderer) font(style string, size float64, c rgb) {
	r.current = fontState{style, size, c}
	r.pdf.SetFont("Helvetica", style, size)
	r.pdf.SetTextColor(c.r, c.g, c.b)
}

type fontState struct {
	style string
	size  float64
	color rgb
}

// width is s's width in the current font.
func (r *renderer) width(s string) float64 {
	return r.pdf.GetStringWidth(r.text.encode(s))
}

// textAt writes s with its baseline at y.
func (r *renderer) textAt(x, y float64, s string) {
	if s == "" || !finite(x) || !finite(y) {
		return
	}
	r.pdf.Text(x, y, r.text.encode(s))
}

// textRight writes s ending at x; textCentre centres it on x.
func (r *renderer) textRight(x, y float64, s string) { r.textAt(x-r.width(s), y, s) }

func (r *renderer) textCentre(x, y float64, s string) { r.textAt(x-r.width(s)/2, y, s) }

// baseline is where text in the current font stands to look centred on
// a line of height h that starts at top.
func (r *renderer) baseline(top, h float64) float64 {
	size, _ := r.pdf.GetFontSize()
	return top + h/2 + size*ptMM*capHeight/2
}

// wrap breaks s into lines no wider than w in the current font: at
// spaces, at the line breaks in s, and inside a word that is wider than a
// line by itself.
func (r *renderer) wrap(s string, w float64) []string {
	s = r.text.clean(s)
	// The tolerance keeps a text measured to fit exactly on one line.
	w = math.Max(w, 1) + 1e-6
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range words(para) {
			for word != "" && r.width(word) > w {
				if line != "" {
					lines, line = append(lines, line), ""
				}
				head, rest := r.cut(word, w)
				lines, word = append(lines, head), rest
			}
			switch {
			case word == "":
			case line == "":
				line = word
			case r.width(line+" "+word) <= w:
				line += " " + word
			default:
				lines, line = append(lines, line), word
			}
		}
		lines = append(lines, line)
	}
	// Blank lines inside the text are kept as spacing; at its ends they
	// are noise.
	for len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for len(lines) > 1 && lines[0] == "" {
		lines = lines[1:]
	}
	return lines
}

// words splits a line at its spaces. A no-break space joins, as it
// should: "45,3 %" stays on one line.
func words(line string) []string {
	return strings.FieldsFunc(line, func(c rune) bool { return c == ' ' || c == '\n' })
}

// cut splits word after as many characters as fit in w, at least one.
// The core fonts have no kerning, so a text's width is its characters'.
func (r *renderer) cut(word string, w float64) (string, string) {
	end, width := 0, 0.0
	for i, c := range word {
		width += r.width(string(c))
		if end > 0 && width > w {
			break
		}
		end = i + len(string(c))
	}
	return word[:end], word[end:]
}

// truncate shortens s with "…" until it fits in w.
func (r *renderer) truncate(s string, w float64) string {
	s = strings.Join(strings.Fields(r.text.clean(s)), " ")
	if r.width(s) <= w {
		return s
	}
	runes := []rune(s)
	for len(runes) > 0 && r.width(string(runes)+"…") > w {
		runes = runes[:len(runes)-1]
	}
	if len(runes) == 0 {
		return ""
	}
	return strings.TrimRight(string(runes), " ") + "…"
}

// clip wraps s into at most n lines of width w, the last cut with "…" if
// the text goes on.
func (r *renderer) clip(s string, w float64, n int) []string {
	lines := r.wrap(s, w)
	if len(lines) > n {
		lines = lines[:n]
		lines[n-1] = r.truncate(lines[n-1]+" …", w)
	}
	return lines
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

type rgb struct{ r, g, b int }

func hexColor(s string) rgb {
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil || len(s) != 7 {
		return rgb{0x5b, 0x67, 0x70}
	}
	return rgb{int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)}
}

func parsePalette(hex []string) []rgb {
	out := make([]rgb, len(hex))
	for i, h := range hex {
		out[i] = hexColor(h)
	}
	if len(out) == 0 {
		out = []rgb{accentColor}
	}
	return out
}

// seriesColor is series i's colour. Past the palette the colours repeat,
// lighter on each round, as the SVG repeats them hatched.
func seriesColor(i int) rgb {
	c := seriesColors[i%len(seriesColors)]
	round := i / len(seriesColors)
	if round == 0 {
		return c
	}
	t := math.Min(0.3*float64(round), 0.6)
	mix := func(v int) int { return v + int(t*float64(255-v)) }
	return rgb{mix(c.r), mix(c.g), mix(c.b)}
}

func (r *renderer) fill(x, y, w, h float64, c rgb) {
	if !finite(x) || !finite(y) || !finite(w) || !finite(h) || w <= 0 || h <= 0 {
		return
	}
	r.pdf.SetFillColor(c.r, c.g, c.b)
	r.pdf.Rect(x, y, w, h, "F")
}

// rule draws a line of width lw from (x1, y) to (x2, y).
func (r *renderer) rule(x1, y, x2 float64, c rgb, lw float64) {
	r.line(x1, y, x2, y, c, lw)
}

func (r *renderer) line(x1, y1, x2, y2 float64, c rgb, lw float64) {
	if !finite(x1) || !finite(y1) || !finite(x2) || !finite(y2) {
		return
	}
	r.pdf.SetDrawColor(c.r, c.g, c.b)
	r.pdf.SetLineWidth(lw)
	r.pdf.Line(x1, y1, x2, y2)
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
