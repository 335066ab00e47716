package staff

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/businesscase"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// One business case: its scenarios side by side with their results and
// the results per year, the form that saves a new version (for who may
// edit the area's department), the approval (the strategy group), the
// versions and the exports. A new case is the same page without results,
// prefilled from the figures of the last full year.

// bcChannel is one channel of the prefill's table.
type bcChannel struct{ Name, Volume, Price string }

// bcPrice is the strategy's self-service price at an SB level.
type bcPrice struct{ Level, Price string }

// bcVersion is one saved version in the list.
type bcVersion struct {
	Version        int
	Title, SavedBy string
	SavedAt        string
	SavedAtISO     string
	Approved       bool
	ScenarioNames  string
}

type bcView struct {
	view
	New       bool
	Case      businesscase.Case
	AreaID    string
	AreaLabel string
	MayEdit   bool
	// MayApprove: the strategy group may approve the newest version,
	// which is not approved yet.
	MayApprove bool
	Approved   string
	Form       bcForm
	Side       *bcSide
	// The prefill: the base year's volumes per channel that would shift,
	// their weighted price, and the self-service prices per SB level.
	BaseYear         int
	Channels         []bcChannel
	Volume, PriceOld string
	SBPrices         []bcPrice
	StaffHour        string
	StaffHourExample bool
	NoStaffHour      bool
	Versions         []bcVersion
	Problems         []answerProblem
	Notice           string
}

// bcCaseOf is the case of the request's path the user may see, with its
// area.
func (s *Pages) bcCaseOf(r *http.Request, cur *municipality.Current) (businesscase.Case, *strategy.Area, error) {
	id, err := strconv.ParseInt(r.PathValue("businesscase"), 10, 64)
	if err != nil {
		return businesscase.Case{}, nil, face.ErrNotFound
	}
	c, err := s.businessCases().Get(r.Context(), cur.Municipality, id)
	if errors.Is(err, businesscase.ErrNotFound) {
		return c, nil, face.ErrNotFound
	}
	if err != nil {
		return c, nil, err
	}
	a, ok := cur.Strategy.Area(c.Area)
	if !ok || !auth.FromContext(r.Context()).MaySeePlan(cur.Municipality, a.Department) {
		return c, nil, face.ErrNotFound
	}
	return c, a, nil
}

// bcPage fills the page's parts that do not depend on the form.
func (s *Pages) bcPage(r *http.Request, cur *municipality.Current, v view, a *strategy.Area) (bcView, error) {
	l, st := v.L, cur.Strategy
	v.ProcessTab = "business_cases"
	p := auth.FromContext(r.Context())
	data := bcView{view: v, AreaID: a.ID, AreaLabel: strategy.AreaLabel(a.KLE, a.Title),
		MayEdit: p.MayEditPlan(cur.Municipality, a.Department)}
	year, err := s.baseYear(r.Context(), cur.Municipality)
	if err != nil {
		return data, err
	}
	data.BaseYear = year
	d, err := s.inboundApplications(r.Context(), cur, year, a.ID)
	if err != nil {
		return data, err
	}
	var byChannel map[string]int64
	for _, af := range d.Areas {
		if af.Area.ID == a.ID {
			byChannel = af.ByChannel
		}
	}
	rows, volume, priceOld := businesscase.Shiftable(st, byChannel)
	for _, row := range rows {
		c := bcChannel{Name: row.Channel.Name, Volume: l.Int(row.Volume), Price: "–"}
		if row.Price != nil {
			c.Price = l.T("businesscase.kroner", l.Decimal(*row.Price, 2))
		}
		data.Channels = append(data.Channels, c)
	}
	data.Volume, data.PriceOld = l.Decimal(volume, 0), l.Decimal(priceOld, 2)
	for level := 0; level <= 4; level++ {
		if price, ok := businesscase.PriceNew(st, level); ok {
			data.SBPrices = append(data.SBPrices, bcPrice{strconv.Itoa(level), l.T("businesscase.kroner", l.Decimal(price, 2))})
		}
	}
	if h := st.Prices.StaffHourDKK; h != nil {
		data.StaffHour, data.StaffHourExample = l.T("businesscase.kroner", l.Decimal(*h, 2)), st.Prices.StaffHourDKKExample
	} else {
		data.NoStaffHour = true
	}
	data.Form = newForm(l, st, a, volume, priceOld)
	return data, nil
}

// showNewBusinessCase shows the form of a new case for the area of the
// query, prefilled.
func (s *Pages) showNewBusinessCase(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return err
	}
	a, ok := cur.Strategy.Area(r.URL.Query().Get("area"))
	if !ok || a.Other {
		// The area is chosen on the list.
		face.Redirect(w, r, "/m/"+cur.Municipality+"/business-cases#new")
		return nil
	}
	if !auth.FromContext(r.Context()).MayEditPlan(cur.Municipality, a.Department) {
		return face.ErrForbidden
	}
	data, err := s.bcPage(r, cur, v, a)
	if err != nil {
		return err
	}
	data.New = true
	data.Title = v.L.T("businesscase.new.title", data.AreaLabel) + " – " + v.Title
	return s.render(w, http.StatusOK, "business_case", data)
}

