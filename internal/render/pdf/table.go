package pdf

import (
	"math"
	"strings"

	"github.com/kanal-dk/kanal/internal/render/table"
)

// Table type: sizes in points, widths in millimetres.
const (
	tableSize    = 9.0
	tableMinSize = 6.5
)

// tableLayout is how a table is set: its font size and column widths.
type tableLayout struct {
	size, pad, lineH, vpad float64
	widths                 []float64
	numeric                []bool
}

// table writes a caption in bold, then the header on a light fill,
// repeated at the top of each page the table continues on, the rows
// (never split across pages), and the totals row in bold. Numbers are
// right-aligned.
func (r *renderer) table(t table.Table) {
	tb := r.tableBlock(t)
	r.room(tb.keep())
	r.font("B", captionSize, inkColor)
	r.flow(tb.caption, captionLine, marginLeft)
	if tb.empty != nil {
		r.font("I", bodySize-1, mutedColor)
		r.flow(tb.empty, bodyLine, marginLeft)
		r.pdf.SetY(r.pdf.GetY() + 4)
		return
	}
	r.pdf.SetY(r.pdf.GetY() + 1.5)

	l := tb.layout
	drawHead := func() {
		if tb.head != nil {
			r.drawRow(l, *tb.head, headFill, true)
			r.rule(marginLeft, r.pdf.GetY(), marginLeft+contentWidth, mutedColor, 0.3)
		}
	}
	// A row breaks to the next page unless the page holds nothing but the
	// header, where it would not fit on the next page either.
	turn := func(h float64) {
		if r.pdf.GetY()+h > pageHeight-marginBottom && r.pdf.GetY() > marginTop+tb.headHeight()+1 {
			r.newPage()
			drawHead()
		}
	}
	drawHead()
	for i, row := range tb.rows {
		turn(row.height)
		fill := paperColor
		if i%2 == 1 {
			fill = stripeFill
		}
		r.drawRow(l, row, fill, false)
	}
	if tb.foot != nil {
		turn(tb.foot.height)
		r.rule(marginLeft, r.pdf.GetY(), marginLeft+contentWidth, inkColor, 0.3)
		r.drawRow(l, *tb.foot, paperColor, true)
	}
	r.rule(marginLeft, r.pdf.GetY(), marginLeft+contentWidth, gridColor, 0.2)
	r.pdf.SetY(r.pdf.GetY() + 6)
}

const captionLine = captionSize * ptMM * 1.35

// tableBlock is a table measured and wrapped, ready to draw.
type tableBlock struct {
	caption []string
	// empty is what is said instead of a table without rows.
	empty      []string
	layout     tableLayout
	head, foot *tableRowLines
	rows       []tableRowLines
}

func (r *renderer) tableBlock(t table.Table) tableBlock {
	var tb tableBlock
	if strings.TrimSpace(t.Caption) != "" {
		r.font("B", captionSize, inkColor)
		tb.caption = r.wrap(t.Caption, contentWidth)
	}
	cols := columns(t)
	if len(t.Rows) == 0 && strings.TrimSpace(t.Empty) != "" || cols == 0 {
		r.font("I", bodySize-1, mutedColor)
		tb.empty = r.wrap(t.Empty, contentWidth)
		return tb
	}
	l := r.layoutTable(t, cols)
	tb.layout = l
	if len(t.Head) > 0 {
		head := r.tableRow(l, headCells(t.Head), true, headLines)
		tb.head = &head
	}
	// A row must fit on a page under the header: a cell longer than that
	// is cut with "…". Only text no document has is that long.
	most := max(1, int((pageHeight-marginTop-marginBottom-tb.headHeight()-2*l.vpad)/l.lineH))
	for _, cells := range t.Rows {
		tb.rows = append(tb.rows, r.tableRow(l, cells, false, most))
	}
	if len(t.Foot) > 0 {
		foot := r.tableRow(l, t.Foot, true, most)
		tb.foot = &foot
	}
	return tb
}

func (tb tableBlock) headHeight() float64 {
	if tb.head == nil {
		return 0
	}
	return tb.head.height
}

