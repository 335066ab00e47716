// Package inquiry owns the inquiry (henvendelse): one contact between a
// citizen or business and the municipality, the event every figure in Kanal
// counts. It checks inquiries against the strategy and records them. An
// inquiry carries no personal data.
package inquiry

import (
	"time"

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
	RuleRequired       = "inquiry.required"         // field
	RuleUnknownChannel = "inquiry.unknown_channel"  // channel
	RuleWrongDirection = "inquiry.wrong_direction"  // channel, direction
	RuleUnknownType    = "inquiry.unknown_type"     // type
	RuleBadDirection   = "inquiry.bad_direction"    // direction
	RuleUnknownArea    = "inquiry.unknown_area"     // area
	RuleTypeNotHandled = "inquiry.type_not_handled" // area, type
	RuleUnknownDept    = "inquiry.unknown_department"
	RuleAssistedNotSS  = "inquiry.assisted_not_self_service" // channel
	RuleNegativeDur    = "inquiry.negative_duration"         // seconds
)

// Check validates an inquiry against a strategy and completes it: the area
// becomes the area's id and a missing department the area's own. It returns
// every problem found; an inquiry with problems must not be recorded.
func Check(s *strategy.Strategy, in *Inquiry) []FieldError {
	var errs []FieldError
	add := func(field, rule string, args ...any) {
		errs = append(errs, FieldError{Field: field, Rule: rule, Args: args})
	}
	if in.OccurredAt.IsZero() {
		add("occurred_at", RuleRequired, "occurred_at")
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
		add("type", RuleUnknownType, in.Type)
	default:
		typeOK = true
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
	if in.DurationSeconds != nil && *in.DurationSeconds < 0 {
		add("duration_seconds", RuleNegativeDur, *in.DurationSeconds)
	}
	return errs
}
