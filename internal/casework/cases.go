package casework

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/delivery"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Cases stores cases, drafts and the forms' funnel.
type Cases struct {
	db       *store.DB
	recorder *inquiry.Recorder
	// Now is the clock; tests set it.
	Now func() time.Time
	// enqueue queues a submission's delivery in its transaction
	// (delivery.Enqueue; the package's tests look at what is queued).
	enqueue func(ctx context.Context, tx *sql.Tx, municipality, event, key string, payload []byte) error
}

// New returns the case store; submissions register their inquiries
// through rec.
func New(db *store.DB, rec *inquiry.Recorder) *Cases {
	return &Cases{db: db, recorder: rec, Now: time.Now, enqueue: delivery.Enqueue}
}

// Submission is what opens a case.
type Submission struct {
	Area string // the area's id (or KLE number)
	Type string // the inquiry type to register; empty: transaction
	Form string // empty for API cases
	// Channel is the channel the inquiry is registered on (self_service
	// for Kanal's forms); Assisted marks medbetjening.
	Channel    string
	Assisted   bool
	Source     string
	ExternalID string
	CPR, Name  string
	Answers    map[string]string
	Files      []Attachment
	// Run is the funnel run the submission completes (StartRun); empty
	// when there is none.
	Run string
	// SubmittedAt is when the citizen submitted; zero means now.
	SubmittedAt time.Time
	// Test marks a submission made with a test API key: its inquiry is
	// stored, never counted (inquiry.Inquiry.Test).
	Test bool
}

// SourcePortal is the Source of the citizen portal's submissions; their
// first status change is by "citizen".
const SourcePortal = "portal"

// Submit opens a case in one transaction: the case with its reference,
// answer date and first status, the inquiry through the recorder, the
// completed funnel run and the queued delivery to the case system. A
// submission with a Source and ExternalID seen before returns the earlier
// case (created false) and records nothing. A submission the strategy
// refuses is answered with an *InvalidError naming the fields.
func (c *Cases) Submit(ctx context.Context, cur *municipality.Current, s Submission) (k *Case, created bool, err error) {
	now := c.now()
	if s.SubmittedAt.IsZero() {
		s.SubmittedAt = now
	}
	s.SubmittedAt = s.SubmittedAt.UTC().Truncate(time.Second)
	if s.Type == "" {
		s.Type = strategy.Transaction
	}
	if err := checkSubmission(&s); err != nil {
		return nil, false, err
	}
	in := inquiry.Inquiry{OccurredAt: s.SubmittedAt, Channel: s.Channel, Type: s.Type, Direction: strategy.Inbound,
		Area: s.Area, Assisted: s.Assisted, Source: s.Source, ExternalID: s.ExternalID, Test: s.Test}
	if errs := c.recorder.Check(cur, &in); len(errs) > 0 {
		return nil, false, &InvalidError{Fields: errs}
	}
	area, _ := cur.Strategy.Area(in.Area)
	k = &Case{Municipality: cur.Municipality, Area: area.ID, Department: in.Department, Form: s.Form,
		Channel: s.Channel, Assisted: s.Assisted, Source: s.Source, ExternalID: s.ExternalID, Status: Received,
		SubmittedAt: s.SubmittedAt, CPR: s.CPR, Name: s.Name, Answers: s.Answers}
	if k.Answers == nil {
		k.Answers = map[string]string{}
	}
	if area.ResponseDays != nil {
		d, ok := cur.Strategy.AnswerBy(s.SubmittedAt, *area.ResponseDays)
		if !ok {
			return nil, false, &InvalidError{Fields: []inquiry.FieldError{{Field: "submitted_at", Rule: RuleNoWorkingDay}}}
		}
		k.AnswerBy, k.WorkingDays = d, *area.ResponseDays
	}
	var first *Case
	_, err = c.recorder.RecordWith(ctx, cur, []inquiry.Inquiry{in}, func(tx *sql.Tx, res inquiry.Result) error {
		first = nil
		if s.ExternalID != "" {
			found, err := c.bySender(ctx, tx, cur.Municipality, s.Source, s.ExternalID)
			if err != nil {
				return err
			}
			if found != nil {
				// A repeat: whatever the recorder stored is rolled back.
				first = found
				return errRepeat
			}
		}
		var inquiryID *int64
		if len(res.IDs) == 1 {
			inquiryID = &res.IDs[0]
		}
		opened, err := c.open(ctx, tx, cur, area, k, s, inquiryID, now)
		first = opened
		return err
	})
	if errors.Is(err, errRepeat) || err == nil && first != k {
		return first, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("submit a case in %s: %w", cur.Municipality, err)
	}
	return k, true, nil
}

