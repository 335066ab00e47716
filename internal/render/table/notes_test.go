package table

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A table alone in a spreadsheet has no page around it to say what its
// figures count or that they are demo data: the notes follow it, after an
// empty row, in CSV with every row as wide as the header (so that a strict
// reader reads the file) and formula-like text neutralised, and in the
// workbook under the table.
func TestNotes_UnderTheTableInCSVAndWorkbook(t *testing.T) {
	one := 1.0
	tb := Table{Caption: "Nøgletal", Head: []string{"Mål", "Antal", "Ud af"},
		Rows:  [][]Cell{{{Text: "Digitale"}, {Text: "1", Value: &one}, {Text: "1", Value: &one}}},
		Notes: []string{"Demodata: genererede henvendelser.", "-2 er ikke en formel"}}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, tb, true); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("a strict reader fails: %v", err)
	}
	want := [][]string{{"Mål", "Antal", "Ud af"}, {"Digitale", "1", "1"}, {"", "", ""},
		{"Demodata: genererede henvendelser.", "", ""}, {"'-2 er ikke en formel", "", ""}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("CSV rows %q, want %q", rows, want)
	}

	buf.Reset()
	if err := WriteXLSX(&buf, tb, "key-figures"); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	got, err := book.GetRows("key-figures")
	if err != nil {
		t.Fatal(err)
	}
	// Caption, header, the row, an empty row, the notes.
	if len(got) != 6 || got[4][0] != tb.Notes[0] || got[5][0] != tb.Notes[1] {
		t.Errorf("workbook rows %q", got)
	}
}
