package staff

import (
	"context"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/dkfds"
	"github.com/kanal-dk/kanal/internal/web/face"
)

//go:embed templates static
var assets embed.FS

// Det Fælles Designsystem has its own folder under /static/, shared with
// the other faces (see package dkfds).
func staticFiles() http.Handler {
	sub, err := fs.Sub(assets, "static")
	if err != nil {
		panic(err) // the folder is embedded at build time
	}
	own, shared := face.StaticFiles(sub, "/static/"), dkfds.Handler()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, dkfds.Prefix) {
			shared.ServeHTTP(w, r)
			return
		}
		own.ServeHTTP(w, r)
	})
}

func parsePages() (*face.Templates, error) {
	return face.ParseTemplates(assets, funcs, "templates/pages/*.html", "templates/layout.html", "templates/partials.html")
}

// funcs are the few helpers templates need beyond the translation printer.
var funcs = template.FuncMap{
	"int64": func(n int) int64 { return int64(n) },
	// list makes a list in a template, for the choices of a select.
	"list": func(v ...any) []any { return v },
	// dkfds is the address of Det Fælles Designsystem's style sheet.
	"dkfds": func() string { return dkfds.Stylesheet },
}

// view is what every page's template gets besides its own fields.
type view struct {
	L     locale.Printer
	Title string
	// User is the signed-in staff member, if any.
	User *auth.User
	// Municipalities are the ones the user may see.
	Municipalities []municipality.Municipality
	// MunicipalityID is the municipality the page is about, if any, and
	// MunicipalityName its name, shown in the header.
	MunicipalityID, MunicipalityName string
	// MunicipalityLogo is its logo from the strategy, if it has one: a
	// data: address that the strategy's validation has checked to be an
	// image (strategy.LogoOK).
	MunicipalityLogo template.URL
	// OtherLanguage is the address of this page in the other language,
	// with the page's own query (its filters) kept.
	OtherLanguage string
	// Section marks the active entry of the section menu.
	Section string
	// Can tells the menus which sections the user may open.
	Can struct {
		EditStrategy, ManageUsers, ManageKeys, ReadAudit, RegisterInquiries, ImportInquiries, ViewFigures bool
		HandleCases, HandleCallbacks                                                                      bool
		// EditAnswers: the answer pages of the citizen portal.
		EditAnswers bool
		// AnswerQuestions: the contact form's question queue.
		AnswerQuestions bool
		// PrintLetters: the development print queue.
		PrintLetters bool
		// SendLetters: the page that sends a letter.
		SendLetters bool
		// ViewPlans: the strategy's process — plans, register, business
		// cases, yearly reports, reminders.
		ViewPlans bool
	}
	// ProcessTab marks the active tab of the process pages' own menu
	// (the partial "process_tabs"): "plans", "register",
	// "business_cases", "reports" or "reminders".
	ProcessTab string
	// Demo tells that the municipality's counted inquiries include demo
	// data: every page of it says so in a banner.
	Demo bool
	// DemoPending is the years of the municipality's demo data that are
	// still being written after the start ("2012–2014"), if any: its
	// pages say so.
	DemoPending string
	// DemoStopped tells that the writing of those years failed: they
	// come with the next start.
	DemoStopped bool
}

