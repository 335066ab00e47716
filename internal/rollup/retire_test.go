package rollup_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/ingest"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
)

// someInquiries makes n inquiries a municipality's strategy accepts,
// spread over the year, with every flag and a duration now and then.
func someInquiries(t *testing.T, cur *municipality.Current, year, n int, rnd *rand.Rand) []inquiry.Inquiry {
	t.Helper()
	s := cur.Strategy
	var out []inquiry.Inquiry
	for len(out) < n {
		a := s.Areas[rnd.IntN(len(s.Areas))]
		c := s.Channels[rnd.IntN(len(s.Channels))]
		typ := s.Types()[rnd.IntN(len(s.Types()))]
		in := inquiry.Inquiry{
			OccurredAt: time.Date(year, time.January, 1, 0, 0, 0, 0, civil.Location).Add(time.Duration(rnd.Int64N(int64(365 * 24 * time.Hour)))),
			Channel:    c.ID, Type: typ, Direction: "inbound", Area: a.ID, Source: "test",
			ResolvedFirstContact: rnd.IntN(2) == 0, Guided: rnd.IntN(3) == 0, Exempt: rnd.IntN(5) == 0,
		}
		if rnd.IntN(2) == 0 {
			d := rnd.IntN(900)
			in.DurationSeconds = &d
		}
		if len(inquiry.Check(s, inquiry.WindowFor(s, inquiry.DefaultHistoryYears, time.Now()), &in)) > 0 {
			continue
		}
		out = append(out, in)
	}
	return out
}

