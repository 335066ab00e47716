package inquiry_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// The sender's id is kept apart from the (on PostgreSQL partitioned)
// inquiries: the same id sent again with another time, in another month,
// is still the same inquiry and is not stored or counted again.
func TestRecord_SameExternalIDAtAnotherTimeIsStillADuplicate(t *testing.T) {
	rec, cur, db := dragoer(t)
	ctx := context.Background()
	in := valid()
	in.ExternalID = "phone-system-7"
	if res, err := rec.Record(ctx, cur, []inquiry.Inquiry{in}); err != nil || res.Recorded != 1 {
		t.Fatalf("first: %+v %v", res, err)
	}
	later := in
	later.OccurredAt = in.OccurredAt.AddDate(1, 2, 3)
	if res, err := rec.Record(ctx, cur, []inquiry.Inquiry{later}); err != nil || res.Recorded != 0 || res.Duplicates != 1 {
		t.Errorf("resent with another time: %+v %v; want a duplicate", res, err)
	}
	if n := count(t, rec, "dragoer"); n != 1 {
		t.Errorf("stored %d, want 1", n)
	}
	assertCountsMatch(t, db, "dragoer")
}

// Two instances get the same sender ids at the same moment, each with
// other times: every id is stored and counted once.
func TestRecord_TwoInstancesSendTheSameIDsAtOnce(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.DSN(t)
	var dbs []*store.DB
	for range 2 {
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		dbs = append(dbs, db)
	}
	reg := kanaltest.LoadPresets(t, dbs[0])
	cur := kanaltest.Current(t, reg, "dragoer")
	recs := []*inquiry.Recorder{inquiry.NewRecorder(dbs[0]), inquiry.NewRecorder(dbs[1])}
	const rounds = 8
	for round := range rounds {
		errs := make(chan error, len(recs))
		for i, r := range recs {
			in := valid()
			in.ExternalID = fmt.Sprintf("race-%d", round)
			// Each instance in a month of its own, so that on PostgreSQL
			// each also makes a partition while the other writes.
			in.OccurredAt = time.Date(2008+round, time.Month(1+i*6), 1, 0, 30, 0, 0, civil.Location)
			go func() {
				_, err := r.Record(ctx, cur, []inquiry.Inquiry{in})
				errs <- err
			}()
		}
		for range recs {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
	if n := count(t, recs[0], "dragoer"); n != rounds {
		t.Errorf("stored %d inquiries for %d ids, want one each", n, rounds)
	}
	assertCountsMatch(t, dbs[0], "dragoer")
}

// On PostgreSQL an inquiry of any day of the window is stored, whether or
// not its month has a partition yet: the first and the last instant of the
// window, and a month whose partition was dropped after this recorder
// made it (the retention period, with the month still in the window).
func TestRecord_EveryMonthOfTheWindowGetsItsPartition(t *testing.T) {
	rec, cur, db := dragoer(t)
	if db.Engine != store.Postgres {
		t.Skip("SQLite's inquiries table is not partitioned; run with KANAL_TEST_DB=postgres://…")
	}
	ctx := context.Background()
	w := rec.Window(cur)
	first, last := valid(), valid()
	first.OccurredAt = w.From
	last.OccurredAt = w.To.Add(-time.Second)
	if res, err := rec.Record(ctx, cur, []inquiry.Inquiry{first, last}); err != nil || res.Recorded != 2 {
		t.Fatalf("the window's edges (%s, %s): %+v %v", w.From, w.To, res, err)
	}
	months, err := db.InquiryPartitions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []time.Time{first.OccurredAt, last.OccurredAt} {
		m := civil.DateOf(at).YearMonth()
		found := false
		for _, p := range months {
			found = found || p == m
		}
		if !found {
			t.Errorf("no partition for %s; partitions %v", m, months)
		}
	}
	// The row is in its Danish month's partition: the window opens at
	// midnight in Copenhagen, 23:00 UTC the day before.
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+store.InquiryPartition(civil.DateOf(w.From).YearMonth())).Scan(&n); err != nil || n != 1 {
		t.Errorf("the window's first instant: %d rows in %s, %v", n, store.InquiryPartition(civil.DateOf(w.From).YearMonth()), err)
	}

	mid := valid()
	mid.Test = true // stored, never counted: dropping it leaves the counts true
	if _, err := rec.Record(ctx, cur, []inquiry.Inquiry{mid}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `DROP TABLE `+store.InquiryPartition(civil.DateOf(mid.OccurredAt).YearMonth())); err != nil {
		t.Fatal(err)
	}
	if res, err := rec.Record(ctx, cur, []inquiry.Inquiry{mid}); err != nil || res.Recorded != 1 {
		t.Errorf("a month whose partition was dropped: %+v %v", res, err)
	}
	if n := count(t, rec, "dragoer"); n != 3 {
		t.Errorf("%d inquiries, want 3", n)
	}
	assertCountsMatch(t, db, "dragoer")
}
