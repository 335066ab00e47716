package inquiry_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// dragoer loads the Dragør preset into a fresh database.
func dragoer(t *testing.T) (*inquiry.Recorder, *municipality.Current, *store.DB) {
	t.Helper()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	return inquiry.NewRecorder(db), cur, db
}

// count is how many inquiries a municipality has; a failed query fails the
// test instead of counting as none.
func count(t *testing.T, rec *inquiry.Recorder, municipality string) int64 {
	t.Helper()
	n, err := rec.Count(context.Background(), municipality)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// window is the window of the tests' inquiries: the recorder's, seen on a
// fixed day.
func window(cur *municipality.Current) inquiry.Window {
	return inquiry.WindowFor(cur.Strategy, inquiry.DefaultHistoryYears, time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC))
}

func valid() inquiry.Inquiry {
	return inquiry.Inquiry{
		OccurredAt: time.Date(2013, 3, 4, 10, 15, 0, 0, time.UTC),
		Channel:    "phone", Type: "interaction", Direction: "inbound", Area: "23.05.10", Source: "test",
	}
}

func TestCheck_CompletesAreaAndDepartment(t *testing.T) {
	_, cur, _ := dragoer(t)
	in := valid()
	if errs := inquiry.Check(cur.Strategy, window(cur), &in); len(errs) > 0 {
		t.Fatalf("valid inquiry rejected: %+v", errs)
	}
	if in.Area != "flytning" || in.Department != "borgerbutikken" {
		t.Errorf("area %q department %q, want flytning and borgerbutikken", in.Area, in.Department)
	}
}

func TestCheck_AcceptsTheEdgesOfTheWindowAndOfDurations(t *testing.T) {
	_, cur, _ := dragoer(t)
	day := inquiry.MaxDurationSeconds
	zero := 0
	for _, edit := range []func(*inquiry.Inquiry){
		func(in *inquiry.Inquiry) { in.DurationSeconds = &day },
		func(in *inquiry.Inquiry) { in.DurationSeconds = &zero },
		// 1 January 2007, midnight in Copenhagen, is 23:00 UTC the day before.
		func(in *inquiry.Inquiry) { in.OccurredAt = time.Date(2006, 12, 31, 23, 0, 0, 0, time.UTC) },
		// Other systems' clocks may run a few minutes ahead.
		func(in *inquiry.Inquiry) { in.OccurredAt = time.Date(2026, 11, 29, 12, 4, 0, 0, time.UTC) },
		func(in *inquiry.Inquiry) { in.ExternalID = "ærø-" + strings.Repeat("x", 195) },
	} {
		in := valid()
		edit(&in)
		if errs := inquiry.Check(cur.Strategy, window(cur), &in); len(errs) > 0 {
			t.Errorf("%+v rejected: %+v", in, errs)
		}
	}
}