// open writes a new case in tx: the case under a fresh reference, its
// first change, its attachments, the run it completes and its delivery.
// It returns k, or the case a concurrent submission with the same sender
// id opened first.
func (c *Cases) open(ctx context.Context, tx *sql.Tx, cur *municipality.Current, area *strategy.Area, k *Case,
	s Submission, inquiryID *int64, now time.Time) (*Case, error) {
	answers, err := json.Marshal(k.Answers)
	if err != nil {
		return nil, err
	}
	answerBy := ""
	if !k.AnswerBy.IsZero() {
		answerBy = k.AnswerBy.String()
	}
	for attempt := 0; ; attempt++ {
		ref, err := newReference()
		if err != nil {
			return nil, err
		}
		// Nothing is inserted on a conflict with another case's reference
		// or sender id; a concurrent submission with the same sender id
		// is waited for, and then found.
		err = tx.QueryRowContext(ctx, `INSERT INTO cases (municipality_id, reference, area, department, form, channel,
				assisted, source, external_id, status, submitted_at, answer_by, working_days, cpr, name, answers, inquiry_id, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
			ON CONFLICT DO NOTHING RETURNING id`,
			cur.Municipality, ref, k.Area, k.Department, k.Form, k.Channel, k.Assisted, k.Source, nullable(k.ExternalID),
			Received, k.SubmittedAt, answerBy, k.WorkingDays, k.CPR, k.Name, string(answers), inquiryID, now).Scan(&k.ID)
		if err == nil {
			k.Reference = ref
			break
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("insert case: %w", err)
		}
		if k.ExternalID != "" {
			first, err := c.bySender(ctx, tx, cur.Municipality, k.Source, k.ExternalID)
			if err != nil {
				return nil, err
			}
			if first != nil {
				return first, errRepeat
			}
		}
		if attempt == 5 {
			return nil, errors.New("insert case: no free reference after 6 attempts")
		}
	}
	by := k.Source
	if by == SourcePortal {
		by = "citizen"
	}
	change := Change{Status: Received, At: now, By: by}
	// The receipt of a case from Kanal's own forms goes to the citizen as a
	// letter too (internal/casenotice); another vendor's solution gives its
	// own receipt, and a test key's case tells nobody.
	notice := ""
	if (k.Source == SourcePortal || k.Source == inquiry.SourceConsole) && !s.Test {
		notice = NoticePending
	}
	if err := insertChange(ctx, tx, k.ID, change, notice); err != nil {
		return nil, err
	}
	k.History = []Change{change}
	for _, f := range s.Files {
		if _, err := tx.ExecContext(ctx, `INSERT INTO case_attachments (case_id, field, filename, content_type, data)
			VALUES ($1, $2, $3, $4, $5)`, k.ID, f.Field, f.Filename, f.ContentType, f.Data); err != nil {
			return nil, fmt.Errorf("insert attachment: %w", err)
		}
	}
	if s.Run != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE form_runs SET completed_at = $1, touched_at = $1
			WHERE id = $2 AND municipality_id = $3 AND completed_at IS NULL`, now, s.Run, cur.Municipality); err != nil {
			return nil, fmt.Errorf("complete form run: %w", err)
		}
	}
	if s.Test {
		// A test key's case goes to no case system.
		return k, nil
	}
	payload, err := json.Marshal(newPayload(cur.Municipality, area, k, s.Files))
	if err != nil {
		return nil, err
	}
	if err := c.enqueue(ctx, tx, cur.Municipality, EventSubmitted, k.Reference, payload); err != nil {
		return nil, fmt.Errorf("queue delivery of %s: %w", k.Reference, err)
	}
	return k, nil
}

// NoticePending marks a change whose letter to the citizen (a receipt or
// a status notice) is still to be sent by internal/casenotice.
const NoticePending = "pending"

// insertChange writes a change; notice is NoticePending when a letter is
// to tell the citizen of it, else "".
func insertChange(ctx context.Context, tx *sql.Tx, caseID int64, ch Change, notice string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO case_changes (case_id, status, changed_at, changed_by, note, notify, notice)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, caseID, ch.Status, ch.At, ch.By, ch.Note, ch.Notify, notice)
	if err != nil {
		return fmt.Errorf("insert case change: %w", err)
	}
	return nil
}

// caseColumns are the columns scanCase reads, in its order.
const caseColumns = `id, municipality_id, reference, area, department, form, channel, assisted, source, external_id,
	status, submitted_at, answer_by, working_days, cpr, name, answers, erased_at`

type scanner interface{ Scan(dest ...any) error }

func scanCase(row scanner) (*Case, error) {
	var k Case
	var external sql.NullString
	var answerBy, answers string
	var erased sql.NullTime
	err := row.Scan(&k.ID, &k.Municipality, &k.Reference, &k.Area, &k.Department, &k.Form, &k.Channel, &k.Assisted,
		&k.Source, &external, &k.Status, &k.SubmittedAt, &answerBy, &k.WorkingDays, &k.CPR, &k.Name, &answers, &erased)
	if err != nil {
		return nil, err
	}
	k.ExternalID, k.Erased = external.String, erased.Valid
	k.SubmittedAt = k.SubmittedAt.UTC()
	if answerBy != "" {
		if k.AnswerBy, err = civil.ParseDate(answerBy); err != nil {
			return nil, fmt.Errorf("case %s: answer date: %w", k.Reference, err)
		}
	}
	k.Answers = map[string]string{}
	if answers != "" {
		if err := json.Unmarshal([]byte(answers), &k.Answers); err != nil {
			return nil, fmt.Errorf("case %s: answers: %w", k.Reference, err)
		}
	}
	return &k, nil
}

// querier is a database or a transaction.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// bySender returns the case a source's sender id opened, or nil.
func (c *Cases) bySender(ctx context.Context, q querier, municipality, source, external string) (*Case, error) {
	k, err := scanCase(q.QueryRowContext(ctx, `SELECT `+caseColumns+` FROM cases
		WHERE municipality_id = $1 AND source = $2 AND external_id = $3`, municipality, source, external))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("find case by sender id: %w", err)
	}
	if k.History, err = history(ctx, q, k.ID); err != nil {
		return nil, err
	}
	return k, nil
}

// Get returns a municipality's case by reference (any case, spaced or
// lower-case as read aloud), or ErrNotFound. Its History is filled in, in
// the order of the changes.
func (c *Cases) Get(ctx context.Context, municipality, reference string) (*Case, error) {
	ref, ok := ParseReference(reference)
	if !ok {
		return nil, ErrNotFound
	}
	k, err := scanCase(c.db.QueryRowContext(ctx, `SELECT `+caseColumns+` FROM cases
		WHERE municipality_id = $1 AND reference = $2`, municipality, ref))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("get case: %w", err)
	}
	if k.History, err = history(ctx, c.db, k.ID); err != nil {
		return nil, err
	}
	return k, nil
}

// history is a case's changes, oldest first.
func history(ctx context.Context, q querier, caseID int64) ([]Change, error) {
	rows, err := q.QueryContext(ctx, `SELECT status, changed_at, changed_by, note, notify FROM case_changes
		WHERE case_id = $1 ORDER BY changed_at, id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("case history: %w", err)
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var ch Change
		if err := rows.Scan(&ch.Status, &ch.At, &ch.By, &ch.Note, &ch.Notify); err != nil {
			return nil, fmt.Errorf("case history: %w", err)
		}
		ch.At = ch.At.UTC()
		out = append(out, ch)
	}
	return out, rows.Err()
}

