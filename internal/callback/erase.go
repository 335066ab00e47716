package callback

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/municipality"
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

// EraseEvery is how often a serving Kanal erases the phone numbers whose
// time is up: a number is gone within the hour after its day.
const EraseEvery = time.Hour

// EraseAll erases the phone numbers whose time is up in every
// municipality, each with its strategy's erase_after_days (Kanal's
// default where the strategy has no callback setting), and returns how
// many it erased.
func (c *Callbacks) EraseAll(ctx context.Context, reg *municipality.Registry) (int64, error) {
	ms, err := reg.List(ctx)
	if err != nil {
		return 0, err
	}
	var total int64
	for _, m := range ms {
		cur, err := reg.Current(ctx, m.ID)
		if err != nil {
			return total, fmt.Errorf("erase callbacks of %s: %w", m.ID, err)
		}
		set, _ := cur.Strategy.CallbackSetting()
		n, err := c.Erase(ctx, m.ID, set.EraseAfterDays)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// RunErasure runs EraseAll at once and then every interval until ctx
// ends, logging how many numbers it erased (never which) and failures.
func (c *Callbacks) RunErasure(ctx context.Context, reg *municipality.Registry, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		n, err := c.EraseAll(ctx, reg)
		switch {
		case err != nil && ctx.Err() == nil:
			log.Error("erase callbacks' phone numbers", "err", err, "erased", n)
		case n > 0:
			log.Info("erased callbacks' phone numbers", "callbacks", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
