package staff

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/departmentreport"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/plan"
	"github.com/kanal-dk/kanal/internal/render/table"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The departments' yearly reports (Dragør: "Afdelingerne udarbejder
// årligt en rapport om de iværksatte tiltag … og de påregnede eller
// aktuelle effekter af disse tiltag"): the list of departments × years,
// one report per department and year as a page with the department's
// own texts to write, and the same report as a PDF.

// departmentReportsOf is the departments' reports on the pages' clock.
func (s *Pages) departmentReportsOf() *departmentreport.Reports {
	return departmentreport.New(s.db, s.now)
}

// reportRow is one department's report for one year in the list.
type reportRow struct {
	Department, Name string
	Year             int
	Status, Link     string
	Due              string
	Overdue          bool
}

// showReports lists the departments' reports the user may see by year,
// with where each stands.
func (s *Pages) showReports(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return err
	}
	v.ProcessTab = "reports"
	v.Title = v.L.T("reports.title") + " – " + v.Title
	saved, err := s.departmentReportsOf().All(r.Context(), cur.Municipality)
	if err != nil {
		return err
	}
	status := map[string]departmentreport.Status{}
	for _, t := range saved {
		status[t.Department+"/"+strconv.Itoa(t.Year)] = t.Status
	}
	p, today := auth.FromContext(r.Context()), civil.DateOf(s.now())
	type yearRows struct {
		Year int
		Rows []reportRow
	}
	var years []yearRows
	for _, y := range departmentreport.Years(cur.Strategy.Period, today) {
		yr := yearRows{Year: y}
		for _, d := range cur.Strategy.Departments {
			if !p.MaySeePlan(cur.Municipality, d.ID) {
				continue
			}
			st := status[d.ID+"/"+strconv.Itoa(y)]
			yr.Rows = append(yr.Rows, reportRow{Department: d.ID, Name: d.Name, Year: y,
				Status:  v.L.T("reports.status." + statusKey(st)),
				Link:    fmt.Sprintf("/m/%s/reports/%s/%d", cur.Municipality, d.ID, y),
				Due:     v.L.Date(departmentreport.Due(y)),
				Overdue: st != departmentreport.Submitted && today.After(departmentreport.Due(y))})
		}
		years = append(years, yr)
	}
	return s.render(w, http.StatusOK, "reports", struct {
		view
		Years []yearRows
	}{v, years})
}

func statusKey(st departmentreport.Status) string {
	if st == departmentreport.NotWritten {
		return "not_written"
	}
	return string(st)
}

// reportView is one department's report for a year with the form of
// its texts.
type reportView struct {
	view
	Department strategy.Department
	Year       int
	Report     departmentreport.Report
	Actions    table.Table
	Targets    table.Table
	Texts      departmentreport.Texts
	Status     string
	Due        string
	CanEdit    bool
	PDF        string
	Problems   []problem
	Notice     string
	Versions   []departmentreport.Texts
}

// Error is the message at a field of the form, "" when it has none.
func (rv reportView) Error(field string) string {
	for _, p := range rv.Problems {
		if p.Field == field {
			return p.Message
		}
	}
	return ""
}

// TextOf is the form's value of a text field.
func (rv reportView) TextOf(field string) string {
	switch field {
	case "done":
		return rv.Texts.Done
	case "effect":
		return rv.Texts.Effect
	}
	return rv.Texts.NextYear
}

// StatusName names a status.
func (rv reportView) StatusName(st departmentreport.Status) string {
	return rv.L.T("reports.status." + statusKey(st))
}

// reportTarget is the department and year of the request's path, which
// the user may see.
func (s *Pages) reportTarget(r *http.Request) (*municipality.Current, view, strategy.Department, int, error) {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return nil, view{}, strategy.Department{}, 0, err
	}
	v.ProcessTab = "reports"
	dp, ok := cur.Strategy.Department(r.PathValue("department"))
	year, yerr := strconv.Atoi(r.PathValue("year"))
	if !ok || yerr != nil || year < 2000 || year > 2100 {
		return nil, view{}, strategy.Department{}, 0, face.ErrNotFound
	}
	if !auth.FromContext(r.Context()).MaySeePlan(cur.Municipality, dp.ID) {
		return nil, view{}, strategy.Department{}, 0, face.ErrForbidden
	}
	return cur, v, *dp, year, nil
}

