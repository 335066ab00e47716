// Package businesscase owns the business case made before a self-service
// solution is bought (Dragør, principle 5) and the channel-shift
// scenario: the formulas, written out in docs/business-case.md, and the
// saved, versioned cases with their scenarios side by side.
package businesscase

import (
	"context"
	"errors"
	"time"

	"github.com/kanal-dk/kanal/internal/store"
)

// errTODO marks the contract before its owner fills it in.
var errTODO = errors.New("businesscase: not built yet")

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

// Year is one year of the horizon.
type Year struct {
	Year       int     `json:"year"`
	Gross      float64 `json:"gross"`
	Net        float64 `json:"net"`
	Cumulative float64 `json:"cumulative"`
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

// Compute works a scenario out, unrounded; an input out of range is an
// error naming the field (JSON name).
func Compute(in Input) (Result, error) {
	return Result{}, errTODO
}

// Case is one version of a saved business case: an area's solution with
// its scenarios side by side.
type Case struct {
	ID           int64
	Municipality string
	Area         string
	Title        string
	Version      int
	Scenarios    []Scenario
	// Approved is when the strategy group approved the case; zero when
	// it has not.
	Approved  time.Time
	Changed   time.Time
	ChangedBy string
	Demo      bool
}

// Scenario is one named set of figures.
type Scenario struct {
	Name  string
	Input Input
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

// All are the municipality's cases, newest version of each.
func (c *Cases) All(ctx context.Context, municipality string) ([]Case, error) {
	return nil, errTODO
}
