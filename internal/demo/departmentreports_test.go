package demo_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/departmentreport"
	"github.com/kanal-dk/kanal/internal/kanaltest"
)

// The demo's department reports: every department's report submitted for
// each finished year of the strategy but the last; of the last, one
// submitted, one written and the rest not written; every text marked as
// demo; a second run writes none.
func TestDepartmentReports_SubmittedYearsAndAnOpenLastYear(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	now := time.Date(2026, time.November, 30, 10, 0, 0, 0, civil.Location)
	for _, c := range []struct {
		m          string
		from, last int // Dragør 2012–2015, Tårnby 2016–2018
	}{{"dragoer", 2012, 2015}, {"taarnby", 2016, 2018}} {
		cur := kanaltest.Current(t, reg, c.m)
		departments := len(cur.Strategy.Departments)
		want := (c.last-c.from)*departments + 2
		n, err := demo.DepartmentReports(ctx, db, cur, now)
		if err != nil || n != want {
			t.Fatalf("%s: wrote %d reports, %v; want %d", c.m, n, err, want)
		}
		all, err := departmentreport.New(db, nil).All(ctx, c.m)
		if err != nil {
			t.Fatal(err)
		}
		byStatus := map[int]map[departmentreport.Status]int{}
		for _, r := range all {
			if byStatus[r.Year] == nil {
				byStatus[r.Year] = map[departmentreport.Status]int{}
			}
			byStatus[r.Year][r.Status]++
			for _, text := range []string{r.Done, r.Effect, r.NextYear} {
				if !strings.HasPrefix(text, "Eksempel (demo): ") {
					t.Errorf("%s/%s/%d: a text not marked as demo: %q", c.m, r.Department, r.Year, text)
				}
			}
		}
		for y := c.from; y < c.last; y++ {
			if byStatus[y][departmentreport.Submitted] != departments {
				t.Errorf("%s %d: %v, want all %d submitted", c.m, y, byStatus[y], departments)
			}
		}
		if got := byStatus[c.last]; got[departmentreport.Submitted] != 1 || got[departmentreport.Written] != 1 {
			t.Errorf("%s %d: %v, want one submitted and one written", c.m, c.last, got)
		}
		if n, err := demo.DepartmentReports(ctx, db, cur, now); err != nil || n != 0 {
			t.Errorf("%s: a second run wrote %d, %v", c.m, n, err)
		}
	}
}