// keep is how much of the table must start on the same page: all of a
// short table, else the caption, the header and the first rows.
func (tb tableBlock) keep() float64 {
	h := float64(len(tb.caption)) * captionLine
	if tb.empty != nil {
		return h + float64(len(tb.empty))*bodyLine
	}
	h += 1.5 + tb.headHeight()
	all := h
	for _, row := range tb.rows {
		all += row.height
	}
	if tb.foot != nil {
		all += tb.foot.height
	}
	if all <= shortTable {
		return all
	}
	for _, row := range tb.rows[:min(3, len(tb.rows))] {
		h += row.height
	}
	return h
}

// shortTable is the height up to which a table is kept on one page.
const shortTable = 90.0

// columns is the number of columns: the longest of the header, the rows
// and the totals row, so that no cell is lost when rows differ in length.
func columns(t table.Table) int {
	n := max(len(t.Head), len(t.Foot))
	for _, row := range t.Rows {
		n = max(n, len(row))
	}
	return n
}

func headCells(head []string) []table.Cell {
	cells := make([]table.Cell, len(head))
	for i, h := range head {
		cells[i] = table.Cell{Text: h}
	}
	return cells
}

// layoutTable chooses the largest font size, from tableSize down to
// tableMinSize, at which the columns fit the text width: first with every
// header on one line, then with headers on two lines and long texts
// wrapped. At the smallest size the columns are narrowed to fit and their
// texts wrap as they must.
func (r *renderer) layoutTable(t table.Table, cols int) tableLayout {
	numeric := make([]bool, cols)
	for j := 1; j < cols; j++ {
		numbers, texts := 0, 0
		for _, row := range t.Rows {
			if j < len(row) && strings.TrimSpace(row[j].Text) != "" {
				if row[j].Numeric() {
					numbers++
				} else {
					texts++
				}
			}
		}
		numeric[j] = numbers > 0 && numbers >= texts
	}
	for size := tableSize; ; size -= 0.5 {
		size = math.Max(size, tableMinSize)
		l := tableLayout{size: size, pad: 0.17 * size, lineH: size * ptMM * 1.25, vpad: size * ptMM * 0.45, numeric: numeric}
		want, least := r.columnWidths(t, cols, l)
		if sum(want) <= contentWidth {
			l.widths = spread(want, contentWidth)
			return l
		}
		if sum(least) <= contentWidth || size == tableMinSize {
			l.widths = grow(least, want, contentWidth, 2*l.pad+2)
			return l
		}
	}
}

// columnWidths measures each column at l's size: want sets every text on
// one line; least lets headers take two lines and long texts wrap.
func (r *renderer) columnWidths(t table.Table, cols int, l tableLayout) (want, least []float64) {
	want, least = make([]float64, cols), make([]float64, cols)
	measure := func(cells []table.Cell, bold bool) {
		style := ""
		if bold {
			style = "B"
		}
		r.font(style, l.size, inkColor)
		for j, c := range cells {
			w := r.width(c.Text)
			want[j] = math.Max(want[j], w)
			if c.Numeric() {
				least[j] = math.Max(least[j], w)
				continue
			}
			limit := 0.25 * contentWidth
			if j == 0 {
				limit = 0.4 * contentWidth
			}
			least[j] = math.Max(least[j], math.Max(math.Min(w, limit), r.widestWord(c.Text)))
		}
	}
	for _, row := range t.Rows {
		measure(row, false)
	}
	measure(t.Foot, true)
	r.font("B", l.size, inkColor)
	for j, h := range t.Head {
		want[j] = math.Max(want[j], r.width(h))
		least[j] = math.Max(least[j], r.twoLines(h))
	}
	for j := range want {
		want[j] += 2 * l.pad
		least[j] += 2 * l.pad
	}
	return want, least
}

func (r *renderer) widestWord(s string) float64 {
	w := 0.0
	for _, word := range words(r.text.clean(s)) {
		w = math.Max(w, r.width(word))
	}
	return w
}

