package staff

import (
	"cmp"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/callback"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The callback list: a day's callbacks citizens booked, in slot order,
// each with its phone number (personal data: a view that shows any is
// written to the audit log with the day, never a number) and buttons for
// done and no answer. A user placed in a department sees the callbacks of
// that department's areas only. Beside the list, the month's counts.

type callbackRow struct {
	ID                 int64
	Time, Area, Phone  string
	Status, StatusText string
	Open, Erased       bool
	Types              []choice
	DefaultType        string
	FirstTry           string
}

type callbacksView struct {
	view
	Day            string
	DayText        string
	Rows           []callbackRow
	Saved, Problem string
	Counts         callback.Counts
	CountsMonth    string
	Offered        bool
	BookingURL     string
}

// callbacksURL is the list of a day.
func callbacksURL(m string, d civil.Date) string {
	return "/m/" + m + "/callbacks?day=" + d.String()
}

// showCallbacks shows a day's callbacks: ?day=YYYY-MM-DD, today when
// none.
func (s *Pages) showCallbacks(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "callbacks")
	if err != nil {
		return err
	}
	l, st := v.L, cur.Strategy
	now := s.now()
	day := civil.DateOf(now)
	if q := r.URL.Query().Get("day"); q != "" {
		if d, err := civil.ParseDate(q); err == nil {
			day = d
		}
	}
	v.Title = l.T("callback.staff.title") + " – " + v.Title
	data := callbacksView{view: v, Day: day.String(), DayText: l.Date(day)}
	_, data.Offered = st.CallbackSetting()
	data.BookingURL = "/borger/" + cur.Municipality + "/tilbagering"
	switch r.URL.Query().Get("saved") {
	case callback.Done, callback.Retry, callback.NotReached:
		data.Saved = l.T("callback.staff.saved." + r.URL.Query().Get("saved"))
	case "closed":
		data.Problem = l.T("callback.staff.closed")
	}
	list, err := s.callbacks.OnDay(r.Context(), cur.Municipality, day, ownDepartments(r))
	if err != nil {
		return err
	}
	shown := false
	for _, k := range list {
		row := callbackRow{ID: k.ID, Time: k.Start.In(civil.Location).Format("15:04") + "–" + k.End.In(civil.Location).Format("15:04"),
			Area: areaTitle(st, k.Area), Phone: callback.FormatPhone(k.Phone), Status: k.Status,
			StatusText: l.T("callback.status." + k.Status), Open: k.Open(), Erased: k.Erased,
			DefaultType: callback.DefaultType(st, k.Area)}
		if k.Status == callback.Retry && !k.FirstTryAt.IsZero() {
			row.FirstTry = k.FirstTryAt.In(civil.Location).Format("15:04")
		}
		if row.Open {
			row.Types = typeChoices(st, l, k.Area)
		}
		shown = shown || k.Phone != ""
		data.Rows = append(data.Rows, row)
	}
	if shown {
		if err := audit.Record(r.Context(), s.db, cur.Municipality, actorOf(r), audit.CallbacksViewed, day.String(), ""); err != nil {
			return err
		}
	}
	month := day.YearMonth()
	data.CountsMonth = l.Month(month)
	if data.Counts, err = s.callbacks.Count(r.Context(), cur.Municipality, month.FirstDay().Start(), month.LastDay().AddDays(1).Start(), ownDepartments(r)); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "callbacks", data)
}

// typeChoices are the inquiry types the area handles, for the type a
// completed callback registers.
func typeChoices(st *strategy.Strategy, l locale.Printer, areaID string) []choice {
	a, ok := st.Area(areaID)
	if !ok {
		return nil
	}
	var out []choice
	for _, t := range a.Types {
		label := t
		if it, ok := st.InquiryType(t); ok {
			label = it.Name
		}
		out = append(out, choice{t, label})
	}
	return out
}

// ownDepartments limits the list for a user placed in a department.
func ownDepartments(r *http.Request) []string {
	if d := auth.FromContext(r.Context()).CaseDepartment(); d != "" {
		return []string{d}
	}
	return nil
}

// callbackOf is the callback the path names, if the user may handle it.
func (s *Pages) callbackOf(r *http.Request, cur *municipality.Current) (*callback.Callback, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, face.ErrNotFound
	}
	k, err := s.callbacks.Get(r.Context(), cur.Municipality, id)
	if errors.Is(err, callback.ErrNotFound) {
		return nil, face.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if own := ownDepartments(r); own != nil && own[0] != k.Department {
		return nil, face.ErrNotFound
	}
	return k, nil
}

// callbackDone marks a callback done and registers the call as an
// outbound phone inquiry of the type chosen (the area's default when
// none).
func (s *Pages) callbackDone(w http.ResponseWriter, r *http.Request) error {
	return s.callbackOutcome(w, r, func(cur *municipality.Current, k *callback.Callback) (*callback.Callback, error) {
		typ := r.PostFormValue("type")
		if a, ok := cur.Strategy.Area(k.Area); !ok || !a.Handles(typ) {
			typ = ""
		}
		return s.callbacks.Complete(r.Context(), cur, k.ID, typ, actorOf(r).Name)
	})
}

// callbackNoAnswer records a call not answered.
func (s *Pages) callbackNoAnswer(w http.ResponseWriter, r *http.Request) error {
	return s.callbackOutcome(w, r, func(cur *municipality.Current, k *callback.Callback) (*callback.Callback, error) {
		return s.callbacks.NoAnswer(r.Context(), cur.Municipality, k.ID, actorOf(r).Name)
	})
}

func (s *Pages) callbackOutcome(w http.ResponseWriter, r *http.Request,
	record func(*municipality.Current, *callback.Callback) (*callback.Callback, error)) error {
	cur, err := s.registry.Current(r.Context(), r.PathValue("municipality"))
	if err != nil {
		return err
	}
	k, err := s.callbackOf(r, cur)
	if err != nil {
		return err
	}
	back := callbacksURL(cur.Municipality, civil.DateOf(k.Start))
	done, err := record(cur, k)
	if errors.Is(err, callback.ErrClosed) {
		face.Redirect(w, r, back+"&saved=closed")
		return nil
	}
	if err != nil {
		return err
	}
	face.Redirect(w, r, back+"&saved="+url.QueryEscape(done.Status)+"#callback-"+strconv.FormatInt(done.ID, 10))
	return nil
}

// callbackFigures are the period's callback counts for the figures page.
type callbackFigures struct {
	Counts callback.Counts
}

// callbackFigures counts the callbacks of the figures' period (and
// department; areas are not filtered: a callback's area is the citizen's
// choice). It is nil where the strategy offers no booking.
func (s *Pages) callbackFigures(r *http.Request, cur *municipality.Current, f measure.Filter, forced string) (*callbackFigures, error) {
	if _, ok := cur.Strategy.CallbackSetting(); !ok || !f.From.IsValid() || !f.To.IsValid() {
		return nil, nil
	}
	var departments []string
	if d := cmp.Or(forced, f.Department); d != "" {
		departments = []string{d}
	}
	n, err := s.callbacks.Count(r.Context(), cur.Municipality, f.From.Start(), f.To.AddDays(1).Start(), departments)
	if err != nil {
		return nil, err
	}
	return &callbackFigures{Counts: n}, nil
}
