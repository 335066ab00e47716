package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/store"
)

func countRows(t *testing.T, db *store.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// caseCounts are what the demo cases leave in the tables.
type caseCounts struct {
	cases, portal, assisted, inquiries, assistedInquiries, runs, completedRuns int
}

func countCases(t *testing.T, db *store.DB, m string) caseCounts {
	t.Helper()
	return caseCounts{
		cases:             countRows(t, db, `SELECT COUNT(*) FROM cases WHERE municipality_id = $1`, m),
		portal:            countRows(t, db, `SELECT COUNT(*) FROM cases WHERE municipality_id = $1 AND source = 'portal'`, m),
		assisted:          countRows(t, db, `SELECT COUNT(*) FROM cases WHERE municipality_id = $1 AND source = 'console' AND assisted = $2`, m, true),
		inquiries:         countRows(t, db, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = $1 AND source IN ('portal', 'console')`, m),
		assistedInquiries: countRows(t, db, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = $1 AND source = 'console' AND assisted = $2 AND channel = 'self_service'`, m, true),
		runs:              countRows(t, db, `SELECT COUNT(*) FROM form_runs WHERE municipality_id = $1`, m),
		completedRuns:     countRows(t, db, `SELECT COUNT(*) FROM form_runs WHERE municipality_id = $1 AND completed_at IS NOT NULL`, m),
	}
}

// The demo's cases: every status, some open past their answer date and
// some not, portal and counter; each case's inquiry recorded (assisted at
// the counter) and each portal case completing a funnel run, with others
// left at a step; the citizens are the shipped test citizens.
func TestCases_EveryStatusWithInquiriesAndAFunnel(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	rec := inquiry.NewRecorder(db)
	now := time.Date(2026, time.November, 30, 9, 0, 0, 0, time.UTC)
	for _, m := range []string{"dragoer", "taarnby"} {
		cur := kanaltest.Current(t, reg, m)
		n, err := demo.Cases(ctx, db, rec, cur, now)
		if err != nil {
			t.Fatalf("%s: %v", m, err)
		}
		c := countCases(t, db, m)
		if n == 0 || n != c.cases {
			t.Fatalf("%s: wrote %d, stored %d", m, n, c.cases)
		}
		// "The submission registers a digital transaction inquiry through
		// the normal recorder; the same form filled in at the counter with
		// staff help is registered as assisted self-service."
		if c.inquiries != c.cases || c.assisted == 0 || c.assistedInquiries != c.assisted || c.portal+c.assisted != c.cases {
			t.Errorf("%s: %+v: want one inquiry per case, the counter's assisted", m, c)
		}
		// "The first start writes each preset's last strategy year — the
		// year the figures open on": the cases' inquiries end there too.
		if _, last, err := rollup.Span(ctx, db, m); err != nil || last.Year != cur.Strategy.Period.To {
			t.Errorf("%s: the last counted month is %s (%v), want one of %d", m, last, err, cur.Strategy.Period.To)
		}
		if c.completedRuns != c.portal || c.runs <= c.completedRuns {
			t.Errorf("%s: %+v: want a completed run per portal case and some runs left", m, c)
		}
		// The cases lead up to the end of the strategy's period, where the
		// demo's inquiries end: at that day, some open cases are past
		// their answer date and some are not.
		today := civil.NewDate(cur.Strategy.Period.To+1, time.January, 1)
		overdue, openInTime := 0, 0
		statuses := map[string]int{}
		cases, err := casework.New(db, rec).List(ctx, casework.Filter{Municipality: m})
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range cases {
			statuses[k.Status]++
			open := k.Status != casework.Decided && k.Status != casework.Closed
			switch {
			case open && !k.AnswerBy.IsZero() && k.AnswerBy.Before(today):
				overdue++
			case open:
				openInTime++
			}
			if !k.SubmittedAt.Before(today.Start()) || k.SubmittedAt.Before(today.Start().AddDate(0, -5, 0)) {
				t.Errorf("%s: case %s submitted %s, want within the last months of the period", m, k.Reference, k.SubmittedAt)
			}
		}
		for _, s := range casework.Statuses {
			if statuses[s] == 0 {
				t.Errorf("%s: no case is %s (%v)", m, s, statuses)
			}
		}
		if overdue == 0 || openInTime == 0 {
			t.Errorf("%s: %d overdue and %d open in time, want some of each", m, overdue, openInTime)
		}
		file, err := sf1520.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		known := map[string]bool{}
		for _, p := range file.All() {
			known[p.CPR] = true
		}
		for _, k := range cases {
			full, err := casework.New(db, rec).Get(ctx, m, k.Reference)
			if err != nil {
				t.Fatal(err)
			}
			if !known[full.CPR] {
				t.Errorf("%s: case %s is for a citizen not in the test citizens file", m, k.Reference)
				break
			}
			for i := 1; i < len(full.History); i++ {
				if full.History[i].At.Before(full.History[i-1].At) || !full.History[i].At.Before(today.Start()) {
					t.Errorf("%s: case %s's history is out of order or in the future: %+v", m, k.Reference, full.History)
					break
				}
			}
		}
	}
}

// Running the demo start again writes nothing more, on the same day or a
// later one; a start stopped part-way is completed by the next, case for
// case.
func TestCases_IdempotentAndResumable(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	rec := inquiry.NewRecorder(db)
	cur := kanaltest.Current(t, reg, "dragoer")
	now := time.Date(2026, time.November, 30, 9, 0, 0, 0, time.UTC)
	if _, err := demo.Cases(ctx, db, rec, cur, now); err != nil {
		t.Fatal(err)
	}
	first := countCases(t, db, "dragoer")
	for _, later := range []time.Time{now, now.AddDate(0, 0, 9)} {
		n, err := demo.Cases(ctx, db, rec, cur, later)
		if err != nil {
			t.Fatal(err)
		}
		if again := countCases(t, db, "dragoer"); n != 0 || again != first {
			t.Errorf("again at %s: wrote %d, counts %+v, want %+v", later, n, again, first)
		}
		if missing, err := demo.CasesMissing(ctx, db, cur, later); err != nil || missing {
			t.Errorf("at %s: missing %v %v", later, missing, err)
		}
	}
	// A stop after some cases: the last five are not there.
	const lost = 5
	for _, table := range []string{"case_changes", "case_attachments"} {
		if _, err := db.Exec(`DELETE FROM ` + table + ` WHERE case_id IN (SELECT id FROM cases WHERE municipality_id = 'dragoer' ORDER BY submitted_at DESC LIMIT 5)`); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`DELETE FROM cases WHERE id IN (SELECT id FROM cases WHERE municipality_id = 'dragoer' ORDER BY submitted_at DESC LIMIT 5)`); err != nil {
		t.Fatal(err)
	}
	if missing, err := demo.CasesMissing(ctx, db, cur, now.AddDate(0, 0, 2)); err != nil || !missing {
		t.Fatalf("after the stop: missing %v %v, want true", missing, err)
	}
	n, err := demo.Cases(ctx, db, rec, cur, now.AddDate(0, 0, 2))
	if err != nil {
		t.Fatal(err)
	}
	if after := countCases(t, db, "dragoer"); n != lost || after.cases != first.cases {
		t.Errorf("resumed: wrote %d (want %d), %d cases (want %d)", n, lost, after.cases, first.cases)
	}
}
