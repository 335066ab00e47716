// Package describe puts strategy data into words of one language: channel
// names instead of ids, translated labels, Danish dates and opening hours.
// The web pages and the command line both use it.
package describe

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Priority is one row of primary, secondary and inappropriate channels.
type Priority struct {
	Primary, Secondary, Inappropriate []string
	Note                              string
	// Overridden marks an area's own priority, as opposed to the default.
	Overridden bool
}

func ChannelNames(s *strategy.Strategy, ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if c, ok := s.Channel(id); ok {
			out = append(out, c.Name)
		} else {
			out = append(out, id)
		}
	}
	return out
}

func NewPriority(s *strategy.Strategy, p strategy.Priority) Priority {
	return Priority{
		Primary:       ChannelNames(s, p.Primary),
		Secondary:     ChannelNames(s, p.Secondary),
		Inappropriate: ChannelNames(s, p.Inappropriate),
		Note:          p.Note,
	}
}

// typeLabel names an inquiry type, preferring the strategy's own name.
func TypeLabel(s *strategy.Strategy, l locale.Printer, id string) string {
	if l.Lang() == locale.Danish {
		if t, ok := s.InquiryType(id); ok && t.Name != "" {
			return t.Name
		}
	}
	return l.T("type." + id)
}

func TypeLabels(s *strategy.Strategy, l locale.Printer, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = TypeLabel(s, l, id)
	}
	return strings.Join(out, ", ")
}

// Target is one target as the strategy page lists it.
type Target struct {
	Measure string
	Text    string
	Goal    string
	Area    string
	// Examples names, in words, the target's values that are examples
	// (Tårnby's year of "ca. 80 %"); empty when none are.
	Examples string
}

func NewTarget(s *strategy.Strategy, l locale.Printer, t strategy.Target) Target {
	v := Target{Measure: l.T("measure." + t.Measure), Text: t.Text, Examples: TargetExamples(l, t)}
	if a, ok := s.Area(t.Area); ok {
		v.Area = strategy.AreaLabel(a.KLE, a.Title)
	}
	switch {
	case t.IsShare() && len(t.Shares) > 0:
		years := make([]int, 0, len(t.Shares))
		for y := range t.Shares {
			years = append(years, y)
		}
		sort.Ints(years)
		key := "target.at_least"
		if t.Direction == strategy.AtMost {
			key = "target.at_most"
		}
		parts := make([]string, len(years))
		for i, y := range years {
			parts[i] = l.T(key, y, l.Decimal(t.Shares[y], Decimals(t.Shares[y])))
		}
		v.Goal = strings.Join(parts, "; ")
	case t.Direction == strategy.Reduce:
		v.Goal = l.T("target.reduce")
	case t.Deadline != 0:
		v.Goal = l.T("target.deadline", t.Deadline)
	}
	return v
}

func Decimals(x float64) int {
	if x == float64(int64(x)) {
		return 0
	}
	return 1
}

var dayOrder = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// dayRange writes weekdays compactly: "man.–ons." for a run, else a list.
func DayRange(l locale.Printer, days []string) string {
	idx := make([]int, 0, len(days))
	for _, d := range days {
		for i, o := range dayOrder {
			if o == d {
				idx = append(idx, i)
			}
		}
	}
	sort.Ints(idx)
	run := len(idx) > 2
	for i := 1; i < len(idx); i++ {
		run = run && idx[i] == idx[i-1]+1
	}
	if run {
		return l.T("day."+dayOrder[idx[0]]) + "–" + l.T("day."+dayOrder[idx[len(idx)-1]])
	}
	names := make([]string, len(idx))
	for i, d := range idx {
		names[i] = l.T("day." + dayOrder[d])
	}
	return strings.Join(names, ", ")
}

// Hours is a channel's opening hours at one location.
type Hours struct {
	Channel, Location, Note string
	Example                 bool
	Lines                   []string
}

func NewHours(s *strategy.Strategy, l locale.Printer, oh strategy.OpeningHours) Hours {
	v := Hours{Location: oh.Location, Note: oh.Note, Example: oh.Example}
	v.Channel = ChannelNames(s, []string{oh.Channel})[0]
	for _, h := range oh.Hours {
		v.Lines = append(v.Lines, fmt.Sprintf("%s %s–%s", DayRange(l, h.Days), h.From, h.To))
	}
	return v
}

// ClosedDays lists the days a year when staffed channels are closed.
type ClosedDays struct {
	Year int
	Days []ClosedDay
}

// ClosedDay is one closing day. Example marks one of the strategy's own
// closing days that the file marks as examples (closed_example); public
// holidays are never examples.
type ClosedDay struct {
	Text    string
	Example bool
}

func NewClosedDays(s *strategy.Strategy, l locale.Printer, year int) ClosedDays {
	v := ClosedDays{Year: year}
	for d := dayOf(year, 1, 1); d.Year() == year; d = d.AddDate(0, 0, 1) {
		if closed, name := s.IsClosedDay(d); closed {
			own := name == ""
			if own {
				name = l.T("holiday.closed")
			}
			v.Days = append(v.Days, ClosedDay{Text: fmt.Sprintf("%s (%s)", l.DayMonth(d), name), Example: own && s.Holidays.ClosedExample})
		}
	}
	return v
}

// dayOf is noon of a date in Danish time: far from midnight, so that no
// time zone rule moves it to another day.
func dayOf(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 12, 0, 0, 0, strategy.Location)
}

// Price is one channel price.
type Price struct {
	Channel, Type, SBLevel, DKK, Source string
	Example                             bool
}

func NewPrice(s *strategy.Strategy, l locale.Printer, p strategy.Price) Price {
	v := Price{Channel: ChannelNames(s, []string{p.Channel})[0], Type: l.T("price.all_types"), SBLevel: "–",
		Source: p.Source, Example: p.Example}
	if p.Type != "" {
		v.Type = TypeLabel(s, l, p.Type)
	}
	if p.SBLevel != nil {
		v.SBLevel = fmt.Sprint(*p.SBLevel)
	}
	if p.DKK != nil {
		v.DKK = l.Decimal(*p.DKK, Decimals(*p.DKK))
	}
	return v
}

func YesNo(l locale.Printer, b bool) string {
	if b {
		return l.T("ui.yes")
	}
	return l.T("ui.no")
}
