package staff

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/dashboard"
	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/render/chart"
	"github.com/kanal-dk/kanal/internal/render/table"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The management information: the dashboard page, its exports and the
// comparison between municipalities. Every figure comes from the rollups
// through measure.Source and is laid out by package dashboard; the page
// builds them all, an export only its table.

// choice is one option of a select.
type choice struct {
	Value, Label string
}

// tableView is one table of the figures with its download links.
type tableView struct {
	dashboard.Table
	// CSV and XLSX download the table with the page's filter.
	CSV, XLSX, Download string
}

// chartTable is a chart and the table of its numbers.
// Narrow is the chart drawn for phones, where the wide one's text would
// be too small to read; the page shows one of them by the screen's width.
type chartTable struct {
	Chart, Narrow template.HTML
	ChartTitle    string
	tableView
}

func newChartTable(c dashboard.Charted) chartTable {
	return chartTable{Chart: c.Chart.SVG(), Narrow: c.Chart.Narrow(chart.NarrowWidth).SVG(), ChartTitle: c.Chart.Title(), tableView: tableView{Table: c.Table}}
}

type figuresView struct {
	view
	Form   dashboard.Form
	Errors map[string]string
	// Problems are the errors in the form's order, for the summary at
	// the top of the page that links to each field.
	Problems []problem
	// Shown are the period's fields the chosen period needs, and any
	// field with an error; the others are hidden.
	Shown map[string]bool
	// The filter's choices.
	Years                             []int
	DepartmentChoices, AreaChoices    []choice
	TypeChoices                       []choice
	ForcedDepartment                  string
	PeriodLabel                       string
	HasData                           bool
	KeyFigures                        tableView
	Targets                           tableView
	TargetCharts                      []chartTable
	Mix                               chartTable
	Channels                          chartTable
	CostByType                        tableView
	AreaTable                         tableView
	Savings                           chartTable
	WithoutSolution                   tableView
	DepartmentTable                   tableView
	Comparison                        *tableView
	ShowSharing, Sharing              bool
	CouncilReport                     bool
	Export                            string
	ReportYear                        int
	Totals                            measure.Totals
	InboundShare, TransactionShare    string
	DigitalPostShare, ExpensiveShare  string
	CostTotal, SavingsTotal, Assisted string
	// The definitions beside the shares, and every rule the figures use,
	// stated under them and carried by every export.
	Definitions tableView
	SelfService tableView
	Notes       []string
	// WebActivity is the answer pages' views and "Fandt du svaret?" in
	// the period (answers_page.go).
	WebActivity                                *webActivity
	InboundDefinition, TransactionDefinition   string
	DigitalPostDefinition, ExpensiveDefinition string
	PriceYears                                 string
	BelowMinimum                               string
	// Issued are the council reports issued so far; CanIssue lets the
	// user issue the year's.
	Issued   []issuedRow
	CanIssue bool
	// IssuedOnce says that the year's report is issued (it is issued
	// once), OutsideQ1 warns that issuing now is outside the first
	// quarter after the year, IssueError is a refused issue, and
	// Decisions the issue form's text (council_report.go).
	IssuedOnce, OutsideQ1, IssueError string
	Decisions                         string

	// Callbacks are the period's callback counts (callbacks_page.go).
	Callbacks *callbackFigures

	// Plan is the department's own targets and actions (plan_figures.go),
	// when the figures are of one department.
	Plan *planFigures
}

// departmentScope is the department whose figures are all the request's
// principal may see (auth.Principal.DepartmentScope); a manager without a
// department is refused.
func departmentScope(r *http.Request) (string, error) {
	department, err := auth.FromContext(r.Context()).DepartmentScope()
	if errors.Is(err, auth.ErrNoDepartment) {
		return "", face.ErrForbidden
	}
	return department, err
}

