package inquiry

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/rollup"
)

// ErrChannelMoved is returned by MoveChannel when the inquiry is not on
// the channel it is to be moved from.
var ErrChannelMoved = errors.New("the inquiry is not on the channel to move it from")

// MoveChannel moves one inquiry of the municipality, stored at occurredAt
// (the time names its partition on PostgreSQL), from one channel to
// another in tx: the raw row and its count in the rollups move together,
// so `kanal rollup verify` agrees afterwards. An outbound letter that fell
// back from Digital Post to paper moves its inquiry from digital_post to
// letter this way. The new channel is not checked against the strategy:
// the caller moves between channels it knows the strategy has.
func (r *Recorder) MoveChannel(ctx context.Context, tx *sql.Tx, municipality string, id int64, occurredAt time.Time, from, to string) error {
	var in Inquiry
	var version int64
	var duration sql.NullInt64
	var referred sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT strategy_version_id, occurred_at, area, department, channel, type, direction,
		resolved_first_contact, guided, assisted, exempt, duration_seconds, test, referred_to
		FROM inquiries WHERE id = $1 AND municipality_id = $2 AND occurred_at = $3`,
		id, municipality, occurredAt.UTC().Truncate(time.Second)).Scan(&version, &in.OccurredAt, &in.Area, &in.Department,
		&in.Channel, &in.Type, &in.Direction, &in.ResolvedFirstContact, &in.Guided, &in.Assisted, &in.Exempt, &duration,
		&in.Test, &referred)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("move inquiry %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("move inquiry %d: %w", id, err)
	}
	if in.Channel != from {
		return fmt.Errorf("move inquiry %d from %s: %w", id, from, ErrChannelMoved)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE inquiries SET channel = $1 WHERE id = $2 AND occurred_at = $3`,
		to, id, in.OccurredAt); err != nil {
		return fmt.Errorf("move inquiry %d: %w", id, err)
	}
	if in.Test {
		return nil
	}
	in.ReferredTo = referred.String
	if duration.Valid {
		d := int(duration.Int64)
		in.DurationSeconds = &d
	}
	cell := rollup.Cell{Municipality: municipality, Version: version, Day: civil.DateOf(in.OccurredAt),
		Area: in.Area, Department: in.Department, Channel: from, Type: in.Type, Direction: in.Direction}
	counts := rollup.Counts{}
	counts.Add(cell, flagsOf(in), in.DurationSeconds, -1)
	cell.Channel = to
	counts.Add(cell, flagsOf(in), in.DurationSeconds, 1)
	return rollup.Apply(ctx, r.db, tx, counts)
}
