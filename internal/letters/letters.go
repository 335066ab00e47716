// Package letters sends the municipality's outbound letters: to a citizen
// by CPR number or a business by CVR number, through Digital Post when the
// recipient is registered for it and on paper (fjernprint) otherwise. A
// letter is stored with its route decision and reason, its status history
// and its outbound inquiry in one transaction; a Worker sends it through
// the SF1601 transport exactly once, falls back to paper when Digital Post
// fails, and tells the sender's callback URL of each status with a signed
// webhook. docs/letters.md describes it.
package letters

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/cpr"
	"github.com/kanal-dk/kanal/internal/cvr"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Routes of a letter: the inquiry channels it is counted on.
const (
	RouteDigitalPost = strategy.DigitalPost
	RouteLetter      = strategy.Letter
)

// Statuses of a letter.
const (
	Queued          = "queued"
	Sent            = "sent"
	Delivered       = "delivered"
	Failed          = "failed"
	FellBackToPaper = "fell_back_to_paper"
	Printed         = "printed"
)

// Statuses lists them, for the catalogue's test.
var Statuses = []string{Queued, Sent, Delivered, Failed, FellBackToPaper, Printed}

// Reasons of a route decision: each has a text in the catalogue under
// "letters.reason.<code>".
const (
	ReasonRegistered       = "registered"          // the citizen or business is registered for Digital Post
	ReasonExempt           = "exempt"              // the citizen is exempt from Digital Post
	ReasonNotRegistered    = "not_registered"      // the citizen is not registered for Digital Post
	ReasonBusinessNoDP     = "business_no_dp"      // the business has no Digital Post
	ReasonForcedPaper      = "forced_paper"        // the sender asked for paper, with a reason
	ReasonDigitalPostFails = "digital_post_failed" // Digital Post failed; the letter went on paper (the fallback)
)

// Reasons lists them, for the catalogue's test.
var Reasons = []string{ReasonRegistered, ReasonExempt, ReasonNotRegistered, ReasonBusinessNoDP, ReasonForcedPaper, ReasonDigitalPostFails}

// Registration is what the Digital Post registry says of a recipient.
type Registration int

const (
	NotRegistered Registration = iota
	Registered
	Exempt
)

// Recipient is a letter's recipient: exactly one of CPR and CVR, checked.
type Recipient struct {
	CPR cpr.Number
	CVR cvr.Number
}

// Kind is "cpr" or "cvr".
func (r Recipient) Kind() string {
	if !r.CVR.IsZero() {
		return "cvr"
	}
	return "cpr"
}

// Digits is the number's ten or eight digits.
func (r Recipient) Digits() string {
	if !r.CVR.IsZero() {
		return r.CVR.Digits()
	}
	return r.CPR.Digits()
}

// Registry looks a recipient up in the Digital Post registry. The
// development registry (internal/sf1601) answers from the test citizens
// file; production asks the national registry.
type Registry interface {
	Lookup(ctx context.Context, r Recipient) (Registration, error)
}

// Decision is a route with its reason.
type Decision struct {
	Route, Reason string
}

// Decide is the route decision: a CPR recipient registered for Digital
// Post gets Digital Post, an exempt or unregistered one paper; a business
// (CVR) gets Digital Post when registered and paper otherwise; a sender
// who forces paper (forcedReason not empty) gets paper whatever the
// registry says. The strategies' rule: post from the municipality goes
// digitally; a citizen exempted from Digital Post gets paper.
func Decide(r Recipient, reg Registration, forcedReason string) Decision {
	switch {
	case forcedReason != "":
		return Decision{RouteLetter, ReasonForcedPaper}
	case reg == Registered:
		return Decision{RouteDigitalPost, ReasonRegistered}
	case r.Kind() == "cvr":
		return Decision{RouteLetter, ReasonBusinessNoDP}
	case reg == Exempt:
		return Decision{RouteLetter, ReasonExempt}
	}
	return Decision{RouteLetter, ReasonNotRegistered}
}

// Status is one entry of a letter's history.
type Status struct {
	Status string
	At     time.Time
}

