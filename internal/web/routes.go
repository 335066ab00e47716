package web

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/kanal-dk/kanal/internal/web/face"
)

// route is one entry of the route table with the face it belongs to,
// whose access control and error answer it gets.
type route struct {
	face.Route
	face face.Face
}

// routes is every route Kanal serves: the server's own, then every face's.
// A route not listed here does not exist; the staff face's catch-all
// answers 404.
func (s *Server) routes() []route {
	var out []route
	for _, rt := range []face.Route{
		{Pattern: "GET /healthz", Public: true, Raw: http.HandlerFunc(s.healthz)},
		{Pattern: "GET /metrics", Public: true, Raw: promhttp.HandlerFor(s.metrics, promhttp.HandlerOpts{})},
	} {
		out = append(out, route{rt, s.staff})
	}
	for _, f := range []face.Face{s.staff, s.api, s.citizen} {
		for _, rt := range f.Routes() {
			out = append(out, route{rt, f})
		}
	}
	return out
}

// wrap puts in front of a route's handler, outermost first: the body
// limit, the rate limits, the text check, and the face's access control
// (not for raw handlers, which answer everyone). Every refusal is
// answered the face's way.
func (s *Server) wrap(rt route) http.Handler {
	h := rt.Raw
	if h == nil {
		h = rt.face.Guard(rt.Route, answer(rt.face, rt.Handle))
	}
	h = requireText(rt.face, h)
	if rt.SignIn {
		h = s.limitSignIn(rt.face, h)
	}
	if rt.Public {
		h = s.limitPublic(rt.face, h)
	}
	limit := rt.Body
	if limit == 0 {
		limit = face.DefaultBody
	}
	return face.LimitBody(limit, h)
}

// answer adapts a handler that returns an error: the face answers the
// error, once.
func answer(f face.Face, h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			f.Fail(w, r, err)
		}
	})
}

// requireText refuses, with 400, a request whose path, query or form holds
// something that is not text (face.IsText), before any handler sees it.
func requireText(f face.Face, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !face.IsText(r) {
			f.Fail(w, r, face.ErrNotText)
			return
		}
		next.ServeHTTP(w, r)
	})
}
