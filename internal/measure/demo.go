package measure

import (
	"context"
	"fmt"

	"github.com/kanal-dk/kanal/internal/civil"
)

// Demo data is generated inquiries (source "demo", see package demo). A
// figure made from it must say so wherever it is shown, so a strategy
// group never takes it for its own. The rollups do not know an
// inquiry's source; these look-ups ask the inquiries themselves through
// the partial index inquiries_demo (migration 0007), which holds the demo
// inquiries only: one index probe, whatever the volume. The literal
// 'demo' in the queries is what lets both engines use that index.

const (
	hasDemoSQL = `SELECT EXISTS (SELECT 1 FROM inquiries WHERE source = 'demo'
		AND municipality_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND NOT test)`
	anyDemoSQL = `SELECT EXISTS (SELECT 1 FROM inquiries WHERE source = 'demo' AND municipality_id = $1 AND NOT test)`
)

// HasDemo reports whether a municipality's counted inquiries on the Danish
// days from–to include demo data.
func (src *Source) HasDemo(ctx context.Context, municipality string, from, to civil.Date) (bool, error) {
	if !from.IsValid() || !to.IsValid() {
		return false, fmt.Errorf("look for demo data: the period %s–%s is not a period", from, to)
	}
	var found bool
	err := src.db.QueryRowContext(ctx, hasDemoSQL, municipality, from.Start().UTC(), to.AddDays(1).Start().UTC()).Scan(&found)
	if err != nil {
		return false, fmt.Errorf("look for demo data of %s: %w", municipality, err)
	}
	return found, nil
}

// AnyDemo reports whether any counted inquiry of a municipality is demo
// data: what the banner on every page of the municipality asks.
func (src *Source) AnyDemo(ctx context.Context, municipality string) (bool, error) {
	var found bool
	err := src.db.QueryRowContext(ctx, anyDemoSQL, municipality).Scan(&found)
	if err != nil {
		return false, fmt.Errorf("look for demo data of %s: %w", municipality, err)
	}
	return found, nil
}
