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

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
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
		t, err := template.New("layout.html").ParseFS(assets, "templates/layout.html", "templates/partials.html", name)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		p.sets[strings.TrimSuffix(path.Base(name), ".html")] = t
	}
	return p, nil
}

// view is what every page's template gets besides its own fields.
type view struct {
	L              locale.Printer
	Title          string
	Municipalities []municipality.Municipality
	// MunicipalityID is the municipality the page is about, if any.
	MunicipalityID string
	// Section marks the active entry of the section menu.
	Section string
}

// base fills the common part of a page's view.
func (s *Server) base(r *http.Request, title string) (view, error) {
	ms, err := s.registry.List(r.Context())
	if err != nil {
		return view{}, err
	}
	return view{L: printer(r), Title: title, Municipalities: ms, MunicipalityID: r.PathValue("municipality")}, nil
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

// page adapts a handler that returns an error: it answers the error once,
// with the right status and a page in the reader's language.
func (s *Server) page(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setLanguage(w, r)
		err := h(w, r)
		if err == nil {
			return
		}
		status, key := http.StatusInternalServerError, "error.internal"
		if errors.Is(err, errNotFound) || errors.Is(err, municipality.ErrNotFound) {
			status, key = http.StatusNotFound, "error.not_found"
		} else {
			s.log.Error("page failed", "route", r.Pattern, "err", err)
		}
		v, berr := s.base(r, printer(r).T(key+".title"))
		if berr != nil {
			v = view{L: printer(r), Title: printer(r).T(key + ".title")}
		}
		data := struct {
			view
			Message string
		}{v, v.L.T(key)}
		if rerr := s.render(w, status, "error", data); rerr != nil {
			s.log.Error("render error page", "err", rerr)
			http.Error(w, http.StatusText(status), status)
		}
	})
}

const langCookie = "kanal_lang"

// setLanguage remembers a language chosen with ?lang= in a cookie.
func setLanguage(w http.ResponseWriter, r *http.Request) {
	lang := r.URL.Query().Get("lang")
	if lang != locale.Danish && lang != locale.English {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
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
