package inquiry

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
)

// Recorder stores inquiries. Every path that registers inquiries — the
// staff console, the API, CSV import and the demo data — goes through it.
type Recorder struct {
	db *store.DB
}

// NewRecorder returns a recorder on db.
func NewRecorder(db *store.DB) *Recorder { return &Recorder{db: db} }

// rowsPerInsert keeps each INSERT well below both engines' limits on bound
// parameters (SQLite 32766, PostgreSQL 65535).
const rowsPerInsert = 500

const insertColumns = `municipality_id, strategy_version_id, occurred_at, channel, type, direction, area, department,
	resolved_first_contact, guided, assisted, exempt, duration_seconds, source, external_id, recorded_at, test`

const columnsPerRow = 17

// Record checks every inquiry against the strategy version and stores the
// batch in one transaction: all of it or, on any error, none of it. When
// Record returns nil the batch is durably committed.
func (r *Recorder) Record(ctx context.Context, cur *municipality.Current, batch []Inquiry) error {
	for i := range batch {
		if errs := Check(cur.Strategy, &batch[i]); len(errs) > 0 {
			return fmt.Errorf("inquiry %d: %s: %s %v", i+1, errs[0].Field, errs[0].Rule, errs[0].Args)
		}
	}
	now := time.Now().UTC().Truncate(time.Second)
	return r.db.InTx(ctx, func(tx *sql.Tx) error {
		for start := 0; start < len(batch); start += rowsPerInsert {
			end := min(start+rowsPerInsert, len(batch))
			if err := r.insert(ctx, tx, cur, batch[start:end], now); err != nil {
				return fmt.Errorf("record inquiries for %s: %w", cur.Municipality, err)
			}
		}
		return nil
	})
}

func (r *Recorder) insert(ctx context.Context, tx *sql.Tx, cur *municipality.Current, rows []Inquiry, now time.Time) error {
	args := make([]any, 0, len(rows)*columnsPerRow)
	for _, in := range rows {
		var externalID any
		if in.ExternalID != "" {
			externalID = in.ExternalID
		}
		var duration any
		if in.DurationSeconds != nil {
			duration = *in.DurationSeconds
		}
		args = append(args, cur.Municipality, cur.ID, in.OccurredAt.UTC().Truncate(time.Second),
			in.Channel, in.Type, in.Direction, in.Area, in.Department,
			in.ResolvedFirstContact, in.Guided, in.Assisted, in.Exempt, duration,
			in.Source, externalID, now, in.Test)
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO inquiries ("+insertColumns+") VALUES "+r.db.ValuesList(len(rows), columnsPerRow), args...)
	return err
}

// Count returns how many inquiries a municipality has.
func (r *Recorder) Count(ctx context.Context, municipalityID string) (int64, error) {
	var n int64
	err := r.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = $1`, municipalityID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count inquiries of %s: %w", municipalityID, err)
	}
	return n, nil
}

// HasAny reports whether a municipality has any inquiry from a source.
func (r *Recorder) HasAny(ctx context.Context, municipalityID, source string) (bool, error) {
	var n int
	err := r.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM inquiries
		WHERE municipality_id = $1 AND source = $2 LIMIT 1) AS one`, municipalityID, source).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look for %s inquiries of %s: %w", source, municipalityID, err)
	}
	return n > 0, nil
}
