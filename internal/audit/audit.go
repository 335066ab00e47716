// Package audit keeps the audit log: every sign-in and failed sign-in, every
// change to strategies, users and API keys, and (from the citizen features
// on) every staff view of personal data. The log is append-only — the
// database refuses updates and deletes — and each municipality's auditors
// read only their own municipality's events.
package audit

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/store"
)

// Actions recorded in the log. Each has a text in the translation
// catalogue under "audit.action.<action>".
const (
	SignIn            = "signin"
	SignInFailed      = "signin_failed"
	SignOut           = "signout"
	PasswordChanged   = "password_changed"
	UserCreated       = "user_created"
	UserPasswordReset = "user_password_reset"
	UserDisabled      = "user_disabled"
	// UserReopened is a closed account opened again.
	UserReopened      = "user_reopened"
	SessionsRevoked   = "sessions_revoked"
	KeyCreated        = "apikey_created"
	KeyRevoked        = "apikey_revoked"
	StrategyLoaded    = "strategy_loaded"
	MunicipalityAdded = "municipality_created"
	AuditExported     = "audit_exported"
	ComparisonShared  = "comparison_shared"
	// InquiryUndone is a registration taken back at the staff console.
	InquiryUndone = "inquiry_undone"
	// ReportIssued is the council's yearly report issued and stored.
	ReportIssued = "report_issued"
	// KLEChecked is a strategy version's KLE numbers checked against KL's
	// KLE emneplan and the check stored with the version.
	KLEChecked = "kle_checked"
	// CaseViewed is a staff member's view of a case's personal data (the
	// citizen's CPR number, name, answers or attachments).
	CaseViewed = "case_viewed"
	// CaseStatusChanged is a case's status changed by staff or a system.
	CaseStatusChanged = "case_status_changed"
	// CaseErased is a case's personal data erased after its retention
	// period.
	CaseErased = "case_erased"
	// DeliveryResent is a dead letter to the case system sent again by
	// staff.
	DeliveryResent = "delivery_resent"
	// EndpointSet is the case-system endpoint configured or changed.
	EndpointSet = "endpoint_set"
	// CallbacksViewed is a staff member's view of a day's callbacks with
	// the citizens' phone numbers; the target is the day, never a number.
	CallbacksViewed = "callbacks_viewed"
	// QuestionViewed is a staff member's view of a contact-form question
	// with the citizen's e-mail address or phone number; the target is
	// the question's number.
	QuestionViewed = "question_viewed"
	// PrintQueueViewed is a staff member's view of the print queue with
	// its recipients' CPR and CVR numbers, or of one letter's PDF; the
	// target is the letter's messageUUID for a PDF, empty for the queue.
	PrintQueueViewed = "print_queue_viewed"
	// LetterRecipientViewed is a staff member's view of a sent letter's
	// recipient in full (CPR or CVR number); the target is the letter's
	// id, the detail "cpr" or "cvr".
	LetterRecipientViewed = "letter_recipient_viewed"
	// RegisterChanged is an area's entry in the self-service solution
	// register saved; the target is the area's id.
	RegisterChanged = "register_changed"
	// DepartmentReportSaved is a department's texts for its yearly report
	// saved (a new version); the target is "department/year".
	DepartmentReportSaved = "department_report_saved"
	// BusinessCaseSaved is a new version of a business case saved, and
	// BusinessCaseApproved one approved; the target is the case's number.
	BusinessCaseSaved    = "business_case_saved"
	BusinessCaseApproved = "business_case_approved"
	// PlanSaved is a new version of a department's action plan saved,
	// PlanSubmitted one sent to the strategy group, PlanApproved one
	// approved; the target is the department, the detail the version.
	PlanSaved     = "plan_saved"
	PlanSubmitted = "plan_submitted"
	PlanApproved  = "plan_approved"
)

