package face

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"strings"
)

// Templates hold one template set per page, each with the face's layout
// and partials.
type Templates struct {
	sets map[string]*template.Template
}

// ParseTemplates parses every page that matches pages in fsys, each with
// the shared files (the layout first, which Render executes) and funcs.
// A page is named by its file name without .html.
func ParseTemplates(fsys fs.FS, funcs template.FuncMap, pages string, shared ...string) (*Templates, error) {
	names, err := fs.Glob(fsys, pages)
	if err != nil {
		return nil, err
	}
	if len(shared) == 0 {
		return nil, fmt.Errorf("no layout for %s", pages)
	}
	t := &Templates{sets: map[string]*template.Template{}}
	for _, name := range names {
		set, err := template.New(path.Base(shared[0])).Funcs(funcs).ParseFS(fsys, append(append([]string{}, shared...), name)...)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		t.sets[strings.TrimSuffix(path.Base(name), ".html")] = set
	}
	return t, nil
}

// Names are the pages' names, sorted.
func (t *Templates) Names() []string {
	names := make([]string, 0, len(t.sets))
	for name := range t.sets {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// Render writes a page in its layout; the whole page is rendered before
// anything is sent, so a template error still gives a clean error answer.
func (t *Templates) Render(w http.ResponseWriter, status int, page string, data any) error {
	set, ok := t.sets[page]
	if !ok {
		return fmt.Errorf("no page template %q", page)
	}
	var buf bytes.Buffer
	if err := set.Execute(&buf, data); err != nil {
		return fmt.Errorf("render %s: %w", page, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

// Fragment writes one template of a page without the layout, for a
// script that replaces part of the page.
func (t *Templates) Fragment(w http.ResponseWriter, page, name string, data any) error {
	set, ok := t.sets[page]
	if !ok {
		return fmt.Errorf("no page template %q", page)
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, name, data); err != nil {
		return fmt.Errorf("render %s/%s: %w", page, name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, err := buf.WriteTo(w)
	return err
}

// StaticFiles serves a face's files (style sheets, scripts, fonts), which
// browsers may keep for an hour.
func StaticFiles(fsys fs.FS, prefix string) http.Handler {
	files := http.StripPrefix(prefix, http.FileServerFS(fsys))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}