// Letter is a stored letter.
type Letter struct {
	Municipality string
	ID           string
	// MessageUUID is the MeMo messageUUID: the transport and its status
	// messages know the letter by it.
	MessageUUID       string
	Recipient         Recipient
	Title             string
	Area, Department  string
	Type              string
	Body              string
	LegalNotification bool
	CallbackURL       string
	ActionURL         string
	// Template is the id of the template the body was merged from.
	Template string
	// PDF is the sender's own main document, instead of a body; empty
	// when the body is the letter.
	PDF         []byte
	Attachments []Attachment
	Actions     []Action
	Decision
	ForcedReason string
	Status       string
	History      []Status
	CreatedAt    time.Time
	SentAt       time.Time
	// Erased says the body and the MeMo message were erased after the
	// retention period.
	Erased bool
	// HasMemo says a MeMo message was sent (Digital Post letters).
	HasMemo bool
	// Sender is the municipality's name, filled by the worker for the
	// PDF and the MeMo sender's label.
	Sender string
	// SenderCVR is the municipality's CVR number from its strategy when
	// the letter was accepted: the MeMo message's sender. Empty when the
	// strategy gives none.
	SenderCVR string
	// HasAttachments and HasActions are filled by List, which reads
	// neither.
	HasAttachments, HasActions bool
}

// Request is a letter to send.
type Request struct {
	// ID is the sender's id of the letter; empty gets a new UUID. A
	// request with an id sent before gets the first letter back.
	ID string
	// CPR or CVR: exactly one.
	CPR, CVR string
	Title    string
	// Area is the area's id or KLE number; Type the inquiry type
	// (information unless given).
	Area, Type        string
	Body              string
	LegalNotification bool
	// ForcePaper is the sender's reason for paper; empty for the
	// automatic choice.
	ForcePaper  string
	CallbackURL string
	ActionURL   string
	// Template is a template's id (Templates): the body is the template
	// merged with Fields, and Body stays empty. Title may be empty then:
	// the template's title is merged.
	Template string
	Fields   map[string]string
	// PDF is the main document as a PDF, instead of a body.
	PDF         []byte
	Attachments []Attachment
	Actions     []Action
	// Test marks a letter from a test key: its inquiry is not counted.
	Test bool
}

// Attachment is a document sent with the letter: a PDF.
type Attachment struct {
	Filename string `json:"filename"`
	MIME     string `json:"mime"`
	Content  []byte `json:"content"`
}

// Action is something the recipient can do from the letter: open a
// self-service solution or book a time. MeMo carries it as an Action
// (actionCode SELVBETJENING or AFTALE); on paper its address is printed.
type Action struct {
	Label string `json:"label"`
	URL   string `json:"url"`
	Kind  string `json:"kind"`
}

// Kinds of an action.
const (
	ActionSelfService = "self_service"
	ActionBooking     = "booking"
)

// ActionKinds lists them, for the catalogue's test and the forms.
var ActionKinds = []string{ActionSelfService, ActionBooking}

// FieldError is a problem with one field of a request; Rule is a key of
// the catalogue ("letters.error.<rule>"), and the Args never hold a CPR
// or CVR number. Rule "inquiry" is the strategy's refusal of the area or
// type: Args[0] is package inquiry's rule (its own catalogue key) and the
// rest its arguments.
type FieldError struct {
	Field, Rule string
	Args        []any
}

// InvalidError is a request with problems, each at its field.
type InvalidError struct{ Fields []FieldError }

func (e *InvalidError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Field + ": " + f.Rule
	}
	return "letter refused: " + strings.Join(parts, "; ")
}

// Limits of a request's fields.
const (
	MaxTitle = 200
	MaxBody  = 64 << 10
	MaxID    = 100
	MaxURL   = 2000
	// MaxPDF is the largest PDF, the main document or one attachment.
	MaxPDF = 5 << 20
	// MaxDocuments is the most the main PDF and the attachments together
	// may be.
	MaxDocuments   = 10 << 20
	MaxAttachments = 5
	MaxActions     = 3
	// MaxActionURL is MeMo's limit of an EntryPoint's url.
	MaxActionURL   = 256
	MaxActionLabel = 100
	MaxFilename    = 100
)

// ErrNotFound is returned for a letter the municipality does not have.
var ErrNotFound = errors.New("no such letter")

// Letters stores and reads letters.
type Letters struct {
	db       *store.DB
	recorder *inquiry.Recorder
	registry Registry
	// Names looks a citizen's name up for a template's {{navn}}; nil
	// leaves navn to the sender. The name is never logged.
	Names sf1520.Lookup
	// Now is the clock; tests set it.
	Now func() time.Time
}

// New returns the letters on db, recording inquiries with recorder and
// deciding routes with registry.
func New(db *store.DB, recorder *inquiry.Recorder, registry Registry) *Letters {
	return &Letters{db: db, recorder: recorder, registry: registry, Now: time.Now}
}

