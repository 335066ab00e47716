package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The first start writes each preset's last strategy year — the year the
// figures open on — before it prints the address, and the earlier years
// while it serves, newest first; Pending tells the staff pages which years
// are still to come.

// Year is the options of one calendar year of a strategy's demo data.
func Year(year int) Options {
	return Options{
		From: time.Date(year, 1, 1, 0, 0, 0, 0, strategy.Location),
		To:   time.Date(year, 12, 31, 0, 0, 0, 0, strategy.Location),
	}
}

// MissingYears lists the years of a strategy's period before its last
// that lack some month of the municipality's demo data, newest first.
func MissingYears(ctx context.Context, db *store.DB, s *strategy.Strategy) (Years, error) {
	if s.Period.To <= s.Period.From {
		return nil, nil
	}
	last := Year(s.Period.To - 1)
	months, err := missingMonths(ctx, db, s.Municipality.ID, Year(s.Period.From).From, last.To)
	if err != nil {
		return nil, err
	}
	var years Years
	for i := len(months) - 1; i >= 0; i-- {
		if y := months[i].Year; !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	return years, nil
}

// Years are calendar years, newest first.
type Years []int

// String writes the years as ranges, oldest first: "2012–2014",
// "2012, 2014".
func (ys Years) String() string {
	sorted := slices.Sorted(slices.Values(ys))
	var parts []string
	for i := 0; i < len(sorted); {
		j := i
		for j+1 < len(sorted) && sorted[j+1] == sorted[j]+1 {
			j++
		}
		if i == j {
			parts = append(parts, fmt.Sprint(sorted[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d–%d", sorted[i], sorted[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// Pending is which years of each municipality's demo data are still being
// written while the server runs. It is safe for concurrent use; a nil
// Pending has none.
type Pending struct {
	mu    sync.Mutex
	years map[string]Years
	// stopped is set when the writing failed: the years left are not
	// being written any more, and the next start writes them.
	stopped bool
}

// Stop records that the writing failed and what is left will not be
// written until the next start.
func (p *Pending) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopped = true
}

// Stopped reports whether the writing failed (Stop).
func (p *Pending) Stopped() bool {
	if p == nil {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stopped
}

// Set records the years of a municipality that are still to be written;
// none clears it.
func (p *Pending) Set(municipality string, years Years) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(years) == 0 {
		delete(p.years, municipality)
		return
	}
	if p.years == nil {
		p.years = map[string]Years{}
	}
	p.years[municipality] = slices.Clone(years)
}

// Of returns the years of a municipality that are still to be written.
func (p *Pending) Of(municipality string) Years {
	if p == nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.years[municipality])
}

// Unfinished reports whether a municipality has demo inquiries but lacks
// some month of its strategy's period: a first start was stopped before
// its demo data was complete, and the next start is to complete it.
func Unfinished(ctx context.Context, db *store.DB, s *strategy.Strategy) (bool, error) {
	var begun bool
	err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM inquiries WHERE municipality_id = $1 AND source = 'demo')`,
		s.Municipality.ID).Scan(&begun)
	if err != nil || !begun {
		return false, err
	}
	from, to := span(s, Options{})
	missing, err := missingMonths(ctx, db, s.Municipality.ID, from, to)
	return len(missing) > 0, err
}
