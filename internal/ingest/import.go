package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
)

// ImportResult is what became of a CSV file.
type ImportResult struct {
	Rows       int
	Recorded   int
	Duplicates int
	Problems   []Problem
	// Again: the same file was imported before; nothing was stored now.
	Again bool
	// Headings are the file's column headings by field, as it writes
	// them, so that a problem names its column the file's way.
	Headings map[string]string
	// Examples are the rows marked as the template's example, skipped.
	Examples []int
}

// Import records the valid rows of a CSV file and reports the others by
// row. Rows with an id are recognised when imported again; a file with rows
// without ids is recognised by its content, so importing the same file
// twice stores nothing the second time.
func Import(ctx context.Context, rec *inquiry.Recorder, cur *municipality.Current, data []byte) (ImportResult, error) {
	file, err := ReadCSV(bytes.NewReader(data))
	if err != nil {
		return ImportResult{}, err
	}
	lines := file.Lines
	valid, probs := Prepare(cur.Strategy, lines, Options{Source: inquiry.SourceImport, Window: rec.Window(cur), Spreadsheet: true})
	res := ImportResult{Rows: len(lines), Problems: probs, Headings: file.Headings, Examples: file.Examples}
	withoutID := false
	for _, in := range valid {
		withoutID = withoutID || in.ExternalID == ""
	}
	if !withoutID {
		r, err := rec.Record(ctx, cur, valid)
		res.Recorded, res.Duplicates = r.Recorded, r.Duplicates
		return res, err
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	type stored struct{ Recorded, Duplicates int }
	answer, again, err := rec.RecordOnce(ctx, cur, inquiry.SourceImport, "file:"+hash, hash, valid, func(r inquiry.Result) (string, error) {
		b, err := json.Marshal(stored{r.Recorded, r.Duplicates})
		return string(b), err
	})
	if err != nil {
		return res, err
	}
	if again {
		res.Again = true
		return res, nil
	}
	var s stored
	err = json.Unmarshal([]byte(answer), &s)
	res.Recorded, res.Duplicates = s.Recorded, s.Duplicates
	return res, err
}
