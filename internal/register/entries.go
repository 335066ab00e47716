package register

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"

	"github.com/kanal-dk/kanal/internal/audit"
)

// ErrStale is a save of an entry that someone else saved in the meantime:
// the version the form was filled from is no longer the newest.
var ErrStale = errors.New("register: the entry was changed by someone else")

const entryColumns = `area, version, supplier, url, sb_level, login, borger_dk, integration, cost,
	started, completed, counts_year, changed_at, changed_by, demo`

// scanEntry reads one row of entryColumns.
func scanEntry(rows interface{ Scan(...any) error }, municipality string) (Solution, error) {
	sol := Solution{Municipality: municipality, Saved: true}
	var level, cost, started, completed, year sql.NullInt64
	if err := rows.Scan(&sol.Area, &sol.Version, &sol.Supplier, &sol.URL, &level, &sol.Login, &sol.BorgerDK,
		&sol.Integration, &cost, &started, &completed, &year, &sol.Changed, &sol.ChangedBy, &sol.Demo); err != nil {
		return Solution{}, err
	}
	if level.Valid {
		n := int(level.Int64)
		sol.SBLevel = &n
	}
	if cost.Valid {
		f := float64(cost.Int64)
		sol.CostPerYear = &f
	}
	if started.Valid {
		n := int(started.Int64)
		sol.Started = &n
	}
	if completed.Valid {
		n := int(completed.Int64)
		sol.Completed = &n
	}
	if started.Valid || completed.Valid {
		sol.CountsFrom = CountsHand
	}
	sol.CountsYear = int(year.Int64)
	return sol, nil
}

// current are the newest entries of the municipality's areas, by area.
func (r *Register) current(ctx context.Context, municipality string) (map[string]Solution, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT `+entryColumns+` FROM register_entries e
		WHERE municipality_id = $1 AND version = (SELECT MAX(version) FROM register_entries
			WHERE municipality_id = e.municipality_id AND area = e.area)`, municipality)
	if err != nil {
		return nil, fmt.Errorf("register of %s: %w", municipality, err)
	}
	defer rows.Close()
	out := map[string]Solution{}
	for rows.Next() {
		sol, err := scanEntry(rows, municipality)
		if err != nil {
			return nil, fmt.Errorf("register of %s: %w", municipality, err)
		}
		out[sol.Area] = sol
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("register of %s: %w", municipality, err)
	}
	return out, nil
}

// Entry is the area's newest saved entry as it was entered (hand counts,
// no funnel); false when none is saved.
func (r *Register) Entry(ctx context.Context, municipality, area string) (Solution, bool, error) {
	versions, err := r.History(ctx, municipality, area)
	if err != nil || len(versions) == 0 {
		return Solution{}, false, err
	}
	return versions[0], true, nil
}

// History are every version of the area's entry, newest first.
func (r *Register) History(ctx context.Context, municipality, area string) ([]Solution, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT `+entryColumns+` FROM register_entries
		WHERE municipality_id = $1 AND area = $2 ORDER BY version DESC`, municipality, area)
	if err != nil {
		return nil, fmt.Errorf("register entry %s of %s: %w", area, municipality, err)
	}
	defer rows.Close()
	var out []Solution
	for rows.Next() {
		sol, err := scanEntry(rows, municipality)
		if err != nil {
			return nil, fmt.Errorf("register entry %s of %s: %w", area, municipality, err)
		}
		out = append(out, sol)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("register entry %s of %s: %w", area, municipality, err)
	}
	return out, nil
}

// Save stores sol as the next version of its area's entry, audited in the
// same transaction. version is the version the form was filled from (0:
// none saved yet); when the newest is another, nothing is saved and the
// error is ErrStale. The solution must have no Problems. It returns the
// new version.
func (r *Register) Save(ctx context.Context, sol Solution, version int, actor audit.Actor) (int, error) {
	if probs := sol.Problems(); len(probs) > 0 {
		return 0, fmt.Errorf("save register entry %s: invalid %v", sol.Area, probs)
	}
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("save register entry %s: %w", sol.Area, err)
	}
	defer tx.Rollback()
	var newest int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM register_entries
		WHERE municipality_id = $1 AND area = $2`, sol.Municipality, sol.Area).Scan(&newest); err != nil {
		return 0, fmt.Errorf("save register entry %s: %w", sol.Area, err)
	}
	if newest != version {
		return 0, ErrStale
	}
	var cost any
	if sol.CostPerYear != nil {
		cost = int64(math.Round(*sol.CostPerYear))
	}
	var year any
	if sol.CountsYear != 0 {
		year = sol.CountsYear
	}
	next := newest + 1
	if _, err := tx.ExecContext(ctx, `INSERT INTO register_entries (municipality_id, area, version, supplier, url,
		sb_level, login, borger_dk, integration, cost, started, completed, counts_year, changed_at, changed_by, demo)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
		sol.Municipality, sol.Area, next, sol.Supplier, sol.URL, nullInt(sol.SBLevel), sol.Login, sol.BorgerDK,
		sol.Integration, cost, nullInt(sol.Started), nullInt(sol.Completed), year, r.now().UTC(), actor.Name, sol.Demo); err != nil {
		return 0, fmt.Errorf("save register entry %s: %w", sol.Area, err)
	}
	if err := audit.Record(ctx, tx, sol.Municipality, actor, audit.RegisterChanged, sol.Area,
		fmt.Sprintf("version %d", next)); err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("save register entry %s: %w", sol.Area, err)
	}
	return next, nil
}

func nullInt(n *int) any {
	if n == nil {
		return nil
	}
	return *n
}