// figuresForm reads the page's filter: the strategy in force, the form
// with its choices and problems, and the filter it asks for. The page and
// every export start here.
func (s *Pages) figuresForm(r *http.Request) (*municipality.Current, figuresView, measure.Filter, error) {
	cur, v, err := s.current(r, "figures")
	if err != nil {
		return nil, figuresView{}, measure.Filter{}, err
	}
	l, st := v.L, cur.Strategy
	v.Title = l.T("figures.title") + " – " + v.Title
	department, err := departmentScope(r)
	if err != nil {
		return nil, figuresView{}, measure.Filter{}, err
	}
	first, last, err := rollup.Span(r.Context(), s.db, cur.Municipality)
	if err != nil {
		return nil, figuresView{}, measure.Filter{}, err
	}
	data := figuresView{view: v, ForcedDepartment: department, HasData: !last.IsZero()}
	var f measure.Filter
	defaultYear := measure.DefaultYear(last, civil.DateOf(s.now()))
	data.Form, f, data.Errors = dashboard.ReadForm(r.URL.Query(), st, l, defaultYear, data.ForcedDepartment)
	data.Years = dashboard.Years(st, first, last, data.Form.Year)
	data.Shown = dashboard.PeriodFields(data.Form.Period)
	for _, field := range dashboard.FormFields {
		if msg, ok := data.Errors[field]; ok {
			data.Problems = append(data.Problems, problem{Field: field, Message: msg})
			data.Shown[field] = true
		}
	}
	for _, d := range st.Departments {
		if data.ForcedDepartment == "" || d.ID == data.ForcedDepartment {
			data.DepartmentChoices = append(data.DepartmentChoices, choice{d.ID, d.Name})
		}
	}
	for _, a := range st.Areas {
		data.AreaChoices = append(data.AreaChoices, choice{a.ID, dashboard.AreaLabel(&a)})
	}
	for _, t := range st.Types() {
		data.TypeChoices = append(data.TypeChoices, choice{t, describe.TypeLabel(st, l, t)})
	}
	return cur, data, f, nil
}

// figuresPage reads the filter and builds every figure of the page. With
// problems in the filter it returns the view with Errors and no figures.
func (s *Pages) figuresPage(r *http.Request) (*municipality.Current, figuresView, error) {
	cur, data, f, err := s.figuresForm(r)
	if err != nil || len(data.Errors) > 0 {
		return cur, data, err
	}
	h, err := s.measures.History(r.Context(), cur.Municipality)
	if err != nil {
		return nil, figuresView{}, err
	}
	in, err := s.measures.Rows(r.Context(), cur.Municipality, h, f)
	if err != nil {
		return nil, figuresView{}, err
	}
	d := measure.Build(h.Newest().Strategy, f, in)
	l := data.L
	data.PeriodLabel = periodText(l, data.Form, f)
	data.Export = "/m/" + cur.Municipality + "/figures/export?" + data.Form.Query().Encode()
	data.ReportYear = data.Form.Year
	p := auth.FromContext(r.Context())
	data.CouncilReport = p.Can(auth.CouncilReport, cur.Municipality) && data.ForcedDepartment == ""
	data.CanIssue = p.Can(auth.IssueCouncilReport, cur.Municipality) && data.ForcedDepartment == ""
	if data.CouncilReport {
		if data.Issued, err = s.issuedRows(r, cur.Municipality); err != nil {
			return nil, figuresView{}, err
		}
		if err := s.fillIssue(r, &data, cur.Municipality); err != nil {
			return nil, figuresView{}, err
		}
	}
	s.fillFigures(&data, d)
	if err := s.fillComparison(r, &data, f, h); err != nil {
		return nil, figuresView{}, err
	}
	if data.WebActivity, err = s.webActivity(r, cur, f, data.ForcedDepartment); err != nil {
		return nil, figuresView{}, err
	}
	if data.Callbacks, err = s.callbackFigures(r, cur, f, data.ForcedDepartment); err != nil {
		return nil, figuresView{}, err
	}
	if data.Plan, err = s.planFigures(r, cur, f, h, d, data.ForcedDepartment); err != nil {
		return nil, figuresView{}, err
	}
	data.linkExports()
	return cur, data, nil
}

// problem is an error at one field of a form.
type problem struct{ Field, Message string }

// periodText names the period: "2014", "2. kvartal 2014", "marts 2014" or
// "1. marts 2014 – 3. april 2014".
func periodText(l locale.Printer, form dashboard.Form, f measure.Filter) string {
	switch form.Period {
	case dashboard.PeriodYear:
		return strconv.Itoa(form.Year)
	case dashboard.PeriodQuarter:
		return l.T("figures.quarter_of", form.Quarter, form.Year)
	case dashboard.PeriodMonth:
		return dashboard.MonthLabel(l, civil.Month{Year: form.Year, Month: time.Month(form.Month)})
	}
	return dashboard.DayLabel(l, f.From) + " – " + dashboard.DayLabel(l, f.To)
}

