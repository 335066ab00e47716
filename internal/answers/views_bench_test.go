package answers

import (
	"context"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// BenchmarkViewed measures a view registered as an inquiry (the strategy
// counts page views): the cost docs/answers.md quotes.
func BenchmarkViewed(b *testing.B) {
	db, reg := kanaltest.Presets(b)
	ctx := context.Background()
	a := New(db)
	rec := inquiry.NewRecorder(db)
	rec.Now = func() time.Time { return monday.Add(time.Hour) }
	cur := *kanaltest.Current(b, reg, "dragoer")
	st := *cur.Strategy
	st.Targets = append([]strategy.Target{{ID: "web", Measure: strategy.MeasureInboundDigital,
		Of: []string{strategy.SelfService, strategy.Website}}}, st.Targets...)
	cur.Strategy = &st
	area, _ := st.Area("flytning")
	b.ResetTimer()
	for b.Loop() {
		if _, err := a.Viewed(ctx, rec, &cur, area, monday); err != nil {
			b.Fatal(err)
		}
	}
}
