package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/departmentreport"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
)

// DepartmentReports writes example yearly reports of the departments,
// their texts marked as demo: every department's report of each finished
// year of the strategy's period submitted, except the last year's, which
// the first department has submitted, the second has written without
// submitting, and the rest have not written, so that the reminders have
// something to name. It returns how many reports it wrote; when the
// municipality has any report, it writes none.
func DepartmentReports(ctx context.Context, db *store.DB, cur *municipality.Current, now time.Time) (int, error) {
	s, m := cur.Strategy, cur.Municipality
	reports := departmentreport.New(db, func() time.Time { return now })
	saved, err := reports.All(ctx, m)
	if err != nil {
		return 0, fmt.Errorf("demo department reports of %s: %w", m, err)
	}
	if len(saved) > 0 {
		return 0, nil
	}
	last, ok := departmentreport.LastFinished(s.Period, civil.DateOf(now))
	if !ok {
		return 0, nil
	}
	author := audit.Actor{Name: "leder@" + m + ".demo"}
	written := 0
	for year := s.Period.From; year <= last; year++ {
		for i, d := range s.Departments {
			status := departmentreport.Submitted
			if year == last {
				switch {
				case i == 1:
					status = departmentreport.Written
				case i > 1:
					continue
				}
			}
			t := departmentreport.Texts{Municipality: m, Department: d.ID, Year: year, Status: status,
				Done: fmt.Sprintf("Eksempel (demo): %s henviste i %d flere borgere til selvbetjening og medbetjente dem, "+
					"der ikke kunne selv.", d.Name, year),
				Effect: "Eksempel (demo): Den digitale andel steg en smule; tallene i rapporten er målt af Kanal på demodata.",
				NextYear: fmt.Sprintf("Eksempel (demo): I %d følger afdelingen handleplanens tiltag og måler, om de flytter "+
					"henvendelserne.", year+1)}
			if _, err := reports.Save(ctx, author, t); err != nil {
				return written, fmt.Errorf("demo department report %s/%s/%d: %w", m, d.ID, year, err)
			}
			written++
		}
	}
	return written, nil
}