// ForCitizen returns a citizen's cases in a municipality, newest first
// (without their History). cpr is read as cpr.Parse reads it; a number
// that is none has no cases.
func (c *Cases) ForCitizen(ctx context.Context, municipality, cpr string) ([]Case, error) {
	digits, ok := cprDigits(cpr)
	if !ok {
		return nil, nil
	}
	return c.list(ctx, `SELECT `+caseColumns+` FROM cases WHERE municipality_id = $1 AND cpr = $2
		ORDER BY submitted_at DESC, id DESC`, municipality, digits)
}

// Filter narrows a case list.
type Filter struct {
	Municipality string
	Department   string // empty: every department
	Area         string
	Status       string
	Reference    string // a part of the reference
	Limit        int
}

// List returns the cases the filter matches, oldest unanswered first: the
// open cases (not decided or closed) by submission, then the others by
// submission. The cases come without their History. A part of a
// reference is matched as ParseReference reads a whole one (any case,
// spaces and dashes left out).
func (c *Cases) List(ctx context.Context, f Filter) ([]Case, error) {
	where := []string{"municipality_id = $1"}
	args := []any{f.Municipality}
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if f.Department != "" {
		add("department = $%d", f.Department)
	}
	if f.Area != "" {
		add("area = $%d", f.Area)
	}
	if f.Status != "" {
		add("status = $%d", f.Status)
	}
	if f.Reference != "" {
		part := referenceChars(f.Reference)
		if part == "" || len(part) != len(strings.Map(keepSeparators, f.Reference)) {
			return nil, nil
		}
		// part holds only the reference alphabet: nothing to escape.
		add("REPLACE(reference, '-', '') LIKE $%d", "%"+part+"%")
	}
	q := `SELECT ` + caseColumns + ` FROM cases WHERE ` + strings.Join(where, " AND ") + `
		ORDER BY CASE WHEN status IN ('decided', 'closed') THEN 1 ELSE 0 END, submitted_at, id`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return c.list(ctx, q, args...)
}

