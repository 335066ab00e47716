package callback

import (
	"context"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
)

// Erase removes the phone numbers of a municipality's callbacks whose
// time is up at now: days after the callback was done or closed as not
// reached, or, for a callback nobody closed, days after the end of its
// slot's day. The callback and its outcome stay for the counts. It
// returns how many numbers it erased.
func (c *Callbacks) Erase(ctx context.Context, municipalityID string, days int) (int64, error) {
	now := c.now().UTC().Truncate(time.Second)
	keepFrom := now.AddDate(0, 0, -days)
	// An unclosed callback's day ends at the next Danish midnight.
	slotBefore := civil.DateOf(now).AddDays(-days).Start().UTC()
	r, err := c.db.ExecContext(ctx, `UPDATE callbacks SET phone = NULL, erased_at = $1
		WHERE municipality_id = $2 AND erased_at IS NULL
		AND (closed_at IS NOT NULL AND closed_at <= $3 OR closed_at IS NULL AND slot_start < $4)`,
		now, municipalityID, keepFrom, slotBefore)
	if err != nil {
		return 0, fmt.Errorf("erase callback phone numbers of %s: %w", municipalityID, err)
	}
	return r.RowsAffected()
}
