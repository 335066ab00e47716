package callback

import (
	"context"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
)

// Counts are a period's callbacks by outcome. Unused and Late are the
// counts the strategy's follow-up wants: bookings nobody handled by the
// end of their day (no-shows of the staff's side), and bookings first
// handled more than LateAfter after their slot ended.
type Counts struct {
	Booked     int
	Done       int
	NotReached int
	// Waiting are open callbacks whose day has not ended.
	Waiting int
	Unused  int
	Late    int
}

// Count counts the municipality's callbacks whose slots start from from
// until to, as at now; with departments, those of their areas only. A
// callback's first handling is its first call (answered or not).
func (c *Callbacks) Count(ctx context.Context, municipalityID string, from, to time.Time, departments []string) (Counts, error) {
	list, err := c.Between(ctx, municipalityID, from, to, departments)
	if err != nil {
		return Counts{}, err
	}
	return countOf(list, c.now()), nil
}

func countOf(list []*Callback, now time.Time) Counts {
	var n Counts
	for _, k := range list {
		n.Booked++
		dayEnd := civil.DateOf(k.Start).AddDays(1).Start()
		switch k.Status {
		case Done:
			n.Done++
		case NotReached:
			n.NotReached++
		}
		handled := k.FirstTryAt
		if handled.IsZero() {
			handled = k.ClosedAt
		}
		switch {
		case handled.IsZero() && !now.Before(dayEnd), !handled.IsZero() && !handled.Before(dayEnd):
			n.Unused++
		case handled.IsZero():
			n.Waiting++
		case handled.After(k.End.Add(LateAfter)):
			n.Late++
		}
	}
	return n
}
