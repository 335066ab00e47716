// Package strategy owns a municipality's channel strategy as data: the
// document format, its loading with file:line:col positions, its validation
// rules, and the read-only questions later packages ask of it (which channels
// are primary for an area, is the phone open now, what does an inquiry cost).
//
// The package is pure: no database, no clock, no HTTP.
package strategy

import (
	"encoding/base64"
	"slices"
	"strings"

	"github.com/kanal-dk/kanal/internal/civil"
)

// Strategy is one version of a municipality's channel strategy, as written in
// a strategy file (see docs/strategy.md).
type Strategy struct {
	Municipality Municipality   `yaml:"municipality" json:"municipality"`
	Title        string         `yaml:"title" json:"title"`
	Source       string         `yaml:"source" json:"source"`
	Period       Period         `yaml:"period" json:"period"`
	Vision       string         `yaml:"vision" json:"vision"`
	Principles   []string       `yaml:"principles" json:"principles"`
	Channels     []Channel      `yaml:"channels" json:"channels"`
	InquiryTypes []InquiryType  `yaml:"inquiry_types" json:"inquiry_types"`
	Departments  []Department   `yaml:"departments" json:"departments"`
	Areas        []Area         `yaml:"areas" json:"areas"`
	Prices       Prices         `yaml:"prices" json:"prices"`
	Targets      []Target       `yaml:"targets" json:"targets"`
	OpeningHours []OpeningHours `yaml:"opening_hours" json:"opening_hours"`
	Holidays     Holidays       `yaml:"holidays" json:"holidays"`
	// ChannelOrder is the strategy's ranked channel priority, where it states
	// one (Tårnby: "1. Selvbetjening …, 2. Telefon, 3. E-mail / Papirpost
	// (digital post), 4. Personlig henvendelse").
	ChannelOrder *ChannelOrder `yaml:"channel_order" json:"channel_order,omitempty"`
	// Referrals are places outside the municipality a citizen can be
	// referred to (henvisning): borger.dk's contact centre 1881, Udbetaling
	// Danmark, borger.dk, Virk.dk. They are never the municipality's own
	// channels.
	Referrals []Referral `yaml:"referrals" json:"referrals,omitempty"`
	// MinimumSBLevel is the self-service level below which the strategy
	// calls a solution ineffective (Tårnby: "Digitalisering skal ske på SB
	// niveau 1 for at være effektiv."); areas below it are warned about.
	MinimumSBLevel *SBRule `yaml:"minimum_sb_level" json:"minimum_sb_level,omitempty"`
	// FormsWithoutIntegration, where the strategy states it, phases out
	// self-service forms that have no integration with a back-end system
	// (Dragør: "Udfasning af blanketter, der ikke har integration til
	// back-end systemer, …"); the solution register checks every solution
	// against it.
	FormsWithoutIntegration *PhaseOut `yaml:"forms_without_integration" json:"forms_without_integration,omitempty"`
	// Callback sets the citizens' callback booking (tilbagering) on the
	// phone channel: slot length, calls per slot and how long a phone
	// number is kept (callback.go).
	Callback *Callback `yaml:"callback" json:"callback,omitempty"`
}

// ChannelOrder ranks channels: Ranks[0] is the first choice, and channels in
// one rank are equal. Text is the strategy's own wording.
type ChannelOrder struct {
	Text  string     `yaml:"text" json:"text"`
	Ranks [][]string `yaml:"ranks" json:"ranks"`
}

// Rank is the 1-based rank of a channel in the order; false when the order
// does not name it.
func (o *ChannelOrder) Rank(channel string) (int, bool) {
	if o == nil {
		return 0, false
	}
	for i, rank := range o.Ranks {
		for _, c := range rank {
			if c == channel {
				return i + 1, true
			}
		}
	}
	return 0, false
}

// Referral is a place outside the municipality a citizen can be referred
// to. A referred inquiry is counted as a referral, never as a contact on a
// channel of the municipality's own.
type Referral struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// Contact is how the citizen reaches it: "tlf. 1881".
	Contact string `yaml:"contact" json:"contact"`
	URL     string `yaml:"url" json:"url"`
	// HelpsWith says what it can help with, in the strategy's words.
	HelpsWith string `yaml:"helps_with" json:"helps_with"`
	// Hours are its opening hours; none means always reachable (a website).
	Hours []Hours `yaml:"hours" json:"hours"`
	// Areas are the service areas whose inquiries belong there (Udbetaling
	// Danmark: pension and housing benefit).
	Areas   []string `yaml:"areas" json:"areas"`
	Note    string   `yaml:"note" json:"note"`
	Example bool     `yaml:"example" json:"example"`
}

