package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/contact"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/mail"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Demo questions: a few general questions from the contact form in the
// days before the demo cases' day (caseDay), some answered — by e-mail,
// which puts the answer in the local outbox, and by phone — and some
// still in the queue, one of them past its answer date. They are asked
// and answered through internal/contact, so the answered ones are counted
// as contact-form inquiries. The citizens' addresses are example ones.

type demoQuestion struct {
	daysBefore int
	text       string // %s is the area's title in lower case
	replyTo    string
	answer     string // "" leaves it in the queue
	byPhone    bool
}

var demoQuestions = []demoQuestion{
	{21, "Hvilke åbningstider gælder for %s i julen?", "borger.a@example.com", "Vi holder åbent som normalt, undtagen 24.–26. december.", false},
	{14, "Hvad skal man have med, når man henvender sig om %s?", "20304050", "", true},
	{9, "Kan man få hjælp til %s på biblioteket?", "borger.b@example.com", "Ja, bibliotekets Digital Hjælp hjælper hver tirsdag kl. 13–15.", false},
	{6, "Hvor lang er ventetiden på %s lige nu?", "borger.c@example.com", "", false},
	{2, "Findes der en vejledning på engelsk om %s?", "", "", false},
	{1, "Hvem kan jeg tale med om %s, hvis jeg ikke bruger computer?", "30405060", "", false},
}

// Questions asks and answers the municipality's demo questions, unless it
// has contact-form questions already; it returns how many it asked.
func Questions(ctx context.Context, db *store.DB, rec *inquiry.Recorder, cur *municipality.Current, now time.Time) (int, error) {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM contact_questions WHERE municipality_id = $1`, cur.Municipality).Scan(&n); err != nil {
		return 0, fmt.Errorf("demo questions of %s: %w", cur.Municipality, err)
	}
	if n > 0 {
		return 0, nil
	}
	var areas []*strategy.Area
	for i := range cur.Strategy.Areas {
		if a := &cur.Strategy.Areas[i]; !a.Other && a.Handles(strategy.Information) {
			areas = append(areas, a)
		}
	}
	if len(areas) == 0 {
		return 0, nil
	}
	day := caseDay(cur.Strategy, now)
	outbox := mail.NewOutbox(db)
	q := contact.New(db, rec, outbox)
	clerk := audit.Actor{Name: demoClerk(cur.Municipality)}
	asked := 0
	for i, d := range demoQuestions {
		a := areas[(i*3)%len(areas)]
		askedAt := time.Date(day.Year, day.Month, day.Day, 10, 0, 0, 0, civil.Location).AddDate(0, 0, -d.daysBefore).Add(time.Duration(i) * 17 * time.Minute)
		q.Now = func() time.Time { return askedAt }
		k, err := q.Ask(ctx, cur, contact.Ask{Area: a.ID, Question: fmt.Sprintf(d.text, strings.ToLower(a.Title)), ReplyTo: d.replyTo})
		if err != nil {
			return asked, fmt.Errorf("demo question %d of %s: %w", i, cur.Municipality, err)
		}
		asked++
		if d.answer == "" && !d.byPhone {
			continue
		}
		answered := askedAt.Add(26 * time.Hour)
		q.Now, outbox.Now = func() time.Time { return answered }, func() time.Time { return answered }
		_, err = q.Answer(ctx, cur, k.ID, contact.Reply{Text: d.answer, Called: d.byPhone, Actor: clerk,
			Subject: "Svar på dit spørgsmål til " + cur.Strategy.Municipality.Name})
		if err != nil {
			return asked, fmt.Errorf("demo answer %d of %s: %w", i, cur.Municipality, err)
		}
	}
	return asked, nil
}
