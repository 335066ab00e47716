package table

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestCSV_NeutralisesFormulasAndKeepsDanishLetters(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewCSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	w.Write("handling", "bruger")
	w.Write("=HYPERLINK(\"http://x\")", "Søren Ærø")
	w.Write("+45 1234", "-1+1", "@SUM(A1)", "\tfane", "ok; med semikolon")
	w.Write("-1", "-1234,5", "-4,25 %", "-2.5", "-1,5e3", "--1", "-1;2")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "\ufeff") {
		t.Error("no byte-order mark")
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff")))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"handling", "bruger"},
		{"'=HYPERLINK(\"http://x\")", "Søren Ærø"},
		{"'+45 1234", "'-1+1", "'@SUM(A1)", "'\tfane", "ok; med semikolon"},
		// Plain negative numbers stay numbers; anything more is neutralised.
		{"-1", "-1234,5", "-4,25 %", "-2.5", "'-1,5e3", "'--1", "'-1;2"},
	}
	for i := range want {
		for j := range want[i] {
			if rows[i][j] != want[i][j] {
				t.Errorf("row %d cell %d = %q, want %q", i, j, rows[i][j], want[i][j])
			}
		}
	}
}