// departmentReport makes the report of a department for a year in the
// view's language: the actions its current plan completed in the year,
// its targets against its figures for the year, and its texts.
func (s *Pages) departmentReport(r *http.Request, cur *municipality.Current, v view, d strategy.Department, year int) (departmentreport.Report, departmentreport.Texts, error) {
	ctx := r.Context()
	texts, err := s.departmentReportsOf().Texts(ctx, cur.Municipality, d.ID, year)
	if err != nil {
		return departmentreport.Report{}, texts, err
	}
	pl, err := plan.New(s.db, s.now).Current(ctx, cur.Strategy, cur.Municipality, d.ID)
	if err != nil {
		return departmentreport.Report{}, texts, fmt.Errorf("the %d report of %s: %w", year, d.ID, err)
	}
	h, err := s.measures.History(ctx, cur.Municipality)
	if err != nil {
		return departmentreport.Report{}, texts, err
	}
	f := measure.Year(year)
	f.Department = d.ID
	in, err := s.measures.Rows(ctx, cur.Municipality, h, f)
	if err != nil {
		return departmentreport.Report{}, texts, err
	}
	rep := departmentreport.Make(v.L, departmentreport.Input{Strategy: h.Newest().Strategy, Department: d, Year: year,
		Plan: pl, Figures: measure.Build(h.Newest().Strategy, f, in), Texts: texts, Now: s.now()})
	return rep, texts, nil
}

// reportPage fills the page of a department's report.
func (s *Pages) reportPage(r *http.Request) (reportView, error) {
	cur, v, d, year, err := s.reportTarget(r)
	if err != nil {
		return reportView{}, err
	}
	rep, texts, err := s.departmentReport(r, cur, v, d, year)
	if err != nil {
		return reportView{}, err
	}
	v.Title = rep.Title + " – " + v.Title
	rv := reportView{view: v, Department: d, Year: year, Report: rep, Actions: rep.Actions, Targets: rep.Targets, Texts: texts,
		Status:  v.L.T("reports.status." + statusKey(texts.Status)),
		Due:     v.L.Date(departmentreport.Due(year)),
		CanEdit: auth.FromContext(r.Context()).MayEditPlan(cur.Municipality, d.ID),
		PDF:     fmt.Sprintf("/m/%s/reports/%s/%d/report.pdf", cur.Municipality, d.ID, year)}
	if rv.Versions, err = s.departmentReportsOf().Versions(r.Context(), cur.Municipality, d.ID, year); err != nil {
		return reportView{}, err
	}
	return rv, nil
}

// showReport shows a department's report for a year, with the form of
// its texts for who may edit the department's plan.
func (s *Pages) showReport(w http.ResponseWriter, r *http.Request) error {
	rv, err := s.reportPage(r)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("done") == "saved" {
		rv.Notice = rv.L.T("reports.saved", rv.Texts.Version)
	}
	return s.render(w, http.StatusOK, "report", rv)
}

// saveReport saves the department's texts as a new version; a form with
// problems is shown again with each at its field, and nothing is saved.
func (s *Pages) saveReport(w http.ResponseWriter, r *http.Request) error {
	rv, err := s.reportPage(r)
	if err != nil {
		return err
	}
	if !rv.CanEdit {
		return face.ErrForbidden
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	base, _ := strconv.Atoi(r.PostForm.Get("version"))
	t := departmentreport.Texts{Municipality: rv.MunicipalityID, Department: rv.Department.ID, Year: rv.Year, Version: base,
		Status: departmentreport.Written, Done: r.PostForm.Get("done"), Effect: r.PostForm.Get("effect"),
		NextYear: r.PostForm.Get("next_year")}
	if r.PostForm.Get("submit") != "" {
		t.Status = departmentreport.Submitted
	}
	saved, err := s.departmentReportsOf().Save(r.Context(), actorOf(r), t)
	var bad *departmentreport.FieldError
	switch {
	case errors.As(err, &bad):
		rv.Problems = []problem{{Field: bad.Field, Message: rv.L.T("reports.error."+bad.Code, fieldName(rv, bad.Field))}}
	case errors.Is(err, departmentreport.ErrStale):
		rv.Problems = []problem{{Field: "done", Message: rv.L.T("reports.error.stale")}}
	case err != nil:
		return err
	}
	if rv.Problems != nil {
		t.Version, t.Status = rv.Texts.Version, rv.Texts.Status
		rv.Texts = t
		if errors.Is(err, departmentreport.ErrStale) {
			rv.Texts.Version = base
		}
		return s.render(w, http.StatusUnprocessableEntity, "report", rv)
	}
	face.Redirect(w, r, fmt.Sprintf("/m/%s/reports/%s/%d?done=saved#texts", rv.MunicipalityID, rv.Department.ID, saved.Year))
	return nil
}

// fieldName is the heading of a text field, for its error.
func fieldName(rv reportView, field string) string {
	for _, t := range rv.Report.Texts {
		if t.Field == field {
			return t.Heading
		}
	}
	return field
}

// reportPDF sends a department's report for a year as a PDF.
func (s *Pages) reportPDF(w http.ResponseWriter, r *http.Request) error {
	cur, v, d, year, err := s.reportTarget(r)
	if err != nil {
		return err
	}
	rep, _, err := s.departmentReport(r, cur, v, d, year)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := departmentreport.WritePDF(&buf, rep); err != nil {
		return err
	}
	sendReportPDF(w, fmt.Sprintf("aarsrapport-%s-%s-%d", cur.Municipality, d.ID, year), buf.Bytes())
	return nil
}
