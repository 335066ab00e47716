// Package contact owns the contact form's questions: information
// inquiries a citizen writes without signing in. It checks a question for
// personal data before anything is stored (Check), keeps the accepted
// ones in a queue per department, answers them by e-mail (mail.Sender) or
// by phone, registers each answered question as a contact-form inquiry
// through the recorder, and erases the questions' personal data after
// the retention period.
package contact

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	kmail "github.com/kanal-dk/kanal/internal/mail"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Statuses of a question.
const (
	StatusNew      = "new"
	StatusAnswered = "answered"
)

// How an answer went back.
const (
	ViaEmail = "email"
	ViaPhone = "phone"
	ViaNone  = "none"
)

// Kinds of reply_to.
const (
	ReplyEmail = "email"
	ReplyPhone = "phone"
)

// Limits of the form, in characters.
const (
	QuestionMax = 2000
	AnswerMax   = 5000
	ReplyToMax  = 254
)

// SourceContactForm is the Source of the inquiries answering registers.
const SourceContactForm = "contact_form"

// Question is one question in the queue.
type Question struct {
	ID                      int64
	Municipality            string
	Area, Department        string
	Question                string
	ReplyTo, ReplyKind      string
	CreatedAt               time.Time
	AnswerBy                civil.Date // zero when the area has no response time
	Status                  string
	AnsweredAt              time.Time
	AnsweredBy, AnsweredVia string
	Answer                  string
	Erased                  bool
}

// Overdue reports whether the question is unanswered after its answer
// date.
func (q *Question) Overdue(today civil.Date) bool {
	return q.Status == StatusNew && !q.AnswerBy.IsZero() && q.AnswerBy.Before(today)
}

// Questions stores and answers the contact form's questions.
type Questions struct {
	db       *store.DB
	recorder *inquiry.Recorder
	mail     kmail.Sender
	// Now is the clock; tests set it.
	Now func() time.Time
}

// New returns the questions on db; answering registers inquiries through
// rec and sends e-mail through sender.
func New(db *store.DB, rec *inquiry.Recorder, sender kmail.Sender) *Questions {
	return &Questions{db: db, recorder: rec, mail: sender, Now: time.Now}
}

func (q *Questions) now() time.Time { return q.Now().UTC().Truncate(time.Second) }

// Ask is what a citizen sends.
type Ask struct {
	Area     string // the area's id or KLE number
	Question string
	ReplyTo  string // an e-mail address, a Danish phone number or ""
}

// RefusedError is a question the personal-data check refused.
type RefusedError struct{ Reasons []Reason }

func (e *RefusedError) Error() string {
	return fmt.Sprintf("the question holds personal data (%d reasons)", len(e.Reasons))
}

// Field errors' rules: keys of the catalogue.
const (
	RuleAreaUnknown    = "contact.error.area"
	RuleQuestionEmpty  = "contact.error.question_empty"
	RuleQuestionLong   = "contact.error.question_long"
	RuleQuestionBad    = "contact.error.question_bad"
	RuleReplyTo        = "contact.error.reply_to"
	RuleAnswerEmpty    = "contact.error.answer_empty"
	RuleAnswerLong     = "contact.error.answer_long"
	RuleAnswerNotPhone = "contact.error.phone_not_confirmed"
)

// FieldError is a problem with one field of the form.
type FieldError struct {
	Field, Rule string
}

// InvalidError lists the form's field errors.
type InvalidError struct{ Fields []FieldError }

func (e *InvalidError) Error() string {
	var names []string
	for _, f := range e.Fields {
		names = append(names, f.Field)
	}
	return "invalid fields: " + strings.Join(names, ", ")
}

// ErrNotFound is a question that does not exist in the municipality.
var ErrNotFound = errors.New("no such question")

// ErrAnswered is a question answered already.
var ErrAnswered = errors.New("the question is answered already")

// Refuse runs the personal-data check with the area's own case words.
func Refuse(st *strategy.Strategy, areaID, text string) []Reason {
	var words []string
	if a, ok := st.Area(areaID); ok {
		words = a.CaseWords
	}
	return Check(text, words)
}

// ParseReplyTo reads the citizen's address for the answer: an e-mail
// address (one plain address) or a Danish phone number (eight digits,
// spaces allowed, +45 or 0045 in front allowed), returned in a standard
// form with its kind. "" is no address.
func ParseReplyTo(s string) (value, kind string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", "", true
	}
	if utf8.RuneCountInString(s) > ReplyToMax {
		return "", "", false
	}
	if strings.Contains(s, "@") {
		a, err := mail.ParseAddress(s)
		if err != nil || a.Name != "" || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@"):], ".") {
			return "", "", false
		}
		return s, ReplyEmail, true
	}
	d := strings.NewReplacer(" ", "", "-", "").Replace(s)
	switch {
	case strings.HasPrefix(d, "+45"):
		d = d[3:]
	case strings.HasPrefix(d, "0045"):
		d = d[4:]
	}
	if len(d) != 8 || strings.Trim(d, "0123456789") != "" || d[0] == '0' {
		return "", "", false
	}
	return d[:2] + " " + d[2:4] + " " + d[4:6] + " " + d[6:], ReplyPhone, true
}

