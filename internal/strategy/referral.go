package strategy

import "time"

// Referral returns the referral with the given id.
func (s *Strategy) Referral(id string) (*Referral, bool) {
	for i := range s.Referrals {
		if s.Referrals[i].ID == id {
			return &s.Referrals[i], true
		}
	}
	return nil, false
}

// ReferralFor returns the referral that handles an area's cases: the one
// the area names, or else the first whose Areas list it (by id or KLE
// number).
func (s *Strategy) ReferralFor(a *Area) (*Referral, bool) {
	if a.Referral != "" {
		return s.Referral(a.Referral)
	}
	for i := range s.Referrals {
		for _, ref := range s.Referrals[i].Areas {
			if ref == a.ID || ref == a.KLE {
				return &s.Referrals[i], true
			}
		}
	}
	return nil, false
}

// IsOpen reports whether the referral can be reached at t. A referral
// without hours (a website) is always open. One with hours keeps them on
// weekdays and is closed on Danish public holidays; the municipality's own
// closing days (holidays.closed) are not its days. The strategies give no
// holiday rule for borger.dk's contact centre: closing on public holidays
// is Kanal's assumption, documented in docs/strategy.md.
func (r *Referral) IsOpen(t time.Time) bool {
	if len(r.Hours) == 0 {
		return true
	}
	t = t.In(Location)
	y, m, d := t.Date()
	if _, holiday := DanishHoliday(y, m, d); holiday {
		return false
	}
	now := minuteOfDay(t)
	for _, h := range r.Hours {
		from, ok1 := parseClock(h.From)
		to, ok2 := parseClock(h.To)
		if !ok1 || !ok2 {
			continue
		}
		for _, day := range h.Days {
			if weekdays[day] == t.Weekday() && now >= from && now < to {
				return true
			}
		}
	}
	return false
}
