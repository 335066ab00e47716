package measure

import (
	"maps"
	"slices"
	"sort"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Goal statuses.
const (
	// OnTrack: the forecast reaches the target.
	OnTrack = "on_track"
	// Behind: the forecast falls short by Gap percentage points.
	Behind = "behind"
	// Reached and Missed: the year is over.
	Reached = "reached"
	Missed  = "missed"
	// Falling and NotFalling answer a target that asks for a falling
	// share without a figure (Tårnby's expensive information inquiries).
	Falling    = "falling"
	NotFalling = "not_falling"
	// NoData: too few months counted to say.
	NoData = "no_data"
)

// MonthShare is one month's share of a measure.
type MonthShare struct {
	Month civil.Month
	Fraction
}

// YearShare is one calendar year's share of a measure.
type YearShare struct {
	Year int
	Fraction
}

// Goal is one target year and how it stands.
type Goal struct {
	Year int
	// Target is the share to reach, 0–1.
	Target float64
	// Value is the year's share when the year is over (Actual), else the
	// forecast from the trend; nil when there is too little to say.
	Value  *float64
	Actual bool
	Status string
	// Gap is how many percentage points Value falls short.
	Gap float64
}

// TargetStatus is how one share target stands at the end of the period.
type TargetStatus struct {
	Target *strategy.Target
	// Definition is what the target's share counts.
	Definition strategy.ShareDefinition
	// Months are the measure's shares per month from the start of the
	// strategy period; Years the same per calendar year.
	Months []MonthShare
	Years  []YearShare
	// Trend is the least-squares slope of the monthly shares in percentage
	// points a year; nil with fewer than three months.
	Trend *float64
	Goals []Goal
	// Status answers a target without yearly figures.
	Status string

	// a + b·month is the fitted line, when fitted.
	a, b   float64
	fitted bool
}

// Forecast is the trend's share in the middle of a year, 0–1.
func (st TargetStatus) Forecast(year int) (float64, bool) {
	if !st.fitted {
		return 0, false
	}
	return min(max(st.a+st.b*(float64(year*12)+5.5), 0), 1), true
}

// targets follows every share target through the monthly rows up to the
// end of the filter's period, in the filter's department and area; the
// target's definition (strategy.ShareOf) decides the channels, types and
// direction it counts.
func targets(c *counter, f Filter, months []Row) []TargetStatus {
	s := c.s
	var out []TargetStatus
	for i := range s.Targets {
		t := &s.Targets[i]
		if !t.IsShare() {
			continue
		}
		def := s.ShareOf(t)
		area := ""
		if a, ok := s.Area(t.Area); ok {
			area = a.ID
		}
		byMonth := map[civil.Month]*Fraction{}
		byYear := map[int]*Fraction{}
		for _, r := range months {
			if area != "" && r.Area != area || f.Department != "" && r.Department != f.Department || f.Area != "" && r.Area != f.Area {
				continue
			}
			if r.Direction != def.Direction || !def.HasType(r.Type) || !def.InWhole(r.Channel) {
				continue
			}
			part := def.InPart(r.Channel) && !c.fact(r).reporting
			for _, f := range []*Fraction{fractionOf(byMonth, r.Month), fractionOf(byYear, r.Month.Year)} {
				f.Whole += r.Inquiries
				if part {
					f.Part += r.Inquiries
				}
			}
		}
		st := TargetStatus{Target: t, Definition: def}
		for _, m := range slices.SortedFunc(maps.Keys(byMonth), civil.Month.Compare) {
			st.Months = append(st.Months, MonthShare{Month: m, Fraction: *byMonth[m]})
		}
		for _, y := range slices.Sorted(maps.Keys(byYear)) {
			st.Years = append(st.Years, YearShare{Year: y, Fraction: *byYear[y]})
		}
		st.Trend = trend(st.Months)
		st.a, st.b, st.fitted = line(st.Months)
		st.Goals, st.Status = goals(t, f, st)
		out = append(out, st)
	}
	return out
}

// fractionOf is the fraction of a key, made when it is new.
func fractionOf[K comparable](m map[K]*Fraction, key K) *Fraction {
	f := m[key]
	if f == nil {
		f = &Fraction{}
		m[key] = f
	}
	return f
}

// line fits share = a + b·month to the months with inquiries.
func line(months []MonthShare) (a, b float64, ok bool) {
	var n, sx, sy, sxx, sxy float64
	for _, m := range months {
		sh := m.Share()
		if sh == nil {
			continue
		}
		x := float64(m.Month.Index())
		n++
		sx += x
		sy += *sh
		sxx += x * x
		sxy += x * *sh
	}
	den := n*sxx - sx*sx
	if n < 3 || den == 0 {
		return 0, 0, false
	}
	b = (n*sxy - sx*sy) / den
	return (sy - b*sx) / n, b, true
}

// trend is the slope in percentage points a year.
func trend(months []MonthShare) *float64 {
	_, b, ok := line(months)
	if !ok {
		return nil
	}
	pp := b * 12 * 100
	return &pp
}

// goals judges each target year: over (the period ends on or after its
// last day) by the year's share, ahead by the trend's value in the middle
// of the year.
func goals(t *strategy.Target, f Filter, st TargetStatus) ([]Goal, string) {
	if t.Direction == strategy.Reduce || len(t.Shares) == 0 {
		switch {
		case st.Trend == nil:
			return nil, NoData
		case *st.Trend < 0:
			return nil, Falling
		}
		return nil, NotFalling
	}
	years := make([]int, 0, len(t.Shares))
	for y := range t.Shares {
		years = append(years, y)
	}
	sort.Ints(years)
	var out []Goal
	for _, y := range years {
		g := Goal{Year: y, Target: t.Shares[y] / 100}
		if !f.To.Before(civil.Date{Year: y, Month: time.December, Day: 31}) {
			g.Actual = true
			for _, ys := range st.Years {
				if ys.Year == y {
					g.Value = ys.Share()
				}
			}
		} else if v, ok := st.Forecast(y); ok {
			g.Value = &v
		}
		g.Status, g.Gap = judge(t.Direction, g)
		out = append(out, g)
	}
	return out, ""
}

// judge compares a goal's value with its target.
func judge(direction string, g Goal) (string, float64) {
	if g.Value == nil {
		return NoData, 0
	}
	gap := (g.Target - *g.Value) * 100
	if direction == strategy.AtMost {
		gap = -gap
	}
	switch {
	case gap <= 0 && g.Actual:
		return Reached, 0
	case gap <= 0:
		return OnTrack, 0
	case g.Actual:
		return Missed, gap
	}
	return Behind, gap
}
