package register

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/civil"
)

// yearCounts are an area's funnel counts in one year.
type yearCounts struct {
	year               int
	started, completed int
}

// funnel counts, per area of areas, the runs of Kanal's own forms (the
// funnel behind the figures' funnel page, casework.Funnel) in the last
// full year — a year before the current one — that had any for the area.
// Areas Kanal's forms never served before this year are left out.
func (r *Register) funnel(ctx context.Context, municipality string, areas []string) (map[string]yearCounts, error) {
	thisYear := civil.DateOf(r.now()).Year
	before := civil.NewDate(thisYear, time.January, 1).Start().UTC()
	years := map[string]int{}
	first, last := 0, 0
	for _, area := range areas {
		var started time.Time
		err := r.db.QueryRowContext(ctx, `SELECT started_at FROM form_runs
			WHERE municipality_id = $1 AND area = $2 AND started_at < $3
			ORDER BY started_at DESC LIMIT 1`, municipality, area, before).Scan(&started)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("register counts of %s: %w", municipality, err)
		}
		y := civil.DateOf(started).Year
		years[area] = y
		if first == 0 || y < first {
			first = y
		}
		last = max(last, y)
	}
	if len(years) == 0 {
		return nil, nil
	}
	cases := casework.New(r.db, nil)
	cases.Now = r.now
	rows, err := cases.Funnel(ctx, municipality, civil.Month{Year: first, Month: time.January}, civil.Month{Year: last, Month: time.December})
	if err != nil {
		return nil, fmt.Errorf("register counts: %w", err)
	}
	out := map[string]yearCounts{}
	for area, y := range years {
		out[area] = yearCounts{year: y}
	}
	for _, row := range rows {
		c, ok := out[row.Area]
		if !ok || row.Month.Year != c.year {
			continue
		}
		c.started += row.Started
		c.completed += row.Completed
		out[row.Area] = c
	}
	return out, nil
}
