// Package export writes tables for download. Spreadsheet programs run a
// cell that begins with = + - @ (or a tab or carriage return) as a formula,
// so every CSV cell that does is neutralised with a leading apostrophe.
package export

import (
	"encoding/csv"
	"io"
	"strings"
)

// CSV writes rows of text, neutralising formula-like cells. Rows use a
// semicolon, as Danish spreadsheets expect, and a UTF-8 byte-order mark so
// that æ, ø and å open correctly in Excel.
type CSV struct {
	w *csv.Writer
}

// NewCSV starts a CSV table on w.
func NewCSV(w io.Writer) (*CSV, error) {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	return &CSV{w: cw}, nil
}

// Write writes one row.
func (c *CSV) Write(cells ...string) error {
	row := make([]string, len(cells))
	for i, cell := range cells {
		row[i] = Neutralise(cell)
	}
	return c.w.Write(row)
}

// Flush writes what is buffered and reports any error.
func (c *CSV) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// Neutralise prefixes a cell that a spreadsheet would read as a formula.
func Neutralise(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