func (s *Pages) fillFigures(data *figuresView, d *measure.Dashboard) {
	l := data.L
	ft := dashboard.New(l, d)
	t := d.Totals
	data.Totals = t
	pct := func(sh *float64) string { return dashboard.Share(l, sh).Text }
	data.InboundShare, data.TransactionShare = pct(t.InboundDigitalShare()), pct(t.TransactionDigitalShare())
	data.DigitalPostShare, data.ExpensiveShare = pct(t.OutboundDigitalPostShare()), pct(t.ExpensiveInformationShare())
	data.Assisted = pct(t.AssistedShare())
	data.CostTotal, data.SavingsTotal = l.Decimal(t.Cost, 0), l.Decimal(d.Savings.Total(), 0)
	def := func(m string) string { return dashboard.Definition(l, d.Strategy, d.Definition(m)) }
	data.InboundDefinition, data.TransactionDefinition = def(strategy.MeasureInboundDigital), def(strategy.MeasureTransactionDigital)
	data.DigitalPostDefinition, data.ExpensiveDefinition = def(strategy.MeasureOutboundDigitalPost), def(strategy.MeasureExpensiveInformation)
	data.PriceYears = dashboard.PriceYears(l, d.Spans)
	var below []string
	for _, a := range d.BelowMinimum() {
		below = append(below, dashboard.AreaLabel(a.Area))
	}
	data.BelowMinimum = strings.Join(below, "; ")
	data.Definitions = tableView{Table: ft.Definitions()}
	data.SelfService = tableView{Table: ft.SelfService()}
	data.Notes = ft.Notes()
	data.KeyFigures = tableView{Table: ft.KeyFigures()}
	data.Targets = tableView{Table: ft.Targets()}
	for _, c := range ft.TargetCharts() {
		data.TargetCharts = append(data.TargetCharts, newChartTable(c))
	}
	data.Mix = newChartTable(ft.Mix())
	data.Channels = newChartTable(ft.Channels())
	data.CostByType = tableView{Table: ft.CostByType()}
	data.AreaTable = tableView{Table: ft.Areas()}
	data.Savings = newChartTable(ft.Savings())
	data.WithoutSolution = tableView{Table: ft.WithoutSolution()}
	data.DepartmentTable = tableView{Table: ft.Departments()}
}

// linkExports gives every table its download links.
func (data *figuresView) linkExports() {
	for _, t := range []*tableView{&data.KeyFigures, &data.Definitions, &data.Targets, &data.Mix.tableView, &data.Channels.tableView, &data.CostByType,
		&data.AreaTable, &data.SelfService, &data.Savings.tableView, &data.WithoutSolution, &data.DepartmentTable, data.Comparison} {
		if t != nil {
			data.link(t)
		}
	}
	for i := range data.TargetCharts {
		data.link(&data.TargetCharts[i].tableView)
	}
}

func (data *figuresView) link(t *tableView) {
	t.CSV, t.XLSX = data.Export+"&table="+t.ID+"&format=csv", data.Export+"&table="+t.ID+"&format=xlsx"
	t.Download = data.L.T("figures.download")
}

// comparisonPeers are the municipalities whose figures the principal may
// see beside own's (auth.Principal.MayCompare), none unless there are two,
// and whether own shares its figures.
func (s *Pages) comparisonPeers(ctx context.Context, p *auth.Principal, own string) ([]municipality.Municipality, bool, error) {
	ms, err := s.registry.List(ctx)
	if err != nil {
		return nil, false, err
	}
	var this municipality.Municipality
	for _, m := range ms {
		if m.ID == own {
			this = m
		}
	}
	var peers []municipality.Municipality
	for _, m := range ms {
		if p.MayCompare(this, m) {
			peers = append(peers, m)
		}
	}
	if len(peers) < 2 {
		peers = nil
	}
	return peers, this.ShareComparison, nil
}

// fillComparison puts the comparison on the page, when the principal may
// compare, and the choice to share. h is the own municipality's history,
// already read for the page.
func (s *Pages) fillComparison(r *http.Request, data *figuresView, f measure.Filter, h measure.History) error {
	p := auth.FromContext(r.Context())
	peers, sharing, err := s.comparisonPeers(r.Context(), p, data.MunicipalityID)
	if err != nil {
		return err
	}
	data.Sharing = sharing
	data.ShowSharing = p.Can(auth.ShareFigures, data.MunicipalityID)
	if peers == nil {
		return nil
	}
	t, err := s.comparison(r.Context(), data, peers, f, h)
	if err != nil {
		return err
	}
	data.Comparison = &tableView{Table: t}
	return nil
}