// SBRule is a rule on self-service levels, with the strategy's sentence.
type SBRule struct {
	Level int    `yaml:"level" json:"level"`
	Text  string `yaml:"text" json:"text"`
}

// PhaseOut is a kind of solution the strategy phases out, with the
// strategy's sentence.
type PhaseOut struct {
	Text string `yaml:"text" json:"text"`
}

// Municipality names the municipality the strategy belongs to.
type Municipality struct {
	ID          string `yaml:"id" json:"id"`
	Name        string `yaml:"name" json:"name"`
	Inhabitants int    `yaml:"inhabitants" json:"inhabitants"`
	// Logo is the municipality's logo, shown beside its name at the top of
	// Kanal's pages: an image written into the file as a data: address
	// (PNG, JPEG or SVG in base64, at most MaxLogoKB), so that it travels
	// with the strategy and Kanal serves it itself. Optional.
	Logo string `yaml:"logo,omitempty" json:"logo,omitempty"`
	// CVR is the municipality's CVR number: the sender of its Digital
	// Post (the MeMo message's Sender, idType CVR). Optional; without it
	// the sender is the municipality's id in Kanal.
	CVR string `yaml:"cvr,omitempty" json:"cvr,omitempty"`
}

// MaxLogoKB is the largest logo a strategy may carry, in kilobytes.
const MaxLogoKB = 64

// logoTypes are the image types a logo may be.
var logoTypes = []string{"image/png", "image/jpeg", "image/svg+xml"}

// LogoOK reports whether logo is a data: address of an image Kanal shows:
// one of logoTypes, in base64, at most MaxLogoKB when decoded.
func LogoOK(logo string) bool {
	rest, ok := strings.CutPrefix(logo, "data:")
	if !ok {
		return false
	}
	mediaType, payload, ok := strings.Cut(rest, ";base64,")
	if !ok || !slices.Contains(logoTypes, mediaType) {
		return false
	}
	data, err := base64.StdEncoding.DecodeString(payload)
	return err == nil && len(data) > 0 && len(data) <= MaxLogoKB*1024
}

// Period is the strategy's span in whole calendar years, both included.
type Period struct {
	From int `yaml:"from" json:"from"`
	To   int `yaml:"to" json:"to"`
}

// Contains reports whether year lies within the period.
func (p Period) Contains(year int) bool { return year >= p.From && year <= p.To }

// Channel kinds, as the strategies group them.
const (
	KindSelfService = "self_service"
	KindWritten     = "written"
	KindOral        = "oral"
	KindPersonal    = "personal"
)

// Channel is one way of contact between citizen and municipality.
type Channel struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// Digital follows KL's counting: e-mail is written, not digital.
	Digital  bool   `yaml:"digital" json:"digital"`
	Kind     string `yaml:"kind" json:"kind"`
	Inbound  bool   `yaml:"inbound" json:"inbound"`
	Outbound bool   `yaml:"outbound" json:"outbound"`
	// Callback: when the channel is closed, staff can offer to call back
	// (tilbagering).
	Callback bool   `yaml:"callback" json:"callback"`
	Note     string `yaml:"note" json:"note"`
}

// The known inquiry types and the directions. A strategy defines the types
// it uses (Dragør all three; Tårnby information and transaction only) and
// may define its own; the known ids carry the meaning the targets' measures
// rely on.
const (
	Information = "information"
	Interaction = "interaction"
	Transaction = "transaction"

	Inbound  = "inbound"
	Outbound = "outbound"
)

// TypeIDs lists the known inquiry types in the order the strategies present
// them. A strategy's own types are s.InquiryTypes.
var TypeIDs = []string{Information, Interaction, Transaction}

// Directions lists the two directions of an inquiry.
var Directions = []string{Inbound, Outbound}

// Well-known channel ids. A strategy may add its own.
const (
	SelfService = "self_service"
	Website     = "website"
	DigitalPost = "digital_post"
	Phone       = "phone"
	Email       = "email"
	Letter      = "letter"
	InPerson    = "in_person"
	ContactForm = "contact_form"
	SMS         = "sms"
	Video       = "video"
)

// InquiryType holds the default channel priorities of one inquiry type, for
// both directions (Dragør's Table 1).
type InquiryType struct {
	ID          string   `yaml:"id" json:"id"`
	Name        string   `yaml:"name" json:"name"`
	Description string   `yaml:"description" json:"description"`
	Inbound     Priority `yaml:"inbound" json:"inbound"`
	Outbound    Priority `yaml:"outbound" json:"outbound"`
}

