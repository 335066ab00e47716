package table

import (
	"fmt"
	"io"
	"math"

	"github.com/xuri/excelize/v2"

	"github.com/kanal-dk/kanal/internal/number"
)

// Cell is one cell of a table: its text as a page shows it and, for a
// number, the value behind it. Percent marks a share, 0–1.
type Cell struct {
	Text    string
	Value   *float64
	Percent bool
}

// Numeric reports whether the cell holds a number (or stands for a missing
// one), so that a page aligns it as a number.
func (c Cell) Numeric() bool { return c.Value != nil || c.Text == "–" }

// Table is a captioned table with an optional totals row. Notes are
// sentences a reader needs to read it right — what a share counts, that
// the figures are demo data — written under the table in every export.
// Empty is what a page or a PDF says instead of rows when there are none;
// a download has the header alone.
type Table struct {
	Caption string
	Head    []string
	Rows    [][]Cell
	Foot    []Cell
	Notes   []string
	Empty   string
}

// WriteCSV writes a table as CSV (see NewCSV). Numbers are written without
// thousands separators and with the language's decimal mark, shares as
// percentages with two decimals ("45,32 %"), so that a spreadsheet reads
// them as numbers. The notes follow the table after an empty row, one to
// a row in the first cell; every row has the header's number of cells, so
// that a strict reader reads the file.
func WriteCSV(w io.Writer, t Table, decimalComma bool) error {
	out, err := NewCSV(w)
	if err != nil {
		return err
	}
	if err := out.Write(t.Head...); err != nil {
		return err
	}
	for _, row := range t.allRows() {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = csvValue(c, decimalComma)
		}
		if err := out.Write(cells...); err != nil {
			return err
		}
	}
	if len(t.Notes) > 0 {
		for _, note := range append([]string{""}, t.Notes...) {
			cells := make([]string, max(len(t.Head), 1))
			cells[0] = note
			if err := out.Write(cells...); err != nil {
				return err
			}
		}
	}
	return out.Flush()
}

func (t Table) allRows() [][]Cell {
	if t.Foot == nil {
		return t.Rows
	}
	return append(append([][]Cell(nil), t.Rows...), t.Foot)
}

// csvValue writes a number for further calculation: no thousands
// separator, the language's decimal mark, by the one formatter of package
// number. A share is a percentage with two decimals ("45,32 %"), one more
// than a page shows, and the workbook holds it exactly; a whole number
// (a count, whole kroner) has no decimals; any other amount has two.
func csvValue(c Cell, decimalComma bool) string {
	if c.Value == nil {
		return c.Text
	}
	style := number.Style{Point: "."}
	if decimalComma {
		style.Point = ","
	}
	v := *c.Value
	switch {
	case c.Percent:
		return style.Format(100*v, 2) + " %"
	case v == math.Trunc(v):
		return style.Format(v, 0)
	}
	return style.Format(v, 2)
}

// WriteXLSX writes a table as an Excel workbook of one sheet: the caption,
// a bold header, numbers as numbers and shares formatted as percentages,
// and the notes under the table after an empty row. It streams, so a long
// table costs little memory.
func WriteXLSX(w io.Writer, t Table, sheet string) error {
	f := excelize.NewFile()
	defer f.Close()
	if len(sheet) > 31 { // Excel's limit
		sheet = sheet[:31]
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	percent, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	row := 1
	put := func(cells []any) error {
		ref, err := excelize.CoordinatesToCellName(1, row)
		if err != nil {
			return err
		}
		row++
		return sw.SetRow(ref, cells)
	}
	if err := put([]any{excelize.Cell{StyleID: bold, Value: t.Caption}}); err != nil {
		return err
	}
	head := make([]any, len(t.Head))
	for i, h := range t.Head {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := put(head); err != nil {
		return err
	}
	for _, r := range t.allRows() {
		cells := make([]any, len(r))
		for i, c := range r {
			switch {
			case c.Value != nil && c.Percent:
				cells[i] = excelize.Cell{StyleID: percent, Value: *c.Value}
			case c.Value != nil:
				cells[i] = *c.Value
			default:
				cells[i] = c.Text
			}
		}
		if err := put(cells); err != nil {
			return err
		}
	}
	if len(t.Notes) > 0 {
		row++
		for _, note := range t.Notes {
			if err := put([]any{note}); err != nil {
				return err
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
}