// Ask stores an accepted question. A question with personal data is
// answered with a *RefusedError and nothing is stored; a form with
// problems with an *InvalidError.
func (q *Questions) Ask(ctx context.Context, cur *municipality.Current, in Ask) (*Question, error) {
	st := cur.Strategy
	text := strings.TrimSpace(strings.ReplaceAll(in.Question, "\r\n", "\n"))
	a, ok := st.Area(strings.TrimSpace(in.Area))
	var areaWords []string
	if ok {
		areaWords = a.CaseWords
	}
	if reasons := Check(text, areaWords); len(reasons) > 0 {
		return nil, &RefusedError{Reasons: reasons}
	}
	var fields []FieldError
	if !ok || a.Other {
		fields = append(fields, FieldError{"area", RuleAreaUnknown})
	}
	switch {
	case text == "":
		fields = append(fields, FieldError{"question", RuleQuestionEmpty})
	case utf8.RuneCountInString(text) > QuestionMax:
		fields = append(fields, FieldError{"question", RuleQuestionLong})
	case store.CheckLines(text) != nil:
		fields = append(fields, FieldError{"question", RuleQuestionBad})
	}
	reply, kind, rok := ParseReplyTo(in.ReplyTo)
	if !rok {
		fields = append(fields, FieldError{"reply_to", RuleReplyTo})
	}
	if len(fields) > 0 {
		return nil, &InvalidError{Fields: fields}
	}
	now := q.now()
	k := &Question{Municipality: cur.Municipality, Area: a.ID, Department: a.Department, Question: text,
		ReplyTo: reply, ReplyKind: kind, CreatedAt: now, Status: StatusNew}
	if a.ResponseDays != nil {
		if d, ok := st.AnswerBy(now, *a.ResponseDays); ok {
			k.AnswerBy = d
		}
	}
	answerBy := ""
	if !k.AnswerBy.IsZero() {
		answerBy = k.AnswerBy.String()
	}
	err := q.db.QueryRowContext(ctx, `INSERT INTO contact_questions (municipality_id, area, department, question,
		reply_to, reply_kind, created_at, answer_by, status, answered_by, answered_via, answer)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'new', '', '', '') RETURNING id`,
		k.Municipality, k.Area, k.Department, k.Question, k.ReplyTo, k.ReplyKind, k.CreatedAt, answerBy).Scan(&k.ID)
	if err != nil {
		return nil, fmt.Errorf("store a question in %s: %w", cur.Municipality, err)
	}
	return k, nil
}

const columns = `id, municipality_id, area, department, question, reply_to, reply_kind, created_at, answer_by,
	status, answered_at, answered_by, answered_via, answer, erased_at`

type scanner interface{ Scan(...any) error }

func scan(s scanner) (Question, error) {
	var k Question
	var answerBy string
	var answeredAt, erasedAt sql.NullTime
	err := s.Scan(&k.ID, &k.Municipality, &k.Area, &k.Department, &k.Question, &k.ReplyTo, &k.ReplyKind, &k.CreatedAt,
		&answerBy, &k.Status, &answeredAt, &k.AnsweredBy, &k.AnsweredVia, &k.Answer, &erasedAt)
	if err != nil {
		return k, err
	}
	if answerBy != "" {
		if k.AnswerBy, err = civil.ParseDate(answerBy); err != nil {
			return k, fmt.Errorf("question %d: answer date: %w", k.ID, err)
		}
	}
	k.CreatedAt = k.CreatedAt.UTC()
	k.AnsweredAt, k.Erased = answeredAt.Time.UTC(), erasedAt.Valid
	return k, nil
}

// Filter narrows the queue. Department "" is every department.
type Filter struct {
	Municipality, Department, Status string
	Limit                            int
}

// List is the questions of the filter, oldest first.
func (q *Questions) List(ctx context.Context, f Filter) ([]Question, error) {
	query := `SELECT ` + columns + ` FROM contact_questions WHERE municipality_id = $1`
	args := []any{f.Municipality}
	if f.Department != "" {
		args = append(args, f.Department)
		query += fmt.Sprintf(" AND department = $%d", len(args))
	}
	if f.Status != "" {
		args = append(args, f.Status)
		query += fmt.Sprintf(" AND status = $%d", len(args))
	}
	query += " ORDER BY created_at, id"
	if f.Limit > 0 {
		args = append(args, f.Limit)
		query += fmt.Sprintf(" LIMIT $%d", len(args))
	}
	rows, err := q.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list questions of %s: %w", f.Municipality, err)
	}
	defer rows.Close()
	var out []Question
	for rows.Next() {
		k, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("read questions of %s: %w", f.Municipality, err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// Get is one question of the municipality.
func (q *Questions) Get(ctx context.Context, m string, id int64) (*Question, error) {
	k, err := scan(q.db.QueryRowContext(ctx, `SELECT `+columns+` FROM contact_questions WHERE municipality_id = $1 AND id = $2`, m, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("read question %d of %s: %w", id, m, err)
	}
	return &k, nil
}

// Viewed writes a staff member's view of a question's personal data to
// the audit log, with the question's number as target.
func (q *Questions) Viewed(ctx context.Context, m string, id int64, actor audit.Actor) error {
	return audit.Record(ctx, q.db, m, actor, audit.QuestionViewed, fmt.Sprintf("question %d", id), "")
}
