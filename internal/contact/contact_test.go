package contact

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/mail"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
)

// monday is Monday 30 November 2026, 10:00 in Copenhagen.
var monday = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

type fixture struct {
	db      *store.DB
	q       *Questions
	outbox  *mail.Outbox
	now     time.Time
	dragoer *municipality.Current
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db, reg := kanaltest.Presets(t)
	f := &fixture{db: db, now: monday}
	rec := inquiry.NewRecorder(db)
	rec.Now = func() time.Time { return f.now }
	f.outbox = mail.NewOutbox(db)
	f.outbox.Now = func() time.Time { return f.now }
	f.q = New(db, rec, f.outbox)
	f.q.Now = func() time.Time { return f.now }
	f.dragoer = kanaltest.Current(t, reg, "dragoer")
	return f
}

func (f *fixture) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := f.db.QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestAsk_StoresAnAcceptedQuestionWithItsAnswerDate(t *testing.T) {
	f := newFixture(t)
	// affald: teknik-miljoe, 5 working days; Monday 30 November + 5 = Monday 7 December.
	k, err := f.q.Ask(context.Background(), f.dragoer, Ask{Area: "07.18.06", Question: "Hvornår tømmes haveaffald?", ReplyTo: "borger@example.dk"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.q.Get(context.Background(), "dragoer", k.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := civil.Date{Year: 2026, Month: time.December, Day: 7}
	if got.Area != "affald" || got.Department != "teknik-miljoe" || got.AnswerBy != want || got.ReplyKind != ReplyEmail ||
		got.Question != "Hvornår tømmes haveaffald?" || got.Status != StatusNew || !got.CreatedAt.Equal(monday) {
		t.Errorf("stored %+v", got)
	}
}

func TestAsk_RefusedQuestionIsNotStored(t *testing.T) {
	f := newFixture(t)
	_, err := f.q.Ask(context.Background(), f.dragoer, Ask{Area: "affald", Question: "Mit cpr er 010203-1234", ReplyTo: "x@example.dk"})
	var re *RefusedError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM contact_questions`); n != 0 {
		t.Errorf("%d rows stored", n)
	}
}

func TestAsk_FieldErrors(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name string
		in   Ask
		want []FieldError
	}{
		{"unknown area", Ask{Area: "nope", Question: "Hvad?"}, []FieldError{{"area", RuleAreaUnknown}}},
		{"empty question", Ask{Area: "affald", Question: "  "}, []FieldError{{"question", RuleQuestionEmpty}}},
		{"bad reply_to", Ask{Area: "affald", Question: "Hvad?", ReplyTo: "ikke@adresse"}, []FieldError{{"reply_to", RuleReplyTo}}},
		{"foreign phone", Ask{Area: "affald", Question: "Hvad?", ReplyTo: "+46 701234567"}, []FieldError{{"reply_to", RuleReplyTo}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.q.Ask(context.Background(), f.dragoer, tt.in)
			var ie *InvalidError
			if !errors.As(err, &ie) || len(ie.Fields) != len(tt.want) || ie.Fields[0] != tt.want[0] {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestParseReplyTo(t *testing.T) {
	for _, tt := range []struct{ in, value, kind string }{
		{"", "", ""},
		{"borger@example.dk", "borger@example.dk", ReplyEmail},
		{"32471100", "32 47 11 00", ReplyPhone},
		{"+45 32 47 11 00", "32 47 11 00", ReplyPhone},
		{"0045-32471100", "32 47 11 00", ReplyPhone},
	} {
		v, k, ok := ParseReplyTo(tt.in)
		if !ok || v != tt.value || k != tt.kind {
			t.Errorf("ParseReplyTo(%q) = %q, %q, %v", tt.in, v, k, ok)
		}
	}
	for _, bad := range []string{"3247110", "324711001", "02471100", "a@b", "Navn <a@example.dk>"} {
		if _, _, ok := ParseReplyTo(bad); ok {
			t.Errorf("ParseReplyTo(%q) accepted", bad)
		}
	}
}

func TestAnswer_SendsTheMailAndRegistersTheInquiryOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	k, err := f.q.Ask(ctx, f.dragoer, Ask{Area: "affald", Question: "Hvornår tømmes haveaffald?", ReplyTo: "borger@example.dk"})
	if err != nil {
		t.Fatal(err)
	}
	f.now = monday.Add(2 * time.Hour)
	actor := audit.Actor{Name: "medarbejder@dragoer.dk"}
	if _, err := f.q.Answer(ctx, f.dragoer, k.ID, Reply{Subject: "Svar", Actor: actor}); err == nil {
		t.Error("an empty answer to an e-mail was accepted")
	}
	if _, err := f.q.Answer(ctx, f.dragoer, k.ID, Reply{Text: "Hver anden fredag.", Subject: "Svar", Actor: actor}); err != nil {
		t.Fatal(err)
	}
	msgs, err := f.outbox.List(ctx, "dragoer", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 1 || msgs[0].To != "borger@example.dk" || msgs[0].Body != "Hver anden fredag.\n" {
		t.Errorf("outbox %+v", msgs)
	}
	n := f.count(t, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = 'dragoer' AND channel = 'contact_form'
		AND type = 'information' AND direction = 'inbound' AND area = 'affald' AND resolved_first_contact = $1 AND occurred_at = $2`, true, monday)
	if n != 1 {
		t.Errorf("%d contact-form inquiries registered, want 1", n)
	}
	if _, err := f.q.Answer(ctx, f.dragoer, k.ID, Reply{Text: "Igen", Subject: "Svar", Actor: actor}); !errors.Is(err, ErrAnswered) {
		t.Errorf("second answer: %v, want ErrAnswered", err)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM inquiries WHERE channel = 'contact_form'`); n != 1 {
		t.Errorf("%d inquiries after a second answer", n)
	}
}

func TestAnswer_PhoneNeedsTheCallConfirmed(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	k, err := f.q.Ask(ctx, f.dragoer, Ask{Area: "affald", Question: "Må jeg brænde haveaffald?", ReplyTo: "32471100"})
	if err != nil {
		t.Fatal(err)
	}
	actor := audit.Actor{Name: "medarbejder@dragoer.dk"}
	var ie *InvalidError
	if _, err := f.q.Answer(ctx, f.dragoer, k.ID, Reply{Actor: actor}); !errors.As(err, &ie) {
		t.Fatalf("unconfirmed call: %v", err)
	}
	got, err := f.q.Answer(ctx, f.dragoer, k.ID, Reply{Called: true, Actor: actor})
	if err != nil {
		t.Fatal(err)
	}
	if got.AnsweredVia != ViaPhone {
		t.Errorf("answered via %q", got.AnsweredVia)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM mail_outbox`); n != 0 {
		t.Errorf("%d messages for a phone answer", n)
	}
}

func TestErase_ClearsPersonalDataAfterTheRetentionPeriod(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	old, _ := f.q.Ask(ctx, f.dragoer, Ask{Area: "affald", Question: "Gammelt spørgsmål", ReplyTo: "a@example.dk"})
	open, _ := f.q.Ask(ctx, f.dragoer, Ask{Area: "affald", Question: "Ubesvaret", ReplyTo: "b@example.dk"})
	if _, err := f.q.Answer(ctx, f.dragoer, old.ID, Reply{Text: "Svar", Subject: "Svar", Actor: audit.System}); err != nil {
		t.Fatal(err)
	}
	f.now = monday.AddDate(0, 0, RetentionDays).Add(-time.Minute)
	if n, err := f.q.Erase(ctx); err != nil || n != 0 {
		t.Fatalf("erased %d (%v) a minute before the period ends", n, err)
	}
	f.now = monday.AddDate(0, 0, RetentionDays).Add(time.Minute)
	if n, err := f.q.Erase(ctx); err != nil || n != 1 {
		t.Fatalf("erased %d (%v), want the answered question", n, err)
	}
	got, _ := f.q.Get(ctx, "dragoer", old.ID)
	if !got.Erased || got.Question != "" || got.ReplyTo != "" || got.Answer != "" || got.Status != StatusAnswered {
		t.Errorf("after erasure %+v", got)
	}
	if still, _ := f.q.Get(ctx, "dragoer", open.ID); still.Erased || still.ReplyTo != "b@example.dk" {
		t.Errorf("the unanswered question was erased: %+v", still)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM mail_outbox`); n != 0 {
		t.Errorf("%d outbox messages kept past the period", n)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM inquiries WHERE channel = 'contact_form'`); n != 1 {
		t.Errorf("the inquiry went with the personal data: %d", n)
	}
}