// Priority says which channels are primary, secondary and inappropriate
// ("uhensigtsmæssige under normale omstændigheder"). In an area override a
// list that is left out (nil) is inherited from the inquiry type; an empty
// list means "none".
type Priority struct {
	Primary       []string `yaml:"primary" json:"primary"`
	Secondary     []string `yaml:"secondary" json:"secondary"`
	Inappropriate []string `yaml:"inappropriate" json:"inappropriate"`
	Note          string   `yaml:"note" json:"note"`
}

type channelList struct {
	name string
	ids  []string
}

func (p Priority) lists() []channelList {
	return []channelList{{"primary", p.Primary}, {"secondary", p.Secondary}, {"inappropriate", p.Inappropriate}}
}

// over returns p with every list that is nil taken from base.
func (p Priority) over(base Priority) Priority {
	if p.Primary == nil {
		p.Primary = base.Primary
	}
	if p.Secondary == nil {
		p.Secondary = base.Secondary
	}
	if p.Inappropriate == nil {
		p.Inappropriate = base.Inappropriate
	}
	if p.Note == "" {
		p.Note = base.Note
	}
	return p
}

// Department owns service areas and writes their action plans.
type Department struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	Note string `yaml:"note" json:"note"`
	// Example marks a department the strategy does not name.
	Example bool `yaml:"example" json:"example"`
}

// Digital readiness of an area's target group.
const (
	ReadinessHigh   = "high"
	ReadinessMedium = "medium"
	ReadinessLow    = "low"
)

// Area is a service area (henvendelsesområde), classified by a KLE number.
type Area struct {
	ID         string   `yaml:"id" json:"id"`
	KLE        string   `yaml:"kle" json:"kle"`
	Title      string   `yaml:"title" json:"title"`
	Department string   `yaml:"department" json:"department"`
	Types      []string `yaml:"types" json:"types"`
	// Channels overrides the inquiry types' inbound priorities, per type.
	Channels map[string]Priority `yaml:"channels" json:"channels"`
	// OutboundChannels overrides the outbound priorities, per type.
	OutboundChannels map[string]Priority `yaml:"outbound_channels" json:"outbound_channels"`
	Mandatory        *Mandatory          `yaml:"mandatory_digital" json:"mandatory_digital"`
	SelfService      *Solution           `yaml:"self_service" json:"self_service"`
	// ResponseDays is the expected response time in working days, printed on
	// every receipt.
	ResponseDays     *int   `yaml:"response_days" json:"response_days"`
	DigitalReadiness string `yaml:"digital_readiness" json:"digital_readiness"`
	Note             string `yaml:"note" json:"note"`
	// RetentionDays is how many days the personal data of the area's
	// cases (the citizen's CPR number, name, answers and attachments) is
	// kept after a case was last decided or closed; nil leaves it to
	// Kanal's default (casework.DefaultRetentionDays).
	RetentionDays *int `yaml:"retention_days" json:"retention_days,omitempty"`
	// Referral is the id of the referral (outside the municipality) that
	// handles the area's cases, such as Udbetaling Danmark for pension.
	Referral string `yaml:"referral" json:"referral,omitempty"`
	// SearchWords are the words people use for the area besides its title
	// ("skrald" for waste collection, "adresse" for moving): FindAreas
	// finds the area by them.
	SearchWords []string `yaml:"search_words" json:"search_words,omitempty"`
	// HaveReady lists what a citizen should have ready before using the
	// area's self-service or contacting the municipality ("NemID",
	// "Den nye adresse"), short texts shown on the citizen portal.
	HaveReady []string `yaml:"have_ready" json:"have_ready,omitempty"`
	// CaseWords are words that, in a question about the area, show that
	// the citizen writes about a concrete case of their own (a permit's
	// name, a benefit's): the contact form refuses such a question and
	// points to Digital Post, besides Kanal's default words (casewords.go).
	CaseWords []string `yaml:"case_words" json:"case_words,omitempty"`
	// Other marks the area for the inquiries no other area fits (»Andet /
	// ukendt område«): the console offers it when a search finds nothing.
	// It is a place to count such inquiries, not a task of the strategy;
	// it needs no KLE number, and a strategy has at most one.
	Other bool `yaml:"other" json:"other,omitempty"`
	// Example marks an area the strategy does not name; Examples names the
	// fields whose values are examples (kle, title, sb_level, response_days,
	// digital_readiness, login, mandatory_digital, …).
	Example  bool     `yaml:"example" json:"example"`
	Examples []string `yaml:"examples" json:"examples,omitempty"`
}

