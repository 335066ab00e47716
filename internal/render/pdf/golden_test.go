package pdf

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/render/pdf/pdftest"
)

var update = flag.Bool("update", false, "rewrite the kept outputs in testdata/golden from the code as it is")

// A document with every kind of block is kept byte for byte: a change to
// how the engine is built (a package moved, a type renamed) must not
// change one byte of what it draws. When the drawing is meant to change,
// rewrite the kept file with -update and look at the difference.
func TestWrite_ReportIsByteForByteTheKeptOne(t *testing.T) {
	pdftest.Reproducible(t, time.Date(2015, 2, 3, 10, 0, 0, 0, time.FixedZone("CET", 3600)))
	var out bytes.Buffer
	if err := Write(&out, reportDocument()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "golden", "report.pdf")
	if *update {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		at := 0
		for at < min(out.Len(), len(want)) && out.Bytes()[at] == want[at] {
			at++
		}
		t.Errorf("the PDF differs from the kept %s from byte %d (%d bytes, kept %d)", path, at, out.Len(), len(want))
	}
}
