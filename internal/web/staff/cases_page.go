package staff

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The case list: the self-service cases of the municipality, or of the
// own department for a user placed in one (auth.Principal.CaseDepartment),
// oldest unanswered first. It shows no personal data — reference, area,
// status, when received and the answer date — so listing is not audited;
// opening a case is (case_page.go).

// caseListLimit is how many cases the list shows at most.
const caseListLimit = 500

type caseRow struct {
	Reference, Area, Status, Channel string
	Submitted                        time.Time
	AnswerBy                         civil.Date
	Overdue, Assisted                bool
}

type casesView struct {
	view
	Form struct{ Status, Area, Department, Reference string }
	// Statuses, Areas and Departments are the filter's choices; a user
	// placed in a department gets that one only (LockedDepartment).
	Statuses, Areas, Departments []choice
	LockedDepartment, LockedName string
	Rows                         []caseRow
	Limited                      bool
	Limit                        int
}

// caseOverdue reports whether a case is past its answer date on today: it
// has one, the date is before today, and the case is not yet decided or
// closed.
func caseOverdue(k *casework.Case, today civil.Date) bool {
	if k.AnswerBy.IsZero() || k.Status == casework.Decided || k.Status == casework.Closed {
		return false
	}
	return k.AnswerBy.Before(today)
}

// areaTitle is an area's title, or its id when the strategy no longer has
// it.
func areaTitle(st *strategy.Strategy, id string) string {
	if a, ok := st.Area(id); ok {
		return a.Title
	}
	return id
}

func departmentName(st *strategy.Strategy, id string) string {
	if d, ok := st.Department(id); ok {
		return d.Name
	}
	return id
}

// statusText is a status in the reader's language.
func statusText(l locale.Printer, status string) string { return l.T("case.status." + status) }

// showCases shows the case list.
func (s *Pages) showCases(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "cases")
	if err != nil {
		return err
	}
	l, st, q := v.L, cur.Strategy, r.URL.Query()
	v.Title = l.T("staffcases.title") + " – " + v.Title
	data := casesView{view: v, Limit: caseListLimit}
	p := auth.FromContext(r.Context())
	data.LockedDepartment = p.CaseDepartment()
	data.Form.Status, data.Form.Area, data.Form.Reference = q.Get("status"), q.Get("area"), strings.TrimSpace(q.Get("reference"))
	data.Form.Department = q.Get("department")
	if data.LockedDepartment != "" {
		data.Form.Department = data.LockedDepartment
		data.LockedName = departmentName(st, data.LockedDepartment)
	}
	for _, status := range casework.Statuses {
		data.Statuses = append(data.Statuses, choice{status, statusText(l, status)})
	}
	if !slices.Contains(casework.Statuses, data.Form.Status) {
		data.Form.Status = ""
	}
	for _, d := range st.Departments {
		if data.LockedDepartment == "" || d.ID == data.LockedDepartment {
			data.Departments = append(data.Departments, choice{d.ID, d.Name})
		}
	}
	if _, ok := st.Department(data.Form.Department); !ok && data.LockedDepartment == "" {
		data.Form.Department = ""
	}
	for _, a := range st.Areas {
		if data.Form.Department == "" || a.Department == data.Form.Department {
			data.Areas = append(data.Areas, choice{a.ID, a.Title})
		}
	}
	if !slices.ContainsFunc(data.Areas, func(c choice) bool { return c.Value == data.Form.Area }) {
		data.Form.Area = ""
	}
	// A whole reference read aloud opens the case at once.
	if ref := data.Form.Reference; ref != "" {
		k, err := s.cases.Get(r.Context(), cur.Municipality, ref)
		if err == nil && p.MayHandleCase(cur.Municipality, k.Department) {
			face.Redirect(w, r, caseURL(cur.Municipality, k.Reference))
			return nil
		}
		if err != nil && !errors.Is(err, casework.ErrNotFound) {
			return err
		}
	}
	cases, err := s.cases.List(r.Context(), casework.Filter{Municipality: cur.Municipality, Department: data.Form.Department,
		Area: data.Form.Area, Status: data.Form.Status, Reference: data.Form.Reference, Limit: caseListLimit + 1})
	if err != nil {
		return err
	}
	if len(cases) > caseListLimit {
		cases, data.Limited = cases[:caseListLimit], true
	}
	today := civil.DateOf(s.now())
	for i := range cases {
		k := &cases[i]
		if !p.MayHandleCase(cur.Municipality, k.Department) { // never shown, whatever the list answers
			continue
		}
		data.Rows = append(data.Rows, caseRow{Reference: k.Reference, Area: areaTitle(st, k.Area), Status: statusText(l, k.Status),
			Channel: channelName(st, k.Channel), Submitted: k.SubmittedAt, AnswerBy: k.AnswerBy, Overdue: caseOverdue(k, today), Assisted: k.Assisted})
	}
	return s.render(w, http.StatusOK, "cases", data)
}

func channelName(st *strategy.Strategy, id string) string {
	if c, ok := st.Channel(id); ok {
		return c.Name
	}
	return id
}

func caseURL(m, reference string) string {
	return "/m/" + m + "/cases/" + url.PathEscape(reference)
}

// handledCase is the case the request's path names, if the principal may
// handle it: another department's case is "not found" to a user placed in
// a department, as another municipality's pages are.
func (s *Pages) handledCase(r *http.Request, cur *municipality.Current) (*casework.Case, error) {
	k, err := s.cases.Get(r.Context(), cur.Municipality, r.PathValue("reference"))
	if errors.Is(err, casework.ErrNotFound) {
		return nil, face.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if !auth.FromContext(r.Context()).MayHandleCase(cur.Municipality, k.Department) {
		return nil, face.ErrNotFound
	}
	return k, nil
}
