package casework

import (
	"bytes"
	"context"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/kanaltest"
)

// withRetention loads a Dragør version whose health-card area keeps its
// cases' personal data 30 days; moving keeps Kanal's default.
func withRetention(t *testing.T, f *fixture) {
	t.Helper()
	doc := string(kanaltest.PresetDocument(t, "dragoer"))
	old := "    response_days: 10\n"
	i := strings.Index(doc, "  - id: sundhedskort\n")
	j := strings.Index(doc[i:], old)
	if i < 0 || j < 0 {
		t.Fatal("Dragør's preset has no sundhedskort with response_days: 10")
	}
	doc = doc[:i+j] + old + "    retention_days: 30\n" + doc[i+j+len(old):]
	if _, _, err := f.reg.Load(context.Background(), audit.System, "dragoer.yaml", []byte(doc)); err != nil {
		t.Fatal(err)
	}
	f.dragoer = kanaltest.Current(t, f.reg, "dragoer")
	if a, _ := f.dragoer.Strategy.Area("sundhedskort"); a.RetentionDays == nil || *a.RetentionDays != 30 {
		t.Fatal("the loaded version has no retention_days: 30 on sundhedskort")
	}
}

// statistics are the figures erasing must leave as they were.
func statistics(t *testing.T, f *fixture) [3]int {
	return [3]int{
		f.count(t, `SELECT COUNT(*) FROM inquiries`),
		f.count(t, `SELECT COALESCE(SUM(inquiries), 0) FROM inquiry_counts`),
		f.count(t, `SELECT COALESCE(SUM(inquiries), 0) FROM inquiry_months`),
	}
}

