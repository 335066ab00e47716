package describe

import (
	"fmt"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Referral is a place outside the municipality, in words.
type Referral struct {
	ID, Name, Contact, URL, HelpsWith, Note string
	// Hours are its opening hours, one line per interval; none means always
	// reachable.
	Hours []string
	// Areas are the titles of the areas whose cases it handles.
	Areas   []string
	Example bool
}

// NewReferral describes a referral.
func NewReferral(s *strategy.Strategy, l locale.Printer, r strategy.Referral) Referral {
	v := Referral{ID: r.ID, Name: r.Name, Contact: r.Contact, URL: r.URL, HelpsWith: r.HelpsWith,
		Note: r.Note, Example: r.Example}
	for _, h := range r.Hours {
		v.Hours = append(v.Hours, fmt.Sprintf("%s %s–%s", DayRange(l, h.Days), h.From, h.To))
	}
	for i := range s.Areas {
		a := &s.Areas[i]
		if ref, ok := s.ReferralFor(a); ok && ref.ID == r.ID {
			v.Areas = append(v.Areas, a.Title)
		}
	}
	return v
}

// Referrals describes every referral of the strategy.
func Referrals(s *strategy.Strategy, l locale.Printer) []Referral {
	var out []Referral
	for _, r := range s.Referrals {
		out = append(out, NewReferral(s, l, r))
	}
	return out
}