// comparison is the table of the digital share per area of peers, the
// own municipality's (whose history h is) from its department only for a
// manager.
func (s *Pages) comparison(ctx context.Context, data *figuresView, peers []municipality.Municipality, f measure.Filter, h measure.History) (dashboard.Table, error) {
	var list []measure.Compared
	for _, m := range peers {
		mh := h
		if m.ID != data.MunicipalityID {
			var err error
			if mh, err = s.measures.History(ctx, m.ID); err != nil {
				return dashboard.Table{}, err
			}
		}
		rows, err := s.measures.PeriodRows(ctx, m.ID, mh, f)
		if err != nil {
			return dashboard.Table{}, err
		}
		c := measure.Compared{ID: m.ID, Name: m.Name, Strategy: mh.Newest().Strategy, Rows: rows}
		if m.ID == data.MunicipalityID {
			c.Department = data.ForcedDepartment
		}
		list = append(list, c)
	}
	return dashboard.Comparison(data.L, measure.Compare(list, f)), nil
}

// showFigures shows the management information.
func (s *Pages) showFigures(w http.ResponseWriter, r *http.Request) error {
	_, data, err := s.figuresPage(r)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if len(data.Errors) > 0 {
		status = http.StatusUnprocessableEntity
	}
	return s.render(w, status, "figures", data)
}

// exportFigures sends one of the page's tables, with the page's filter, as
// CSV or XLSX. It builds that table and the notes every export carries,
// and reads only what they need: the months before the period for the
// targets' tables, the other municipalities for the comparison.
func (s *Pages) exportFigures(w http.ResponseWriter, r *http.Request) error {
	cur, data, f, err := s.figuresForm(r)
	if err != nil {
		return err
	}
	if len(data.Errors) > 0 {
		return s.render(w, http.StatusUnprocessableEntity, "figures", data)
	}
	id, format := r.URL.Query().Get("table"), r.URL.Query().Get("format")
	if id == "" {
		id = "key-figures"
	}
	if format == "" {
		format = "csv"
	}
	if format != "csv" && format != "xlsx" {
		return face.ErrNotFound
	}
	t, ok, err := s.exportTable(r, cur, &data, f, id)
	if err != nil {
		return err
	}
	if !ok {
		return face.ErrNotFound
	}
	name := fmt.Sprintf("kanal-%s-%s-%s.%s", cur.Municipality, t.ID, data.Form.Query().Get("year"), format)
	if data.Form.Period == dashboard.PeriodCustom {
		name = fmt.Sprintf("kanal-%s-%s-%s-%s.%s", cur.Municipality, t.ID, data.Form.From, data.Form.To, format)
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	if format == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		return table.WriteCSV(w, t.Table, data.L.Lang() == locale.Danish)
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	return table.WriteXLSX(w, t.Table, t.ID)
}

// exportTable builds the table of an id with the notes under it: every
// export states what its figures count and whether they are demo data,
// since a table alone in a spreadsheet has no page around it. ok is false
// when the page has no table of that id.
func (s *Pages) exportTable(r *http.Request, cur *municipality.Current, data *figuresView, f measure.Filter, id string) (dashboard.Table, bool, error) {
	h, err := s.measures.History(r.Context(), cur.Municipality)
	if err != nil {
		return dashboard.Table{}, false, err
	}
	read := s.measures.RowsWithoutTargets
	if dashboard.NeedsTargets(id) {
		read = s.measures.Rows
	}
	in, err := read(r.Context(), cur.Municipality, h, f)
	if err != nil {
		return dashboard.Table{}, false, err
	}
	ft := dashboard.New(data.L, measure.Build(h.Newest().Strategy, f, in))
	t, ok := ft.Table(id)
	if id == "comparison" {
		peers, _, err := s.comparisonPeers(r.Context(), auth.FromContext(r.Context()), cur.Municipality)
		if err != nil || peers == nil {
			return dashboard.Table{}, false, err
		}
		if t, err = s.comparison(r.Context(), data, peers, f, h); err != nil {
			return dashboard.Table{}, false, err
		}
		ok = true
	}
	t.Notes = append(t.Notes, ft.Notes()...)
	return t, ok, nil
}

// setSharing lets the municipality's figures be compared, or not.
func (s *Pages) setSharing(w http.ResponseWriter, r *http.Request) error {
	m := r.PathValue("municipality")
	if err := s.registry.SetShareComparison(r.Context(), actorOf(r), m, r.PostFormValue("share") == "on"); err != nil {
		return err
	}
	http.Redirect(w, r, "/m/"+m+"/figures#comparison", http.StatusSeeOther)
	return nil
}
