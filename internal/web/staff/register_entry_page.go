package staff

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/register"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The register's entry of one area: a form with the solution's supplier,
// address, SB level, login, borger.dk link, integration, cost and counts,
// what the strategy file says of the area, the checks on the entry and
// its versions. Saving adds a version and an audit event; who may edit
// is the department's manager or the strategy group (MayEditPlan).

type registerChoice struct{ Value, Label string }

type registerVersion struct {
	Version           int
	ChangedBy, SBText string
	Changed           string
}

type registerEntryView struct {
	view
	Area     *strategy.Area
	Label    string
	Problems []problem
	Notice   string
	// The form's values as typed.
	Version                                    int
	Supplier, URL, SBLevel, Login, Integration string
	BorgerDK                                   bool
	Cost, Started, Completed, CountsYear       string
	Saved, Demo, FromLevel                     bool
	Levels, Logins, Integrations               []registerChoice
	File                                       []registerChoice
	Diffs                                      []string
	Checks                                     []registerCheck
	Sources                                    []registerRule
	Counted                                    string
	Versions                                   []registerVersion
}

// Error is the message of a field's problem, "" when it has none.
func (v registerEntryView) Error(field string) string {
	for _, p := range v.Problems {
		if p.Field == field {
			return p.Message
		}
	}
	return ""
}

// registerArea is the area of the request's path, if the principal may
// edit its entry.
func (s *Pages) registerArea(r *http.Request) (*municipality.Current, *strategy.Area, view, error) {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return nil, nil, view{}, err
	}
	v.ProcessTab = "register"
	a, ok := cur.Strategy.Area(r.PathValue("area"))
	if !ok || a.Other {
		return nil, nil, view{}, face.ErrNotFound
	}
	if !auth.FromContext(r.Context()).MayEditPlan(cur.Municipality, a.Department) {
		return nil, nil, view{}, face.ErrForbidden
	}
	return cur, a, v, nil
}

// showRegisterEntry shows the form with the saved entry, else the
// strategy's solution.
func (s *Pages) showRegisterEntry(w http.ResponseWriter, r *http.Request) error {
	cur, a, v, err := s.registerArea(r)
	if err != nil {
		return err
	}
	sol, saved, err := s.registerOf().Entry(r.Context(), cur.Municipality, a.ID)
	if err != nil {
		return err
	}
	if !saved {
		var ok bool
		if sol, ok = register.FromStrategy(cur.Municipality, a); !ok {
			sol = register.Solution{Municipality: cur.Municipality, Area: a.ID, Login: strategy.LoginNone}
		}
	}
	data, err := s.registerEntryView(r, cur, a, v, sol)
	if err != nil {
		return err
	}
	if n, err := strconv.Atoi(r.URL.Query().Get("saved")); err == nil && n > 0 {
		data.Notice = v.L.T("register.saved", n)
	}
	return s.render(w, http.StatusOK, "register_entry", data)
}

