package measure

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Which strategy version a figure uses. A municipality's strategy changes
// over the years — new channel prices, a better self-service solution —
// and a figure for 2013 must not change because a version loaded in 2016
// has other prices. The rule:
//
//   - The version in force on a day is the newest version loaded on or
//     before that (Danish) day; the days before the first version use the
//     first. A version loaded at 14:00 is in force for the whole day.
//   - Each day is priced by the version in force on it: its channel prices,
//     its staff-hour price and its areas' self-service levels (and so
//     whether self-service there was digital indberetning, SB level 0).
//   - The definitions — which channels a share counts, the targets, the
//     areas and departments shown and their names — are the newest
//     version's, so that a trend is measured one way from start to end.
//   - A month that contains the day a version came into force is read as
//     two spans, from the day cells on either side of that day, so that no
//     day is priced by the wrong version; whole months still come from the
//     monthly cells.

// Version is one strategy version as the figures use it.
type Version struct {
	// ID is the stored version's id; 0 with Single.
	ID int64
	// Number is the version's number; 0 when the figures have only one
	// strategy and no stored version (Single).
	Number int
	// From is the Danish calendar day the version was loaded: it is in
	// force from that day.
	From     civil.Date
	Strategy *strategy.Strategy
}

// History is a municipality's strategy versions, oldest first.
type History struct {
	Versions []Version
	// Skipped are stored versions that no longer validate: their days are
	// priced by the version before them (see municipality.History).
	Skipped []int
}

// History reads a municipality's versions from the registry.
func (src *Source) History(ctx context.Context, id string) (History, error) {
	versions, skipped, err := src.reg.History(ctx, id)
	if err != nil {
		return History{}, err
	}
	list := make([]Version, len(versions))
	for i, v := range versions {
		list[i] = Version{ID: v.ID, Number: v.Number, From: LoadedDay(v.LoadedAt), Strategy: v.Strategy}
	}
	h, err := NewHistory(list)
	for _, v := range skipped {
		h.Skipped = append(h.Skipped, v.Number)
	}
	sort.Ints(h.Skipped)
	return h, err
}

// NewHistory orders the versions by number. It needs at least one.
func NewHistory(versions []Version) (History, error) {
	if len(versions) == 0 {
		return History{}, fmt.Errorf("no strategy version to compute the figures with")
	}
	vs := append([]Version(nil), versions...)
	sort.Slice(vs, func(i, j int) bool { return vs[i].Number < vs[j].Number })
	return History{Versions: vs}, nil
}

// LoadedDay is the Danish calendar day of a version's loading time.
func LoadedDay(loadedAt time.Time) civil.Date { return civil.DateOf(loadedAt) }

// Single is a history of one strategy, in force on every day.
func Single(s *strategy.Strategy) History {
	return History{Versions: []Version{{Strategy: s}}}
}

// Newest is the newest version: the definitions' strategy.
func (h History) Newest() Version { return h.Versions[len(h.Versions)-1] }

// InForce is the version in force on a day.
func (h History) InForce(day civil.Date) Version {
	in := h.Versions[0]
	for _, v := range h.Versions[1:] {
		if !v.From.After(day) {
			in = v
		}
	}
	return in
}

// Span is the days of a period on which one version was in force, both
// included.
type Span struct {
	From, To civil.Date
	Version  Version
}

// Spans splits the days from–to at each day a version came into force.
func (h History) Spans(from, to civil.Date) []Span {
	starts := map[civil.Date]bool{from: true}
	for _, v := range h.Versions[1:] {
		if v.From.After(from) && !v.From.After(to) {
			starts[v.From] = true
		}
	}
	days := make([]civil.Date, 0, len(starts))
	for d := range starts {
		days = append(days, d)
	}
	slices.SortFunc(days, civil.Date.Compare)
	out := make([]Span, len(days))
	for i, start := range days {
		end := to
		if i+1 < len(days) {
			end = days[i+1].AddDays(-1)
		}
		out[i] = Span{From: start, To: end, Version: h.InForce(start)}
	}
	return out
}
