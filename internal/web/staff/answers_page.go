package staff

import (
	"cmp"
	"errors"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/answers"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The staff pages of the citizen portal's answer pages: a list of the
// areas one may edit (pages due for review and areas without a page
// first), and per area the form that saves a new version, the button
// that records a review without one, and the versions.

// answersOf is the answer pages on the pages' clock.
func (s *Pages) answersOf() *answers.Answers {
	a := answers.New(s.db)
	a.Now = s.now
	return a
}

// answerPageRow is one area in the list.
type answerPageRow struct {
	Area, Label, Title string
	Version            int
	Reviewed           string
	Due, Example       bool
}

// showAnswers lists the areas whose answer pages the user may edit.
func (s *Pages) showAnswers(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "answers")
	if err != nil {
		return err
	}
	v.Title = v.L.T("answers.title") + " – " + v.Title
	pages, err := s.answersOf().List(r.Context(), cur.Municipality)
	if err != nil {
		return err
	}
	p, now := auth.FromContext(r.Context()), s.now()
	var all, due, missing []answerPageRow
	for i := range cur.Strategy.Areas {
		a := &cur.Strategy.Areas[i]
		if a.Other || !p.MayEditAnswer(cur.Municipality, a.Department) {
			continue
		}
		row := answerPageRow{Area: a.ID, Label: strategy.AreaLabel(a.KLE, a.Title)}
		pg, ok := pages[a.ID]
		if !ok {
			missing = append(missing, row)
			continue
		}
		row.Title, row.Version, row.Example = pg.Title, pg.Version, pg.Example
		row.Reviewed, row.Due = v.L.Date(civil.DateOf(pg.ReviewedAt)), answers.Due(pg.ReviewedAt, now)
		if row.Due {
			due = append(due, row)
		}
		all = append(all, row)
	}
	return s.render(w, http.StatusOK, "answers", struct {
		view
		All, Due, Missing []answerPageRow
	}{v, all, due, missing})
}

// answerForm is the edit page of one area's answer page.
type answerForm struct {
	view
	Area      *strategy.Area
	AreaLabel string
	Page      *answers.Page
	Preview   template.HTML
	Reviewed  string
	Due       bool
	// FormTitle and FormBody are the form's values.
	FormTitle string
	FormBody  string
	// FormTitleEN and FormBodyEN are the optional English version's.
	FormTitleEN, FormBodyEN string
	HaveReady               string
	Portal                  string
	Versions                []answerVersion
	Problems                []answerProblem
	Notice                  string
}

// answerProblem is one problem of the form, with the field it is in.
type answerProblem struct{ Field, Message string }

// answerVersion is one saved version in the list.
type answerVersion struct {
	Version        int
	Title, SavedBy string
	SavedAt        time.Time
	Example        bool
}

// Error returns the message for a field, "" when it has none.
func (f answerForm) Error(field string) string {
	var msgs []string
	for _, p := range f.Problems {
		if p.Field == field {
			msgs = append(msgs, p.Message)
		}
	}
	return strings.Join(msgs, " ")
}

// answerArea is the area of the request's path the user may edit.
func (s *Pages) answerArea(r *http.Request) (*municipality.Current, *strategy.Area, view, error) {
	cur, v, err := s.current(r, "answers")
	if err != nil {
		return nil, nil, view{}, err
	}
	a, ok := cur.Strategy.Area(r.PathValue("area"))
	if !ok || a.Other {
		return nil, nil, view{}, face.ErrNotFound
	}
	if !auth.FromContext(r.Context()).MayEditAnswer(cur.Municipality, a.Department) {
		return nil, nil, view{}, face.ErrForbidden
	}
	return cur, a, v, nil
}

// answerFormFor fills the edit page from the current page and versions.
func (s *Pages) answerFormFor(r *http.Request, cur *municipality.Current, a *strategy.Area, v view) (answerForm, error) {
	f := answerForm{view: v, Area: a, AreaLabel: strategy.AreaLabel(a.KLE, a.Title),
		Portal: answers.Path(cur.Municipality, a.ID)}
	f.view.Title = v.L.T("answers.edit.title", f.AreaLabel) + " – " + v.Title
	if len(a.HaveReady) > 0 {
		f.HaveReady = v.L.T("answers.edit.have_ready", strings.Join(a.HaveReady, "; "))
	}
	pg, err := s.answersOf().Get(r.Context(), cur.Municipality, a.ID)
	switch {
	case errors.Is(err, answers.ErrNotFound):
		f.FormTitle, f.FormBody = a.Title, v.L.T("answers.edit.template")
		return f, nil
	case err != nil:
		return f, err
	}
	f.Page, f.Preview = &pg, answers.Render(pg.Body)
	f.FormTitle, f.FormBody = pg.Title, pg.Body
	f.FormTitleEN, f.FormBodyEN = pg.TitleEN, pg.BodyEN
	f.Reviewed, f.Due = v.L.Date(civil.DateOf(pg.ReviewedAt)), answers.Due(pg.ReviewedAt, s.now())
	vs, err := s.answersOf().Versions(r.Context(), cur.Municipality, a.ID)
	if err != nil {
		return f, err
	}
	for _, x := range vs {
		f.Versions = append(f.Versions, answerVersion{x.Version, x.Title, x.SavedBy, x.SavedAt, x.Example})
	}
	return f, nil
}