// Actions lists every action, for filters.
var Actions = []string{SignIn, SignInFailed, SignOut, PasswordChanged, UserCreated, UserPasswordReset,
	UserDisabled, UserReopened, SessionsRevoked, KeyCreated, KeyRevoked, StrategyLoaded, MunicipalityAdded, AuditExported, ComparisonShared,
	InquiryUndone, ReportIssued, KLEChecked, CaseViewed, CaseStatusChanged, CaseErased, DeliveryResent, EndpointSet, CallbacksViewed,
	QuestionViewed, PrintQueueViewed, LetterRecipientViewed, RegisterChanged, DepartmentReportSaved,
	BusinessCaseSaved, BusinessCaseApproved, PlanSaved, PlanSubmitted, PlanApproved}

// IsAction reports whether s names an action of the log.
func IsAction(s string) bool {
	for _, a := range Actions {
		if a == s {
			return true
		}
	}
	return false
}

// Actor is who did something: a signed-in user's e-mail, "apikey:NAME",
// "cli:USER" or "system", and where from.
type Actor struct {
	Name       string
	RemoteAddr string
}

// System is the actor for what Kanal does on its own (loading presets).
var System = Actor{Name: "system"}

// Event is one entry of the log.
type Event struct {
	ID int64
	// Municipality is empty for events of the installation as a whole.
	Municipality string
	At           time.Time
	Actor        string
	Action       string
	// Target is what the action concerned: a user's e-mail, a key's name,
	// a strategy version.
	Target     string
	Detail     string
	RemoteAddr string
}

// Execer is a database or a transaction; events are written in the same
// transaction as the change they record.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Record appends an event. Callers keep what people typed out of target
// and detail; as a last guard, anything shaped like a CPR number is masked
// before it is written, because an event can never be changed afterwards.
func Record(ctx context.Context, db Execer, municipality string, actor Actor, action, target, detail string) error {
	var m any
	if municipality != "" {
		m = municipality
	}
	_, err := db.ExecContext(ctx, `INSERT INTO audit_events
		(municipality_id, occurred_at, actor, action, target, detail, remote_addr)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		m, time.Now().UTC(), MaskCPR(actor.Name), action, MaskCPR(target), MaskCPR(detail), actor.RemoteAddr)
	if err != nil {
		return fmt.Errorf("audit %s: %w", action, err)
	}
	return nil
}

// Filter narrows the log. Municipality is required: auditors read only
// their own municipality's events.
type Filter struct {
	Municipality string
	From, To     time.Time // To is exclusive; zero values leave the side open
	Action       string
	Actor        string // a part of the actor, case-insensitive
	Limit        int    // 0 means no limit
}

// List returns the events that match, newest first.
func List(ctx context.Context, db *store.DB, f Filter) ([]Event, error) {
	if f.Municipality == "" {
		return nil, fmt.Errorf("audit list: no municipality")
	}
	var where []string
	args := []any{f.Municipality}
	where = append(where, "municipality_id = $1")
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if !f.From.IsZero() {
		add("occurred_at >= $%d", f.From.UTC())
	}
	if !f.To.IsZero() {
		add("occurred_at < $%d", f.To.UTC())
	}
	if f.Action != "" {
		add("action = $%d", f.Action)
	}
	if f.Actor != "" {
		add("LOWER(actor) LIKE $%d", "%"+strings.ToLower(f.Actor)+"%")
	}
	q := `SELECT id, COALESCE(municipality_id, ''), occurred_at, actor, action, target, detail, remote_addr
		FROM audit_events WHERE ` + strings.Join(where, " AND ") + ` ORDER BY occurred_at DESC, id DESC`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list audit events: %w", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.Municipality, &e.At, &e.Actor, &e.Action, &e.Target, &e.Detail, &e.RemoteAddr); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// cprShaped matches what could be a CPR number: six digits, an optional
// hyphen or space, four digits, not part of a longer number.
var cprShaped = regexp.MustCompile(`(^|[^0-9])[0-9]{6}[- ]?[0-9]{4}($|[^0-9])`)

// MaskCPR replaces every CPR-shaped run of digits with "xxxxxx-xxxx".
func MaskCPR(s string) string {
	if !cprShaped.MatchString(s) {
		return s
	}
	// Matches share their boundary characters, so neighbours ("0101701234
	// 0101701234") need a second pass.
	for cprShaped.MatchString(s) {
		s = cprShaped.ReplaceAllString(s, "${1}xxxxxx-xxxx${2}")
	}
	return s
}