func TestCheck_NamesTheFieldOfEachProblem(t *testing.T) {
	_, cur, _ := dragoer(t)
	minus := -5
	cases := []struct {
		name  string
		edit  func(*inquiry.Inquiry)
		field string
		rule  string
	}{
		{"no time", func(in *inquiry.Inquiry) { in.OccurredAt = time.Time{} }, "occurred_at", inquiry.RuleRequired},
		{"unknown channel", func(in *inquiry.Inquiry) { in.Channel = "fax" }, "channel", inquiry.RuleUnknownChannel},
		{"sms is outbound only", func(in *inquiry.Inquiry) { in.Channel = "sms" }, "channel", inquiry.RuleWrongDirection},
		{"unknown type", func(in *inquiry.Inquiry) { in.Type = "complaint" }, "type", inquiry.RuleUnknownType},
		{"bad direction", func(in *inquiry.Inquiry) { in.Direction = "sideways" }, "direction", inquiry.RuleBadDirection},
		{"unknown area", func(in *inquiry.Inquiry) { in.Area = "99.99.99" }, "area", inquiry.RuleUnknownArea},
		{"pension has no transactions", func(in *inquiry.Inquiry) { in.Area = "folkepension"; in.Type = "transaction" }, "type", inquiry.RuleTypeNotHandled},
		{"unknown department", func(in *inquiry.Inquiry) { in.Department = "hr" }, "department", inquiry.RuleUnknownDept},
		{"assisted on the phone", func(in *inquiry.Inquiry) { in.Assisted = true }, "assisted", inquiry.RuleAssistedNotSS},
		{"negative duration", func(in *inquiry.Inquiry) { in.DurationSeconds = &minus }, "duration_seconds", inquiry.RuleNegativeDur},
		{"no source", func(in *inquiry.Inquiry) { in.Source = "" }, "source", inquiry.RuleRequired},
		// A day is the longest staff time one inquiry may record.
		{"a day and a second", func(in *inquiry.Inquiry) { d := 86401; in.DurationSeconds = &d }, "duration_seconds", inquiry.RuleLongDuration},
		{"int64 overflow bait", func(in *inquiry.Inquiry) { d := 9223372036854775707; in.DurationSeconds = &d }, "duration_seconds", inquiry.RuleLongDuration},
		{"int4 overflow bait", func(in *inquiry.Inquiry) { d := 2147483648; in.DurationSeconds = &d }, "duration_seconds", inquiry.RuleLongDuration},
		// Dragør's strategy starts in 2012: five years of history go back to 2007.
		{"year one", func(in *inquiry.Inquiry) { in.OccurredAt = time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC) }, "occurred_at", inquiry.RuleTooEarly},
		{"1900", func(in *inquiry.Inquiry) { in.OccurredAt = time.Date(1900, 6, 1, 0, 0, 0, 0, time.UTC) }, "occurred_at", inquiry.RuleTooEarly},
		{"the last hour of 2006 in Denmark", func(in *inquiry.Inquiry) { in.OccurredAt = time.Date(2006, 12, 31, 22, 59, 59, 0, time.UTC) }, "occurred_at", inquiry.RuleTooEarly},
		{"tomorrow", func(in *inquiry.Inquiry) { in.OccurredAt = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC) }, "occurred_at", inquiry.RuleFuture},
		{"NUL in the id", func(in *inquiry.Inquiry) { in.ExternalID = "a\x00b" }, "id", inquiry.RuleControlChar},
		{"Latin-1 in the id", func(in *inquiry.Inquiry) { in.ExternalID = "s\xf8g" }, "id", inquiry.RuleNotUTF8},
		{"Latin-1 in the area", func(in *inquiry.Inquiry) { in.Area = "b\xf8rn" }, "area", inquiry.RuleNotUTF8},
		{"line break in the desk", func(in *inquiry.Inquiry) { in.Desk = "skranke\n1" }, "desk", inquiry.RuleControlChar},
		{"long id", func(in *inquiry.Inquiry) { in.ExternalID = strings.Repeat("x", 201) }, "id", inquiry.RuleTooLong},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := valid()
			c.edit(&in)
			errs := inquiry.Check(cur.Strategy, window(cur), &in)
			if len(errs) != 1 || errs[0].Field != c.field || errs[0].Rule != c.rule {
				t.Errorf("got %+v, want one %s error on %s", errs, c.rule, c.field)
			}
		})
	}
}

func TestRecord_StoresTheBatchOrNothing(t *testing.T) {
	rec, cur, _ := dragoer(t)
	ctx := context.Background()
	good := valid()
	bad := valid()
	bad.Channel = "fax"
	if _, err := rec.Record(ctx, cur, []inquiry.Inquiry{good, bad}); err == nil {
		t.Fatal("a batch with an invalid inquiry was recorded")
	}
	if n := count(t, rec, "dragoer"); n != 0 {
		t.Fatalf("%d inquiries stored from a rejected batch", n)
	}
	batch := make([]inquiry.Inquiry, 1234) // more than one INSERT statement
	for i := range batch {
		batch[i] = valid()
		batch[i].OccurredAt = batch[i].OccurredAt.Add(time.Duration(i) * time.Minute)
	}
	if _, err := rec.Record(ctx, cur, batch); err != nil {
		t.Fatal(err)
	}
	if n := count(t, rec, "dragoer"); n != 1234 {
		t.Errorf("stored %d, want 1234", n)
	}
	if n := count(t, rec, "taarnby"); n != 0 {
		t.Errorf("Tårnby sees %d of Dragør's inquiries", n)
	}
	if has, err := rec.HasAny(ctx, "dragoer", "test"); err != nil || !has {
		t.Errorf("HasAny does not find the test inquiries (%v)", err)
	}
}

