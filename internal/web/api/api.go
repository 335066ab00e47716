// Package api is Kanal's face for systems: a JSON API over HTTP, each
// request with an API key (Authorization: Bearer) that names its
// municipality and permissions. Handlers return a *face.Error for an
// answer the client can mend; one adapter, Fail, writes every error as a
// status and a JSON body. openapi.json describes every route.
package api

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/kanal-dk/kanal/internal/answers"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// apiError is the body of every API error.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Field   string `json:"field,omitempty"`
		Message string `json:"message"`
	} `json:"error"`
}

// writeJSON answers v as compact JSON on one line: programs read the API,
// and indenting cost a twentieth of a guidance answer's time (pipe the
// answer through jq to read it). The body is encoded whole before the first
// byte is sent.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	h := w.Header()
	h["Content-Type"], h["Cache-Control"] = jsonContentType, noStore
	w.WriteHeader(status)
	_, err = w.Write(append(body, '\n'))
	return err
}

// The headers of every JSON answer, made once: the keys are canonical and
// the one-value slices are never appended to in place (an append copies).
var (
	jsonContentType = []string{"application/json; charset=utf-8"}
	noStore         = []string{"no-store"}
)

// API serves the routes for systems.
type API struct {
	registry *municipality.Registry
	keys     *auth.Keys
	recorder *inquiry.Recorder
	measures *measure.Source
	cases    *casework.Cases
	log      *slog.Logger
	now      func() time.Time
	// answers gives the guidance the area's answer page.
	answers *answers.Answers
	letters *letters.Letters
}

// New returns the API on the services.
func New(svc face.Services) *API {
	return &API{registry: svc.Registry, keys: svc.Keys, recorder: svc.Recorder, measures: svc.Measures,
		cases: svc.Cases, log: svc.Log, now: svc.Now, answers: answers.New(svc.DB), letters: lettersOf(svc)}
}

// Routes are the API's entries of the route table.
func (s *API) Routes() []face.Route {
	return []face.Route{
		{Pattern: "GET /api/v1/openapi.json", Public: true, Raw: http.HandlerFunc(openAPIDocument)},
		{Pattern: "GET /api/v1/strategy", KeyPerm: auth.Read, Handle: s.apiStrategy},
		{Pattern: "GET /api/v1/guidance", KeyPerm: auth.Read, Handle: s.apiGuidance},
		{Pattern: "GET /api/v1/answer-date", KeyPerm: auth.Read, Handle: s.apiAnswerDate},
		{Pattern: "GET /api/v1/kpis", KeyPerm: auth.Read, Handle: s.apiKPIs},
		{Pattern: "POST /api/v1/business-case", KeyPerm: auth.Read, Body: businessCaseBody, Handle: s.apiBusinessCase},
		{Pattern: "POST /api/v1/inquiries", KeyPerm: auth.Ingest, Body: ingestBody, Handle: s.apiIngest},
		{Pattern: "POST /api/v1/cases", KeyPerm: auth.Cases, Body: caseBody, Handle: s.apiOpenCase},
		{Pattern: "GET /api/v1/cases/{reference}", KeyPerm: auth.Cases, Handle: s.apiCase},
		{Pattern: "POST /api/v1/cases/{reference}/status", KeyPerm: auth.Cases, Body: caseBody, Handle: s.apiSetCaseStatus},
		{Pattern: "POST /api/v1/letters", KeyPerm: auth.Letters, Body: letterBody, Handle: s.apiSendLetter},
		{Pattern: "GET /api/v1/letters/{id}", KeyPerm: auth.Letters, Handle: s.apiLetter},
		{Pattern: "GET /api/v1/letters/{id}/memo", KeyPerm: auth.Letters, Handle: s.apiLetterMemo},
	}
}

// Guard lets a request through only with a valid API key that has the
// route's permission.
func (s *API) Guard(rt face.Route, next http.Handler) http.Handler {
	return s.requireKey(rt.KeyPerm, next)
}

