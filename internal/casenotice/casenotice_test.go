package casenotice_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/casenotice"
	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/sf1601"
)

// Test citizens of the shipped file: Ida Testesen is registered for
// Digital Post, Fatima Eksempel exempt.
const (
	ida    = "120385-9902"
	fatima = "251190-9924"
)

// Each pending receipt and status notice becomes exactly one letter, even
// when the job runs twice and four times at once; a change without
// "tell the citizen" and an API case's receipt (the vendor's solution
// gives its own) send nothing; an erased case's notice is not sent and
// says why. Every letter is one outbound inquiry and nothing more is
// counted: the counts of the letters' source equal the letters, and the
// rollups agree with a recount.
func TestSender_EachNoticeIsOneLetterAcrossRepeatedAndConcurrentRuns(t *testing.T) {
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	rec := inquiry.NewRecorder(db)
	cases := casework.New(db, rec)
	staff := audit.Actor{Name: "sagsbehandler@dragoer.demo"}
	submit := func(source, external, cpr string) *casework.Case {
		t.Helper()
		k, _, err := cases.Submit(ctx, cur, casework.Submission{Area: "flytning", Form: "flytning", Channel: "self_service",
			Source: source, ExternalID: external, CPR: cpr, Name: "Testborger", Answers: map[string]string{}})
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	setStatus := func(k *casework.Case, status string, notify bool) {
		t.Helper()
		if err := cases.SetStatus(ctx, "dragoer", k.Reference, status, staff, "", notify); err != nil {
			t.Fatal(err)
		}
	}
	portalIda := submit(casework.SourcePortal, "", ida)
	setStatus(portalIda, casework.InProgress, false)
	setStatus(portalIda, casework.Decided, true)
	portalFatima := submit(casework.SourcePortal, "", fatima)
	setStatus(portalFatima, casework.AwaitingCitizen, true)
	apiIda := submit("api:Selvbetjening", "sag-1", ida)
	setStatus(apiIda, casework.Decided, true)
	erased := submit("api:Selvbetjening", "sag-2", ida)
	setStatus(erased, casework.Decided, true)
	// What casework.Erase does to a case past its retention period.
	if _, err := db.Exec(`UPDATE cases SET cpr = '', name = '', answers = '{}', erased_at = $1 WHERE reference = $2`,
		time.Now().UTC(), erased.Reference); err != nil {
		t.Fatal(err)
	}

	people, err := sf1520.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	sender := func() *casenotice.Sender {
		return &casenotice.Sender{DB: db, Registry: reg, Batch: 2,
			Letters: letters.New(db, inquiry.NewRecorder(db), letters.RegistryOf(sf1601.NewDevRegistry(people)))}
	}
	for range 2 {
		if _, err := sender().RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// The rest by four at once, each taking two at a time until none is
	// left, and the changes set back to pending, as if a job had died
	// after sending and before marking: the letters must not repeat.
	if _, err := db.Exec(`UPDATE case_changes SET notice = 'pending', letter_id = '' WHERE notice = 'sent'`); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			s := sender()
			for {
				n, err := s.RunOnce(ctx)
				if err != nil {
					t.Error(err)
					return
				}
				if n == 0 {
					return
				}
			}
		})
	}
	wg.Wait()

	noticeOf := func(k *casework.Case, status string) (id int64) {
		t.Helper()
		if err := db.QueryRow(`SELECT ch.id FROM case_changes ch JOIN cases k ON k.id = ch.case_id
			WHERE k.reference = $1 AND ch.status = $2`, k.Reference, status).Scan(&id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	// Written out by hand: Ida's receipt and decision, Fatima's receipt
	// and request (on paper: she is exempt), the API case's decision.
	want := map[string]string{
		"case-receipt-" + portalIda.Reference:                                 "digital_post",
		casenotice.NoticeID(noticeOf(portalIda, casework.Decided)):            "digital_post",
		"case-receipt-" + portalFatima.Reference:                              "letter",
		casenotice.NoticeID(noticeOf(portalFatima, casework.AwaitingCitizen)): "letter",
		casenotice.NoticeID(noticeOf(apiIda, casework.Decided)):               "digital_post",
	}
	rows, err := db.Query(`SELECT id, route FROM letters WHERE municipality_id = 'dragoer'`)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for rows.Next() {
		var id, route string
		if err := rows.Scan(&id, &route); err != nil {
			t.Fatal(err)
		}
		got[id] = route
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	if len(got) != len(want) {
		t.Errorf("%d letters %v, want %d %v", len(got), got, len(want), want)
	}
	for id, route := range want {
		if got[id] != route {
			t.Errorf("letter %s: route %q, want %q", id, got[id], route)
		}
	}

	var counted, sentNotices, pending int
	if err := db.QueryRow(`SELECT COUNT(*) FROM inquiries WHERE source = 'letters' AND direction = 'outbound'`).Scan(&counted); err != nil {
		t.Fatal(err)
	}
	if counted != len(want) {
		t.Errorf("%d outbound inquiries from letters, want one per letter: %d", counted, len(want))
	}
	if err := db.QueryRow(`SELECT COUNT(*) FROM case_changes WHERE notice = 'sent' AND letter_id <> ''`).Scan(&sentNotices); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT COUNT(*) FROM case_changes WHERE notice = 'pending'`).Scan(&pending); err != nil {
		t.Fatal(err)
	}
	if sentNotices != len(want) || pending != 0 {
		t.Errorf("%d changes marked sent and %d pending, want %d and 0", sentNotices, pending, len(want))
	}
	var state, letterID string
	if err := db.QueryRow(`SELECT notice, letter_id FROM case_changes WHERE id = $1`, noticeOf(erased, casework.Decided)).Scan(&state, &letterID); err != nil {
		t.Fatal(err)
	}
	if state != casenotice.Erased || letterID != "" {
		t.Errorf("the erased case's notice: %q, letter %q; want erased and no letter", state, letterID)
	}
	if diffs, err := rollup.Verify(ctx, db, "dragoer"); err != nil || len(diffs) != 0 {
		t.Errorf("rollup verify: %v, %v", diffs, err)
	}
}

// A notice that waited longer than MaxAge is not sent, and says so: in
// one line per run that counts the notices by why, not a line for each
// (a first start settles hundreds of the demo's old notices).
func TestSender_StaleNoticeIsNotSent(t *testing.T) {
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	cases := casework.New(db, inquiry.NewRecorder(db))
	k, _, err := cases.Submit(ctx, cur, casework.Submission{Area: "flytning", Form: "flytning", Channel: "self_service",
		Source: casework.SourcePortal, CPR: ida, Name: "Ida", Answers: map[string]string{}})
	if err != nil {
		t.Fatal(err)
	}
	// A second case, so that the run settles two notices.
	if _, _, err := cases.Submit(ctx, cur, casework.Submission{Area: "flytning", Form: "flytning", Channel: "self_service",
		Source: casework.SourcePortal, CPR: ida, Name: "Ida", Answers: map[string]string{"x": "y"}}); err != nil {
		t.Fatal(err)
	}
	people, _ := sf1520.Embedded()
	var logged bytes.Buffer
	s := &casenotice.Sender{DB: db, Registry: reg, MaxAge: time.Hour,
		Log:     slog.New(slog.NewTextHandler(&logged, nil)),
		Now:     func() time.Time { return time.Now().Add(2 * time.Hour) },
		Letters: letters.New(db, inquiry.NewRecorder(db), letters.RegistryOf(sf1601.NewDevRegistry(people)))}
	if _, err := s.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	var state string
	var n int
	if err := db.QueryRow(`SELECT ch.notice FROM case_changes ch JOIN cases k ON k.id = ch.case_id WHERE k.reference = $1`, k.Reference).Scan(&state); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT COUNT(*) FROM letters`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if state != casenotice.Stale || n != 0 {
		t.Errorf("notice %q and %d letters, want stale and none", state, n)
	}
	if lines := strings.Split(strings.TrimSpace(logged.String()), "\n"); len(lines) != 1 ||
		!strings.Contains(lines[0], `msg="case notices not sent" stale=2`) {
		t.Errorf("the run logged %q, want one line counting 2 stale notices", logged.String())
	}
}

// lockedBuffer is a log's buffer that a test reads while Run writes.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Run settles the notices in batches one after another, and logs what it
// did not send once for the whole round, not once per batch.
func TestSender_RunLogsARoundInOneLine(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	cases := casework.New(db, inquiry.NewRecorder(db))
	for i := range 3 {
		if _, _, err := cases.Submit(ctx, cur, casework.Submission{Area: "flytning", Form: "flytning", Channel: "self_service",
			Source: casework.SourcePortal, CPR: ida, Name: "Ida", Answers: map[string]string{"n": strings.Repeat("x", i+1)}}); err != nil {
			t.Fatal(err)
		}
	}
	people, _ := sf1520.Embedded()
	var logged lockedBuffer
	s := &casenotice.Sender{DB: db, Registry: reg, MaxAge: time.Hour, Batch: 1,
		Log:     slog.New(slog.NewTextHandler(&logged, nil)),
		Now:     func() time.Time { return time.Now().Add(2 * time.Hour) },
		Letters: letters.New(db, inquiry.NewRecorder(db), letters.RegistryOf(sf1601.NewDevRegistry(people)))}
	done := make(chan struct{})
	go func() { defer close(done); s.Run(ctx, time.Hour) }()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(logged.String(), "case notices not sent") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	if lines := strings.Split(strings.TrimSpace(logged.String()), "\n"); len(lines) != 1 ||
		!strings.Contains(lines[0], `msg="case notices not sent" stale=3`) {
		t.Errorf("the round logged %q, want one line counting 3 stale notices", logged.String())
	}
}
