package staff

import (
	"net/http"
	"strings"

	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/selfservice"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The funnel of Kanal's forms, beside the figures: per area and month how
// many started a form, how many completed it, the share that did, and at
// which step the others left — "most who start it finish it" as a number.
// A manager sees the own department's areas only, as on the figures page.

// funnelMonthsMax is the longest period the page shows.
const funnelMonthsMax = 36

type funnelRow struct {
	Area, Month                   string
	Started, Completed, InProcess int
	Share                         string
	Abandoned                     []string
	Total                         bool
}

type funnelView struct {
	view
	From, To         string
	Errors           map[string]string
	Problems         []problem
	ForcedDepartment string
	Rows             []funnelRow
}

// funnelPeriod reads the page's months: from and to as YYYY-MM, by default
// the twelve months up to last.
func funnelPeriod(l locale.Printer, fromText, toText string, last civil.Month) (from, to civil.Month, errs map[string]string) {
	errs = map[string]string{}
	to = last
	from = civil.NewDate(to.Year, to.Month-11, 1).YearMonth()
	if fromText != "" {
		m, err := civil.ParseMonth(fromText)
		if err != nil {
			errs["from"] = l.T("funnel.bad_month")
		}
		from = m
	}
	if toText != "" {
		m, err := civil.ParseMonth(toText)
		if err != nil {
			errs["to"] = l.T("funnel.bad_month")
		}
		to = m
	}
	switch {
	case len(errs) > 0:
	case to.Before(from):
		errs["from"] = l.T("funnel.bad_order")
	case to.Index()-from.Index()+1 > funnelMonthsMax:
		errs["from"] = l.T("funnel.too_long", l.Int(funnelMonthsMax))
	}
	return from, to, errs
}

// showFunnel shows the funnel.
func (s *Pages) showFunnel(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "figures")
	if err != nil {
		return err
	}
	l, st := v.L, cur.Strategy
	v.Title = l.T("funnel.title") + " – " + v.Title
	department, err := departmentScope(r)
	if err != nil {
		return err
	}
	// By default the twelve months up to this one; where the counts ended
	// longer ago (a demo of a past strategy period), the twelve up to
	// their last month, as the figures open on the last year counted.
	_, last, err := rollup.Span(r.Context(), s.db, cur.Municipality)
	if err != nil {
		return err
	}
	if now := civil.DateOf(s.now()).YearMonth(); last.IsZero() || now.Index()-last.Index() < 12 {
		last = now
	}
	q := r.URL.Query()
	from, to, errs := funnelPeriod(l, strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to")), last)
	data := funnelView{view: v, Errors: errs, ForcedDepartment: department}
	data.From, data.To = from.String(), to.String()
	if q.Has("from") {
		data.From = q.Get("from")
	}
	if q.Has("to") {
		data.To = q.Get("to")
	}
	if department != "" {
		data.ForcedDepartment = departmentName(st, department)
	}
	for _, field := range []string{"from", "to"} {
		if msg, ok := errs[field]; ok {
			data.Problems = append(data.Problems, problem{Field: field, Message: msg})
		}
	}
	if len(errs) > 0 {
		return s.render(w, http.StatusUnprocessableEntity, "funnel", data)
	}
	rows, err := s.cases.Funnel(r.Context(), cur.Municipality, from, to)
	if err != nil {
		return err
	}
	data.Rows = s.funnelRows(l, st, rows, department)
	return s.render(w, http.StatusOK, "funnel", data)
}

// funnelRows lays the funnel out by area, in the strategy's order, its
// months in time order and a total after them; a department's areas only
// when department is set.
func (s *Pages) funnelRows(l locale.Printer, st *strategy.Strategy, rows []casework.FunnelRow, department string) []funnelRow {
	byArea := map[string][]casework.FunnelRow{}
	var order []string
	for _, row := range rows {
		if _, ok := byArea[row.Area]; !ok {
			order = append(order, row.Area)
		}
		byArea[row.Area] = append(byArea[row.Area], row)
	}
	var areas []string
	for _, a := range st.Areas {
		if _, ok := byArea[a.ID]; ok && (department == "" || a.Department == department) {
			areas = append(areas, a.ID)
		}
	}
	if department == "" { // areas the strategy no longer has, last
		for _, id := range order {
			if _, ok := st.Area(id); !ok {
				areas = append(areas, id)
			}
		}
	}
	var out []funnelRow
	for _, id := range areas {
		title := areaTitle(st, id)
		var total casework.FunnelRow
		for _, row := range byArea[id] {
			out = append(out, s.funnelRow(l, st, title, l.Month(row.Month), row))
			total.Started += row.Started
			total.Completed += row.Completed
			total.Form = row.Form
			for len(total.AbandonedAt) < len(row.AbandonedAt) {
				total.AbandonedAt = append(total.AbandonedAt, 0)
			}
			for i, n := range row.AbandonedAt {
				total.AbandonedAt[i] += n
			}
		}
		if len(byArea[id]) > 1 {
			t := s.funnelRow(l, st, title, l.T("funnel.total"), total)
			t.Total = true
			out = append(out, t)
		}
	}
	return out
}

func (s *Pages) funnelRow(l locale.Printer, st *strategy.Strategy, area, month string, row casework.FunnelRow) funnelRow {
	out := funnelRow{Area: area, Month: month, Started: row.Started, Completed: row.Completed, Share: "–"}
	if row.Started > 0 {
		out.Share = l.Decimal(100*float64(row.Completed)/float64(row.Started), 0) + " %"
	}
	var form *selfservice.Form
	if s.forms != nil && row.Form != "" {
		form, _ = s.forms.ByID(st, row.Form)
	}
	abandoned := 0
	for step, n := range row.AbandonedAt {
		abandoned += n
		if n == 0 {
			continue
		}
		if form != nil && step < len(form.Steps) {
			out.Abandoned = append(out.Abandoned, l.T("funnel.step", l.Int(int64(step+1)), stepTitle(l, &form.Steps[step]), l.Int(int64(n))))
		} else {
			out.Abandoned = append(out.Abandoned, l.T("funnel.step_untitled", l.Int(int64(step+1)), l.Int(int64(n))))
		}
	}
	out.InProcess = max(0, row.Started-row.Completed-abandoned)
	return out
}
