package businesscase

import (
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// BaseYear is the last full calendar year of figures: the year of the
// last counted month when that month is December, else the year before;
// never later than the year before today, and the year before today when
// nothing is counted.
func BaseYear(lastCounted civil.Month, today civil.Date) int {
	if lastCounted.IsZero() {
		return today.Year - 1
	}
	y := lastCounted.Year
	if lastCounted.Month != time.December {
		y--
	}
	return min(y, today.Year-1)
}

// ChannelVolume is one channel's inbound applications of the base year
// that would shift, with its price for a transaction (nil when the
// strategy has none).
type ChannelVolume struct {
	Channel *strategy.Channel
	Volume  int64
	Price   *float64
}

// Shiftable are the channels whose inbound applications would shift to
// self-service, of an area's counts per channel (inbound transactions of
// the base year): those in the whole of the strategy's digital share of
// applications that are neither counted as digital nor self-service. It
// returns them in the strategy's channel order, their volume V and the
// volume-weighted price c_old (0 when nothing is priced).
func Shiftable(st *strategy.Strategy, byChannel map[string]int64) (rows []ChannelVolume, volume, priceOld float64) {
	def := st.Share(strategy.MeasureTransactionDigital)
	var priced, cost float64
	for i := range st.Channels {
		ch := &st.Channels[i]
		if ch.ID == strategy.SelfService || !def.InWhole(ch.ID) || def.InPart(ch.ID) {
			continue
		}
		n := byChannel[ch.ID]
		if n == 0 {
			continue
		}
		row := ChannelVolume{Channel: ch, Volume: n}
		if p, ok := st.PriceOf(ch.ID, strategy.Transaction, nil); ok {
			row.Price = p.DKK
			priced += float64(n)
			cost += float64(n) * *p.DKK
		}
		volume += float64(n)
		rows = append(rows, row)
	}
	if priced > 0 {
		priceOld = cost / priced
	}
	return rows, volume, priceOld
}

// DefaultSBLevel is the SB level a new case starts at: the area's
// solution's, else 3 (data delivered to the back-end system).
func DefaultSBLevel(a *strategy.Area) int {
	if a.SelfService != nil && a.SelfService.SBLevel != nil {
		return *a.SelfService.SBLevel
	}
	return 3
}

// PriceNew is the strategy's price of one self-service application at an
// SB level, and whether it has one.
func PriceNew(st *strategy.Strategy, level int) (float64, bool) {
	p, ok := st.PriceOf(strategy.SelfService, strategy.Transaction, &level)
	if !ok {
		return 0, false
	}
	return *p.DKK, true
}