// saveRegisterEntry saves the form as the entry's next version.
func (s *Pages) saveRegisterEntry(w http.ResponseWriter, r *http.Request) error {
	cur, a, v, err := s.registerArea(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	l, f := v.L, r.PostForm
	sol := register.Solution{Municipality: cur.Municipality, Area: a.ID, Saved: true,
		Supplier: strings.TrimSpace(f.Get("supplier")), URL: strings.TrimSpace(f.Get("url")),
		Login: f.Get("login"), BorgerDK: f.Get("borger_dk") == "yes", Integration: f.Get("integration")}
	var probs []problem
	number := func(field string, whole bool) *int {
		text := strings.TrimSpace(f.Get(field))
		if whole { // kroner may be written 24.000 or 24 000
			text = strings.NewReplacer(".", "", " ", "", "\u00a0", "").Replace(text)
		}
		if text == "" {
			return nil
		}
		n, err := strconv.Atoi(text)
		if err != nil {
			probs = append(probs, problem{field, l.T("register.error.number." + field)})
			return nil
		}
		return &n
	}
	sol.SBLevel = number("sb_level", false)
	if cost := number("cost", true); cost != nil {
		c := float64(*cost)
		sol.CostPerYear = &c
	}
	sol.Started, sol.Completed = number("started", false), number("completed", false)
	if y := number("counts_year", false); y != nil {
		sol.CountsYear = *y
	}
	version, _ := strconv.Atoi(f.Get("version"))
	bad := map[string]bool{}
	for _, p := range probs {
		bad[p.Field] = true
	}
	found := sol.Problems()
	for _, field := range []string{"url", "sb_level", "login", "integration", "cost", "started", "completed", "counts_year"} {
		if key, ok := found[field]; ok && !bad[field] {
			probs = append(probs, problem{field, l.T(key)})
		}
	}
	status := http.StatusUnprocessableEntity
	if len(probs) == 0 {
		var n int
		n, err = s.registerOf().Save(r.Context(), sol, version, actorOf(r))
		if err == nil {
			face.Redirect(w, r, "/m/"+cur.Municipality+"/register/"+a.ID+"?saved="+strconv.Itoa(n))
			return nil
		}
		if !errors.Is(err, register.ErrStale) {
			return err
		}
		status = http.StatusConflict
		probs = append(probs, problem{"supplier", l.T("register.error.stale")})
	}
	data, err := s.registerEntryView(r, cur, a, v, sol)
	if err != nil {
		return err
	}
	data.Problems, data.Version = sortProblems(probs), version
	if status == http.StatusConflict { // a second save overwrites the newest, knowingly
		newest, _, err := s.registerOf().Entry(r.Context(), cur.Municipality, a.ID)
		if err != nil {
			return err
		}
		data.Version = newest.Version
	}
	data.SBLevel, data.Cost = f.Get("sb_level"), f.Get("cost")
	data.Started, data.Completed, data.CountsYear = f.Get("started"), f.Get("completed"), f.Get("counts_year")
	return s.render(w, status, "register_entry", data)
}

// sortProblems orders problems as the form's fields are.
func sortProblems(probs []problem) []problem {
	order := []string{"supplier", "url", "sb_level", "login", "integration", "cost", "started", "completed", "counts_year"}
	var out []problem
	for _, field := range order {
		for _, p := range probs {
			if p.Field == field {
				out = append(out, p)
			}
		}
	}
	return out
}

// registerEntryView fills the page for the solution sol.
func (s *Pages) registerEntryView(r *http.Request, cur *municipality.Current, a *strategy.Area, v view, sol register.Solution) (registerEntryView, error) {
	l, st := v.L, cur.Strategy
	label := strategy.AreaLabel(a.KLE, a.Title)
	v.Title = l.T("register.entry.title", label) + " – " + v.Title
	data := registerEntryView{view: v, Area: a, Label: label, Version: sol.Version, Saved: sol.Saved, Demo: sol.Demo,
		Supplier: sol.Supplier, URL: sol.URL, Login: sol.Login, BorgerDK: sol.BorgerDK, Integration: sol.Integration,
		FromLevel: sol.IntegrationFromLevel}
	if sol.SBLevel != nil {
		data.SBLevel = strconv.Itoa(*sol.SBLevel)
	}
	if sol.CostPerYear != nil {
		data.Cost = strconv.FormatFloat(*sol.CostPerYear, 'f', 0, 64)
	}
	if sol.CountsFrom == register.CountsHand {
		data.Started, data.Completed = registerNumber(sol.Started), registerNumber(sol.Completed)
	}
	if sol.CountsYear != 0 && sol.CountsFrom == register.CountsHand {
		data.CountsYear = strconv.Itoa(sol.CountsYear)
	}
	data.Levels = []registerChoice{{"", l.T("register.unknown")}}
	for i := 0; i <= 4; i++ {
		data.Levels = append(data.Levels, registerChoice{strconv.Itoa(i), l.T("register.level." + strconv.Itoa(i))})
	}
	data.Logins = []registerChoice{{strategy.LoginNone, l.T("register.login.none")}, {strategy.LoginNational, l.T("register.login.national")}}
	for _, i := range register.Integrations {
		data.Integrations = append(data.Integrations, registerChoice{i, l.T("register.integration." + i)})
	}
	if file, ok := register.FromStrategy(cur.Municipality, a); ok {
		level := l.T("register.unknown")
		if file.SBLevel != nil {
			level = strconv.Itoa(*file.SBLevel)
		}
		borger := l.T("register.no")
		if file.BorgerDK {
			borger = l.T("register.yes")
		}
		data.File = []registerChoice{{l.T("register.col.url"), file.URL}, {l.T("register.col.sb_level"), level},
			{l.T("register.col.login"), registerLoginText(l, file.Login)}, {l.T("register.col.borger_dk"), borger}}
	}
	data.Diffs = registerDiffs(l, st, sol)
	// The checks and the counts as the register shows them (the funnel
	// where Kanal's forms count the area).
	all, err := s.registerOf().All(r.Context(), st, cur.Municipality)
	if err != nil {
		return data, err
	}
	for _, shown := range all {
		if shown.Area == a.ID && shown.CountsFrom == register.CountsFunnel {
			data.Counted = l.T("register.entry.funnel", shown.CountsYear, registerCount(l, shown.Started), registerCount(l, shown.Completed))
		}
	}
	checks := register.Compliance(st, []register.Solution{sol}, civil.DateOf(s.now()))
	data.Sources = registerRules(l, st, checks)
	for _, c := range checks {
		data.Checks = append(data.Checks, registerCheck{Rule: c.Rule, Label: l.T("register.rule." + c.Rule), OK: c.OK, Due: c.Due})
	}
	history, err := s.registerOf().History(r.Context(), cur.Municipality, a.ID)
	if err != nil {
		return data, err
	}
	for _, h := range history {
		level := l.T("register.unknown")
		if h.SBLevel != nil {
			level = strconv.Itoa(*h.SBLevel)
		}
		data.Versions = append(data.Versions, registerVersion{Version: h.Version, ChangedBy: h.ChangedBy, SBText: level, Changed: l.DateTime(h.Changed)})
	}
	return data, nil
}

func registerNumber(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}