func TestErase_ClearsPersonalDataAfterTheAreasRetentionPeriod(t *testing.T) {
	f := newFixture(t)
	withRetention(t, f)
	ctx := context.Background()
	staff := audit.Actor{Name: "sb@dragoer.dk"}
	health := func() Submission {
		s := portal()
		s.Area, s.Form = "sundhedskort", "sundhedskort"
		s.Files = []Attachment{{Field: "foto", Filename: "foto.jpg", ContentType: "image/jpeg", Data: []byte{0xff, 0xd8}}}
		return s
	}
	moving := f.submit(t, portal())   // default: 365 days
	closed := f.submit(t, health())   // 30 days
	open := f.submit(t, health())     // in progress: never erased
	reopened := f.submit(t, health()) // decided, then reopened
	// Monday 30 November 2026, 11:00 in Copenhagen.
	f.clock.Set(monday.Add(time.Hour))
	for _, c := range []struct{ ref, status string }{
		{moving.Reference, Decided}, {closed.Reference, Closed}, {open.Reference, InProgress},
		{reopened.Reference, Decided}, {reopened.Reference, InProgress},
	} {
		if err := f.cases.SetStatus(ctx, "dragoer", c.ref, c.status, staff, "Borgeren ringede, CPR 010203-1234", false); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.cases.SaveDraft(ctx, "dragoer", "0102031234", Draft{Form: "sundhedskort"}); err != nil {
		t.Fatal(err)
	}
	before := statistics(t, f)

	// Closed on 30 November with 30 days: kept through 30 December,
	// erased from 31 December (Copenhagen). The draft, saved 30
	// November 11:00, expired 30 December 11:00.
	for _, tc := range []struct {
		at     time.Time
		erased int
		drafts int
	}{
		{time.Date(2026, 12, 30, 9, 59, 0, 0, time.UTC), 0, 1},   // 10:59 on 30 December
		{time.Date(2026, 12, 30, 10, 59, 0, 0, time.UTC), 0, 0},  // 11:59 on 30 December
		{time.Date(2026, 12, 30, 22, 59, 59, 0, time.UTC), 0, 0}, // 23:59:59 on 30 December
		{time.Date(2026, 12, 30, 23, 0, 0, 0, time.UTC), 1, 0},   // 00:00 on 31 December
		{time.Date(2027, 1, 15, 12, 0, 0, 0, time.UTC), 0, 0},    // nothing more due
		// Decided on 30 November 2026 with Kanal's 365 days: kept
		// through 30 November 2027, erased from 1 December.
		{time.Date(2027, 11, 30, 22, 59, 0, 0, time.UTC), 0, 0},
		{time.Date(2027, 11, 30, 23, 0, 0, 0, time.UTC), 1, 0},
	} {
		f.clock.Set(tc.at)
		n, err := f.cases.Erase(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != tc.erased {
			t.Errorf("Erase at %s erased %d, want %d", tc.at, n, tc.erased)
		}
		if d := f.count(t, `SELECT COUNT(*) FROM case_drafts`); d != tc.drafts {
			t.Errorf("at %s: %d drafts, want %d", tc.at, d, tc.drafts)
		}
	}
	if after := statistics(t, f); after != before {
		t.Errorf("inquiries, daily and monthly counts %v after erasing, %v before", after, before)
	}
	for k, status := range map[*Case]string{moving: Decided, closed: Closed} {
		got, err := f.cases.Get(ctx, "dragoer", k.Reference)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Erased || got.CPR != "" || got.Name != "" || len(got.Answers) != 0 {
			t.Errorf("%s after erasing: erased %v cpr %q name %q answers %v", k.Reference, got.Erased, got.CPR, got.Name, got.Answers)
		}
		if got.Status != status || len(got.History) != 2 || got.History[1].Status != status || got.History[1].Note != "" {
			t.Errorf("%s history after erasing: %+v", k.Reference, got.History)
		}
		if got.AnswerBy != k.AnswerBy || !got.SubmittedAt.Equal(k.SubmittedAt) {
			t.Errorf("%s lost its dates", k.Reference)
		}
		if files, err := f.cases.Attachments(ctx, k.ID); err != nil || len(files) != 0 {
			t.Errorf("%s attachments after erasing: %d, %v", k.Reference, len(files), err)
		}
	}
	for _, k := range []*Case{open, reopened} {
		got, err := f.cases.Get(ctx, "dragoer", k.Reference)
		if err != nil {
			t.Fatal(err)
		}
		files, err := f.cases.Attachments(ctx, k.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Erased || got.CPR != "0102031234" || len(files) != 1 {
			t.Errorf("%s (status %s) was erased", k.Reference, got.Status)
		}
	}
	events, err := audit.List(ctx, f.db, audit.Filter{Municipality: "dragoer", Action: audit.CaseErased})
	if err != nil {
		t.Fatal(err)
	}
	var targets []string
	for _, e := range events {
		if e.Actor != "system" || strings.Contains(e.Detail, "0102031234") {
			t.Errorf("audit event %+v", e)
		}
		targets = append(targets, e.Target)
	}
	// Newest first.
	if want := []string{moving.Reference, closed.Reference}; !reflect.DeepEqual(targets, want) {
		t.Errorf("audited erasures of %v, want %v", targets, want)
	}
}

func TestRetentionDays_TheAreasOrKanalsDefault(t *testing.T) {
	f := newFixture(t)
	withRetention(t, f)
	health, _ := f.dragoer.Strategy.Area("sundhedskort")
	moving, _ := f.dragoer.Strategy.Area("flytning")
	for _, tc := range []struct {
		name      string
		days      int
		isDefault bool
		got       func() (int, bool)
	}{
		{"sundhedskort", 30, false, func() (int, bool) { return RetentionDays(health) }},
		{"flytning", 365, true, func() (int, bool) { return RetentionDays(moving) }},
		{"an area gone from the strategy", 365, true, func() (int, bool) { return RetentionDays(nil) }},
	} {
		if d, def := tc.got(); d != tc.days || def != tc.isDefault {
			t.Errorf("%s: %d days (default %v), want %d (%v)", tc.name, d, def, tc.days, tc.isDefault)
		}
	}
}

func TestRunErasure_ErasesAtOnceLogsOnlyTheCountAndStopsWithItsContext(t *testing.T) {
	f := newFixture(t)
	k := f.submit(t, portal())
	if err := f.cases.SetStatus(context.Background(), "dragoer", k.Reference, Closed, audit.Actor{Name: "sb@dragoer.dk"}, "", false); err != nil {
		t.Fatal(err)
	}
	f.clock.Set(monday.AddDate(2, 0, 0))
	var logs syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		f.cases.RunErasure(ctx, time.Hour, slog.New(slog.NewTextHandler(&logs, nil)))
		close(done)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for f.count(t, `SELECT COUNT(*) FROM cases WHERE erased_at IS NOT NULL`) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("RunErasure did not erase the due case at once")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("RunErasure did not stop with its context")
	}
	if out := logs.String(); !strings.Contains(out, "cases=1") || strings.Contains(out, k.Reference) {
		t.Errorf("log %q: want the count, not the reference", out)
	}
}

// syncBuffer is a buffer the erasure's goroutine writes and the test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
