package plan

import (
	"context"
	"errors"
	"time"

	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// errTODO marks the contract before its owner fills it in.
var errTODO = errors.New("plan: not built yet")

// Plans stores the departments' plans.
type Plans struct {
	db  *store.DB
	now func() time.Time
}

// New returns the plans in db; now is the clock (time.Now when nil).
func New(db *store.DB, now func() time.Time) *Plans {
	if now == nil {
		now = time.Now
	}
	return &Plans{db: db, now: now}
}

// Current is the department's newest plan; when none is saved, the plan
// proposed from the strategy s (Version 0: the strategy's default
// channels for the department's areas, no actions).
func (p *Plans) Current(ctx context.Context, s *strategy.Strategy, municipality, department string) (Plan, error) {
	return Plan{}, errTODO
}

// All are the current plans of every department of the strategy, in the
// strategy's order of departments.
func (p *Plans) All(ctx context.Context, s *strategy.Strategy, municipality string) ([]Plan, error) {
	return nil, errTODO
}