// showAnswerEdit shows the edit page of an area's answer page.
func (s *Pages) showAnswerEdit(w http.ResponseWriter, r *http.Request) error {
	cur, a, v, err := s.answerArea(r)
	if err != nil {
		return err
	}
	f, err := s.answerFormFor(r, cur, a, v)
	if err != nil {
		return err
	}
	switch r.URL.Query().Get("done") {
	case "saved":
		if f.Page != nil {
			f.Notice = v.L.T("answers.edit.saved", f.Page.Version)
		}
	case "reviewed":
		f.Notice = v.L.T("answers.edit.reviewed")
	}
	return s.render(w, http.StatusOK, "answer_edit", f)
}

// saveAnswer saves a new version of an area's answer page; a page with
// problems is shown again with each located, and nothing is saved.
func (s *Pages) saveAnswer(w http.ResponseWriter, r *http.Request) error {
	cur, a, v, err := s.answerArea(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	c := answers.Content{Title: r.PostForm.Get("title"), Body: r.PostForm.Get("body"),
		TitleEN: r.PostForm.Get("title_en"), BodyEN: r.PostForm.Get("body_en")}
	_, err = s.answersOf().Save(r.Context(), cur.Municipality, a.ID, c, false, actorOf(r).Name)
	var bad answers.Invalid
	if errors.As(err, &bad) {
		f, ferr := s.answerFormFor(r, cur, a, v)
		if ferr != nil {
			return ferr
		}
		f.FormTitle, f.FormBody, f.FormTitleEN, f.FormBodyEN = c.Title, c.Body, c.TitleEN, c.BodyEN
		for _, p := range bad {
			msg := v.L.T(p.Key, p.Arg)
			if p.Line > 0 {
				msg = v.L.T(p.Key, p.Line, p.Arg)
			}
			f.Problems = append(f.Problems, answerProblem{p.Field, msg})
		}
		return s.render(w, http.StatusUnprocessableEntity, "answer_edit", f)
	}
	if err != nil {
		return err
	}
	face.Redirect(w, r, "/m/"+cur.Municipality+"/answers/"+a.ID+"?done=saved")
	return nil
}

// reviewAnswer records that an area's page was reviewed and needs no
// change.
func (s *Pages) reviewAnswer(w http.ResponseWriter, r *http.Request) error {
	cur, a, _, err := s.answerArea(r)
	if err != nil {
		return err
	}
	err = s.answersOf().Review(r.Context(), cur.Municipality, a.ID, actorOf(r).Name)
	if errors.Is(err, answers.ErrNotFound) {
		return face.ErrNotFound
	}
	if err != nil {
		return err
	}
	face.Redirect(w, r, "/m/"+cur.Municipality+"/answers/"+a.ID+"?done=reviewed")
	return nil
}

// webActivity is the figures page's table of the answer pages' activity.
type webActivity struct {
	// Counted tells that the strategy counts page views as inquiries, so
	// that the views are in the figures too.
	Counted bool
	Rows    []webActivityRow
}

// webActivityRow is one area's activity, its numbers in the page's
// language.
type webActivityRow struct {
	Area                   string
	Views, Found, NotFound string
}

// webActivity reads the answer pages' activity of the figures' period,
// of the filter's area and department (a manager's own).
func (s *Pages) webActivity(r *http.Request, cur *municipality.Current, f measure.Filter, forced string) (*webActivity, error) {
	st := cur.Strategy
	acts, err := s.answersOf().ActivityBetween(r.Context(), cur.Municipality, f.From, f.To)
	if err != nil {
		return nil, err
	}
	l := face.Printer(r)
	out := &webActivity{Counted: st.CountsPageViews()}
	for _, x := range acts {
		a, ok := st.Area(x.Area)
		if !ok || f.Area != "" && f.Area != a.ID {
			continue
		}
		if dept := cmp.Or(forced, f.Department); dept != "" && a.Department != dept {
			continue
		}
		out.Rows = append(out.Rows, webActivityRow{Area: strategy.AreaLabel(a.KLE, a.Title),
			Views: l.Int(x.Views), Found: l.Int(x.Found), NotFound: l.Int(x.NotFound)})
	}
	return out, nil
}

// fillAnswerLink gives the console's guidance the area's answer page
// where the inquiry is an information question on an expensive channel.
func (s *Pages) fillAnswerLink(r *http.Request, st *strategy.Strategy, data *consoleView) error {
	if data.Guidance == nil || data.Area == nil {
		return nil
	}
	typ, channel := checked(data.Types), checked(data.Channels)
	link, err := s.answersOf().GuidanceLink(r.Context(), st, data.Area.ID, typ, channel)
	data.Guidance.AnswerURL = link
	return err
}

// checked is the id of the checked option, "" when none is.
func checked(opts []option) string {
	for _, o := range opts {
		if o.Checked {
			return o.ID
		}
	}
	return ""
}
