// Package inquiry owns the inquiry (henvendelse): one contact between a
// citizen or business and the municipality, the event every figure in Kanal
// counts. It checks inquiries against the strategy and records them. An
// inquiry carries no personal data.
package inquiry

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Inquiry is one contact. Field names follow the API and CSV columns.
type Inquiry struct {
	OccurredAt time.Time
	Channel    string
	Type       string
	Direction  string
	// Area is the service area's id; Check accepts a KLE number and
	// replaces it with the id.
	Area       string
	Department string
	// ResolvedFirstContact: settled at the first contact (straksafklaring).
	ResolvedFirstContact bool
	// Guided: staff guided the citizen to self-service.
	Guided bool
	// Assisted: staff helped the citizen through self-service
	// (medbetjening); only on self-service channels.
	Assisted bool
	// Exempt: the citizen's exemption from mandatory self-service or from
	// Digital Post was used.
	Exempt bool
	// ReferredTo is the id of the strategy's referral (a place outside the
	// municipality: borger.dk's contact centre, Udbetaling Danmark, …) the
	// citizen was referred to, if any. The inquiry is still counted on the
	// channel it came by; the referral is counted beside it, never as a
	// channel of the municipality's own.
	ReferredTo string
	// DurationSeconds is the staff time spent, when known.
	DurationSeconds *int
	// Source says which path recorded the inquiry (demo, console, api, import).
	Source string
	// ExternalID is the sender's own id, if any; with Source it makes a
	// resent inquiry recognisable.
	ExternalID string
	// Test marks an inquiry sent with a test API key: stored, never counted.
	Test bool
	// Desk is the staff console's desk it was registered at, if any.
	Desk string
}

// FieldError is a problem with one field of an inquiry. Rule is a key in
// the translation catalogue; Args fill its message.
type FieldError struct {
	Field string
	Rule  string
	Args  []any
}

// Rules an inquiry can break.
const (
	RuleRequired         = "inquiry.required"         // field
	RuleUnknownChannel   = "inquiry.unknown_channel"  // channel
	RuleWrongDirection   = "inquiry.wrong_direction"  // channel, direction
	RuleUnknownType      = "inquiry.unknown_type"     // type, the strategy's types
	RuleBadDirection     = "inquiry.bad_direction"    // direction
	RuleUnknownArea      = "inquiry.unknown_area"     // area
	RuleTypeNotHandled   = "inquiry.type_not_handled" // area, type
	RuleUnknownDept      = "inquiry.unknown_department"
	RuleAssistedNotSS    = "inquiry.assisted_not_self_service" // channel
	RuleNegativeDur      = "inquiry.negative_duration"         // seconds
	RuleLongDuration     = "inquiry.long_duration"             // seconds, maximum
	RuleTooEarly         = "inquiry.too_early"                 // time, earliest day
	RuleFuture           = "inquiry.future"                    // time
	RuleRetired          = "inquiry.retired"                   // time, first month kept (YYYY-MM)
	RuleNotUTF8          = "inquiry.not_utf8"                  // field, byte
	RuleControlChar      = "inquiry.control_char"              // field, character, byte
	RuleTooLong          = "inquiry.too_long"                  // field, characters
	RuleUnknownReferral  = "inquiry.unknown_referral"          // referral, the strategy's referrals
	RuleReferralOutbound = "inquiry.referral_outbound"         // referral
)

// MaxDurationSeconds is the longest staff time one inquiry may record: a
// day is generous for one contact, and the bound keeps every sum of
// durations far inside 64 bits.
const MaxDurationSeconds = rollup.MaxDurationSeconds

// maxTextLen bounds the sender's id, the source and the desk, in characters.
const maxTextLen = 200

// Window is the span of time an inquiry may be dated in, From included, To
// excluded.
type Window struct {
	From, To time.Time
	// Retired, when not zero, is the start of the first month whose raw
	// inquiries are kept: the months before it were retired after the
	// retention period (store.RetireInquiries), and an inquiry in them
	// could never be recounted, so it is refused.
	Retired time.Time
}

// MaxFuture is how far ahead of the clock an inquiry may be dated: clocks
// of other systems run a little ahead.
const MaxFuture = 5 * time.Minute

// DefaultHistoryYears is how many years before the strategy's first year an
// inquiry may be dated when nothing else is configured: a municipality
// loads counts from before the strategy as its baseline.
const DefaultHistoryYears = 5

// WindowFor is the window of a municipality's inquiries: from 1 January,
// historyYears before the first year of its strategy, Danish time, to
// MaxFuture after now.
func WindowFor(s *strategy.Strategy, historyYears int, now time.Time) Window {
	return Window{
		From: time.Date(s.Period.From-historyYears, time.January, 1, 0, 0, 0, 0, strategy.Location),
		To:   now.Add(MaxFuture),
	}
}

// CheckText names a field whose value cannot be stored as text (see
// store.CheckText); nil when it can.
func CheckText(field, value string) *FieldError {
	var te *store.TextError
	if !errors.As(store.CheckText(value), &te) {
		return nil
	}
	if te.Rune == utf8.RuneError {
		return &FieldError{Field: field, Rule: RuleNotUTF8, Args: []any{field, te.Offset + 1}}
	}
	return &FieldError{Field: field, Rule: RuleControlChar, Args: []any{field, fmt.Sprintf("U+%04X", te.Rune), te.Offset + 1}}
}