func TestRecord_SameExternalIDIsNotStoredTwice(t *testing.T) {
	rec, cur, db := dragoer(t)
	ctx := context.Background()
	in := valid()
	in.ExternalID = "phone-system-42"
	first, err := rec.Record(ctx, cur, []inquiry.Inquiry{in, in})
	if err != nil || first.Recorded != 1 || first.Duplicates != 1 {
		t.Fatalf("first: %+v %v", first, err)
	}
	again, err := rec.Record(ctx, cur, []inquiry.Inquiry{in})
	if err != nil || again.Recorded != 0 || again.Duplicates != 1 {
		t.Errorf("resent: %+v %v", again, err)
	}
	other := in
	other.Source = "another-system"
	if res, err := rec.Record(ctx, cur, []inquiry.Inquiry{other}); err != nil || res.Recorded != 1 {
		t.Errorf("the same id from another source is another inquiry: %+v", res)
	}
	if n := count(t, rec, "dragoer"); n != 2 {
		t.Errorf("stored %d, want 2", n)
	}
	assertCountsMatch(t, db, "dragoer")
}

// assertCountsMatch checks the rollups against a recount of the raw rows.
func assertCountsMatch(t *testing.T, db *store.DB, m string) {
	t.Helper()
	diffs, err := rollup.Verify(context.Background(), db, m)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs {
		t.Errorf("counts differ from a recount: %+v stored %+v recounted %+v", d.Cell, d.Stored, d.Recounted)
	}
}

