package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
)

// The demo questions: six in each preset, three answered (two by e-mail
// into the outbox, one by phone) and counted as contact-form inquiries,
// three still in the queue; a second run adds none.
func TestQuestions_NewAndAnsweredInBothPresets(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	rec := inquiry.NewRecorder(db)
	now := time.Date(2026, time.November, 30, 9, 0, 0, 0, time.UTC)
	for _, m := range []string{"dragoer", "taarnby"} {
		cur := kanaltest.Current(t, reg, m)
		n, err := demo.Questions(ctx, db, rec, cur, now)
		if err != nil || n != 6 {
			t.Fatalf("%s: asked %d, %v; want 6", m, n, err)
		}
		if got := countRows(t, db, `SELECT COUNT(*) FROM contact_questions WHERE municipality_id = $1 AND status = 'new'`, m); got != 3 {
			t.Errorf("%s: %d new questions, want 3", m, got)
		}
		if got := countRows(t, db, `SELECT COUNT(*) FROM contact_questions WHERE municipality_id = $1 AND answered_via = 'phone'`, m); got != 1 {
			t.Errorf("%s: %d answered by phone, want 1", m, got)
		}
		if got := countRows(t, db, `SELECT COUNT(*) FROM mail_outbox WHERE municipality_id = $1`, m); got != 2 {
			t.Errorf("%s: %d messages in the outbox, want 2", m, got)
		}
		if got := countRows(t, db, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = $1 AND channel = 'contact_form' AND source = 'contact_form'`, m); got != 3 {
			t.Errorf("%s: %d contact-form inquiries, want 3", m, got)
		}
		if n, err := demo.Questions(ctx, db, rec, cur, now); err != nil || n != 0 {
			t.Errorf("%s: a second run asked %d, %v", m, n, err)
		}
	}
}
