// Package businesscase owns the business case made before a self-service
// solution is bought (Dragør, principle 5) and the channel-shift
// scenario: the formulas, written out in docs/business-case.md, and the
// saved, versioned cases with their scenarios side by side.
package businesscase

import (
	"fmt"
	"math"
	"time"

	"github.com/kanal-dk/kanal/internal/store"
)

// Input is one scenario's figures. The JSON names are the API's.
type Input struct {
	Volume         float64 `json:"volume"`
	Shift          float64 `json:"shift"`
	PriceOld       float64 `json:"price_old"`
	PriceNew       float64 `json:"price_new"`
	Investment     float64 `json:"investment"`
	RunningPerYear float64 `json:"running_per_year"`
	Years          int     `json:"years"`
	DiscountRate   float64 `json:"discount_rate"`
}

// Year is one year of the horizon. Cumulative is −I plus the net of
// years 1 to Year, undiscounted: the year it turns positive is the year
// the investment has paid back. Discounted is the year's net discounted
// to year 0, and CumulativeDiscounted −I plus those of years 1 to Year;
// in the last year it is the NPV.
type Year struct {
	Year                 int     `json:"year"`
	Gross                float64 `json:"gross"`
	Net                  float64 `json:"net"`
	Cumulative           float64 `json:"cumulative"`
	Discounted           float64 `json:"discounted"`
	CumulativeDiscounted float64 `json:"cumulative_discounted"`
}

// Result is what a scenario gives: moved volume = V × s; gross per year =
// V × s × (c_old − c_new); net per year = gross − R; NPV = −I + Σ_{t=1..N}
// net / (1 + r)^t; payback = I / net, none when net ≤ 0.
type Result struct {
	MovedVolume  float64  `json:"moved_volume"`
	GrossPerYear float64  `json:"gross_per_year"`
	NetPerYear   float64  `json:"net_per_year"`
	NPV          float64  `json:"npv"`
	PaybackYears *float64 `json:"payback_years"`
	Years        []Year   `json:"years"`
}

// The limits of an input.
const (
	MaxYears = 50
	// MaxRate is the highest discount rate, as a fraction: a rate above
	// it is almost always a percentage typed as a number (4 for 4 %).
	MaxRate = 1.0
)

// InputError is an input out of range: the field (its JSON name), the
// rule it breaks ("range", "min", "number") and the rule's bounds.
type InputError struct {
	Field string
	Rule  string
	Args  []any
}

func (e *InputError) Error() string {
	return fmt.Sprintf("business case: %s breaks %s %v", e.Field, e.Rule, e.Args)
}

// Check returns the first field of the input out of range, nil when all
// are in range, in the order of the API's fields.
func (in Input) Check() *InputError {
	nonNegative := []struct {
		field string
		v     float64
	}{{"volume", in.Volume}, {"shift", in.Shift}, {"price_old", in.PriceOld}, {"price_new", in.PriceNew},
		{"investment", in.Investment}, {"running_per_year", in.RunningPerYear}, {"discount_rate", in.DiscountRate}}
	for _, f := range nonNegative {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return &InputError{Field: f.field, Rule: "number"}
		}
		if f.v < 0 {
			return &InputError{Field: f.field, Rule: "min", Args: []any{0}}
		}
		switch {
		case f.field == "shift" && f.v > 1:
			return &InputError{Field: f.field, Rule: "range", Args: []any{0, 1}}
		case f.field == "discount_rate" && f.v > MaxRate:
			return &InputError{Field: f.field, Rule: "range", Args: []any{0, MaxRate}}
		}
	}
	if in.Years < 1 || in.Years > MaxYears {
		return &InputError{Field: "years", Rule: "range", Args: []any{1, MaxYears}}
	}
	return nil
}

// Compute works a scenario out, unrounded; an input out of range is an
// *InputError naming the field (JSON name).
func Compute(in Input) (Result, error) {
	if bad := in.Check(); bad != nil {
		return Result{}, bad
	}
	var r Result
	r.MovedVolume = in.Volume * in.Shift
	r.GrossPerYear = r.MovedVolume * (in.PriceOld - in.PriceNew)
	r.NetPerYear = r.GrossPerYear - in.RunningPerYear
	r.NPV = -in.Investment
	cumulative := -in.Investment
	discount := 1.0
	for t := 1; t <= in.Years; t++ {
		discount *= 1 + in.DiscountRate
		d := r.NetPerYear / discount
		r.NPV += d
		cumulative += r.NetPerYear
		r.Years = append(r.Years, Year{Year: t, Gross: r.GrossPerYear, Net: r.NetPerYear,
			Cumulative: cumulative, Discounted: d, CumulativeDiscounted: r.NPV})
	}
	if r.NetPerYear > 0 {
		p := in.Investment / r.NetPerYear
		r.PaybackYears = &p
	}
	return r, nil
}

