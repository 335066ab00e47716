package departmentreport_test

import (
	"slices"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/departmentreport"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Reports are asked for the strategy's own years: Dragør's strategy runs
// 2012–2015, so in 2026 its last report is 2015's, not 2025's.
func TestYears_AreTheStrategysOwn(t *testing.T) {
	dragoer := strategy.Period{From: 2012, To: 2015}
	day := func(y int, m time.Month, d int) civil.Date { return civil.NewDate(y, m, d) }
	for _, c := range []struct {
		today    civil.Date
		years    []int
		last     int
		finished bool
	}{
		{day(2026, time.November, 30), []int{2015, 2014, 2013, 2012}, 2015, true},
		{day(2014, time.February, 1), []int{2014, 2013, 2012}, 2013, true},
		{day(2012, time.June, 1), []int{2012}, 2011, false},
		{day(2010, time.June, 1), []int{2012}, 2009, false},
	} {
		if got := departmentreport.Years(dragoer, c.today); !slices.Equal(got, c.years) {
			t.Errorf("%s: years %v, want %v", c.today, got, c.years)
		}
		last, ok := departmentreport.LastFinished(dragoer, c.today)
		if ok != c.finished || ok && last != c.last {
			t.Errorf("%s: last finished %d %v, want %d %v", c.today, last, ok, c.last, c.finished)
		}
	}
}