// twoLines is the least width in which s fits on two lines.
func (r *renderer) twoLines(s string) float64 {
	ws := words(r.text.clean(s))
	best := r.width(strings.Join(ws, " "))
	for k := 1; k < len(ws); k++ {
		best = math.Min(best, math.Max(r.width(strings.Join(ws[:k], " ")), r.width(strings.Join(ws[k:], " "))))
	}
	return best
}

// spread widens columns that fit with room to spare to the full width:
// a third of the room to the row headers, the rest shared by the others.
func spread(want []float64, total float64) []float64 {
	out := append([]float64(nil), want...)
	extra := total - sum(want)
	if len(out) == 1 {
		out[0] += extra
		return out
	}
	out[0] += extra / 3
	for j := 1; j < len(out); j++ {
		out[j] += 2 * extra / 3 / float64(len(out)-1)
	}
	return out
}

// grow gives columns at their least widths the room that is left,
// towards what they want. If they do not fit even at their least, each
// keeps floor and shares what is left in proportion to its need.
func grow(least, want []float64, total, floor float64) []float64 {
	out := append([]float64(nil), least...)
	room := total - sum(least)
	if room <= 0 {
		n := float64(len(out))
		if floor*n >= total {
			for j := range out {
				out[j] = total / n
			}
			return out
		}
		need := 0.0
		for _, w := range least {
			need += math.Max(w-floor, 0)
		}
		for j, w := range least {
			out[j] = floor + (total-floor*n)*math.Max(w-floor, 0)/need
		}
		return out
	}
	deficit := 0.0
	for j := range out {
		deficit += want[j] - least[j]
	}
	for j := range out {
		if deficit > 0 {
			out[j] += math.Min(room, deficit) * (want[j] - least[j]) / deficit
		}
	}
	if left := total - sum(out); left > 0.01 {
		return spread(out, total)
	}
	return out
}

func sum(ws []float64) float64 {
	s := 0.0
	for _, w := range ws {
		s += w
	}
	return s
}

// tableRowLines is one row, wrapped into its columns.
type tableRowLines struct {
	cells  [][]string
	right  []bool
	lines  int
	height float64
}

// headLines is the most lines a header cell takes; a longer one is cut.
const headLines = 4

// tableRow wraps a row's cells into their columns, at most most lines
// each.
func (r *renderer) tableRow(l tableLayout, cells []table.Cell, bold bool, most int) tableRowLines {
	style := ""
	if bold {
		style = "B"
	}
	r.font(style, l.size, inkColor)
	row := tableRowLines{cells: make([][]string, len(l.widths)), right: make([]bool, len(l.widths)), lines: 1}
	for j := range l.widths {
		if j >= len(cells) {
			continue
		}
		row.cells[j] = r.clip(cells[j].Text, l.widths[j]-2*l.pad, most)
		row.right[j] = j > 0 && (cells[j].Numeric() || bold && l.numeric[j])
		row.lines = max(row.lines, len(row.cells[j]))
	}
	row.height = float64(row.lines)*l.lineH + 2*l.vpad
	return row
}

// drawRow writes a row at the current position on a fill. The bold rows
// (header and totals) set their texts on the bottom line, so that header
// texts of one and two lines stand on the same baseline.
func (r *renderer) drawRow(l tableLayout, row tableRowLines, fill rgb, bold bool) {
	y := r.pdf.GetY()
	if fill != paperColor {
		r.fill(marginLeft, y, contentWidth, row.height, fill)
	}
	style := ""
	if bold {
		style = "B"
	}
	r.font(style, l.size, inkColor)
	x := marginLeft
	for j, lines := range row.cells {
		first := 0
		if bold {
			first = row.lines - len(lines)
		}
		for i, line := range lines {
			base := r.baseline(y+l.vpad+float64(first+i)*l.lineH, l.lineH)
			if row.right[j] {
				r.textRight(x+l.widths[j]-l.pad, base, line)
			} else {
				r.textAt(x+l.pad, base, line)
			}
		}
		x += l.widths[j]
	}
	r.pdf.SetY(y + row.height)
}
