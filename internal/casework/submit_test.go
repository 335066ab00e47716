package casework

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
)

var referenceShape = regexp.MustCompile(`^[ACDEFHJKLMNPRTUVWXY34679]{4}-[ACDEFHJKLMNPRTUVWXY34679]{4}$`)

func TestSubmit_OpensACaseWithReferenceAnswerDateAndItsInquiry(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := portal()
	s.Files = []Attachment{{Field: "bilag", Filename: "lejekontrakt.pdf", ContentType: "application/pdf", Data: []byte("%PDF-1.4 abc")}}
	k, created, err := f.cases.Submit(ctx, f.dragoer, s)
	if err != nil {
		t.Fatal(err)
	}
	if !created {
		t.Error("created = false for a first submission")
	}
	if !referenceShape.MatchString(k.Reference) {
		t.Errorf("reference %q is not XXXX-XXXX from the alphabet", k.Reference)
	}
	// Flytning answers in 5 working days; submitted Monday 30 November
	// 2026: 1, 2, 3, 4 December (Tuesday–Friday) and Monday 7 December.
	if want := civil.NewDate(2026, 12, 7); k.AnswerBy != want || k.WorkingDays != 5 {
		t.Errorf("answer by %s in %d working days, want %s in 5", k.AnswerBy, k.WorkingDays, want)
	}
	got, err := f.cases.Get(ctx, "dragoer", k.Reference)
	if err != nil {
		t.Fatal(err)
	}
	want := &Case{ID: k.ID, Municipality: "dragoer", Reference: k.Reference, Area: "flytning", Department: "borgerbutikken",
		Form: "flytning", Channel: "self_service", Source: "portal", Status: Received, SubmittedAt: monday,
		AnswerBy: civil.NewDate(2026, 12, 7), WorkingDays: 5, CPR: "0102031234", Name: "Test Testesen",
		Answers: map[string]string{"ny_adresse": "Kirkevej 1"},
		History: []Change{{Status: Received, At: monday, By: "citizen"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored case\n%+v\nwant\n%+v", got, want)
	}
	files, err := f.cases.Attachments(ctx, k.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(files, s.Files) {
		t.Errorf("attachments %+v, want %+v", files, s.Files)
	}
	// The inquiry: a digital transaction on the self-service channel,
	// counted in the rollups in the same transaction.
	var channel, typ, direction, area, dept string
	var assisted bool
	err = f.db.QueryRowContext(ctx, `SELECT i.channel, i.type, i.direction, i.area, i.department, i.assisted
		FROM inquiries i JOIN cases c ON c.inquiry_id = i.id WHERE c.id = $1`, k.ID).
		Scan(&channel, &typ, &direction, &area, &dept, &assisted)
	if err != nil {
		t.Fatalf("the case's inquiry: %v", err)
	}
	if fmt.Sprint(channel, typ, direction, area, dept, assisted) != fmt.Sprint("self_service", "transaction", "inbound", "flytning", "borgerbutikken", false) {
		t.Errorf("inquiry %s %s %s %s %s assisted=%v", channel, typ, direction, area, dept, assisted)
	}
	if n := f.count(t, `SELECT COALESCE(SUM(inquiries), 0) FROM inquiry_counts WHERE municipality_id = 'dragoer'
		AND day = '2026-11-30' AND channel = 'self_service' AND type = 'transaction'`); n != 1 {
		t.Errorf("counted %d inquiries, want 1", n)
	}
}

func TestSubmit_QueuesTheDocumentedPayload(t *testing.T) {
	f := newFixture(t)
	s := portal()
	s.Files = []Attachment{{Field: "bilag", Filename: "a.txt", ContentType: "text/plain", Data: []byte("abc")}}
	k := f.submit(t, s)
	if len(f.queued) != 1 {
		t.Fatalf("queued %d deliveries, want 1", len(f.queued))
	}
	q := f.queued[0]
	if q.municipality != "dragoer" || q.event != "case.submitted" || q.key != k.Reference {
		t.Errorf("queued %s %s %s", q.municipality, q.event, q.key)
	}
	// Written by hand from docs/cases.md; the SHA-256 of "abc" is the
	// FIPS 180-2 example's.
	want := map[string]any{
		"event": "case.submitted", "reference": k.Reference, "municipality": "dragoer",
		"area": map[string]any{"id": "flytning", "kle": "23.05.10", "title": f.dragoer.Strategy.Areas[0].Title},
		"form": "flytning", "channel": "self_service", "assisted": false,
		"submitted_at": "2026-11-30T09:00:00Z", "answer_by": "2026-12-07", "working_days": float64(5),
		"citizen": map[string]any{"cpr": "0102031234", "name": "Test Testesen"},
		"answers": map[string]any{"ny_adresse": "Kirkevej 1"},
		"attachments": []any{map[string]any{"field": "bilag", "filename": "a.txt", "content_type": "text/plain", "size": float64(3),
			"sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}},
	}
	if f.dragoer.Strategy.Areas[0].ID != "flytning" {
		t.Fatal("the test takes flytning to be Dragør's first area")
	}
	if !reflect.DeepEqual(q.payload, want) {
		t.Errorf("payload\n%v\nwant\n%v", q.payload, want)
	}
}

func TestSubmit_WithoutCitizenOrResponseTimeLeavesThemOut(t *testing.T) {
	f := newFixture(t)
	// An area without a response time has no answer date: find one.
	var area string
	for _, a := range f.dragoer.Strategy.Areas {
		if a.ResponseDays == nil && a.Handles("information") && !a.Other {
			area = a.ID
			break
		}
	}
	if area == "" {
		t.Skip("Dragør has no area without a response time")
	}
	k := f.submit(t, Submission{Area: area, Type: "information", Channel: "self_service", Source: "api:test", ExternalID: "x-1"})
	if !k.AnswerBy.IsZero() || k.WorkingDays != 0 {
		t.Errorf("answer by %s in %d days, want none", k.AnswerBy, k.WorkingDays)
	}
	p := f.queued[0].payload
	if _, ok := p["citizen"]; ok || p["answer_by"] != nil || p["working_days"] != nil {
		t.Errorf("payload names a citizen or an answer date: %v", p)
	}
	got, err := f.cases.Get(context.Background(), "dragoer", k.Reference)
	if err != nil {
		t.Fatal(err)
	}
	if got.History[0].By != "api:test" {
		t.Errorf("first change by %q, want the source api:test", got.History[0].By)
	}
}

func TestSubmit_RepeatOfASenderIDReturnsTheFirstCaseAndRecordsNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := Submission{Area: "23.05.10", Channel: "self_service", Source: "api:vendor", ExternalID: "sag-17"}
	first, created, err := f.cases.Submit(ctx, f.dragoer, s)
	if err != nil || !created {
		t.Fatalf("first: created %v, %v", created, err)
	}
	f.clock.Set(monday.Add(time.Hour))
	again, created, err := f.cases.Submit(ctx, f.dragoer, s)
	if err != nil {
		t.Fatal(err)
	}
	if created || again.Reference != first.Reference || !again.SubmittedAt.Equal(monday) {
		t.Errorf("repeat: created %v, %s submitted %s; want the first case %s", created, again.Reference, again.SubmittedAt, first.Reference)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = 'dragoer'`); n != 1 {
		t.Errorf("%d inquiries, want 1", n)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM cases`); n != 1 {
		t.Errorf("%d cases, want 1", n)
	}
	if len(f.queued) != 1 {
		t.Errorf("queued %d deliveries, want 1 (the repeat's was rolled back)", len(f.queued))
	}
	// The same sender id in another municipality is another case.
	if _, created, err := f.cases.Submit(ctx, f.taarnby, Submission{Area: f.taarnby.Strategy.Areas[0].ID,
		Channel: "self_service", Source: "api:vendor", ExternalID: "sag-17"}); err != nil || !created {
		t.Errorf("Tårnby: created %v, %v", created, err)
	}
}

func TestSubmit_ConcurrentRepeatsOpenOneCase(t *testing.T) {
	f := newFixture(t)
	s := Submission{Area: "flytning", Channel: "self_service", Source: "api:vendor", ExternalID: "race"}
	const n = 8
	refs := make([]string, n)
	created := make([]bool, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var k *Case
			k, created[i], errs[i] = f.cases.Submit(context.Background(), f.dragoer, s)
			if k != nil {
				refs[i] = k.Reference
			}
		}()
	}
	wg.Wait()
	made := 0
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("submission %d: %v", i, errs[i])
		}
		if refs[i] != refs[0] {
			t.Errorf("submission %d got %s, submission 0 %s", i, refs[i], refs[0])
		}
		if created[i] {
			made++
		}
	}
	if made != 1 {
		t.Errorf("%d submissions say they created the case, want 1", made)
	}
	if c := f.count(t, `SELECT COUNT(*) FROM inquiries`); c != 1 {
		t.Errorf("%d inquiries, want 1", c)
	}
	if c := f.count(t, `SELECT COUNT(*) FROM cases`); c != 1 {
		t.Errorf("%d cases, want 1", c)
	}
}

func TestSubmit_RefusesWhatTheStrategyOrTheStoreWouldNot(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		name  string
		edit  func(*Submission)
		field string
		rule  string
	}{
		{"unknown area", func(s *Submission) { s.Area = "99.99.99" }, "area", inquiry.RuleUnknownArea},
		{"unknown channel", func(s *Submission) { s.Channel = "pigeon" }, "channel", inquiry.RuleUnknownChannel},
		{"type the area does not handle", func(s *Submission) { s.Area = "eu-sygesikringskort"; s.Type = "interaction" }, "type", inquiry.RuleTypeNotHandled},
		{"assisted on the phone", func(s *Submission) { s.Channel = "phone"; s.Assisted = true }, "assisted", inquiry.RuleAssistedNotSS},
		{"submitted tomorrow", func(s *Submission) { s.SubmittedAt = monday.AddDate(0, 0, 1) }, "occurred_at", inquiry.RuleFuture},
		{"CPR of nine digits", func(s *Submission) { s.CPR = "010203123" }, "cpr", RuleBadCPR},
		{"CPR that is no date", func(s *Submission) { s.CPR = "320103-1234" }, "cpr", RuleBadCPR},
		{"control character in an answer", func(s *Submission) { s.Answers = map[string]string{"a": "x\x00y"} }, "answers.a", RuleNotText},
		{"long name", func(s *Submission) { s.Name = strings.Repeat("æ", 201) }, "name", RuleTooLong},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := portal()
			tc.edit(&s)
			_, _, err := f.cases.Submit(context.Background(), f.dragoer, s)
			var inv *InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("err %v, want an *InvalidError", err)
			}
			found := false
			for _, fe := range inv.Fields {
				found = found || fe.Field == tc.field && fe.Rule == tc.rule
			}
			if !found {
				t.Errorf("errors %+v, want %s on %s", inv.Fields, tc.rule, tc.field)
			}
		})
	}
	if n := f.count(t, `SELECT COUNT(*) FROM cases`); n != 0 {
		t.Errorf("%d cases stored from refused submissions", n)
	}
}
