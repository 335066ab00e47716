package guidance

import (
	"time"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// refer names a place outside the municipality to refer the citizen to
// (henvisning), counted as a referral and never as a channel of the
// municipality's own:
//
//   - the referral that handles the area's cases (Udbetaling Danmark for
//     pension and housing benefit), with when it opens if it is closed;
//   - for an information inquiry while the municipality's phone is closed,
//     a contact centre outside the municipality that is open now. Tårnby:
//     "Borgere og virksomheder kan søge information på kommunens
//     hjemmeside, Borger.dk og Kontaktcentret på tlf. 1881 hos Borger.dk",
//     which "har åbent mandag – torsdag fra 8-22 og fredag fra 8-18".
//
// The municipality's recommended channel stays as it is: the referral is
// said beside it.
func (d *decision) refer() {
	if r, ok := d.s.ReferralFor(d.a); ok {
		d.Referral, d.ReferralOpen = r, r.IsOpen(d.req.At)
		d.reason("guidance.reason.referral_area", d.a.Title, r.Name)
		if !d.ReferralOpen {
			if next, ok := nextOpening(r, d.req.At); ok {
				d.reason("guidance.reason.referral_closed", r.Name, next)
			} else {
				d.reason("guidance.reason.referral_closed_long", r.Name)
			}
		}
		return
	}
	if d.req.Type != strategy.Information || !d.phoneClosed() {
		return
	}
	for i := range d.s.Referrals {
		r := &d.s.Referrals[i]
		// A contact centre: reachable by people in hours of its own, and
		// not tied to particular areas.
		if len(r.Hours) == 0 || len(r.Areas) > 0 || d.isAreaReferral(r) || !r.IsOpen(d.req.At) {
			continue
		}
		d.Referral, d.ReferralOpen = r, true
		d.reason("guidance.reason.referral_phone_closed", r.Name)
		return
	}
}

// phoneClosed reports whether the municipality's own phone, one of the
// channels to recommend, is closed now.
func (d *decision) phoneClosed() bool {
	for _, id := range d.candidates() {
		if id == strategy.Phone {
			return d.s.HasHours(id) && !d.s.IsOpen(id, d.req.At)
		}
	}
	return false
}

// isAreaReferral reports whether some area names the referral as the one
// that handles its cases: such a place is not a general contact centre.
func (d *decision) isAreaReferral(r *strategy.Referral) bool {
	for _, a := range d.s.Areas {
		if a.Referral == r.ID {
			return true
		}
	}
	return false
}

// nextOpening is when a referral next opens after t, looking two weeks
// ahead in steps of five minutes (its hours are whole minutes on the clock;
// every preset's are on the hour).
func nextOpening(r *strategy.Referral, t time.Time) (time.Time, bool) {
	start := t.In(strategy.Location).Truncate(time.Minute)
	start = start.Add(time.Duration(5-start.Minute()%5) * time.Minute)
	for at := start; at.Before(t.Add(14 * 24 * time.Hour)); at = at.Add(5 * time.Minute) {
		if r.IsOpen(at) {
			return at, true
		}
	}
	return time.Time{}, false
}

// sayReferral adds the referral to what staff say.
func (d *decision) sayReferral() {
	r := d.Referral
	if r == nil {
		return
	}
	switch {
	case r.Contact != "" && r.URL != "":
		d.say("guidance.script.referral_contact_url", r.Name, r.Contact, r.URL)
	case r.Contact != "":
		d.say("guidance.script.referral_contact", r.Name, r.Contact)
	case r.URL != "":
		d.say("guidance.script.referral_url", r.Name, r.URL)
	default:
		d.say("guidance.script.referral", r.Name)
	}
}

// ReferTo is the line that tells staff where to refer the citizen —
// "Henvis til borger.dk's kontaktcenter på tlf. 1881" — and false when the
// answer names no referral.
func (a Answer) ReferTo() (Reason, bool) {
	r := a.Referral
	switch {
	case r == nil:
		return Reason{}, false
	case r.Contact != "":
		return Reason{"guidance.refer_to_contact", []any{r.Name, r.Contact}}, true
	case r.URL != "":
		return Reason{"guidance.refer_to_url", []any{r.Name, r.URL}}, true
	}
	return Reason{"guidance.refer_to", []any{r.Name}}, true
}
