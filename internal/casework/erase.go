package casework

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// DefaultRetentionDays is how long the personal data of a decided or
// closed case is kept when its area sets no retention_days: Kanal's
// choice, an example for the strategy group to replace with the
// municipality's own period.
const DefaultRetentionDays = 365

// RetentionDays is the retention period of an area's cases: its
// retention_days, or DefaultRetentionDays. The bool reports whether the
// period is Kanal's default rather than the strategy's.
func RetentionDays(a *strategy.Area) (days int, isDefault bool) {
	if a == nil || a.RetentionDays == nil {
		return DefaultRetentionDays, true
	}
	return *a.RetentionDays, false
}

// ErasedOn is the first day on which a case decided or closed at changed
// is erased, with a retention period of days: the personal data is kept
// through the days-th day after the day of the change (Danish days) and
// erased from the day after.
func ErasedOn(changed time.Time, days int) civil.Date {
	return civil.DateOf(changed).AddDays(days + 1)
}

// Erase removes the personal data of every case whose retention period
// ended before now, and of drafts past their time; it returns how many
// cases it erased.
//
// A case's period runs from its last status change while its status is
// decided or closed; a case reopened (any other status) is kept. The
// period is its area's in the municipality's current strategy, Kanal's
// default when the area sets none or is gone. Erasing clears the CPR
// number, the name, the answers, the notes of the status changes (which
// staff may have written personal data in) and the attachments, and marks
// the case erased; the case, its statuses and dates, its inquiry and
// every count stay. Each erased case is written to the audit log, by
// the system, with its reference only.
func (c *Cases) Erase(ctx context.Context) (int, error) {
	now := c.now()
	today := civil.DateOf(now)
	if _, err := c.db.ExecContext(ctx, `DELETE FROM case_drafts WHERE expires_at <= $1`, now); err != nil {
		return 0, fmt.Errorf("drop expired drafts: %w", err)
	}
	due, err := c.dueForErasure(ctx, today)
	if err != nil {
		return 0, err
	}
	erased := 0
	for _, d := range due {
		ok, err := c.erase(ctx, d, now)
		if err != nil {
			return erased, err
		}
		if ok {
			erased++
		}
	}
	return erased, nil
}

// dueCase is a case whose retention period has ended.
type dueCase struct {
	id           int64
	municipality string
	reference    string
	days         int
}

// dueForErasure lists the cases whose period ended before today.
func (c *Cases) dueForErasure(ctx context.Context, today civil.Date) ([]dueCase, error) {
	rows, err := c.db.QueryContext(ctx, `SELECT id, municipality_id, reference, area, updated_at FROM cases
		WHERE erased_at IS NULL AND status IN ('decided', 'closed') ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("cases to erase: %w", err)
	}
	type candidate struct {
		dueCase
		area    string
		changed time.Time
	}
	var cands []candidate
	for rows.Next() {
		var k candidate
		if err := rows.Scan(&k.id, &k.municipality, &k.reference, &k.area, &k.changed); err != nil {
			rows.Close()
			return nil, fmt.Errorf("cases to erase: %w", err)
		}
		cands = append(cands, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("cases to erase: %w", err)
	}
	reg := municipality.NewRegistry(c.db)
	strategies := map[string]*strategy.Strategy{}
	var due []dueCase
	for _, k := range cands {
		s, ok := strategies[k.municipality]
		if !ok {
			cur, err := reg.Current(ctx, k.municipality)
			if err != nil {
				return nil, fmt.Errorf("retention of %s's cases: %w", k.municipality, err)
			}
			s = cur.Strategy
			strategies[k.municipality] = s
		}
		area, _ := s.Area(k.area)
		k.days, _ = RetentionDays(area)
		if !today.Before(ErasedOn(k.changed, k.days)) {
			due = append(due, k.dueCase)
		}
	}
	return due, nil
}

// erase clears one case's personal data; false when it was no longer due
// (reopened or erased meanwhile).
func (c *Cases) erase(ctx context.Context, d dueCase, now time.Time) (bool, error) {
	var done bool
	err := c.db.InTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE cases SET cpr = '', name = '', answers = '{}', erased_at = $1
			WHERE id = $2 AND erased_at IS NULL AND status IN ('decided', 'closed')`, now, d.id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM case_attachments WHERE case_id = $1`, d.id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE case_changes SET note = '' WHERE case_id = $1`, d.id); err != nil {
			return err
		}
		done = true
		return audit.Record(ctx, tx, d.municipality, audit.System, audit.CaseErased, d.reference,
			fmt.Sprintf("retention %d days", d.days))
	})
	if err != nil {
		return false, fmt.Errorf("erase case %s: %w", d.reference, err)
	}
	return done, nil
}

// EraseEvery is how often RunErasure erases: a case is due from the start
// of a Danish day, and is erased within the hour.
const EraseEvery = time.Hour

// RunErasure runs Erase at once and then every interval until ctx ends,
// logging how many cases it erased (never which) and its failures.
func (c *Cases) RunErasure(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		n, err := c.Erase(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			log.Error("erase cases' personal data", "err", err, "erased", n)
		case n > 0:
			log.Info("erased cases' personal data after their retention period", "cases", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