// createBusinessCase saves a new case; a form with problems is shown
// again with each located, and nothing is saved.
func (s *Pages) createBusinessCase(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	a, ok := cur.Strategy.Area(r.PostForm.Get("area"))
	if !ok || a.Other {
		// Without an area there is no form to show again: the list,
		// where the area is chosen, says so.
		if !auth.FromContext(r.Context()).Can(auth.EditPlans, cur.Municipality) {
			return face.ErrForbidden
		}
		face.Redirect(w, r, "/m/"+cur.Municipality+"/business-cases?done=no_area")
		return nil
	}
	if !auth.FromContext(r.Context()).MayEditPlan(cur.Municipality, a.Department) {
		return face.ErrForbidden
	}
	data, err := s.bcPage(r, cur, v, a)
	if err != nil {
		return err
	}
	data.New = true
	data.Title = v.L.T("businesscase.new.title", data.AreaLabel) + " – " + v.Title
	return s.saveBusinessCase(w, r, cur, data, businesscase.Case{Municipality: cur.Municipality, Area: a.ID})
}

// showBusinessCase shows a case.
func (s *Pages) showBusinessCase(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return err
	}
	c, a, err := s.bcCaseOf(r, cur)
	if err != nil {
		return err
	}
	data, err := s.bcCaseView(r, cur, v, c, a)
	if err != nil {
		return err
	}
	data.Form = formOf(v.L, cur.Strategy, c)
	switch r.URL.Query().Get("done") {
	case "saved":
		data.Notice = v.L.T("businesscase.saved", c.Version)
	case "approved":
		data.Notice = v.L.T("businesscase.approved_notice", c.Version)
	case "stale":
		data.Problems = append(data.Problems, answerProblem{"approve", v.L.T("businesscase.error.stale")})
	}
	return s.render(w, http.StatusOK, "business_case", data)
}

// bcCaseView fills the page of a saved case: results side by side,
// approval, versions.
func (s *Pages) bcCaseView(r *http.Request, cur *municipality.Current, v view, c businesscase.Case, a *strategy.Area) (bcView, error) {
	data, err := s.bcPage(r, cur, v, a)
	if err != nil {
		return data, err
	}
	l := v.L
	data.Case = c
	data.Title = c.Title + " – " + v.Title
	data.Side = sideBySide(l, c)
	if !c.Approved.IsZero() {
		data.Approved = l.T("businesscase.approved_by", l.DateTime(c.Approved), c.ApprovedBy)
	}
	data.MayApprove = c.Approved.IsZero() && auth.FromContext(r.Context()).Can(auth.ApprovePlans, cur.Municipality)
	vs, err := s.businessCases().Versions(r.Context(), cur.Municipality, c.ID)
	if err != nil {
		return data, err
	}
	for _, x := range vs {
		names := ""
		for i, sc := range x.Scenarios {
			if i > 0 {
				names += ", "
			}
			names += sc.Name
		}
		data.Versions = append(data.Versions, bcVersion{Version: x.Version, Title: x.Title, SavedBy: x.ChangedBy,
			SavedAt: l.DateTime(x.Changed), SavedAtISO: x.Changed.UTC().Format("2006-01-02T15:04:05Z"),
			Approved: !x.Approved.IsZero(), ScenarioNames: names})
	}
	return data, nil
}

// updateBusinessCase saves a new version of a case.
func (s *Pages) updateBusinessCase(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return err
	}
	c, a, err := s.bcCaseOf(r, cur)
	if err != nil {
		return err
	}
	if !auth.FromContext(r.Context()).MayEditPlan(cur.Municipality, a.Department) {
		return face.ErrForbidden
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	data, err := s.bcCaseView(r, cur, v, c, a)
	if err != nil {
		return err
	}
	return s.saveBusinessCase(w, r, cur, data, c)
}

// saveBusinessCase reads the form into the case and saves it as a new
// version, or shows the page again with the problems.
func (s *Pages) saveBusinessCase(w http.ResponseWriter, r *http.Request, cur *municipality.Current, data bcView, c businesscase.Case) error {
	l := data.L
	f, problems := readForm(l, cur.Strategy, r.PostForm)
	c.Title, c.Solution, c.Scenarios = f.Title, f.Solution, f.scenarios()
	if len(problems) == 0 {
		saved, err := s.businessCases().Save(r.Context(), c, actorOf(r))
		var bad businesscase.Invalid
		switch {
		case errors.As(err, &bad):
			problems = f.located(l, bad)
		case err != nil:
			return err
		default:
			face.Redirect(w, r, fmt.Sprintf("/m/%s/business-cases/%d?done=saved", cur.Municipality, saved.ID))
			return nil
		}
	}
	data.Form, data.Problems = f, problems
	return s.render(w, http.StatusUnprocessableEntity, "business_case", data)
}

// approveBusinessCase records the strategy group's approval of the
// version the approver saw; a version saved since is not approved.
func (s *Pages) approveBusinessCase(w http.ResponseWriter, r *http.Request) error {
	cur, _, err := s.current(r, "process")
	if err != nil {
		return err
	}
	c, _, err := s.bcCaseOf(r, cur)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	at := fmt.Sprintf("/m/%s/business-cases/%d", cur.Municipality, c.ID)
	version, err := strconv.Atoi(r.PostForm.Get("version"))
	if err != nil || version != c.Version {
		face.Redirect(w, r, at+"?done=stale#approve")
		return nil
	}
	if err := s.businessCases().Approve(r.Context(), cur.Municipality, c.ID, version, actorOf(r)); errors.Is(err, businesscase.ErrNotFound) {
		face.Redirect(w, r, at+"?done=stale#approve")
		return nil
	} else if err != nil {
		return err
	}
	face.Redirect(w, r, at+"?done=approved")
	return nil
}