func (c *Cases) list(ctx context.Context, q string, args ...any) ([]Case, error) {
	rows, err := c.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	defer rows.Close()
	var out []Case
	for rows.Next() {
		k, err := scanCase(rows)
		if err != nil {
			return nil, fmt.Errorf("list cases: %w", err)
		}
		out = append(out, *k)
	}
	return out, rows.Err()
}

// SetStatus changes a case's status, records the change in the history
// and the audit log (by actor), and marks it for notifying the citizen
// when notify is set. A status not in Statuses is ErrUnknownStatus; a
// note that cannot be stored is an *InvalidError on "note". The audit
// entry names the reference and the statuses, never the note (which may
// hold personal data).
func (c *Cases) SetStatus(ctx context.Context, municipality, reference, status string, actor audit.Actor, note string, notify bool) error {
	if !IsStatus(status) {
		return ErrUnknownStatus
	}
	if err := checkNote(note); err != nil {
		return err
	}
	ref, ok := ParseReference(reference)
	if !ok {
		return ErrNotFound
	}
	now := c.now()
	return c.db.InTx(ctx, func(tx *sql.Tx) error {
		var id int64
		var was string
		err := tx.QueryRowContext(ctx, `SELECT id, status FROM cases WHERE municipality_id = $1 AND reference = $2`,
			municipality, ref).Scan(&id, &was)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("set status of %s: %w", ref, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET status = $1, updated_at = $2 WHERE id = $3`, status, now, id); err != nil {
			return fmt.Errorf("set status of %s: %w", ref, err)
		}
		notice := ""
		if notify {
			notice = NoticePending
		}
		if err := insertChange(ctx, tx, id, Change{Status: status, At: now, By: actor.Name, Note: note, Notify: notify}, notice); err != nil {
			return err
		}
		return audit.Record(ctx, tx, municipality, actor, audit.CaseStatusChanged, ref, was+" → "+status)
	})
}

// IsStatus reports whether s is one of Statuses.
func IsStatus(s string) bool {
	for _, st := range Statuses {
		if st == s {
			return true
		}
	}
	return false
}

// Attachments returns a case's files (personal data; callers audit), in
// the order they were attached; none once the case is erased.
func (c *Cases) Attachments(ctx context.Context, caseID int64) ([]Attachment, error) {
	rows, err := c.db.QueryContext(ctx, `SELECT field, filename, content_type, data FROM case_attachments
		WHERE case_id = $1 ORDER BY id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("case attachments: %w", err)
	}
	defer rows.Close()
	var out []Attachment
	for rows.Next() {
		var a Attachment
		if err := rows.Scan(&a.Field, &a.Filename, &a.ContentType, &a.Data); err != nil {
			return nil, fmt.Errorf("case attachments: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// now is the clock's time in UTC to the second, as stored.
func (c *Cases) now() time.Time { return c.Now().UTC().Truncate(time.Second) }

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
