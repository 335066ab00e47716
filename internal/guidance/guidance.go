// Package guidance decides which channel to guide a citizen to, now: the
// strategy's primary and secondary channels for the area and inquiry type,
// bent by the rules of the seeds — mandatory digital self-service (an
// application must be made digitally unless the citizen is exempt, who then
// uses the exemption channel; where the strategy's transactions cover every
// inquiry about a case, the contact may be a question that is answered
// where it came), opening hours (a closed phone is no answer;
// a callback may be), the strategy's ranked channel order, referrals to
// places outside the municipality (Udbetaling Danmark, borger.dk's contact
// centre), and the citizen's circumstances (no national login — NemID or
// MitID by the date —, exempt from Digital Post, special needs). Exemption
// is a decision staff record, never a conclusion the guidance draws.
//
// The package is pure: everything it needs comes in its arguments, so it
// is tested exhaustively and answers in microseconds.
package guidance

import (
	"fmt"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Circumstances are what staff know about the citizen.
type Circumstances struct {
	// ExemptSelfService: exempt from mandatory digital self-service
	// (dispensation).
	ExemptSelfService bool
	// ExemptDigitalPost: exempt from Digital Post; gets paper.
	ExemptDigitalPost bool
	// NoNationalLogin: has no national login (NemID before 2021, MitID
	// from 2021), so cannot use solutions with login. It does not make the
	// citizen exempt: exemption is decided by staff (ExemptSelfService).
	NoNationalLogin bool
	// SpecialNeeds: needs support, e.g. disabled, demented, socially
	// vulnerable (Dragør's principles).
	SpecialNeeds bool
}

// Request is one question: how should this inquiry go?
type Request struct {
	// Area is the service area's id or KLE number.
	Area string
	// Type is the inquiry type; Direction defaults to inbound.
	Type      string
	Direction string
	// Channel is the channel the citizen used, if known.
	Channel string
	// At is when; it decides what is open.
	At time.Time
	Circumstances
}

// Reason is one rule that decided, as a text key and its arguments.
type Reason struct {
	Key  string
	Args []any
}

// Answer is the guidance.
type Answer struct {
	Area                              *strategy.Area
	Primary, Secondary, Inappropriate []string
	// Recommended is the channel to guide the citizen to now.
	Recommended string
	// UsedIsInappropriate: the channel used is inappropriate here.
	UsedIsInappropriate bool
	// Refused: a non-digital application in a mandatory self-service
	// area from a citizen who is not exempt; it must be made digitally.
	// Only in a strategy whose transactions are applications (one with an
	// interaction type for the dialogue about a case, as Dragør's).
	Refused bool
	// ApplicationDigital: the same contact in a strategy without an
	// interaction type, whose transactions cover every inquiry about a
	// concrete case (Tårnby's). It is no refusal: an application or
	// notification must be made digitally, unless staff record an
	// exemption, but the contact may be a question about a case, which is
	// answered on the channel used.
	ApplicationDigital bool
	// Assisted: offer assisted self-service (medbetjening) now.
	Assisted bool
	// CallbackOffered: the closed channel offers to call back.
	CallbackOffered bool
	// Referral is the place outside the municipality to refer the citizen
	// to, if any: the one that handles the area's cases, or, for an
	// information inquiry while the municipality's phone is closed, a
	// contact centre that is open. ReferralOpen: it can be reached now.
	Referral     *strategy.Referral
	ReferralOpen bool
	// NationalLogin names the national login on the day asked about
	// (NemID before 2021, MitID from 2021).
	NationalLogin string
	// ExemptionToDecide: an application in a mandatory area from a citizen
	// without the national login who is not exempt. Lacking the login does
	// not exempt; staff decide whether special circumstances do.
	ExemptionToDecide bool
	// Reasons are the rules that decided; Script is what staff can say.
	Reasons []Reason
	Script  []Reason
}

// InputError is a problem with one field of a request.
type InputError struct {
	Field string
	Key   string
	Args  []any
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %s %v", e.Field, e.Key, e.Args) }

// Decide answers a request under a strategy.
func Decide(s *strategy.Strategy, req Request) (Answer, error) {
	a, ok := s.Area(req.Area)
	if !ok {
		return Answer{}, &InputError{Field: "area", Key: "guidance.unknown_area", Args: []any{req.Area}}
	}
	if req.Direction == "" {
		req.Direction = strategy.Inbound
	}
	if req.Direction != strategy.Inbound && req.Direction != strategy.Outbound {
		return Answer{}, &InputError{Field: "direction", Key: "guidance.bad_direction", Args: []any{req.Direction}}
	}
	if _, ok := s.InquiryType(req.Type); !ok {
		return Answer{}, &InputError{Field: "type", Key: "guidance.unknown_type", Args: []any{req.Type, strings.Join(s.Types(), ", ")}}
	}
	if !a.Handles(req.Type) {
		return Answer{}, &InputError{Field: "type", Key: "guidance.type_not_handled", Args: []any{a.Title, req.Type}}
	}
	if _, ok := s.Channel(req.Channel); req.Channel != "" && !ok {
		return Answer{}, &InputError{Field: "channel", Key: "guidance.unknown_channel", Args: []any{req.Channel}}
	}
	d := decision{s: s, a: a, req: req}
	d.Area = a
	d.NationalLogin = strategy.NationalLogin(req.At)
	p := s.Priority(a, req.Type, req.Direction)
	d.Primary, d.Secondary, d.Inappropriate = p.Primary, p.Secondary, p.Inappropriate
	d.reason("guidance.reason.priority", a.Title, d.names(p.Primary), d.names(p.Secondary))
	d.followChannelOrder()
	if req.Channel != "" && contains(p.Inappropriate, req.Channel) {
		d.UsedIsInappropriate = true
		d.reason("guidance.reason.inappropriate", d.name(req.Channel))
	}
	switch {
	case req.Direction == strategy.Outbound:
		d.outbound()
	case req.Type == strategy.Transaction && a.IsMandatoryOn(civil.DateOf(req.At)):
		d.mandatory()
	default:
		d.firstOpen()
	}
	if req.Direction == strategy.Inbound {
		d.refer()
	}
	d.script()
	return d.Answer, nil
}

type decision struct {
	Answer
	s   *strategy.Strategy
	a   *strategy.Area
	req Request
}

func (d *decision) reason(key string, args ...any) {
	d.Reasons = append(d.Reasons, Reason{key, args})
}

func (d *decision) say(key string, args ...any) {
	d.Script = append(d.Script, Reason{key, args})
}

func (d *decision) name(id string) string {
	if c, ok := d.s.Channel(id); ok {
		return c.Name
	}
	return id
}

func (d *decision) names(ids []string) string {
	if len(ids) == 0 {
		return "–"
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = d.name(id)
	}
	return strings.Join(names, ", ")
}

// loginRequired reports whether the area's self-service needs the national
// login.
func (d *decision) loginRequired() bool {
	ss := d.a.SelfService
	return ss != nil && ss.Login != strategy.LoginNone
}

// usable tells whether the citizen can use a channel at all, noting why
// not.
func (d *decision) usable(id string) bool {
	c, ok := d.s.Channel(id)
	if !ok {
		return false
	}
	switch {
	case id == strategy.SelfService && d.a.SelfService == nil:
		d.reason("guidance.reason.no_solution", d.name(id))
		return false
	case c.Kind == strategy.KindSelfService && id == strategy.SelfService && d.req.NoNationalLogin && d.loginRequired():
		d.reason("guidance.reason.no_login", d.name(id), d.NationalLogin)
		return false
	case id == strategy.DigitalPost && d.req.ExemptDigitalPost:
		d.reason("guidance.reason.digital_post_exempt")
		return false
	case id == strategy.DigitalPost && d.req.NoNationalLogin && d.req.Direction == strategy.Inbound:
		d.reason("guidance.reason.digital_post_login", d.NationalLogin)
		return false
	}
	return true
}

// firstOpen recommends the first primary or secondary channel the citizen
// can use that is open now; closed ones are named with their next opening,
// and a closed channel that offers callbacks says so.
func (d *decision) firstOpen() {
	var closed []string
	var fallback string
	for _, id := range d.candidates() {
		if !d.usable(id) {
			continue
		}
		if fallback == "" {
			fallback = id
		}
		if !d.s.IsOpen(id, d.req.At) {
			closed = append(closed, id)
			continue
		}
		d.Recommended = id
		break
	}
	for _, id := range closed {
		d.closedReason(id)
		if c, _ := d.s.Channel(id); c.Callback {
			d.CallbackOffered = true
		}
	}
	if d.CallbackOffered {
		d.reason("guidance.reason.callback")
	}
	if d.Recommended == "" {
		d.Recommended = fallback
	}
	d.supportSpecialNeeds()
}

func (d *decision) closedReason(id string) {
	if next, ok := d.s.NextOpen(id, d.req.At); ok {
		d.reason("guidance.reason.closed", d.name(id), next)
	} else {
		d.reason("guidance.reason.closed_long", d.name(id))
	}
}

// mandatory applies obligatory digital self-service: the application must
// be made digitally unless the citizen is exempt. Exemption is the
// municipality's decision on "særlige forhold", recorded by staff; a
// citizen without the national login is not exempt by that alone (Dragør
// takes into account "folk, der ikke kan få digital signatur", and wants
// staff able to guide citizens in "hvordan NemID anskaffes og anvendes").
func (d *decision) mandatory() {
	m := d.a.Mandatory
	d.reason("guidance.reason.mandatory", d.a.Title, m.Law)
	if d.req.ExemptSelfService {
		d.Recommended = m.ExemptionChannel
		d.reason("guidance.reason.exempt", d.name(m.ExemptionChannel))
		if !d.s.IsOpen(m.ExemptionChannel, d.req.At) {
			d.closedReason(m.ExemptionChannel)
		}
		return
	}
	for _, id := range d.Primary {
		if c, ok := d.s.Channel(id); ok && c.Digital {
			d.Recommended = id
			break
		}
	}
	if d.req.NoNationalLogin && d.loginRequired() {
		d.ExemptionToDecide = true
		d.reason("guidance.reason.no_login_not_exempt", d.name(strategy.SelfService), d.NationalLogin)
	}
	if used, ok := d.s.Channel(d.req.Channel); ok && !used.Digital {
		if transactionsAreApplications(d.s) {
			d.Refused = true
			d.reason("guidance.reason.refused", d.name(d.req.Channel))
		} else {
			d.ApplicationDigital = true
			d.reason("guidance.reason.application_digital", d.name(d.req.Channel))
		}
	}
	if d.req.Channel == strategy.InPerson || d.req.SpecialNeeds {
		d.offerAssistance()
	}
}

// transactionsAreApplications reports whether a transaction under the
// strategy is an application or notification, which mandatory digital
// self-service covers. It is where the strategy has an interaction type
// for the dialogue about a case, as Dragør's three types. Without one, a
// transaction is any inquiry about a concrete case — Tårnby:
// "Transaktionshenvendelser er de henvendelser der vedrører en konkret sag
// eller danner baggrund for en kommende sagsbehandling" — and a call about
// a case may be a question, not an application, so the guidance cannot
// call it refused.
func transactionsAreApplications(s *strategy.Strategy) bool {
	_, ok := s.InquiryType(strategy.Interaction)
	return ok
}

// supportSpecialNeeds offers help with a digital channel to a citizen with
// special needs: "de, der ikke kan selv, skal understøttes".
func (d *decision) supportSpecialNeeds() {
	if !d.req.SpecialNeeds {
		return
	}
	if c, ok := d.s.Channel(d.Recommended); ok && c.Kind == strategy.KindSelfService {
		d.offerAssistance()
		return
	}
	d.reason("guidance.reason.special_needs")
}

// offerAssistance recommends assisted self-service when the counter is open.
func (d *decision) offerAssistance() {
	if d.Recommended != strategy.SelfService || d.a.SelfService == nil {
		return
	}
	if d.s.HasHours(strategy.InPerson) && d.s.IsOpen(strategy.InPerson, d.req.At) {
		d.Assisted = true
		d.reason("guidance.reason.assisted")
	}
}

// outbound recommends how the municipality contacts the citizen: the
// primary channel, paper for a citizen exempt from Digital Post.
func (d *decision) outbound() {
	for _, id := range d.candidates() {
		if d.usable(id) {
			d.Recommended = id
			return
		}
	}
}

// script is what staff can say for the recommended channel.
func (d *decision) script() {
	ss := d.a.SelfService
	switch {
	case d.req.Direction == strategy.Outbound:
		d.say("guidance.script.outbound", d.name(d.Recommended))
		return
	case d.Refused:
		d.say("guidance.script.refused", d.a.Title)
	case d.ApplicationDigital:
		d.say("guidance.script.application_digital", d.a.Title)
	}
	if d.ExemptionToDecide {
		d.say("guidance.script.get_login", d.NationalLogin)
	}
	switch d.Recommended {
	case strategy.SelfService:
		if ss == nil {
			break
		}
		if d.a.ResponseDays != nil {
			key := "guidance.script.self_service_days.other"
			if *d.a.ResponseDays == 1 {
				key = "guidance.script.self_service_days.one"
			}
			d.say(key, ss.URL, *d.a.ResponseDays)
		} else {
			d.say("guidance.script.self_service", ss.URL)
		}
		if d.Assisted {
			d.say("guidance.script.assisted")
		}
	case strategy.Website:
		d.say("guidance.script.website")
	case strategy.DigitalPost:
		d.say("guidance.script.digital_post")
	case strategy.Phone:
		d.say("guidance.script.phone")
	case strategy.InPerson:
		d.say("guidance.script.in_person")
	case strategy.ContactForm:
		d.say("guidance.script.contact_form")
	default:
		d.say("guidance.script.other", d.name(d.Recommended))
	}
	if d.CallbackOffered {
		d.say("guidance.script.callback")
	}
	d.sayReferral()
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// Text renders a reason in a language. A time argument becomes a weekday
// and clock time in Danish time.
func (r Reason) Text(l locale.Printer) string {
	args := make([]any, len(r.Args))
	for i, a := range r.Args {
		if t, ok := a.(time.Time); ok {
			t = t.In(strategy.Location)
			a = l.T("guidance.when", l.T("weekday."+strings.ToLower(t.Weekday().String()[:3])), t.Format("15:04"))
		}
		args[i] = a
	}
	return l.T(r.Key, args...)
}

// Texts renders reasons in a language.
func Texts(rs []Reason, l locale.Printer) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Text(l)
	}
	return out
}
