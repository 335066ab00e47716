package guidance

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// followChannelOrder ranks the primary and the secondary channels by the
// strategy's channel order, where it states one (Tårnby: "1. Selvbetjening
// — kommunens hjemmeside, 2. Telefon, 3. E-mail / Papirpost (digital
// post), 4. Personlig henvendelse"). A list the area sets itself is the
// area's rule and keeps its own order; primary channels stay before
// secondary ones, for that is the strategy's rule too. Channels of one rank,
// and channels the order does not name (after the ranked ones), keep the
// order of the list.
func (d *decision) followChannelOrder() {
	o := d.s.ChannelOrder
	if o == nil || len(o.Ranks) == 0 {
		return
	}
	own := d.a.Channels
	if d.req.Direction == strategy.Outbound {
		own = d.a.OutboundChannels
	}
	rule, hasRule := own[d.req.Type]
	changed := false
	if !hasRule || rule.Primary == nil {
		d.Primary, changed = ranked(o, d.Primary)
	}
	if !hasRule || rule.Secondary == nil {
		var c bool
		d.Secondary, c = ranked(o, d.Secondary)
		changed = changed || c
	}
	if changed {
		d.reason("guidance.reason.channel_order", d.orderText(o))
	}
}

// orderText is the order in the strategy's words, or else its channels by
// rank: "1. Selvbetjening, Hjemmeside, 2. Telefon, …".
func (d *decision) orderText(o *strategy.ChannelOrder) string {
	if o.Text != "" {
		return o.Text
	}
	parts := make([]string, len(o.Ranks))
	for i, rank := range o.Ranks {
		parts[i] = strconv.Itoa(i+1) + ". " + d.names(rank)
	}
	return strings.Join(parts, ", ")
}

// ranked returns the list sorted by rank, and whether that changed it.
func ranked(o *strategy.ChannelOrder, list []string) ([]string, bool) {
	unranked := len(o.Ranks) + 1
	rank := func(id string) int {
		if r, ok := o.Rank(id); ok {
			return r
		}
		return unranked
	}
	out := slices.Clone(list)
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out, !slices.Equal(out, list)
}

// candidates are the channels to recommend, best first: the primary, then
// the secondary ones, as ranked.
func (d *decision) candidates() []string {
	return append(slices.Clone(d.Primary), d.Secondary...)
}