// Check validates an inquiry against a strategy and the window of time it
// may be dated in, and completes it: the area becomes the area's id and a
// missing department the area's own. It returns every problem found; an
// inquiry with problems must not be recorded. Everything the database
// would refuse is refused here first, so that one bad inquiry of a batch is
// named instead of failing the others.
func Check(s *strategy.Strategy, w Window, in *Inquiry) []FieldError {
	var errs []FieldError
	add := func(field, rule string, args ...any) {
		errs = append(errs, FieldError{Field: field, Rule: rule, Args: args})
	}
	for _, f := range []struct{ name, value string }{
		{"id", in.ExternalID}, {"channel", in.Channel}, {"type", in.Type}, {"direction", in.Direction},
		{"area", in.Area}, {"department", in.Department}, {"source", in.Source}, {"desk", in.Desk},
		{"referred_to", in.ReferredTo},
	} {
		if e := CheckText(f.name, f.value); e != nil {
			errs = append(errs, *e)
		}
	}
	if len(errs) > 0 {
		// A value that is not text is not compared with the strategy: the
		// answer would repeat the bytes.
		return errs
	}
	for _, f := range []struct{ name, value string }{{"id", in.ExternalID}, {"source", in.Source}, {"desk", in.Desk}} {
		if utf8.RuneCountInString(f.value) > maxTextLen {
			add(f.name, RuleTooLong, f.name, maxTextLen)
		}
	}
	switch {
	case in.OccurredAt.IsZero():
		add("occurred_at", RuleRequired, "occurred_at")
	case in.OccurredAt.Before(w.From):
		add("occurred_at", RuleTooEarly, in.OccurredAt.Format(time.RFC3339), civil.DateOf(w.From).String())
	case !in.OccurredAt.Before(w.To):
		add("occurred_at", RuleFuture, in.OccurredAt.Format(time.RFC3339))
	case in.OccurredAt.Before(w.Retired):
		add("occurred_at", RuleRetired, in.OccurredAt.Format(time.RFC3339), civil.DateOf(w.Retired).YearMonth().String())
	}
	if in.Source == "" {
		add("source", RuleRequired, "source")
	}
	if in.Direction != strategy.Inbound && in.Direction != strategy.Outbound {
		add("direction", RuleBadDirection, in.Direction)
	}
	switch c, ok := s.Channel(in.Channel); {
	case in.Channel == "":
		add("channel", RuleRequired, "channel")
	case !ok:
		add("channel", RuleUnknownChannel, in.Channel)
	case in.Direction == strategy.Inbound && !c.Inbound, in.Direction == strategy.Outbound && !c.Outbound:
		add("channel", RuleWrongDirection, in.Channel, in.Direction)
	case in.Assisted && c.Kind != strategy.KindSelfService:
		add("assisted", RuleAssistedNotSS, in.Channel)
	}
	typeOK := false
	switch _, ok := s.InquiryType(in.Type); {
	case in.Type == "":
		add("type", RuleRequired, "type")
	case !ok:
		add("type", RuleUnknownType, in.Type, strings.Join(s.Types(), ", "))
	default:
		typeOK = true
	}
	switch r := in.ReferredTo; {
	case r == "":
	case !hasReferral(s, r):
		add("referred_to", RuleUnknownReferral, r, referralIDs(s))
	case in.Direction == strategy.Outbound:
		// A referral sends a citizen who contacted the municipality
		// elsewhere; the municipality's own letters refer no one.
		add("referred_to", RuleReferralOutbound, r)
	}
	switch a, ok := s.Area(in.Area); {
	case in.Area == "":
		add("area", RuleRequired, "area")
	case !ok:
		add("area", RuleUnknownArea, in.Area)
	default:
		in.Area = a.ID
		if typeOK && !a.Handles(in.Type) {
			add("type", RuleTypeNotHandled, a.ID, in.Type)
		}
		if in.Department == "" {
			in.Department = a.Department
		}
	}
	if in.Department != "" {
		if _, ok := s.Department(in.Department); !ok {
			add("department", RuleUnknownDept, in.Department)
		}
	}
	switch d := in.DurationSeconds; {
	case d == nil:
	case *d < 0:
		add("duration_seconds", RuleNegativeDur, *d)
	case *d > MaxDurationSeconds:
		add("duration_seconds", RuleLongDuration, *d, MaxDurationSeconds)
	}
	return errs
}

func hasReferral(s *strategy.Strategy, id string) bool {
	for _, r := range s.Referrals {
		if r.ID == id {
			return true
		}
	}
	return false
}

// referralIDs lists the strategy's referrals for a message, or says there
// are none.
func referralIDs(s *strategy.Strategy) string {
	if len(s.Referrals) == 0 {
		return "–"
	}
	ids := make([]string, len(s.Referrals))
	for i, r := range s.Referrals {
		ids[i] = r.ID
	}
	return strings.Join(ids, ", ")
}