// Handles reports whether the area handles inquiries of the given type.
func (a *Area) Handles(typ string) bool {
	for _, t := range a.Types {
		if t == typ {
			return true
		}
	}
	return false
}

// Mandatory marks an area where applications must by law be made digitally
// (obligatorisk digital selvbetjening). It applies to transactions.
type Mandatory struct {
	Law string `yaml:"law" json:"law"`
	// Since is the date (YYYY-MM-DD) the obligation took effect.
	Since string `yaml:"since" json:"since"`
	// ExemptionChannel is what an exempted citizen (dispensation) uses.
	ExemptionChannel string `yaml:"exemption_channel" json:"exemption_channel"`
	// Wave is the wave (bølge 1–4) of the laws on mandatory digital
	// self-service that made the area mandatory, when one did.
	Wave int `yaml:"wave" json:"wave,omitempty"`
}

// Logins a self-service solution can require. LoginNational is the
// national login through NemLog-in, named by the date in question (NemID
// before 2021, MitID after; see NationalLogin); "nemid" and "mitid" are
// read as it.
const (
	LoginNone     = "none"
	LoginNational = "national"
	LoginNemID    = "nemid"
	LoginMitID    = "mitid"
)

// Solution describes an area's self-service solution.
type Solution struct {
	URL string `yaml:"url" json:"url"`
	// SBLevel is KL's self-service level 0–4; higher is cheaper.
	SBLevel *int   `yaml:"sb_level" json:"sb_level"`
	Login   string `yaml:"login" json:"login"`
	// BorgerDK tells whether the solution is linked from borger.dk.
	BorgerDK bool `yaml:"borger_dk" json:"borger_dk"`
}

// Prices holds channel prices per inquiry.
type Prices struct {
	Currency string `yaml:"currency" json:"currency"`
	Note     string `yaml:"note" json:"note"`
	// Year is the price level of the figures ("KL – Reviderede kanalpriser
	// 2012" is 2012), shown beside every cost and savings figure.
	Year int `yaml:"year" json:"year"`
	// StaffHourDKK prices staff time, for assisted self-service (priced as
	// self-service plus the staff time recorded); Example when it is not
	// the municipality's own figure.
	StaffHourDKK        *float64 `yaml:"staff_hour_dkk" json:"staff_hour_dkk,omitempty"`
	StaffHourDKKExample bool     `yaml:"staff_hour_dkk_example" json:"staff_hour_dkk_example,omitempty"`
	Entries             []Price  `yaml:"entries" json:"entries"`
}

// Price is the cost of one inquiry on a channel. Type and SBLevel narrow it;
// left out, the price holds for every type and level.
type Price struct {
	Channel string   `yaml:"channel" json:"channel"`
	Type    string   `yaml:"type" json:"type"`
	SBLevel *int     `yaml:"sb_level" json:"sb_level"`
	DKK     *float64 `yaml:"dkk" json:"dkk"`
	Source  string   `yaml:"source" json:"source"`
	// Example marks a figure that is not a measured price: a municipality
	// must replace it with its own.
	Example bool `yaml:"example" json:"example"`
}

// Target measures.
const (
	MeasureInboundDigital       = "inbound_digital_share"
	MeasureOutboundDigitalPost  = "outbound_digital_post_share"
	MeasureTransactionDigital   = "transaction_digital_share"
	MeasureExpensiveInformation = "expensive_information_share"
	MeasureNemIDWhereValidated  = "login_where_validation_needed"
	MeasureLinkedFromBorgerDK   = "self_service_on_borger_dk"
)

// Target directions.
const (
	AtLeast = "at_least"
	AtMost  = "at_most"
	Reduce  = "reduce"
)

// Target is one of the strategy's goals. Share targets give a percentage per
// year; "reduce" targets ask for a falling share without a figure; the
// qualitative measures (login, borger.dk) give a deadline year.
type Target struct {
	ID        string          `yaml:"id" json:"id"`
	Measure   string          `yaml:"measure" json:"measure"`
	Text      string          `yaml:"text" json:"text"`
	Area      string          `yaml:"area" json:"area"`
	Direction string          `yaml:"direction" json:"direction"`
	Shares    map[int]float64 `yaml:"shares" json:"shares"`
	Deadline  int             `yaml:"deadline" json:"deadline"`
	// Counts are the channels whose inquiries count toward a share (its
	// numerator); Of are the channels of its denominator. Left out, the
	// measure's default (see DefaultCounts and DefaultOf): digital
	// self-service and Digital Post, out of every inbound inquiry but page
	// views, for the digital share; Digital Post out of Digital Post and
	// paper letters for the Digital Post share.
	Counts []string `yaml:"counts" json:"counts,omitempty"`
	Of     []string `yaml:"of" json:"of,omitempty"`
	// Types narrows the share to inquiry types; left out, the measure's
	// own (transaction for transaction_digital_share, information for
	// expensive_information_share, every type otherwise).
	Types []string `yaml:"types" json:"types,omitempty"`
	// Examples names the fields whose values are examples (shares,
	// deadline, …), such as a year the strategy does not state.
	Examples []string `yaml:"examples" json:"examples,omitempty"`
}

