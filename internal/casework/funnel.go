package casework

import (
	"cmp"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
)

// AbandonAfter is how long a run may rest: a run neither completed nor
// touched for this long counts as abandoned at the last step it reached.
// A younger one counts as started only, still in progress.
const AbandonAfter = 24 * time.Hour

// StartRun counts a form started and returns the run's random id, which
// the form's pages carry; no personal data.
func (c *Cases) StartRun(ctx context.Context, municipality, area, form string) (string, error) {
	buf := make([]byte, 16)
	if _, err := rand.Read(buf); err != nil {
		return "", fmt.Errorf("start form run: %w", err)
	}
	id := hex.EncodeToString(buf)
	now := c.now()
	if _, err := c.db.ExecContext(ctx, `INSERT INTO form_runs (id, municipality_id, area, form, started_at, last_step, touched_at)
		VALUES ($1, $2, $3, $4, $5, 0, $5)`, id, municipality, area, form, now); err != nil {
		return "", fmt.Errorf("start form run: %w", err)
	}
	return id, nil
}

// StepRun records that the run reached a step (0-based): the step the
// citizen is on now, also when going back. A run id the municipality has
// no open run under — unknown, completed, or from a page sent again after
// the form was — changes nothing and is no error: the id comes from the
// citizen's page.
func (c *Cases) StepRun(ctx context.Context, municipality, run string, step int) error {
	if step < 0 {
		step = 0
	}
	if _, err := c.db.ExecContext(ctx, `UPDATE form_runs SET last_step = $1, touched_at = $2
		WHERE id = $3 AND municipality_id = $4 AND completed_at IS NULL`, step, c.now(), run, municipality); err != nil {
		return fmt.Errorf("step form run: %w", err)
	}
	return nil
}

// FunnelRow is one area's forms in one month.
type FunnelRow struct {
	Month     civil.Month
	Area      string
	Form      string
	Started   int
	Completed int
	// AbandonedAt counts the runs left at each step (index = step).
	AbandonedAt []int
}

// Abandoned is the sum of AbandonedAt.
func (r FunnelRow) Abandoned() int {
	n := 0
	for _, a := range r.AbandonedAt {
		n += a
	}
	return n
}

// Funnel returns the municipality's funnel for the months from..to, both
// included: the runs by the Danish month they started in, per area and
// form, in the order of month, area and form. Started counts every run;
// Completed those a submission completed; AbandonedAt those left, by the
// step they were left at (AbandonAfter). Started minus both is the runs
// still in progress.
func (c *Cases) Funnel(ctx context.Context, municipality string, from, to civil.Month) ([]FunnelRow, error) {
	rows, err := c.db.QueryContext(ctx, `SELECT area, form, started_at, last_step, touched_at, completed_at FROM form_runs
		WHERE municipality_id = $1 AND started_at >= $2 AND started_at < $3`,
		municipality, from.FirstDay().Start().UTC(), to.LastDay().AddDays(1).Start().UTC())
	if err != nil {
		return nil, fmt.Errorf("funnel of %s: %w", municipality, err)
	}
	defer rows.Close()
	type key struct {
		month      civil.Month
		area, form string
	}
	cells := map[key]*FunnelRow{}
	abandoned := c.now().Add(-AbandonAfter)
	for rows.Next() {
		var k key
		var started, touched time.Time
		var step int
		var completed sql.NullTime
		if err := rows.Scan(&k.area, &k.form, &started, &step, &touched, &completed); err != nil {
			return nil, fmt.Errorf("funnel of %s: %w", municipality, err)
		}
		k.month = civil.DateOf(started).YearMonth()
		r := cells[k]
		if r == nil {
			r = &FunnelRow{Month: k.month, Area: k.area, Form: k.form}
			cells[k] = r
		}
		r.Started++
		switch {
		case completed.Valid:
			r.Completed++
		case !touched.After(abandoned):
			for len(r.AbandonedAt) <= step {
				r.AbandonedAt = append(r.AbandonedAt, 0)
			}
			r.AbandonedAt[step]++
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("funnel of %s: %w", municipality, err)
	}
	out := make([]FunnelRow, 0, len(cells))
	for _, r := range cells {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b FunnelRow) int {
		return cmp.Or(a.Month.Compare(b.Month), cmp.Compare(a.Area, b.Area), cmp.Compare(a.Form, b.Form))
	})
	return out, nil
}
