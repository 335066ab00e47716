package measure

import "github.com/kanal-dk/kanal/internal/strategy"

// SelfServiceArea is one area's self-service in a period, against the SB
// levels. Dragør: digital indberetning (SB level 0) "kræver i princippet
// samme ressourceforbrug, som hvis borgeren havde indsendt en skriftlig
// blanket", so its inquiries are counted as not digital; Tårnby:
// "Digitalisering skal ske på SB niveau 1 for at være effektiv", the
// strategy's minimum.
type SelfServiceArea struct {
	Area *strategy.Area
	// Level is the solution's SB level in the newest version; HasLevel is
	// false when the area has no solution or its level is not given.
	Level    int
	HasLevel bool
	// BelowMinimum: the level is below the strategy's minimum.
	BelowMinimum bool
	// Inquiries are the period's inbound self-service inquiries;
	// Reporting those of them made on days when the area's solution was SB
	// level 0, counted as not digital.
	Inquiries, Reporting int64
}

// selfServiceAreas lists, in the strategy's order, the areas of the
// filter that have a solution or had self-service inquiries.
func selfServiceAreas(s *strategy.Strategy, f Filter, counted map[string]*SelfServiceArea) []SelfServiceArea {
	var out []SelfServiceArea
	for i := range s.Areas {
		a := &s.Areas[i]
		ss := counted[a.ID]
		delete(counted, a.ID)
		if ss == nil {
			if a.SelfService == nil || f.Area != "" && f.Area != a.ID || f.Department != "" && f.Department != a.Department {
				continue
			}
			ss = &SelfServiceArea{Area: a}
		}
		ss.Area = a
		ss.Level, ss.HasLevel = a.SBLevel()
		ss.BelowMinimum = s.BelowMinimum(a)
		out = append(out, *ss)
	}
	for _, id := range sortedKeys(counted) {
		out = append(out, *counted[id])
	}
	return out
}

// BelowMinimum are the areas whose solution is below the strategy's
// minimum SB level.
func (d *Dashboard) BelowMinimum() []SelfServiceArea {
	var out []SelfServiceArea
	for _, a := range d.SelfService {
		if a.BelowMinimum {
			out = append(out, a)
		}
	}
	return out
}
