package inquiry_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
	"github.com/kanal-dk/kanal/strategies"
)

// dragoer loads the Dragør preset into a fresh database.
func dragoer(t *testing.T) (*inquiry.Recorder, *municipality.Current, *store.DB) {
	t.Helper()
	db := storetest.Open(t)
	reg := municipality.NewRegistry(db)
	for _, p := range strategies.Presets() {
		if _, _, err := reg.Load(context.Background(), audit.System, p.Name, p.Data); err != nil {
			t.Fatal(err)
		}
	}
	cur, err := reg.Current(context.Background(), "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	return inquiry.NewRecorder(db), cur, db
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
	if errs := inquiry.Check(cur.Strategy, &in); len(errs) > 0 {
		t.Fatalf("valid inquiry rejected: %+v", errs)
	}
	if in.Area != "flytning" || in.Department != "borgerbutikken" {
		t.Errorf("area %q department %q, want flytning and borgerbutikken", in.Area, in.Department)
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
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := valid()
			c.edit(&in)
			errs := inquiry.Check(cur.Strategy, &in)
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
	if n, _ := rec.Count(ctx, "dragoer"); n != 0 {
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
	if n, _ := rec.Count(ctx, "dragoer"); n != 1234 {
		t.Errorf("stored %d, want 1234", n)
	}
	if n, _ := rec.Count(ctx, "taarnby"); n != 0 {
		t.Errorf("Tårnby sees %d of Dragør's inquiries", n)
	}
	if has, _ := rec.HasAny(ctx, "dragoer", "test"); !has {
		t.Error("HasAny does not find the test inquiries")
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
	if res, _ := rec.Record(ctx, cur, []inquiry.Inquiry{other}); res.Recorded != 1 {
		t.Errorf("the same id from another source is another inquiry: %+v", res)
	}
	if n, _ := rec.Count(ctx, "dragoer"); n != 2 {
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
	if n, _ := rec.Count(ctx, "dragoer"); n != 2 {
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
	otherRes, _ := rec.Record(ctx, cur, []inquiry.Inquiry{other})
	if err := rec.Undo(ctx, cur, otherRes.IDs[0], start); !errors.Is(err, inquiry.ErrNotUndoable) {
		t.Errorf("undoing an API inquiry: %v", err)
	}
	if err := rec.Undo(ctx, cur, res.IDs[0], time.Now().Add(time.Hour)); !errors.Is(err, inquiry.ErrNotUndoable) {
		t.Errorf("undoing an old registration: %v", err)
	}
	if err := rec.Undo(ctx, cur, res.IDs[0], start); err != nil {
		t.Fatal(err)
	}
	if n, _ := rec.Count(ctx, "dragoer"); n != 1 {
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