// After the raw inquiries of the first half of 2013 are retired, a
// rebuild keeps the counts of the retired months exactly as they were and
// recounts the rest to the same cells: the figures of 2013 are the same
// as before, for both municipalities, and verify finds no difference.
// Before Kanal knew which months were retired, the rebuild removed the
// retired months' counts.
func TestRebuild_KeepsTheCountsOfRetiredMonths(t *testing.T) {
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	rec := inquiry.NewRecorder(db)
	rnd := rand.New(rand.NewPCG(12, 2013))
	ids := []string{"dragoer", "taarnby"}
	for _, id := range ids {
		cur := kanaltest.Current(t, reg, id)
		if _, err := rec.Record(ctx, cur, someInquiries(t, cur, 2013, 600, rnd)); err != nil {
			t.Fatal(err)
		}
	}
	src := measure.NewSource(db, reg)
	type state struct {
		days    rollup.Counts
		months  rollup.MonthCounts
		figures *measure.Dashboard
	}
	read := func(id string) state {
		t.Helper()
		var s state
		var err error
		if s.days, err = rollup.Stored(ctx, db, id); err != nil {
			t.Fatal(err)
		}
		if s.months, err = rollup.StoredMonths(ctx, db, id); err != nil {
			t.Fatal(err)
		}
		if s.figures, err = src.Load(ctx, id, kanaltest.Current(t, reg, id).Strategy, measure.Year(2013)); err != nil {
			t.Fatal(err)
		}
		return s
	}
	before := map[string]state{}
	for _, id := range ids {
		before[id] = read(id)
		if len(before[id].months) == 0 {
			t.Fatalf("%s: no counts to keep", id)
		}
	}

	boundary := civil.Month{Year: 2013, Month: time.July}
	if _, err := db.RetireInquiries(ctx, boundary, time.Now()); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM inquiries WHERE occurred_at < $1`, boundary.FirstDay().Start().UTC()).Scan(&left); err != nil || left != 0 {
		t.Fatalf("%d raw inquiries left before %s (%v)", left, boundary, err)
	}
	for _, id := range ids {
		if _, err := rollup.Rebuild(ctx, db, id); err != nil {
			t.Fatal(err)
		}
		after := read(id)
		if !reflect.DeepEqual(after.days, before[id].days) || !reflect.DeepEqual(after.months, before[id].months) {
			t.Errorf("%s: the rebuild changed the counts: %d day cells and %d month cells before, %d and %d after",
				id, len(before[id].days), len(before[id].months), len(after.days), len(after.months))
		}
		if !reflect.DeepEqual(after.figures, before[id].figures) {
			t.Errorf("%s: the figures of 2013 changed after the rebuild", id)
		}
		if diffs, err := rollup.Verify(ctx, db, id); err != nil || len(diffs) != 0 {
			t.Errorf("%s: verify after retiring: %v %+v", id, err, diffs)
		}
	}

	// A cell of a retired month that differs is not the recount's to
	// judge: verify leaves it alone, as rebuild does. A later month's is.
	bump := func(which string) int {
		t.Helper()
		res, err := db.ExecContext(ctx, `UPDATE inquiry_counts SET inquiries = inquiries + 1 WHERE municipality_id = 'dragoer'
			AND day = (SELECT `+which+`(day) FROM inquiry_counts WHERE municipality_id = 'dragoer')`)
		if err != nil {
			t.Fatal(err)
		}
		n, err := res.RowsAffected()
		if err != nil || n == 0 {
			t.Fatalf("bump the %s day's cells: %d (%v)", which, n, err)
		}
		return int(n)
	}
	bump("MIN")
	if diffs, err := rollup.Verify(ctx, db, "dragoer"); err != nil || len(diffs) != 0 {
		t.Errorf("verify judges a retired month: %v %+v", err, diffs)
	}
	n := bump("MAX")
	if diffs, err := rollup.Verify(ctx, db, "dragoer"); err != nil || len(diffs) != n {
		t.Errorf("verify after %d later cells were changed: %v %+v", n, err, diffs)
	}
}

// An inquiry dated in a retired month is refused with the field named, by
// the check every path makes and by the recorder itself; one after the
// boundary is recorded.
func TestRecord_RefusesAnInquiryInARetiredMonth(t *testing.T) {
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	rec := inquiry.NewRecorder(db)
	late := inquiry.Inquiry{OccurredAt: time.Date(2013, 6, 30, 21, 59, 0, 0, time.UTC), // 23:59 on 30 June in Copenhagen
		Channel: "phone", Type: "interaction", Direction: "inbound", Area: "flytning", Source: "test"}
	inTime := late
	inTime.OccurredAt = time.Date(2013, 6, 30, 22, 0, 0, 0, time.UTC) // midnight on 1 July
	if _, err := db.RetireInquiries(ctx, civil.Month{Year: 2013, Month: time.July}, time.Now()); err != nil {
		t.Fatal(err)
	}
	errs := rec.Check(cur, &late)
	if len(errs) != 1 || errs[0].Field != "occurred_at" || errs[0].Rule != inquiry.RuleRetired {
		t.Errorf("check of an inquiry in a retired month: %+v", errs)
	}
	if _, err := rec.Record(ctx, cur, []inquiry.Inquiry{late}); err == nil {
		t.Error("an inquiry in a retired month was recorded")
	}
	// As the API and an import read it: the line and the field named, and
	// on the import page in the case worker's words.
	lines, err := ingest.ParseNDJSON(strings.NewReader(
		`{"occurred_at":"2013-07-01T00:00:00+02:00","channel":"phone","type":"interaction","direction":"inbound","area":"flytning"}` + "\n" +
			`{"occurred_at":"2013-06-30T23:59:00+02:00","channel":"phone","type":"interaction","direction":"inbound","area":"flytning"}` + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	valid, probs := ingest.Prepare(cur.Strategy, lines, ingest.Options{Source: "api:test", Window: rec.Window(cur)})
	if len(valid) != 1 || len(probs) != 1 || probs[0].Line != 2 || probs[0].Field != "occurred_at" || probs[0].Key != inquiry.RuleRetired {
		t.Errorf("the API's reading: %d valid, problems %+v", len(valid), probs)
	} else if got := (ingest.Explainer{L: locale.New("da"), Strategy: cur.Strategy}).Problem(probs[0]); !strings.Contains(got, "ligger før juli 2013") {
		t.Errorf("the import page says %q", got)
	}
	if errs := rec.Check(cur, &inTime); len(errs) != 0 {
		t.Errorf("check of an inquiry after the boundary: %+v", errs)
	}
	if res, err := rec.Record(ctx, cur, []inquiry.Inquiry{inTime}); err != nil || res.Recorded != 1 {
		t.Errorf("an inquiry after the boundary: %+v %v", res, err)
	}
	if diffs, err := rollup.Verify(ctx, db, "dragoer"); err != nil || len(diffs) != 0 {
		t.Errorf("verify: %v %+v", err, diffs)
	}
	// A recorder that has not looked since the boundary moved (another
	// instance's) still refuses: the transaction reads the boundary.
	stale := inquiry.NewRecorder(db)
	stale.Check(cur, &inTime)
	if _, err := db.RetireInquiries(ctx, civil.Month{Year: 2013, Month: time.August}, time.Now()); err != nil {
		t.Fatal(err)
	}
	var retired *inquiry.RetiredError
	if _, err := stale.Record(ctx, cur, []inquiry.Inquiry{inTime}); !errors.As(err, &retired) {
		t.Errorf("a stale recorder recorded into a retired month: %v", err)
	}
}
