// Package register owns the self-service solution register: per service
// area the solution in use — supplier, address, SB level, login, whether
// borger.dk links it, its integration with the back-end system, its cost
// per year, and its started and completed counts — and the strategies'
// compliance checks on it.
package register

import (
	"context"
	"errors"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// errTODO marks the contract before its owner fills it in.
var errTODO = errors.New("register: not built yet")

// Solution is the register's entry for one area.
type Solution struct {
	Municipality string
	Area         string
	Supplier     string
	URL          string
	SBLevel      *int
	// Login is strategy.LoginNone or strategy.LoginNational (NemID or
	// MitID by date).
	Login       string
	BorgerDK    bool
	Integration string
	CostPerYear *float64
	// Started and Completed are entered by hand where the funnel does not
	// count them; nil when unknown.
	Started, Completed *int
	Changed            time.Time
	ChangedBy          string
	Demo               bool
}

// Check is one compliance check of one area's solution against a rule a
// strategy states.
type Check struct {
	// Rule names the check: "national_login", "borger_dk", "sb_level",
	// "integration".
	Rule string
	Area string
	OK   bool
	// Source is the strategy's own sentence the rule comes from.
	Source string
}

// Register stores the solutions.
type Register struct {
	db  *store.DB
	now func() time.Time
}

// New returns the register in db; now is the clock (time.Now when nil).
func New(db *store.DB, now func() time.Time) *Register {
	if now == nil {
		now = time.Now
	}
	return &Register{db: db, now: now}
}

// All are the municipality's solutions, one per area that has one: the
// register's entry, else what the strategy s says of the area's
// self-service.
func (r *Register) All(ctx context.Context, s *strategy.Strategy, municipality string) ([]Solution, error) {
	return nil, errTODO
}

// Compliance checks the solutions against the rules the strategy s
// states, on day.
func Compliance(s *strategy.Strategy, solutions []Solution, day civil.Date) []Check {
	return nil
}
