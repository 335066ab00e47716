package dashboard

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Periods the figures can be asked for.
const (
	PeriodYear    = "year"
	PeriodQuarter = "quarter"
	PeriodMonth   = "month"
	PeriodCustom  = "custom"
)

// The years the figures can be asked for: wide enough for any strategy,
// narrow enough that a chart of them stays readable and small.
const (
	FirstYear = 2000
	LastYear  = 2100
)

// Form is the figures' filter as the form holds it, so that a page
// with an error shows what was typed.
type Form struct {
	Period                            string
	Year, Quarter, Month              int
	From, To                          string
	Department, Area, Type, Direction string
}

// Query is the form as URL parameters, for export links.
func (f Form) Query() url.Values {
	q := url.Values{"period": {f.Period}, "year": {strconv.Itoa(f.Year)}}
	switch f.Period {
	case PeriodQuarter:
		q.Set("quarter", strconv.Itoa(f.Quarter))
	case PeriodMonth:
		q.Set("month", strconv.Itoa(f.Month))
	case PeriodCustom:
		q.Del("year")
		q.Set("from", f.From)
		q.Set("to", f.To)
	}
	for k, v := range map[string]string{"department": f.Department, "area": f.Area, "type": f.Type, "direction": f.Direction} {
		if v != "" {
			q.Set(k, v)
		}
	}
	return q
}

// FormFields are the form's fields in the order the page shows them.
var FormFields = []string{"period", "year", "quarter", "month", "from", "to", "department", "area", "type", "direction"}

// PeriodFields are the fields of the period that the period needs: the
// year and the quarter for a quarter, from and to for a custom period.
func PeriodFields(period string) map[string]bool {
	shown := map[string]bool{"period": true}
	switch period {
	case PeriodCustom:
		shown["from"], shown["to"] = true, true
	case PeriodQuarter, PeriodMonth:
		shown["year"], shown[period] = true, true
	default:
		shown["year"] = true
	}
	return shown
}

// Years are the choices of the figures' year: every year with counted
// inquiries (first to last, the months the rollups hold), every year the
// strategy sets a target for (a share's year or a deadline), and the year
// asked for, so that the choice shows the year the page is about. Newest
// first. A year of the strategy's period with neither data nor a target
// would show only empty figures, and is left out.
func Years(s *strategy.Strategy, first, last civil.Month, asked int) []int {
	set := map[int]bool{asked: true}
	if !first.IsZero() && !last.IsZero() {
		for y := first.Year; y <= last.Year; y++ {
			set[y] = true
		}
	}
	for _, t := range s.Targets {
		for y := range t.Shares {
			set[y] = true
		}
		if t.Deadline != 0 {
			set[t.Deadline] = true
		}
	}
	out := make([]int, 0, len(set))
	for y := range set {
		if y >= FirstYear && y <= LastYear {
			out = append(out, y)
		}
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out
}

// ReadForm reads the period and filters of the figures' pages. The
// default is defaultYear (see measure.DefaultYear). A department that is
// forced (a manager's own) replaces whatever was asked. Problems come back
// by field, in the reader's language.
func ReadForm(q url.Values, s *strategy.Strategy, l locale.Printer, defaultYear int, forcedDepartment string) (Form, measure.Filter, map[string]string) {
	errs := map[string]string{}
	f := Form{Period: q.Get("period"), From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to")),
		Department: q.Get("department"), Area: q.Get("area"), Type: q.Get("type"), Direction: q.Get("direction")}
	if f.Period == "" {
		f.Period = PeriodYear
	}
	f.Year = defaultYear
	number := func(field string, lo, hi int, dst *int) {
		v := strings.TrimSpace(q.Get(field))
		if v == "" {
			return
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < lo || n > hi {
			errs[field] = l.T("figures.bad_number", v, lo, hi)
			return
		}
		*dst = n
	}
	number("year", FirstYear, LastYear, &f.Year)
	f.Quarter, f.Month = 1, 1
	number("quarter", 1, 4, &f.Quarter)
	number("month", 1, 12, &f.Month)

	var rf measure.Filter
	switch f.Period {
	case PeriodYear:
		rf = measure.Year(f.Year)
	case PeriodQuarter:
		first := time.Month(3*f.Quarter - 2)
		rf.From, rf.To = civil.NewDate(f.Year, first, 1), civil.NewDate(f.Year, first+3, 0)
	case PeriodMonth:
		m := civil.Month{Year: f.Year, Month: time.Month(f.Month)}
		rf.From, rf.To = m.FirstDay(), m.LastDay()
	case PeriodCustom:
		rf.From, rf.To = DayField(f.From, "from", l, errs), DayField(f.To, "to", l, errs)
		if !rf.From.IsZero() && !rf.To.IsZero() && rf.To.Before(rf.From) {
			errs["to"] = l.T("figures.to_before_from")
		}
	default:
		errs["period"] = l.T("figures.bad_period", f.Period)
	}
	if forcedDepartment != "" {
		f.Department = forcedDepartment
	}
	rf.Department, rf.Area, rf.Type, rf.Direction = CheckDimensions(s, l, f.Department, f.Area, f.Type, f.Direction, errs)
	f.Area = rf.Area
	return f, rf, errs
}

// DayField reads a day, YYYY-MM-DD, in the years the figures cover; no
// day (zero) with a problem in errs.
func DayField(v, field string, l locale.Printer, errs map[string]string) civil.Date {
	if v == "" {
		errs[field] = l.T("figures.date_missing")
		return civil.Date{}
	}
	d, err := civil.ParseDate(v)
	if err != nil {
		errs[field] = l.T("figures.bad_date", v)
		return civil.Date{}
	}
	if d.Year < FirstYear || d.Year > LastYear {
		errs[field] = l.T("figures.date_out_of_range", v, FirstYear, LastYear)
		return civil.Date{}
	}
	return d
}

// CheckDimensions checks the filter's ids against the strategy; an area
// may be given by its KLE number and comes back as its id.
func CheckDimensions(s *strategy.Strategy, l locale.Printer, department, area, typ, direction string, errs map[string]string) (string, string, string, string) {
	if department != "" {
		if _, ok := s.Department(department); !ok {
			errs["department"] = l.T("figures.unknown_department", department)
		}
	}
	if area != "" {
		if a, ok := s.Area(area); ok {
			area = a.ID
		} else {
			errs["area"] = l.T("figures.unknown_area", area)
		}
	}
	if typ != "" {
		if _, ok := s.InquiryType(typ); !ok {
			errs["type"] = l.T("figures.unknown_type", typ)
		}
	}
	if direction != "" && direction != strategy.Inbound && direction != strategy.Outbound {
		errs["direction"] = l.T("figures.unknown_direction", direction)
	}
	return department, area, typ, direction
}