// Source is the inquiries' source; the letter's id is their sender id, so
// a letter is counted once however often it is sent.
const Source = "letters"

// check checks a request and returns its recipient; the problems are
// returned all at once.
func check(req *Request) (Recipient, []FieldError) {
	var errs []FieldError
	add := func(field, rule string, args ...any) { errs = append(errs, FieldError{field, rule, args}) }
	var rec Recipient
	req.ID, req.Title, req.Area = strings.TrimSpace(req.ID), strings.TrimSpace(req.Title), strings.TrimSpace(req.Area)
	req.ForcePaper = strings.TrimSpace(req.ForcePaper)
	if len(req.ID) > MaxID || store.CheckText(req.ID) != nil {
		add("id", "bad_id", MaxID)
	}
	switch {
	case req.CPR != "" && req.CVR != "":
		add("recipient", "one_recipient")
	case req.CPR != "":
		n, err := cpr.Parse(req.CPR)
		if err != nil {
			add("recipient.cpr", "bad_cpr")
		}
		rec.CPR = n
	case req.CVR != "":
		n, err := cvr.Parse(req.CVR)
		if errors.Is(err, cvr.ErrCheck) {
			add("recipient.cvr", "cvr_check")
		} else if err != nil {
			add("recipient.cvr", "bad_cvr")
		}
		rec.CVR = n
	default:
		add("recipient", "required")
	}
	if req.Title == "" && req.Template == "" {
		add("title", "required")
	} else if utf8.RuneCountInString(req.Title) > MaxTitle || store.CheckText(req.Title) != nil {
		add("title", "too_long", MaxTitle)
	}
	if req.Area == "" {
		add("area", "required")
	}
	errs = append(errs, checkContent(req)...)
	for _, u := range []struct{ field, value string }{{"callback_url", req.CallbackURL}, {"action_url", req.ActionURL}} {
		if u.value == "" {
			continue
		}
		p, err := url.Parse(u.value)
		if err != nil || len(u.value) > MaxURL || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" ||
			p.User != nil || p.Fragment != "" {
			add(u.field, "bad_url")
		}
	}
	return rec, errs
}

