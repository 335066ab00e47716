package citizen

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// casePath is the address of a case's receipt and status.
func casePath(m, reference string) string {
	return "/borger/" + m + "/sager/" + url.PathEscape(reference)
}

// casePage is a case's receipt and status. It shows no answers and no
// address: a receipt never shows the address of a citizen under name and
// address protection, and so shows nobody's.
type casePage struct {
	view
	Reference string
	// New is the receipt right after sending.
	New       bool
	AreaTitle string
	Status    string
	Submitted string
	// AnswerBy is the expected answer date in full ("tirsdag den 15.
	// december 2026"); WorkingDays the area's response time.
	AnswerBy    string
	WorkingDays string
	// Follow tells that the citizen can follow the case under "my
	// cases": a case of a form with sign-in.
	Follow   bool
	History  []historyLine
	Channels []channel
}

type historyLine struct{ When, Status string }

// showCase shows a case's receipt and status: to its signed-in owner, or
// without sign-in with the token of the redirect after sending a form
// that needs none. Anyone else is told it is not found, not that it
// exists.
func (p *Portal) showCase(w http.ResponseWriter, r *http.Request) error {
	st, err := p.current(r)
	if err != nil {
		return err
	}
	m := st.Municipality.ID
	k, err := p.citizen(r)
	if err != nil {
		return err
	}
	token := r.URL.Query().Get(receiptParam)
	if k == nil && token == "" {
		face.Redirect(w, r, loginPath(m, casePath(m, r.PathValue("reference"))))
		return nil
	}
	c, err := p.cases.Get(r.Context(), m, r.PathValue("reference"))
	if errors.Is(err, casework.ErrNotFound) {
		return face.ErrNotFound
	}
	if err != nil {
		return err
	}
	owner := k != nil && c.CPR != "" && c.CPR == k.CPR
	if !owner {
		ok, err := p.receipts.allows(r.Context(), m, c.Reference, token)
		if err != nil {
			return err
		}
		if !ok {
			return face.ErrNotFound
		}
	}
	data := casePage{view: p.base(r, ""), Reference: c.Reference, New: r.URL.Query().Get("ny") != "" || token != "",
		Follow: c.CPR != ""}
	data.fill(st)
	if k != nil {
		data.CitizenName, data.CSRF = k.Name, k.CSRF
	}
	l := data.L
	data.Title = l.T("citizen.case.title", c.Reference) + " – " + st.Municipality.Name
	if data.New {
		data.Title = l.T("citizen.receipt.title") + " – " + st.Municipality.Name
	}
	a, ok := st.Area(c.Area)
	if ok {
		data.AreaTitle = a.Title
	}
	data.Status = l.T("case.status." + c.Status)
	data.Submitted = l.DateTime(c.SubmittedAt)
	if !c.AnswerBy.IsZero() {
		data.AnswerBy = LongDate(l, c.AnswerBy)
		data.WorkingDays = l.Plural("citizen.receipt.working_days", int64(c.WorkingDays), c.WorkingDays)
	}
	for _, h := range c.History {
		data.History = append(data.History, historyLine{When: l.DateTime(h.At), Status: l.T("case.status." + h.Status)})
	}
	if ok {
		if data.Channels, err = p.channels(st, a, l); err != nil {
			return err
		}
	}
	return p.pages.Render(w, http.StatusOK, "case", data)
}

// LongDate writes a day in full, as a receipt states it: "tirsdag den 15.
// december 2026", "Tuesday 15 December 2026".
func LongDate(l locale.Printer, d civil.Date) string {
	return l.T("citizen.long_date", l.T(weekdayKeys[d.Start().Weekday()]), l.Date(d))
}

var weekdayKeys = [...]string{"weekday.sun", "weekday.mon", "weekday.tue", "weekday.wed", "weekday.thu", "weekday.fri", "weekday.sat"}

// casesPage is a signed-in citizen's cases.
type casesPage struct {
	view
	Cases []caseLine
}

type caseLine struct {
	Reference, Path, Area, Submitted, Status, AnswerBy string
}

// showCases lists the signed-in citizen's cases in the municipality.
func (p *Portal) showCases(w http.ResponseWriter, r *http.Request) error {
	st, err := p.current(r)
	if err != nil {
		return err
	}
	m := st.Municipality.ID
	k, err := p.citizen(r)
	if err != nil {
		return err
	}
	if k == nil {
		face.Redirect(w, r, loginPath(m, "/borger/"+m+"/sager"))
		return nil
	}
	cases, err := p.cases.ForCitizen(r.Context(), m, k.CPR)
	if err != nil {
		return err
	}
	data := casesPage{view: p.base(r, "")}
	data.fill(st)
	data.CitizenName, data.CSRF = k.Name, k.CSRF
	l := data.L
	data.Title = l.T("citizen.cases.title") + " – " + st.Municipality.Name
	for _, c := range cases {
		line := caseLine{Reference: c.Reference, Path: casePath(m, c.Reference), Submitted: l.Day(c.SubmittedAt),
			Status: l.T("case.status." + c.Status), AnswerBy: l.T("citizen.cases.no_answer_date")}
		if a, ok := st.Area(c.Area); ok {
			line.Area = a.Title
		}
		if !c.AnswerBy.IsZero() {
			line.AnswerBy = l.Date(c.AnswerBy)
		}
		data.Cases = append(data.Cases, line)
	}
	return p.pages.Render(w, http.StatusOK, "cases", data)
}

// channels are the ways to ask about a case, with their opening hours:
// a question about a case is an interaction inquiry (the strategies' "hvor
// er min sag"), so the channels the strategy gives for interaction where
// the area handles it, else the area's other channels.
func (p *Portal) channels(st *strategy.Strategy, a *strategy.Area, l locale.Printer) ([]channel, error) {
	types := a.Types
	if a.Handles(strategy.Interaction) {
		types = []string{strategy.Interaction}
	}
	ids, err := channelsFor(st, a, types, p.now())
	if err != nil {
		return nil, err
	}
	var out []channel
	for _, id := range ids {
		out = append(out, channelOf(st, l, id))
	}
	return out, nil
}