// Fail answers an error as JSON: a stable code for programs and a message
// for people, in the language the client asks for. A *face.Error says its
// status and code; the route table's errors and an unexpected error get
// theirs here, the unexpected one logged.
func (s *API) Fail(w http.ResponseWriter, r *http.Request, err error) {
	var fe *face.Error
	if !errors.As(err, &fe) {
		status, code := face.Classify(w, err)
		var tooBig *http.MaxBytesError
		switch {
		case code == "internal":
			s.log.Error("api failed", "route", r.Pattern, "err", err)
			fe = face.Fail(status, code)
		case errors.As(err, &tooBig):
			fe = face.Fail(status, code, tooBig.Limit)
		default:
			fe = face.Fail(status, code)
		}
	}
	var body apiError
	body.Error.Code, body.Error.Field, body.Error.Message = fe.Code, fe.Field, fe.Message
	if fe.Message == "" {
		body.Error.Message = face.Printer(r).T("api."+fe.Code, fe.Args...)
	}
	if err := writeJSON(w, fe.Status, body); err != nil {
		s.log.Error("write api error", "route", r.Pattern, "err", err)
	}
}

// requireKey lets a request through only with a valid API key that has the
// permission, for the key's own municipality: a ?municipality= or a
// {municipality} in the path must be the key's.
func (s *API) requireKey(perm auth.KeyPermission, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret, ok := bearerToken(r.Header.Get("Authorization"))
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="kanal"`)
			s.Fail(w, r, face.Fail(http.StatusUnauthorized, "no_key"))
			return
		}
		key, err := s.keys.Verify(r.Context(), secret)
		if errors.Is(err, auth.ErrNoKey) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="kanal", error="invalid_token"`)
			s.Fail(w, r, face.Fail(http.StatusUnauthorized, "bad_key"))
			return
		}
		if err != nil {
			s.Fail(w, r, fmt.Errorf("verify api key: %w", err))
			return
		}
		asked := []string{r.PathValue("municipality")}
		if mayHave(r.URL.RawQuery, "municipality") {
			asked = append(asked, r.URL.Query().Get("municipality"))
		}
		for _, m := range asked {
			if m != "" && m != key.Municipality {
				s.Fail(w, r, face.ErrNotFound)
				return
			}
		}
		if !key.Allows(perm) {
			s.Fail(w, r, face.Fail(http.StatusForbidden, "permission", string(perm)))
			return
		}
		next.ServeHTTP(w, r.WithContext(auth.WithPrincipal(r.Context(), &auth.Principal{Key: key})))
	})
}

// mayHave reports whether a raw query could hold the parameter name: a key
// that is name, or one with escapes that could decode to it. When it
// cannot, the parameter is absent without parsing the query, which a
// request would otherwise do once more for this check alone.
func mayHave(rawQuery, name string) bool {
	for rawQuery != "" {
		var part string
		part, rawQuery, _ = strings.Cut(rawQuery, "&")
		key, _, _ := strings.Cut(part, "=")
		if key == name || strings.ContainsAny(key, "%+") {
			return true
		}
	}
	return false
}

// bearerToken reads "Authorization: Bearer TOKEN". The scheme is
// case-insensitive (RFC 7235, section 2.1; RFC 6750 builds on it), so
// "bearer" and "BEARER" are as good as "Bearer".
func bearerToken(header string) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}

// apiStrategy returns the key's municipality's current strategy: what a
// phone platform or self-service solution needs to know the areas and
// channels by their ids.
func (s *API) apiStrategy(w http.ResponseWriter, r *http.Request) error {
	key := auth.FromContext(r.Context()).Key
	cur, err := s.registry.Current(r.Context(), key.Municipality)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, struct {
		Municipality string             `json:"municipality"`
		Version      int                `json:"version"`
		Strategy     *strategy.Strategy `json:"strategy"`
	}{cur.Municipality, cur.Number, cur.Strategy})
}

// OpenAPI is the API's description (OpenAPI 3), as served at
// /api/v1/openapi.json.
//
//go:embed openapi.json
var OpenAPI []byte

// openAPIDocument serves the API's description.
func openAPIDocument(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(OpenAPI)
}
