package contact

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/inquiry"
	kmail "github.com/kanal-dk/kanal/internal/mail"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Reply is a staff member's answer.
type Reply struct {
	// Text is the answer; it is sent by e-mail to a question with an
	// e-mail address, and kept as a note of the call for one with a phone
	// number.
	Text string
	// Called confirms that staff called a citizen who left a phone
	// number.
	Called bool
	// Subject is the e-mail's subject, in the municipality's words.
	Subject string
	Actor   audit.Actor
}

// errLost is a question answered by someone else while this answer was
// being sent.
var errLost = errors.New("answered meanwhile")

// Answer answers a question: by e-mail to an e-mail address (sent first,
// so that a mail server that is down leaves the question in the queue),
// by phone to a phone number (staff confirm the call), or without sending
// when the citizen left no address. In one transaction it then registers
// the inquiry (contact form, information, inbound, the question's area,
// resolved at the first contact, dated when the question was asked) and
// marks the question answered; a question answered meanwhile by someone
// else is refused with ErrAnswered and registers nothing.
func (q *Questions) Answer(ctx context.Context, cur *municipality.Current, id int64, r Reply) (*Question, error) {
	k, err := q.Get(ctx, cur.Municipality, id)
	if err != nil {
		return nil, err
	}
	if k.Status != StatusNew {
		return nil, ErrAnswered
	}
	text := strings.TrimSpace(strings.ReplaceAll(r.Text, "\r\n", "\n"))
	via := ViaNone
	var fields []FieldError
	switch k.ReplyKind {
	case ReplyEmail:
		via = ViaEmail
		if text == "" {
			fields = append(fields, FieldError{"answer", RuleAnswerEmpty})
		}
	case ReplyPhone:
		via = ViaPhone
		if !r.Called {
			fields = append(fields, FieldError{"called", RuleAnswerNotPhone})
		}
	}
	switch {
	case utf8.RuneCountInString(text) > AnswerMax:
		fields = append(fields, FieldError{"answer", RuleAnswerLong})
	case store.CheckLines(text) != nil:
		fields = append(fields, FieldError{"answer", RuleQuestionBad})
	}
	if len(fields) > 0 {
		return nil, &InvalidError{Fields: fields}
	}
	if via == ViaEmail {
		if q.mail == nil {
			return nil, errors.New("no mail sender configured")
		}
		if err := q.mail.Send(ctx, kmail.Message{Municipality: cur.Municipality, To: k.ReplyTo, Subject: r.Subject,
			Body: text + "\n"}); err != nil {
			return nil, fmt.Errorf("send the answer to question %d: %w", id, err)
		}
	}
	now := q.now()
	in := inquiry.Inquiry{OccurredAt: k.CreatedAt, Channel: strategy.ContactForm, Type: strategy.Information,
		Direction: strategy.Inbound, Area: k.Area, ResolvedFirstContact: true, Source: SourceContactForm,
		ExternalID: fmt.Sprintf("question-%d", k.ID)}
	_, err = q.recorder.RecordWith(ctx, cur, []inquiry.Inquiry{in}, func(tx *sql.Tx, res inquiry.Result) error {
		var inquiryID any
		if len(res.IDs) == 1 {
			inquiryID = res.IDs[0]
		}
		out, err := tx.ExecContext(ctx, `UPDATE contact_questions SET status = 'answered', answered_at = $1,
			answered_by = $2, answered_via = $3, answer = $4, inquiry_id = $5
			WHERE municipality_id = $6 AND id = $7 AND status = 'new'`,
			now, r.Actor.Name, via, text, inquiryID, cur.Municipality, k.ID)
		if err != nil {
			return fmt.Errorf("mark question %d answered: %w", k.ID, err)
		}
		if n, err := out.RowsAffected(); err != nil || n != 1 {
			return errLost
		}
		return nil
	})
	if errors.Is(err, errLost) {
		return nil, ErrAnswered
	}
	if err != nil {
		return nil, fmt.Errorf("answer question %d: %w", k.ID, err)
	}
	k.Status, k.AnsweredAt, k.AnsweredBy, k.AnsweredVia, k.Answer = StatusAnswered, now, r.Actor.Name, via, text
	return k, nil
}

// RetentionDays is how long a question's personal data — its text, the
// citizen's e-mail address or phone number and the answer — is kept after
// it was answered; an unanswered question's after UnansweredDays. The
// outbox's copies of answers go with them.
const (
	RetentionDays  = 30
	UnansweredDays = 365
)

// EraseEvery is how often RunErasure erases.
const EraseEvery = time.Hour

// Erase clears the personal data of questions answered more than
// RetentionDays ago and of questions left unanswered for UnansweredDays,
// and deletes outbox messages older than RetentionDays; the questions,
// their dates and their inquiries stay. It returns how many questions it
// erased.
func (q *Questions) Erase(ctx context.Context) (int64, error) {
	now := q.now()
	answered, unanswered := now.AddDate(0, 0, -RetentionDays), now.AddDate(0, 0, -UnansweredDays)
	res, err := q.db.ExecContext(ctx, `UPDATE contact_questions SET question = '', reply_to = '', answer = '', erased_at = $1
		WHERE erased_at IS NULL AND (status = 'answered' AND answered_at < $2 OR status = 'new' AND created_at < $3)`,
		now, answered, unanswered)
	if err != nil {
		return 0, fmt.Errorf("erase questions' personal data: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, err
	}
	if _, err := q.db.ExecContext(ctx, `DELETE FROM mail_outbox WHERE created_at < $1`, answered); err != nil {
		return n, fmt.Errorf("erase old outbox messages: %w", err)
	}
	return n, nil
}

// RunErasure erases at once and then every interval until ctx ends,
// logging only how many questions it erased.
func (q *Questions) RunErasure(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		n, err := q.Erase(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			log.Error("erase contact questions' personal data", "err", err, "erased", n)
		case n > 0:
			log.Info("erased contact questions' personal data after their retention period", "questions", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