// checkContent checks the letter's content: exactly one of a body, a
// template and a PDF, the attachments and the actions.
func checkContent(req *Request) []FieldError {
	var errs []FieldError
	add := func(field, rule string, args ...any) { errs = append(errs, FieldError{field, rule, args}) }
	given := 0
	for _, g := range []bool{strings.TrimSpace(req.Body) != "", req.Template != "", len(req.PDF) > 0} {
		if g {
			given++
		}
	}
	switch {
	case given == 0:
		add("body", "required")
	case given > 1:
		add("body", "one_content")
	case req.Body != "" && (len(req.Body) > MaxBody || !utf8.ValidString(req.Body)):
		add("body", "too_long", MaxBody)
	case req.Template != "":
		if t := TemplateByID(req.Template); t == nil {
			add("template", "unknown_template")
		} else {
			errs = append(errs, t.checkFields(req.Fields)...)
		}
	case len(req.PDF) > 0:
		errs = append(errs, checkPDF("pdf", req.PDF)...)
	}
	if req.Template == "" && len(req.Fields) > 0 {
		add("fields", "fields_without_template")
	}
	total := len(req.PDF)
	if len(req.Attachments) > MaxAttachments {
		add("attachments", "too_many", MaxAttachments)
	}
	for i, a := range req.Attachments {
		at := fmt.Sprintf("attachments[%d]", i)
		name := strings.TrimSpace(a.Filename)
		switch {
		case name == "":
			add(at+".filename", "required")
		case utf8.RuneCountInString(name) > MaxFilename || store.CheckText(name) != nil || strings.ContainsAny(name, `/\`):
			add(at+".filename", "bad_filename", MaxFilename)
		}
		if a.MIME != "application/pdf" {
			add(at+".mime", "pdf_only")
		}
		errs = append(errs, checkPDF(at+".content", a.Content)...)
		total += len(a.Content)
	}
	if total > MaxDocuments {
		add("attachments", "documents_too_large", MaxDocuments>>20)
	}
	if len(req.Actions) > MaxActions {
		add("actions", "too_many", MaxActions)
	}
	for i, a := range req.Actions {
		at := fmt.Sprintf("actions[%d]", i)
		if label := strings.TrimSpace(a.Label); label == "" {
			add(at+".label", "required")
		} else if utf8.RuneCountInString(label) > MaxActionLabel || store.CheckText(label) != nil {
			add(at+".label", "too_long", MaxActionLabel)
		}
		p, err := url.Parse(a.URL)
		if a.URL == "" {
			add(at+".url", "required")
		} else if err != nil || p.Scheme != "https" || p.Host == "" || p.User != nil || p.Fragment != "" || len(a.URL) > MaxActionURL {
			add(at+".url", "bad_action_url", MaxActionURL)
		}
		if a.Kind != ActionSelfService && a.Kind != ActionBooking {
			add(at+".kind", "bad_action_kind")
		}
	}
	return errs
}

// checkPDF checks that a document is a PDF Kanal can read and print, of
// at most MaxPDF bytes.
func checkPDF(field string, doc []byte) []FieldError {
	switch {
	case len(doc) == 0:
		return []FieldError{{field, "required", nil}}
	case len(doc) > MaxPDF:
		return []FieldError{{field, "pdf_too_large", []any{MaxPDF >> 20}}}
	}
	if _, err := PageCount(doc); err != nil {
		return []FieldError{{field, "bad_pdf", nil}}
	}
	return nil
}

// merge fills the request's template: {{navn}} from the registry (the
// sender's value when the registry has none), {{dato}} the day it is sent.
func (ls *Letters) merge(ctx context.Context, req *Request, rec Recipient, now time.Time) []FieldError {
	t := TemplateByID(req.Template)
	values := map[string]string{}
	for k, v := range req.Fields {
		values[k] = strings.TrimSpace(v)
	}
	if rec.Kind() == "cpr" && ls.Names != nil {
		if p, err := ls.Names.PersonLookup(ctx, rec.CPR.Digits()); err == nil && p != nil && p.Name() != "" {
			values[FieldName] = p.Name()
		}
	}
	if values[FieldName] == "" {
		return []FieldError{{"fields." + FieldName, "no_name", nil}}
	}
	values[FieldDate] = locale.New("da").Date(civil.DateOf(now))
	title, body := t.Merge(values)
	if req.Title == "" {
		req.Title = title
	}
	req.Body = body
	return nil
}

// NewID is a random UUID (version 4).
func NewID() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// errRepeat rolls back what the recorder stored for a repeated id.
var errRepeat = errors.New("letter sent before")

// Send decides a letter's route and stores it, queued for the worker, with
// its first status and its outbound inquiry (on the route's channel) in
// one transaction. A request whose id the municipality used before gets
// the first letter and created false; nothing is stored again.
func (ls *Letters) Send(ctx context.Context, cur *municipality.Current, req Request) (*Letter, bool, error) {
	rec, errs := check(&req)
	if req.ID != "" && len(errs) == 0 {
		if l, err := ls.Get(ctx, cur.Municipality, req.ID); err == nil {
			return l, false, nil
		} else if !errors.Is(err, ErrNotFound) {
			return nil, false, err
		}
	}
	if req.ID == "" {
		req.ID = NewID()
	}
	typ := req.Type
	if typ == "" {
		typ = strategy.Information
	}
	now := ls.Now().UTC().Truncate(time.Second)
	in := inquiry.Inquiry{OccurredAt: now, Channel: RouteDigitalPost, Type: typ, Direction: strategy.Outbound,
		Area: req.Area, Source: Source, ExternalID: req.ID, Test: req.Test}
	if req.Area != "" {
		for _, fe := range ls.recorder.Check(cur, &in) {
			switch fe.Field {
			case "area", "type":
				errs = append(errs, FieldError{fe.Field, "inquiry", append([]any{fe.Rule}, fe.Args...)})
			}
		}
	}
	if len(errs) > 0 {
		return nil, false, &InvalidError{errs}
	}
	if req.Template != "" {
		if errs := ls.merge(ctx, &req, rec, now); len(errs) > 0 {
			return nil, false, &InvalidError{errs}
		}
		if utf8.RuneCountInString(req.Title) > MaxTitle {
			return nil, false, &InvalidError{[]FieldError{{"title", "too_long", []any{MaxTitle}}}}
		}
		if len(req.Body) > MaxBody {
			return nil, false, &InvalidError{[]FieldError{{"fields", "too_long", []any{MaxBody}}}}
		}
	}
	reg, err := ls.registry.Lookup(ctx, rec)
	if err != nil {
		return nil, false, fmt.Errorf("look the recipient up in the Digital Post registry: %w", err)
	}
	d := Decide(rec, reg, req.ForcePaper)
	in.Channel = d.Route
	if errs := ls.recorder.Check(cur, &in); len(errs) > 0 {
		return nil, false, &InvalidError{[]FieldError{{errs[0].Field, "inquiry", append([]any{errs[0].Rule}, errs[0].Args...)}}}
	}
	l := &Letter{Municipality: cur.Municipality, ID: req.ID, Recipient: rec, Title: req.Title, Area: in.Area,
		Department: in.Department, Type: typ, Body: req.Body, LegalNotification: req.LegalNotification,
		CallbackURL: req.CallbackURL, ActionURL: req.ActionURL, Template: req.Template, PDF: req.PDF,
		Attachments: req.Attachments, Actions: req.Actions, Decision: d, ForcedReason: req.ForcePaper,
		Status: Queued, History: []Status{{Queued, now}}, CreatedAt: now, MessageUUID: NewID()}
	// The strategy's validation has checked the number; it may be
	// written with spaces ("12 34 56 74"), and is sent as eight digits.
	if n, err := cvr.Parse(cur.Strategy.Municipality.CVR); err == nil {
		l.SenderCVR = n.Digits()
	}
	_, err = ls.recorder.RecordWith(ctx, cur, []inquiry.Inquiry{in}, func(tx *sql.Tx, res inquiry.Result) error {
		if len(res.IDs) != 1 {
			return errRepeat
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO letters (municipality_id, id, message_uuid, recipient_kind, recipient, title, area,
			department, type, body, legal_notification, callback_url, action_url, route, reason, forced_reason, status,
			inquiry_id, inquiry_at, next_attempt_at, created_at, template, pdf, attachments, actions, sender_cvr)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20,
			$21, $22, $23, $24, $25)`,
			l.Municipality, l.ID, l.MessageUUID, rec.Kind(), rec.Digits(), l.Title, l.Area, l.Department, l.Type, l.Body,
			l.LegalNotification, l.CallbackURL, l.ActionURL, l.Route, l.Reason, l.ForcedReason, Queued,
			res.IDs[0], now, now, l.Template, nullBytes(l.PDF), jsonList(l.Attachments), jsonList(l.Actions), l.SenderCVR); err != nil {
			return err
		}
		return addStatus(ctx, tx, l, Queued, now)
	})
	if errors.Is(err, errRepeat) {
		first, err := ls.Get(ctx, cur.Municipality, req.ID)
		return first, false, err
	}
	if err != nil {
		return nil, false, fmt.Errorf("send a letter in %s: %w", cur.Municipality, err)
	}
	return l, true, nil
}

