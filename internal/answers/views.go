package answers

import (
	"context"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// SourceWeb is the source of the inquiries a view of an answer page
// registers.
const SourceWeb = "answers"

// Viewed counts a view of an area's answer page at a time: always in the
// web activity, and, when the strategy counts page views as inquiries
// (strategy.CountsPageViews) and the area handles information inquiries,
// also as one information inquiry on the website channel through the
// recorder, so that it is in the figures like any other contact.
//
// The inquiry is recorded at the view, not batched: one view is one
// inquiry either way, and one small transaction per view (about a
// millisecond on SQLite, see docs/answers.md) is far below what a
// municipality's answer pages are read; a batch would lose its views if
// the server stopped before the flush. It reports whether an inquiry was
// recorded.
func (a *Answers) Viewed(ctx context.Context, rec *inquiry.Recorder, cur *municipality.Current, area *strategy.Area, at time.Time) (bool, error) {
	if err := a.Count(ctx, cur.Municipality, area.ID, civil.DateOf(at), View, 1); err != nil {
		return false, err
	}
	if rec == nil || !CountsAsInquiry(cur.Strategy, area) {
		return false, nil
	}
	in := inquiry.Inquiry{OccurredAt: at.UTC().Truncate(time.Second), Channel: strategy.Website, Type: strategy.Information,
		Direction: strategy.Inbound, Area: area.ID, Source: SourceWeb}
	if _, err := rec.Record(ctx, cur, []inquiry.Inquiry{in}); err != nil {
		return false, fmt.Errorf("register the view of answer page %s/%s: %w", cur.Municipality, area.ID, err)
	}
	return true, nil
}

// CountsAsInquiry reports whether a view of the area's answer page is an
// information inquiry on the website under the strategy.
func CountsAsInquiry(st *strategy.Strategy, area *strategy.Area) bool {
	if !st.CountsPageViews() || !area.Handles(strategy.Information) {
		return false
	}
	c, ok := st.Channel(strategy.Website)
	return ok && c.Inbound
}