// Kroner rounds an amount to whole kroner, half away from zero, as the
// API answers it.
func Kroner(x float64) float64 { return math.Round(x) }

// Hundredths rounds to two decimals, as the API answers the payback time.
func Hundredths(x float64) float64 { return math.Round(x*100) / 100 }

// Rounded is the result as the API answers it: amounts in whole kroner,
// the payback time to two decimals, the moved volume whole.
func (r Result) Rounded() Result {
	out := r
	out.MovedVolume, out.GrossPerYear = Kroner(r.MovedVolume), Kroner(r.GrossPerYear)
	out.NetPerYear, out.NPV = Kroner(r.NetPerYear), Kroner(r.NPV)
	if r.PaybackYears != nil {
		p := Hundredths(*r.PaybackYears)
		out.PaybackYears = &p
	}
	out.Years = make([]Year, len(r.Years))
	for i, y := range r.Years {
		out.Years[i] = Year{Year: y.Year, Gross: Kroner(y.Gross), Net: Kroner(y.Net), Cumulative: Kroner(y.Cumulative),
			Discounted: Kroner(y.Discounted), CumulativeDiscounted: Kroner(y.CumulativeDiscounted)}
	}
	return out
}

// Case is one version of a saved business case: an area's solution with
// its scenarios side by side.
type Case struct {
	ID           int64
	Municipality string
	Area         string
	Title        string
	// Solution names the self-service solution the case is for.
	Solution  string
	Version   int
	Scenarios []Scenario
	// Approved is when the strategy group approved the case; zero when
	// it has not. An approval holds for the version it was given to
	// (ApprovedVersion): a later version must be approved again.
	Approved        time.Time
	ApprovedBy      string
	ApprovedVersion int
	Changed         time.Time
	ChangedBy       string
	Demo            bool
}

// Chosen is the scenario the case recommends: the one marked chosen,
// else the first.
func (c Case) Chosen() (Scenario, bool) {
	for _, s := range c.Scenarios {
		if s.Chosen {
			return s, true
		}
	}
	if len(c.Scenarios) > 0 {
		return c.Scenarios[0], true
	}
	return Scenario{}, false
}

// Scenario is one named set of figures. Input.RunningPerYear is the
// solution's own running cost; the staff time of assisted self-service
// comes on top of it (StaffCost, Effective).
type Scenario struct {
	Name  string `json:"name"`
	Input Input  `json:"input"`
	// SBLevel is the new solution's SB level, whose self-service price
	// prefilled price_new; nil when not given.
	SBLevel *int `json:"sb_level,omitempty"`
	// AssistedVolume is how many inquiries a year staff help through the
	// solution (medbetjening), AssistedMinutes the staff minutes each
	// takes, StaffHourDKK the price of a staff hour (the strategy's
	// Prices.StaffHourDKK when the case was saved).
	AssistedVolume  float64 `json:"assisted_volume"`
	AssistedMinutes float64 `json:"assisted_minutes"`
	StaffHourDKK    float64 `json:"staff_hour_dkk"`
	// Chosen marks the scenario the case recommends; the municipality's
	// channel-shift scenario starts from it.
	Chosen bool `json:"chosen"`
}

// StaffCost is the yearly staff time of assisted self-service in kroner:
// minutes per assisted case × assisted volume ÷ 60 × the price of a staff
// hour.
func (s Scenario) StaffCost() float64 {
	return s.AssistedMinutes * s.AssistedVolume / 60 * s.StaffHourDKK
}

// Effective is the input Compute gets: the running cost with the staff
// time of assisted self-service added.
func (s Scenario) Effective() Input {
	in := s.Input
	in.RunningPerYear += s.StaffCost()
	return in
}

// Cases stores the business cases.
type Cases struct {
	db  *store.DB
	now func() time.Time
}

// New returns the business cases in db; now is the clock (time.Now when
// nil).
func New(db *store.DB, now func() time.Time) *Cases {
	if now == nil {
		now = time.Now
	}
	return &Cases{db: db, now: now}
}
