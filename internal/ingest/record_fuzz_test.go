package ingest_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/ingest"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
)

// FuzzRecordNDJSON drives the API's ingest path end to end on a real
// database (SQLite, or PostgreSQL with KANAL_TEST_DB): parse, check, record
// — with an idempotency key when the input carries one the API would take.
// Whatever the input, recording what the checks let through never fails
// (a failure is the API's 500), every checked inquiry is stored or known
// as a duplicate, and the counts stay equal to a recount.
//
//	go test ./internal/ingest -run '^$' -fuzz '^FuzzRecordNDJSON$' -fuzztime 60s -fuzzminimizetime 5s -parallel 1
func FuzzRecordNDJSON(f *testing.F) {
	ok := `{"id": "a1", "occurred_at": "2014-03-31T10:15:00+02:00", "channel": "phone", "type": "interaction", "direction": "inbound", "area": "23.05.10", "duration_seconds": 240}` + "\n"
	f.Add([]byte(sampleNDJSON), "")
	f.Add([]byte(ok), "batch-1")
	f.Add([]byte(ok+strings.Replace(ok, "2014-03-31T10:15:00+02:00", "0001-01-01T00:00:00Z", 1)), "")
	f.Add([]byte(strings.Replace(ok, "2014-03-31T10:15:00+02:00", "1900-01-01T00:00:00Z", 1)), "")
	f.Add([]byte(strings.Replace(ok, "240", "9223372036854775707", 1)+strings.Replace(ok, "240", "2147483648", 1)), "")
	f.Add([]byte(strings.Replace(ok, `"a1"`, `"a\u0000b"`, 1)+strings.Replace(ok, `"a1"`, `"b1"`, 1)), "")
	f.Add([]byte(strings.Replace(ok, `"a1"`, "\"s\xf8g\"", 1)), "s\xf8g")
	f.Add([]byte(strings.Replace(ok, `"a1"`, `"`+strings.Repeat("æ", 200)+`"`, 1)), strings.Repeat("k", 200))
	f.Add([]byte(strings.Replace(ok, "23.05.10", `\u0085`, 1)), "\x00")
	f.Add([]byte(strings.Replace(ok, "+02:00", "+14:00", 1)+strings.Replace(ok, "2014-03-31T10:15:00+02:00", "9999-12-31T23:59:59Z", 1)), "")

	ctx := context.Background()
	db, reg := kanaltest.Presets(f)
	cur := kanaltest.Current(f, reg, "dragoer")
	rec := inquiry.NewRecorder(db)
	rec.Now = func() time.Time { return now }
	f.Fuzz(func(t *testing.T, body []byte, key string) {
		lines, err := ingest.ParseNDJSON(strings.NewReader(string(body)))
		var fe *ingest.FileError
		if errors.As(err, &fe) {
			return // answered 400 with its line
		}
		if err != nil {
			t.Fatalf("reading from memory failed: %v", err)
		}
		valid, _ := ingest.Prepare(cur.Strategy, lines, ingest.Options{Source: "api:fuzz", Window: rec.Window(cur)})
		var res inquiry.Result
		replayed := false
		if key != "" && len([]rune(key)) <= 200 && store.CheckText(key) == nil {
			sum := sha256.Sum256(body) // as the API names a request
			_, replayed, err = rec.RecordOnce(ctx, cur, "api:fuzz", key, hex.EncodeToString(sum[:]), valid, func(r inquiry.Result) (string, error) {
				res = r
				return "answered", nil
			})
			if errors.Is(err, inquiry.ErrIdempotencyConflict) {
				return // answered 409
			}
		} else {
			res, err = rec.Record(ctx, cur, valid)
		}
		if err != nil {
			t.Fatalf("recording the checked inquiries failed (the API's 500): %v\n%q", err, body)
		}
		if !replayed && res.Recorded+res.Duplicates != len(valid) {
			t.Fatalf("%d checked, %d stored, %d duplicates", len(valid), res.Recorded, res.Duplicates)
		}
		diffs, err := rollup.Verify(ctx, db, "dragoer")
		if err != nil || len(diffs) > 0 {
			t.Fatalf("counts differ from a recount: %v %+v", err, diffs)
		}
	})
}
