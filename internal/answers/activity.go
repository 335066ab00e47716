package answers

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/kanal-dk/kanal/internal/civil"
)

// Activity is the web activity of one area over a period.
type Activity struct {
	Area            string
	Views           int64
	Found, NotFound int64
}

// What a visitor did, for Count.
const (
	View     = "views"
	Found    = "found"
	NotFound = "not_found"
)

// Count adds n to one of an area's counts of a day: View, Found or
// NotFound. Counting is an upsert, so concurrent views add up.
func (a *Answers) Count(ctx context.Context, municipality, area string, day civil.Date, what string, n int64) error {
	switch what {
	case View, Found, NotFound:
	default:
		return fmt.Errorf("count web activity: unknown count %q", what)
	}
	// what is one of three column names, never the caller's text.
	q := `INSERT INTO answer_activity (municipality_id, day, area_id, ` + what + `) VALUES ($1, $2, $3, $4)
		ON CONFLICT (municipality_id, day, area_id) DO UPDATE SET ` + what + ` = answer_activity.` + what + ` + excluded.` + what
	if _, err := a.db.ExecContext(ctx, q, municipality, day.String(), area, n); err != nil {
		return fmt.Errorf("count web activity of %s/%s: %w", municipality, area, err)
	}
	return nil
}

// ActivityBetween sums the web activity per area over the days from and
// to (both included), the most viewed first.
func (a *Answers) ActivityBetween(ctx context.Context, municipality string, from, to civil.Date) ([]Activity, error) {
	rows, err := a.db.QueryContext(ctx, `SELECT area_id, SUM(views), SUM(found), SUM(not_found) FROM answer_activity
		WHERE municipality_id = $1 AND day >= $2 AND day <= $3 GROUP BY area_id`, municipality, from.String(), to.String())
	if err != nil {
		return nil, fmt.Errorf("read web activity of %s: %w", municipality, err)
	}
	defer rows.Close()
	var out []Activity
	for rows.Next() {
		var x Activity
		if err := rows.Scan(&x.Area, &x.Views, &x.Found, &x.NotFound); err != nil {
			return nil, fmt.Errorf("read web activity of %s: %w", municipality, err)
		}
		out = append(out, x)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Views != out[j].Views {
			return out[i].Views > out[j].Views
		}
		return out[i].Area < out[j].Area
	})
	return out, rows.Err()
}

// DayActivity is one area's counts of one day, for AddDays.
type DayActivity struct {
	Day  civil.Date
	Area string
	Activity
}

// AddDays adds many days' counts in one transaction (the demo's).
func (a *Answers) AddDays(ctx context.Context, municipality string, days []DayActivity) error {
	return a.db.InTx(ctx, func(tx *sql.Tx) error {
		for _, d := range days {
			if _, err := tx.ExecContext(ctx, `INSERT INTO answer_activity (municipality_id, day, area_id, views, found, not_found)
				VALUES ($1, $2, $3, $4, $5, $6)
				ON CONFLICT (municipality_id, day, area_id) DO UPDATE SET views = answer_activity.views + excluded.views,
					found = answer_activity.found + excluded.found, not_found = answer_activity.not_found + excluded.not_found`,
				municipality, d.Day.String(), d.Area, d.Views, d.Found, d.NotFound); err != nil {
				return fmt.Errorf("add web activity of %s/%s: %w", municipality, d.Area, err)
			}
		}
		return nil
	})
}
