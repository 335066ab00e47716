package dashboard

import (
	"slices"
	"testing"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Issue 13: the year choice lists only years with counted inquiries or
// with a target, and the year asked for, newest first.
func TestYears_OnlyYearsWithDataOrTargets(t *testing.T) {
	s := &strategy.Strategy{Period: strategy.Period{From: 2012, To: 2015}, Targets: []strategy.Target{
		{Shares: map[int]float64{2012: 0.3, 2015: 0.5}},
		{Deadline: 2018},
	}}
	for _, c := range []struct {
		name        string
		first, last civil.Month
		asked       int
		want        []int
	}{
		{"targets only", civil.Month{}, civil.Month{}, 2015, []int{2018, 2015, 2012}},
		{"data and targets", civil.Month{Year: 2013, Month: 11}, civil.Month{Year: 2014, Month: 2}, 2014, []int{2018, 2015, 2014, 2013, 2012}},
		{"a year asked for without either", civil.Month{}, civil.Month{}, 2026, []int{2026, 2018, 2015, 2012}},
	} {
		if got := Years(s, c.first, c.last, c.asked); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// The period's fields are those the period needs.
func TestPeriodFields(t *testing.T) {
	for period, want := range map[string][]string{
		PeriodYear:    {"period", "year"},
		PeriodQuarter: {"period", "quarter", "year"},
		PeriodMonth:   {"month", "period", "year"},
		PeriodCustom:  {"from", "period", "to"},
	} {
		var got []string
		for f := range PeriodFields(period) {
			got = append(got, f)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", period, got, want)
		}
	}
}