// base fills the common part of a page's view.
func (s *Pages) base(r *http.Request, title string) (view, error) {
	v := view{L: face.Printer(r), Title: title, MunicipalityID: r.PathValue("municipality")}
	v.OtherLanguage = face.OtherLanguage(r, v.L.Lang())
	p := auth.FromContext(r.Context())
	if p == nil || p.User == nil {
		return v, nil
	}
	v.User = p.User
	ms, err := s.registry.List(r.Context())
	if err != nil {
		return view{}, err
	}
	for _, m := range ms {
		if p.Sees(m.ID) {
			v.Municipalities = append(v.Municipalities, m)
			if m.ID == v.MunicipalityID {
				v.MunicipalityName = m.Name
				if v.MunicipalityLogo, err = s.logo(r.Context(), m.ID); err != nil {
					return view{}, err
				}
			}
		}
	}
	v.Can.EditStrategy = p.Can(auth.EditStrategy, v.MunicipalityID)
	v.Can.ManageUsers = p.Can(auth.ManageUsers, v.MunicipalityID)
	v.Can.ManageKeys = p.Can(auth.ManageKeys, v.MunicipalityID)
	v.Can.ReadAudit = p.Can(auth.ReadAudit, v.MunicipalityID)
	v.Can.RegisterInquiries = p.Can(auth.RegisterInquiries, v.MunicipalityID)
	v.Can.ImportInquiries = p.Can(auth.ImportInquiries, v.MunicipalityID)
	v.Can.ViewFigures = p.Can(auth.ViewFigures, v.MunicipalityID)
	v.Can.HandleCases = p.Can(auth.HandleCases, v.MunicipalityID)
	v.Can.HandleCallbacks = p.Can(auth.HandleCallbacks, v.MunicipalityID)
	v.Can.EditAnswers = p.Can(auth.EditAnswers, v.MunicipalityID)
	v.Can.AnswerQuestions = p.Can(auth.AnswerQuestions, v.MunicipalityID)
	v.Can.PrintLetters = p.Can(auth.PrintLetters, v.MunicipalityID)
	v.Can.SendLetters = p.Can(auth.SendLetters, v.MunicipalityID)
	v.Can.ViewPlans = p.Can(auth.ViewPlans, v.MunicipalityID)
	if v.MunicipalityID != "" && p.Sees(v.MunicipalityID) {
		if v.Demo, err = s.measures.AnyDemo(r.Context(), v.MunicipalityID); err != nil {
			return view{}, err
		}
		v.DemoPending = s.demoPending.Of(v.MunicipalityID).String()
		v.DemoStopped = s.demoPending.Stopped()
	}
	return v, nil
}

// PageNames are the names of the staff pages' templates.
func (s *Pages) PageNames() []string { return s.pages.Names() }

// render writes a page in the staff layout.
func (s *Pages) render(w http.ResponseWriter, status int, name string, data any) error {
	return s.pages.Render(w, status, name, data)
}

// renderFragment writes one template of a page without the layout.
func (s *Pages) renderFragment(w http.ResponseWriter, page, name string, data any) error {
	return s.pages.Fragment(w, page, name, data)
}

// Fail answers an error with the error page, with the status the error
// calls for; an unexpected error is logged and answered 500.
func (s *Pages) Fail(w http.ResponseWriter, r *http.Request, err error) {
	status, code := face.Classify(w, err)
	if code == "internal" {
		s.log.Error("page failed", "route", r.Pattern, "err", err)
	}
	key := "error." + code
	l := face.Printer(r)
	v, berr := s.base(r, l.T(key+".title"))
	if berr != nil {
		v = view{L: l, Title: l.T(key + ".title"), OtherLanguage: face.OtherLanguage(r, l.Lang())}
	}
	data := struct {
		view
		Message string
	}{v, l.T(key)}
	if rerr := s.render(w, status, "error", data); rerr != nil {
		s.log.Error("render error page", "err", rerr)
		http.Error(w, http.StatusText(status), status)
	}
}

// logo is a municipality's logo from its newest strategy version, or ""
// when it has none (or no strategy yet). The version is cached
// (Registry.Current), so the header costs no query on most pages.
func (s *Pages) logo(ctx context.Context, id string) (template.URL, error) {
	cur, err := s.registry.Current(ctx, id)
	switch {
	case errors.Is(err, municipality.ErrNotFound):
		return "", nil
	case err != nil:
		return "", err
	}
	logo := cur.Strategy.Municipality.Logo
	if !strategy.LogoOK(logo) { // never stored so; checked again, for it is put into an src as it is
		return "", nil
	}
	return template.URL(logo), nil
}