// addStatus appends a status to the letter's history and, when it has a
// callback URL, queues a webhook telling it.
func addStatus(ctx context.Context, tx *sql.Tx, l *Letter, status string, at time.Time) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO letter_statuses (municipality_id, letter_id, status, at) VALUES ($1, $2, $3, $4)`,
		l.Municipality, l.ID, status, at); err != nil {
		return fmt.Errorf("add status %s: %w", status, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE letters SET status = $1 WHERE municipality_id = $2 AND id = $3`,
		status, l.Municipality, l.ID); err != nil {
		return fmt.Errorf("set status %s: %w", status, err)
	}
	if l.CallbackURL == "" {
		return nil
	}
	payload := fmt.Sprintf(`{"id":%q,"status":%q,"route":%q,"at":%q}`, l.ID, status, l.Route, at.UTC().Format(time.RFC3339))
	_, err := tx.ExecContext(ctx, `INSERT INTO letter_webhooks (municipality_id, letter_id, url, payload, state, next_attempt_at, created_at)
		VALUES ($1, $2, $3, $4, 'pending', $5, $5)`, l.Municipality, l.ID, l.CallbackURL, payload, at)
	return err
}

const letterColumns = `id, message_uuid, recipient_kind, recipient, title, area, department, type, body, legal_notification, callback_url,
	action_url, route, reason, forced_reason, status, created_at, sent_at, erased_at, memo <> '', template, pdf, attachments, actions, sender_cvr`

