package table

import (
	"encoding/csv"
	"io"
	"regexp"
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
// A plain negative number ("-1234,5", "-4,25 %") is left as it is: it is
// no formula, and prefixed it would become text that no sum adds up (a
// negative saving, a fall in a share).
func Neutralise(cell string) string {
	if cell == "" || !strings.ContainsRune("=+-@\t\r", rune(cell[0])) || plainNumber.MatchString(cell) {
		return cell
	}
	return "'" + cell
}

// plainNumber is a negative number as WriteCSV writes one: digits, one
// decimal mark, perhaps a per cent sign; nothing a spreadsheet could
// evaluate.
var plainNumber = regexp.MustCompile(`^-[0-9]+([.,][0-9]+)?( ?%)?$`)
