package businesscase

import "sort"

// The municipality's channel-shift scenario (docs/business-case.md, "The
// municipality's channel-shift scenario"): from the base year's figures,
// the inbound digital share and the cost the municipality reaches in each
// target year if the chosen areas shift as planned. Volumes are held at
// the base year's.

// Base is the base year's figures: the inbound digital share's part and
// whole and the cost of all inquiries at the strategy's prices.
type Base struct {
	Year        int
	Part, Whole int64
	Cost        float64
}

// Plan is one chosen area's planned shift: V × Shift inquiries move from
// channels at PriceOld to self-service at PriceNew from the year From on.
type Plan struct {
	Area               string
	Volume, Shift      float64
	PriceOld, PriceNew float64
	From               int
}

// Reached is one target year's outcome.
type Reached struct {
	Year int
	// Target is the share the strategy sets for the year; AtMost tells
	// that it is a ceiling.
	Target float64
	AtMost bool
	// Moved is how many inquiries a year have moved by the year; Share
	// the digital share reached (nil when the base counted nothing), Cost
	// the cost a year and Saving what it costs less than the base year.
	Moved  float64
	Share  *float64
	Cost   float64
	Saving float64
	Met    bool
}

// Project gives, for each year of targets (year → share) in order, what
// the plans reach against the target.
func Project(base Base, plans []Plan, targets map[int]float64, atMost bool) []Reached {
	years := make([]int, 0, len(targets))
	for y := range targets {
		years = append(years, y)
	}
	sort.Ints(years)
	var out []Reached
	for _, y := range years {
		r := Reached{Year: y, Target: targets[y], AtMost: atMost}
		for _, p := range plans {
			if p.From > y {
				continue
			}
			moved := p.Volume * p.Shift
			r.Moved += moved
			r.Saving += moved * (p.PriceOld - p.PriceNew)
		}
		r.Cost = base.Cost - r.Saving
		if base.Whole > 0 {
			s := (float64(base.Part) + r.Moved) / float64(base.Whole)
			s = min(s, 1)
			r.Share = &s
			if atMost {
				r.Met = s <= r.Target
			} else {
				r.Met = s >= r.Target
			}
		}
		out = append(out, r)
	}
	return out
}