func scanLetter(row interface{ Scan(...any) error }, l *Letter) error {
	var kind, digits, attachments, actions string
	var sent, erased sql.NullTime
	if err := row.Scan(&l.ID, &l.MessageUUID, &kind, &digits, &l.Title, &l.Area, &l.Department, &l.Type, &l.Body, &l.LegalNotification,
		&l.CallbackURL, &l.ActionURL, &l.Route, &l.Reason, &l.ForcedReason, &l.Status, &l.CreatedAt, &sent, &erased,
		&l.HasMemo, &l.Template, &l.PDF, &attachments, &actions, &l.SenderCVR); err != nil {
		return err
	}
	if attachments != "" {
		if err := json.Unmarshal([]byte(attachments), &l.Attachments); err != nil {
			return fmt.Errorf("read attachments: %w", err)
		}
	}
	if actions != "" {
		if err := json.Unmarshal([]byte(actions), &l.Actions); err != nil {
			return fmt.Errorf("read actions: %w", err)
		}
	}
	l.SentAt, l.Erased = sent.Time, erased.Valid
	var err error
	if kind == "cvr" {
		l.Recipient.CVR, err = cvr.Parse(digits)
	} else {
		l.Recipient.CPR, err = cpr.Parse(digits)
	}
	return err
}

// Get returns one of the municipality's letters with its history.
func (ls *Letters) Get(ctx context.Context, municipality, id string) (*Letter, error) {
	l := &Letter{Municipality: municipality}
	err := scanLetter(ls.db.QueryRowContext(ctx, `SELECT `+letterColumns+` FROM letters WHERE municipality_id = $1 AND id = $2`,
		municipality, id), l)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("read letter: %w", err)
	}
	rows, err := ls.db.QueryContext(ctx, `SELECT status, at FROM letter_statuses WHERE municipality_id = $1 AND letter_id = $2
		ORDER BY id`, municipality, id)
	if err != nil {
		return nil, fmt.Errorf("read letter history: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var s Status
		if err := rows.Scan(&s.Status, &s.At); err != nil {
			return nil, err
		}
		l.History = append(l.History, s)
	}
	return l, rows.Err()
}

// Memo returns the MeMo message sent for a Digital Post letter; empty when
// none was sent (yet), or it was erased.
func (ls *Letters) Memo(ctx context.Context, municipality, id string) ([]byte, error) {
	var memo string
	err := ls.db.QueryRowContext(ctx, `SELECT memo FROM letters WHERE municipality_id = $1 AND id = $2`, municipality, id).Scan(&memo)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("read letter's MeMo: %w", err)
	}
	return []byte(memo), nil
}

// nullBytes stores an empty document as NULL.
func nullBytes(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return b
}

// jsonList stores a list as JSON, an empty one as ”.
func jsonList[T any](list []T) string {
	if len(list) == 0 {
		return ""
	}
	b, _ := json.Marshal(list)
	return string(b)
}

// Filter narrows the letters List returns; an empty field does not.
type Filter struct {
	Status, Route, Area string
	// Department: only the department's letters.
	Department string
	// Limit is the most returned (100 when 0).
	Limit int
}

// List returns the municipality's letters, newest first, without their
// bodies, documents or histories.
func (ls *Letters) List(ctx context.Context, municipality string, f Filter) ([]Letter, error) {
	q := `SELECT id, recipient_kind, recipient, title, area, department, route, reason, status, created_at, template,
		attachments <> '', actions <> '' OR action_url <> '' FROM letters WHERE municipality_id = $1`
	args := []any{municipality}
	for _, c := range []struct{ column, value string }{{"status", f.Status}, {"route", f.Route}, {"area", f.Area}, {"department", f.Department}} {
		if c.value != "" {
			args = append(args, c.value)
			q += fmt.Sprintf(" AND %s = $%d", c.column, len(args))
		}
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	q += fmt.Sprintf(" ORDER BY created_at DESC, id DESC LIMIT %d", limit)
	rows, err := ls.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list letters: %w", err)
	}
	defer rows.Close()
	var out []Letter
	for rows.Next() {
		l := Letter{Municipality: municipality}
		var kind, digits string
		var hasAttachments, hasActions bool
		if err := rows.Scan(&l.ID, &kind, &digits, &l.Title, &l.Area, &l.Department, &l.Route, &l.Reason, &l.Status,
			&l.CreatedAt, &l.Template, &hasAttachments, &hasActions); err != nil {
			return nil, fmt.Errorf("list letters: %w", err)
		}
		if kind == "cvr" {
			l.Recipient.CVR, err = cvr.Parse(digits)
		} else {
			l.Recipient.CPR, err = cpr.Parse(digits)
		}
		if err != nil {
			return nil, fmt.Errorf("list letters: recipient of %s: %w", l.ID, err)
		}
		l.HasAttachments, l.HasActions = hasAttachments, hasActions
		out = append(out, l)
	}
	return out, rows.Err()
}
