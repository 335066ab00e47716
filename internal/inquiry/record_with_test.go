package inquiry_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/inquiry"
)

func TestRecordWith_CommitsTheCallersRowsWithTheInquiriesOrNeither(t *testing.T) {
	rec, cur, db := dragoer(t)
	ctx := context.Background()
	in := valid()
	// A month of its own, so that PostgreSQL makes its partition first.
	in.OccurredAt = time.Date(2019, 6, 3, 10, 0, 0, 0, time.UTC)
	in.ExternalID = "with-1"
	var seen int
	res, err := rec.RecordWith(ctx, cur, []inquiry.Inquiry{in}, func(tx *sql.Tx, res inquiry.Result) error {
		if res.Recorded != 1 || len(res.IDs) != 1 {
			t.Errorf("also got %+v, want one recorded inquiry", res)
		}
		// The inquiry is there inside the transaction.
		return tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM inquiries WHERE id = $1`, res.IDs[0]).Scan(&seen)
	})
	if err != nil || res.Recorded != 1 || seen != 1 {
		t.Fatalf("RecordWith: %+v, %v; also saw %d rows", res, err, seen)
	}
	// An error from also takes back the inquiries and their counts.
	refused := errors.New("refused")
	in2 := valid()
	in2.ExternalID = "with-2"
	if _, err := rec.RecordWith(ctx, cur, []inquiry.Inquiry{in2}, func(*sql.Tx, inquiry.Result) error { return refused }); !errors.Is(err, refused) {
		t.Fatalf("err %v, want the caller's", err)
	}
	if n := count(t, rec, "dragoer"); n != 1 {
		t.Errorf("%d inquiries, want 1", n)
	}
	var counted int
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(SUM(inquiries), 0) FROM inquiry_counts WHERE municipality_id = 'dragoer'`).Scan(&counted); err != nil {
		t.Fatal(err)
	}
	if counted != 1 {
		t.Errorf("%d counted, want 1", counted)
	}
	// The rolled-back sender id is free again; a repeat of the first is
	// a duplicate, which also is told.
	res, err = rec.RecordWith(ctx, cur, []inquiry.Inquiry{in2, in}, func(_ *sql.Tx, res inquiry.Result) error {
		if res.Recorded != 1 || res.Duplicates != 1 {
			t.Errorf("also got %+v, want 1 recorded and 1 duplicate", res)
		}
		return nil
	})
	if err != nil || res.Recorded != 1 {
		t.Errorf("RecordWith: %+v, %v", res, err)
	}
	// A batch the strategy refuses reaches neither the database nor also.
	bad := valid()
	bad.Channel = "pigeon"
	if _, err := rec.RecordWith(ctx, cur, []inquiry.Inquiry{bad}, func(*sql.Tx, inquiry.Result) error {
		t.Error("also ran for a refused batch")
		return nil
	}); err == nil {
		t.Error("a refused batch was recorded")
	}
}