func TestRecord_CountsEveryStoredInquiryButNotTestOnes(t *testing.T) {
	rec, cur, db := dragoer(t)
	ctx := context.Background()
	var batch []inquiry.Inquiry
	for i := range 1200 {
		in := valid()
		in.OccurredAt = in.OccurredAt.Add(time.Duration(i) * 37 * time.Minute) // across days, and a DST change
		in.ResolvedFirstContact = i%3 == 0
		in.Test = i%10 == 0
		if i%4 == 0 {
			d := i
			in.DurationSeconds = &d
		}
		batch = append(batch, in)
	}
	if _, err := rec.Record(ctx, cur, batch); err != nil {
		t.Fatal(err)
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
	if total != 1080 {
		t.Errorf("counted %d, want the 1080 that are not test inquiries", total)
	}
}

func TestRecordOnce_ReplaysTheAnswerAndStoresNothingTwice(t *testing.T) {
	rec, cur, db := dragoer(t)
	ctx := context.Background()
	batch := []inquiry.Inquiry{valid(), valid()}
	answer := func(r inquiry.Result) (string, error) { return fmt.Sprintf("recorded %d", r.Recorded), nil }
	resp, replayed, err := rec.RecordOnce(ctx, cur, "api:x", "batch-1", "hash-a", batch, answer)
	if err != nil || replayed || resp != "recorded 2" {
		t.Fatalf("first: %q %v %v", resp, replayed, err)
	}
	resp, replayed, err = rec.RecordOnce(ctx, cur, "api:x", "batch-1", "hash-a", batch, answer)
	if err != nil || !replayed || resp != "recorded 2" {
		t.Errorf("repeat: %q %v %v", resp, replayed, err)
	}
	if _, _, err := rec.RecordOnce(ctx, cur, "api:x", "batch-1", "hash-b", batch, answer); !errors.Is(err, inquiry.ErrIdempotencyConflict) {
		t.Errorf("same key, other request: %v", err)
	}
	if n := count(t, rec, "dragoer"); n != 2 {
		t.Errorf("stored %d, want 2", n)
	}
	assertCountsMatch(t, db, "dragoer")
}

func TestUndo_TakesBackTheRowAndItsCount(t *testing.T) {
	rec, cur, db := dragoer(t)
	ctx := context.Background()
	in := valid()
	in.Source = inquiry.SourceConsole
	other := valid()
	start := time.Now().Add(-time.Minute)
	res, err := rec.Record(ctx, cur, []inquiry.Inquiry{in})
	if err != nil || len(res.IDs) != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	otherRes, err := rec.Record(ctx, cur, []inquiry.Inquiry{other})
	if err != nil || len(otherRes.IDs) != 1 {
		t.Fatalf("%+v %v", otherRes, err)
	}
	if err := rec.Undo(ctx, cur, otherRes.IDs[0], start); !errors.Is(err, inquiry.ErrNotUndoable) {
		t.Errorf("undoing an API inquiry: %v", err)
	}
	if err := rec.Undo(ctx, cur, res.IDs[0], time.Now().Add(time.Hour)); !errors.Is(err, inquiry.ErrNotUndoable) {
		t.Errorf("undoing an old registration: %v", err)
	}
	if err := rec.Undo(ctx, cur, res.IDs[0], start); err != nil {
		t.Fatal(err)
	}
	if n := count(t, rec, "dragoer"); n != 1 {
		t.Errorf("%d left, want 1", n)
	}
	assertCountsMatch(t, db, "dragoer")
}

func TestRecord_TestInquiriesAreMarked(t *testing.T) {
	rec, cur, db := dragoer(t)
	ctx := context.Background()
	live, test := valid(), valid()
	test.Test = true
	if _, err := rec.Record(ctx, cur, []inquiry.Inquiry{live, test}); err != nil {
		t.Fatal(err)
	}
	var marked int
	if err := db.QueryRow(`SELECT COUNT(*) FROM inquiries WHERE test`).Scan(&marked); err != nil {
		t.Fatal(err)
	}
	if marked != 1 {
		t.Errorf("%d inquiries marked test, want 1", marked)
	}
}

// TestRecordOnce_TwoInstancesSendTheSameKeyAtOnce: the loser of a retry race
// between two instances gets the winner's answer, never a duplicate-key
// error. Another instance has claimed the key in a transaction that is not
// committed yet; this one must wait for it and answer its replay.
func TestRecordOnce_TwoInstancesSendTheSameKeyAtOnce(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.DSN(t)
	open := func() *store.DB {
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		return db
	}
	this, other := open(), open()
	reg := kanaltest.LoadPresets(t, this)
	cur := kanaltest.Current(t, reg, "dragoer")
	rec := inquiry.NewRecorder(this)

	tx, err := other.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO ingest_batches
		(municipality_id, source, idempotency_key, request_sha256, response, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		"dragoer", "api:x", "retry-1", "hash-a", "the other instance's answer", time.Now().UTC()); err != nil {
		t.Fatal(err)
	}
	type outcome struct {
		response string
		replayed bool
		err      error
	}
	done := make(chan outcome, 1)
	go func() {
		resp, replayed, err := rec.RecordOnce(ctx, cur, "api:x", "retry-1", "hash-a", []inquiry.Inquiry{valid()},
			func(r inquiry.Result) (string, error) { return fmt.Sprintf("recorded %d", r.Recorded), nil })
		done <- outcome{resp, replayed, err}
	}()
	waitUntilBlocked(t, other)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	got := <-done
	if got.err != nil || !got.replayed || got.response != "the other instance's answer" {
		t.Errorf("the second instance got %q replayed=%v err=%v; want the first one's answer, replayed", got.response, got.replayed, got.err)
	}
	if n := count(t, rec, "dragoer"); n != 0 {
		t.Errorf("the second instance stored %d inquiries of a batch the first one answered", n)
	}

	// And the plain race, many times: every answer is the recording or its
	// replay, and the batch is stored once per key.
	batch := []inquiry.Inquiry{valid(), valid()}
	batch[1].OccurredAt = batch[1].OccurredAt.Add(time.Hour)
	recs := []*inquiry.Recorder{rec, inquiry.NewRecorder(other)}
	for round := range 10 {
		key := fmt.Sprintf("race-%d", round)
		errs := make(chan error, len(recs))
		for _, r := range recs {
			go func() {
				_, _, err := r.RecordOnce(ctx, cur, "api:x", key, "hash-race", batch,
					func(r inquiry.Result) (string, error) { return fmt.Sprint(r.Recorded), nil })
				errs <- err
			}()
		}
		for range recs {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
	if n := count(t, rec, "dragoer"); n != 20 {
		t.Errorf("stored %d inquiries in 10 rounds of a batch of 2, want 20", n)
	}
}

// waitUntilBlocked returns once another session waits for a lock on
// PostgreSQL; on SQLite, whose writers wait in their busy handler where no
// query can see them, after a moment.
func waitUntilBlocked(t *testing.T, db *store.DB) {
	t.Helper()
	if db.Engine != store.Postgres {
		time.Sleep(200 * time.Millisecond)
		return
	}
	for range 500 {
		var waiting int
		if err := db.QueryRow(`SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()
			AND wait_event_type = 'Lock' AND query LIKE '%ingest_batches%'`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting > 0 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the second instance never waited for the first")
}