// IsShare reports whether the target's measure is a share of inquiries.
func (t *Target) IsShare() bool {
	switch t.Measure {
	case MeasureInboundDigital, MeasureOutboundDigitalPost, MeasureTransactionDigital, MeasureExpensiveInformation:
		return true
	}
	return false
}

// OpeningHours are the hours of one channel at one location.
type OpeningHours struct {
	Channel  string  `yaml:"channel" json:"channel"`
	Location string  `yaml:"location" json:"location"`
	Note     string  `yaml:"note" json:"note"`
	Example  bool    `yaml:"example" json:"example"`
	Hours    []Hours `yaml:"hours" json:"hours"`
}

// Hours is one opening interval on the given weekdays, "HH:MM" to "HH:MM".
type Hours struct {
	Days []string `yaml:"days" json:"days"`
	From string   `yaml:"from" json:"from"`
	To   string   `yaml:"to" json:"to"`
}

// Holidays says on which days the staffed channels are closed.
type Holidays struct {
	// Calendar "dk" closes on Danish public holidays; "none" does not.
	Calendar string `yaml:"calendar" json:"calendar"`
	// Closed lists further closing days: "MM-DD" every year or "YYYY-MM-DD".
	Closed []string `yaml:"closed" json:"closed"`
	// ClosedExample marks the closing days as examples.
	ClosedExample bool `yaml:"closed_example" json:"closed_example,omitempty"`
}

// Channel returns the channel with the given id.
func (s *Strategy) Channel(id string) (*Channel, bool) {
	for i := range s.Channels {
		if s.Channels[i].ID == id {
			return &s.Channels[i], true
		}
	}
	return nil, false
}

// InquiryType returns the inquiry type with the given id.
func (s *Strategy) InquiryType(id string) (*InquiryType, bool) {
	for i := range s.InquiryTypes {
		if s.InquiryTypes[i].ID == id {
			return &s.InquiryTypes[i], true
		}
	}
	return nil, false
}

// Types lists the ids of the inquiry types the strategy uses, in its order.
func (s *Strategy) Types() []string {
	ids := make([]string, len(s.InquiryTypes))
	for i, t := range s.InquiryTypes {
		ids[i] = t.ID
	}
	return ids
}

// Department returns the department with the given id.
func (s *Strategy) Department(id string) (*Department, bool) {
	for i := range s.Departments {
		if s.Departments[i].ID == id {
			return &s.Departments[i], true
		}
	}
	return nil, false
}

// Area finds a service area by its id or its KLE number.
func (s *Strategy) Area(ref string) (*Area, bool) {
	if ref == "" {
		return nil, false // the other area may have no KLE number
	}
	for i := range s.Areas {
		if s.Areas[i].ID == ref || s.Areas[i].KLE == ref {
			return &s.Areas[i], true
		}
	}
	return nil, false
}

// OtherArea is the area for inquiries no other area fits, if the strategy
// has one.
func (s *Strategy) OtherArea() (*Area, bool) {
	for i := range s.Areas {
		if s.Areas[i].Other {
			return &s.Areas[i], true
		}
	}
	return nil, false
}

// Priority returns the channel priorities for an inquiry of the given type
// and direction in an area: the area's override where it has one, else the
// inquiry type's defaults.
func (s *Strategy) Priority(a *Area, typ, direction string) Priority {
	var base Priority
	if t, ok := s.InquiryType(typ); ok {
		base = t.Inbound
		if direction == Outbound {
			base = t.Outbound
		}
	}
	overrides := a.Channels
	if direction == Outbound {
		overrides = a.OutboundChannels
	}
	if o, ok := overrides[typ]; ok {
		return o.over(base)
	}
	return base
}

// IsMandatoryOn reports whether transactions in the area must be digital on
// a day. Since is checked when the strategy is loaded.
func (a *Area) IsMandatoryOn(day civil.Date) bool {
	if a.Mandatory == nil || a.Mandatory.Since == "" {
		return a.Mandatory != nil
	}
	since, err := civil.ParseDate(a.Mandatory.Since)
	return err == nil && !day.Before(since)
}
