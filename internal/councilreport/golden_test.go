package councilreport

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/dashboard"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/render/pdf/pdftest"
	"github.com/kanal-dk/kanal/internal/render/table"
)

var update = flag.Bool("update", false, "rewrite the kept outputs in testdata/golden from the code as it is")

// The report a council was sent and its tables' downloads are kept byte
// for byte: a change to how they are made (a package moved, a type
// renamed) must not change one byte of them. When the output is meant to change, rewrite
// the kept files with -update and look at the difference.
func TestReport_OutputIsByteForByteTheKeptOne(t *testing.T) {
	pdftest.Reproducible(t, made)
	db, _ := dragoer(t)
	ctx := context.Background()
	issued := &Issue{At: made.UTC(), By: "Anna Andersen (strategi@dragoer.demo)", Version: 1}
	reports := []struct {
		name  string
		lang  string
		year  int
		issue *Issue
	}{
		{"dragoer-2014-da", locale.Danish, 2014, nil},
		{"dragoer-2014-en-issued", "en", 2014, issued},
		{"dragoer-2030-da", locale.Danish, 2030, nil},
	}
	for _, r := range reports {
		doc, err := newReports(db).Make(ctx, locale.New(r.lang), "dragoer", history(t, db, "dragoer"), r.year, made, r.issue)
		if err != nil {
			t.Fatal(err)
		}
		var pdf, html bytes.Buffer
		if err := WritePDF(&pdf, *doc); err != nil {
			t.Fatal(err)
		}
		if err := WriteHTML(&html, *doc); err != nil {
			t.Fatal(err)
		}
		golden(t, r.name+".pdf", pdf.Bytes())
		golden(t, r.name+".html", html.Bytes())
		golden(t, r.name+"-tables.txt", tableDownloads(t, *doc, r.lang == locale.Danish))
	}
}

// tableDownloads is every table of the report as CSV, and the SHA-256 of
// each one's workbook.
func tableDownloads(t *testing.T, doc Document, decimalComma bool) []byte {
	t.Helper()
	var out bytes.Buffer
	var tables []dashboard.Table
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			if b.Table != nil {
				tables = append(tables, *b.Table)
			}
		}
	}
	for i, tb := range tables {
		fmt.Fprintf(&out, "== %d %s\n", i, tb.ID)
		if err := table.WriteCSV(&out, tb.Table, decimalComma); err != nil {
			t.Fatal(err)
		}
		var xlsx bytes.Buffer
		if err := table.WriteXLSX(&xlsx, tb.Table, fmt.Sprintf("table %d", i)); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(xlsx.Bytes())
		fmt.Fprintf(&out, "\n== xlsx sha256 %s\n", hex.EncodeToString(sum[:]))
	}
	return out.Bytes()
}

// golden compares got with the kept file testdata/golden/name, or with
// -update keeps got in it.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (make it with -update)", err)
	}
	if !bytes.Equal(got, want) {
		at := 0
		for at < min(len(got), len(want)) && got[at] == want[at] {
			at++
		}
		t.Errorf("%s differs from the kept file from byte %d (%d bytes, kept %d): %q",
			name, at, len(got), len(want), strings.ToValidUTF8(string(got[at:min(len(got), at+80)]), "?"))
	}
}
