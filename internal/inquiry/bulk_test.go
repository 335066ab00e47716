package inquiry_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/rollup"
)

// RecordBulk keeps Record's guarantees: a batch with one invalid inquiry
// stores nothing, a sender id is refused (only Record keeps it from being
// stored twice), and what is stored — more than one INSERT's worth, across
// days and months — is counted exactly, test inquiries apart.
func TestRecordBulk_AllOrNothingCountedLikeRecord(t *testing.T) {
	rec, cur, db := dragoer(t)
	ctx := context.Background()
	bad := valid()
	bad.Channel = "fax"
	if _, err := rec.RecordBulk(ctx, cur, []inquiry.Inquiry{valid(), bad}); err == nil {
		t.Fatal("a batch with an invalid inquiry was recorded")
	}
	withID := valid()
	withID.ExternalID = "x-1"
	if _, err := rec.RecordBulk(ctx, cur, []inquiry.Inquiry{valid(), withID}); !errors.Is(err, inquiry.ErrSenderIDInBulk) {
		t.Fatalf("a sender id: %v", err)
	}
	if n := count(t, rec, "dragoer"); n != 0 {
		t.Fatalf("%d inquiries stored from refused batches", n)
	}
	batch := make([]inquiry.Inquiry, 2345)
	for i := range batch {
		in := valid()
		in.OccurredAt = in.OccurredAt.Add(time.Duration(i) * 53 * time.Minute) // about three months
		in.Guided = i%2 == 0
		in.Test = i%9 == 0
		if i%5 == 0 {
			d := i
			in.DurationSeconds = &d
		}
		batch[i] = in
	}
	n, err := rec.RecordBulk(ctx, cur, batch)
	if err != nil || n != len(batch) {
		t.Fatalf("stored %d: %v", n, err)
	}
	if got := count(t, rec, "dragoer"); got != int64(len(batch)) {
		t.Errorf("%d rows, want %d", got, len(batch))
	}
	assertCountsMatch(t, db, "dragoer")
	counts, err := rollup.Stored(ctx, db, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	for _, tally := range counts {
		total += tally.Inquiries
	}
	if want := int64(len(batch) - (len(batch)+8)/9); total != want {
		t.Errorf("counted %d, want the %d that are not test inquiries", total, want)
	}
}
