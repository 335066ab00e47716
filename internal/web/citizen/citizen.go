// Package citizen is Kanal's face for citizens: the self-service portal
// under /borger/{municipality}/, in Danish first and English, built with
// Det Fælles Designsystem and working without JavaScript. A municipality's
// front page lists the service areas citizens can handle, found by words or
// KLE number with the same search as the staff console; an area's page
// says what the strategy says a citizen needs: its self-service first,
// what to have ready, the expected answer time and the other channels the
// strategy allows. The pages are read-only and need no sign-in: the face
// reads no staff session and sets no cookie but the language choice, and
// has a layout of its own.
package citizen

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// Portal serves the citizen pages.
type Portal struct {
	registry *municipality.Registry
	log      *slog.Logger
	pages    *face.Templates
	now      func() time.Time
}

// New returns the citizen portal on the services.
func New(svc face.Services) (*Portal, error) {
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	return &Portal{registry: svc.Registry, log: svc.Log, pages: p, now: svc.Now}, nil
}

// Routes are the portal's entries of the route table. Every one is public.
func (p *Portal) Routes() []face.Route {
	return []face.Route{
		{Pattern: "GET /borger/{municipality}", Public: true, Handle: p.toFront},
		{Pattern: "GET /borger/{municipality}/{$}", Public: true, Handle: p.showFront},
		{Pattern: "GET /borger/{municipality}/{area}", Public: true, Handle: p.showArea},
		// Every other address under /borger/ is answered "not found" in
		// the portal's own layout, not the staff pages'.
		{Pattern: "GET /borger/", Public: true, Handle: func(http.ResponseWriter, *http.Request) error { return face.ErrNotFound }},
	}
}

// Guard lets every request through: the portal has no sign-in yet, and
// it never looks at a staff session.
func (p *Portal) Guard(_ face.Route, next http.Handler) http.Handler { return next }

// toFront sends /borger/dragoer to /borger/dragoer/, keeping the query.
func (p *Portal) toFront(w http.ResponseWriter, r *http.Request) error {
	target := r.URL.EscapedPath() + "/"
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, target, http.StatusMovedPermanently)
	return nil
}

// Fail answers an error with the portal's error page; an unexpected error
// is logged and answered 500.
func (p *Portal) Fail(w http.ResponseWriter, r *http.Request, err error) {
	status, code := face.Classify(w, err)
	key := "citizen." + code
	if code == "internal" {
		p.log.Error("citizen page failed", "route", r.Pattern, "err", err)
		key = "citizen.error"
	}
	v := p.base(r, face.Printer(r).T(key+".title"))
	// The front page is offered when the municipality is known, also
	// below an address no route claims (/borger/dragoer/a/b).
	m := r.PathValue("municipality")
	if m == "" {
		m, _, _ = strings.Cut(strings.TrimPrefix(r.URL.Path, "/borger/"), "/")
	}
	if cur, cerr := p.registry.Current(r.Context(), m); m != "" && cerr == nil {
		v.fill(cur.Strategy)
	}
	data := struct {
		view
		Message string
	}{v, v.L.T(key)}
	if rerr := p.pages.Render(w, status, "error", data); rerr != nil {
		p.log.Error("render citizen error page", "err", rerr)
		http.Error(w, http.StatusText(status), status)
	}
}

// PageNames are the names of the portal's templates.
func (p *Portal) PageNames() []string { return p.pages.Names() }
