package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

//go:embed templates static
var assets embed.FS

func staticFiles() http.Handler {
	sub, err := fs.Sub(assets, "static")
	if err != nil {
		panic(err) // the folder is embedded at build time
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

// pages holds one template set per page, each with the layout.
type pages struct {
	sets map[string]*template.Template
}

func parsePages() (*pages, error) {
	names, err := fs.Glob(assets, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{sets: map[string]*template.Template{}}
	for _, name := range names {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/partials.html", name)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		p.sets[strings.TrimSuffix(path.Base(name), ".html")] = t
	}
	return p, nil
}

// funcs are the few helpers templates need beyond the translation printer.
var funcs = template.FuncMap{
	// localtime shows an instant in Danish time.
	"localtime": func(t time.Time) string { return t.In(strategy.Location).Format("2006-01-02 15:04:05") },
	"int64":     func(n int) int64 { return int64(n) },
	// list makes a list in a template, for the choices of a select.
	"list": func(v ...any) []any { return v },
}

// view is what every page's template gets besides its own fields.
type view struct {
	L     locale.Printer
	Title string
	// User is the signed-in staff member, if any.
	User *auth.User
	// Municipalities are the ones the user may see.
	Municipalities []municipality.Municipality
	// MunicipalityID is the municipality the page is about, if any.
	MunicipalityID string
	// Section marks the active entry of the section menu.
	Section string
	// Can tells the menus which sections the user may open.
	Can struct {
		EditStrategy, ManageUsers, ManageKeys, ReadAudit, RegisterInquiries, ImportInquiries, ViewFigures bool
	}
	// Demo tells that the municipality's counted inquiries include demo
	// data: every page of it says so in a banner.
	Demo bool
}

// base fills the common part of a page's view.
func (s *Server) base(r *http.Request, title string) (view, error) {
	v := view{L: printer(r), Title: title, MunicipalityID: r.PathValue("municipality")}
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
		}
	}
	v.Can.EditStrategy = p.Can(auth.EditStrategy, v.MunicipalityID)
	v.Can.ManageUsers = p.Can(auth.ManageUsers, v.MunicipalityID)
	v.Can.ManageKeys = p.Can(auth.ManageKeys, v.MunicipalityID)
	v.Can.ReadAudit = p.Can(auth.ReadAudit, v.MunicipalityID)
	v.Can.RegisterInquiries = p.Can(auth.RegisterInquiries, v.MunicipalityID)
	v.Can.ImportInquiries = p.Can(auth.ImportInquiries, v.MunicipalityID)
	v.Can.ViewFigures = p.Can(auth.ViewFigures, v.MunicipalityID)
	if v.MunicipalityID != "" && p.Sees(v.MunicipalityID) {
		if v.Demo, err = s.measures.AnyDemo(r.Context(), v.MunicipalityID); err != nil {
			return view{}, err
		}
	}
	return v, nil
}

// render writes a page; the whole page is rendered before anything is sent,
// so a template error still gives a clean error answer.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) error {
	t, ok := s.pages.sets[name]
	if !ok {
		return fmt.Errorf("no page template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

// renderFragment writes one template of a page without the layout, for a
// script that replaces part of the page.
func (s *Server) renderFragment(w http.ResponseWriter, page, name string, data any) error {
	t, ok := s.pages.sets[page]
	if !ok {
		return fmt.Errorf("no page template %q", page)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return fmt.Errorf("render %s/%s: %w", page, name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, err := buf.WriteTo(w)
	return err
}

// pageHandler adapts a handler that returns an error: it answers the
// error once, with the right status and a page in the reader's language.
func (s *Server) pageHandler(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.pageError(w, r, err)
		}
	})
}

// pageError answers an error with the error page.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	status, key := http.StatusInternalServerError, "error.internal"
	var tooBig *http.MaxBytesError
	switch {
	case errors.Is(err, errNotFound) || errors.Is(err, municipality.ErrNotFound) || errors.Is(err, auth.ErrNotFound):
		status, key = http.StatusNotFound, "error.not_found"
	case errors.Is(err, errForbidden):
		status, key = http.StatusForbidden, "error.forbidden"
	case errors.As(err, &tooBig):
		status, key = http.StatusRequestEntityTooLarge, "error.too_large"
	case errors.Is(err, errNotText):
		status, key = http.StatusBadRequest, "error.not_text"
	default:
		s.log.Error("page failed", "route", r.Pattern, "err", err)
	}
	l := printer(r)
	v, berr := s.base(r, l.T(key+".title"))
	if berr != nil {
		v = view{L: l, Title: l.T(key + ".title")}
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

const langCookie = "kanal_lang"

// rememberLanguage keeps a language chosen with ?lang= in a cookie, on
// every request, so that the choice survives a redirect to sign-in.
func rememberLanguage(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if lang := r.URL.Query().Get("lang"); lang == locale.Danish || lang == locale.English {
			http.SetCookie(w, &http.Cookie{Name: langCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
				HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
		}
		next.ServeHTTP(w, r)
	})
}

// printer picks the reader's language: ?lang=, then the cookie, then the
// browser's Accept-Language, then Danish.
func printer(r *http.Request) locale.Printer {
	if lang := r.URL.Query().Get("lang"); lang == locale.Danish || lang == locale.English {
		return locale.New(lang)
	}
	if c, err := r.Cookie(langCookie); err == nil {
		return locale.New(c.Value)
	}
	return locale.New(locale.Match(r.Header.Get("Accept-Language")))
}
