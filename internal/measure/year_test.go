package measure_test

import (
	"context"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/measure"
)

// The figures page, its exports and the council's report (from the page
// and from kanal report) default to one year: the last year with counted
// inquiries, else this year in Denmark.
func TestDefaultYear_TheLastCountedYearElseThisDanishYear(t *testing.T) {
	for _, c := range []struct {
		last  civil.Month
		today civil.Date
		want  int
	}{
		{civil.Month{Year: 2014, Month: time.May}, kanaltest.Day("2026-03-01"), 2014},
		{civil.Month{Year: 2026, Month: time.January}, kanaltest.Day("2026-01-31"), 2026},
		{civil.Month{Year: 2027, Month: time.December}, kanaltest.Day("2026-06-01"), 2027}, // dated ahead
		{civil.Month{}, kanaltest.Day("2026-03-01"), 2026},
		{civil.Month{}, kanaltest.Day("2026-01-01"), 2026},
	} {
		if got := measure.DefaultYear(c.last, c.today); got != c.want {
			t.Errorf("last counted %v, today %s: %d, want %d", c.last, c.today, got, c.want)
		}
	}
}

func TestSource_DefaultYearReadsTheLastCountedMonth(t *testing.T) {
	db, reg, cur := twoVersions(t)
	src := measure.NewSource(db, reg)
	ctx := context.Background()
	// 23:30 UTC on 31 December 2025 is 00:30 on 1 January 2026 in Denmark.
	newYearsNight := time.Date(2025, 12, 31, 23, 30, 0, 0, time.UTC)
	if got, err := src.DefaultYear(ctx, "testkommune", newYearsNight); err != nil || got != 2026 {
		t.Errorf("without inquiries: %d %v, want 2026, the Danish year", got, err)
	}
	// The last call is at 00:30 on 1 January 2015, Danish time.
	calls := []inquiry.Inquiry{phoneCall(danish(2014, 3, 1, 12, 0), "test"), phoneCall(danish(2015, 1, 1, 0, 30), "test"),
		phoneCall(danish(2013, 12, 1, 12, 0), "test")}
	if _, err := inquiry.NewRecorder(db).Record(ctx, cur, calls); err != nil {
		t.Fatal(err)
	}
	if got, err := src.DefaultYear(ctx, "testkommune", newYearsNight); err != nil || got != 2015 {
		t.Errorf("with inquiries until January 2015: %d %v, want 2015", got, err)
	}
}
