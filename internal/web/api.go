package web

import (
	_ "embed"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// apiError is the body of every API error.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Field   string `json:"field,omitempty"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// apiFail answers an API error: a stable code for programs and a message
// for people, in the language the client asks for.
func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, status int, code string, args ...any) {
	var body apiError
	body.Error.Code = code
	body.Error.Message = printer(r).T("api."+code, args...)
	writeJSON(w, status, body)
}

// apiHandler adapts an API handler that returns an error.
func (s *Server) apiHandler(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		var tooBig *http.MaxBytesError
		switch {
		case err == nil:
		case errors.Is(err, errNotFound):
			s.apiFail(w, r, http.StatusNotFound, "not_found")
		case errors.As(err, &tooBig):
			s.apiFail(w, r, http.StatusRequestEntityTooLarge, "too_large", tooBig.Limit)
		default:
			s.log.Error("api failed", "route", r.Pattern, "err", err)
			s.apiFail(w, r, http.StatusInternalServerError, "internal")
		}
	})
}

// requireKey lets a request through only with a valid API key that has the
// permission, for the key's own municipality: a ?municipality= or a
// {municipality} in the path must be the key's.
func (s *Server) requireKey(perm auth.KeyPermission, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret, ok := bearerToken(r.Header.Get("Authorization"))
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="kanal"`)
			s.apiFail(w, r, http.StatusUnauthorized, "no_key")
			return
		}
		key, err := s.keys.Verify(r.Context(), secret)
		if errors.Is(err, auth.ErrNoKey) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="kanal", error="invalid_token"`)
			s.apiFail(w, r, http.StatusUnauthorized, "bad_key")
			return
		}
		if err != nil {
			s.log.Error("verify api key", "err", err)
			s.apiFail(w, r, http.StatusInternalServerError, "internal")
			return
		}
		for _, m := range []string{r.PathValue("municipality"), r.URL.Query().Get("municipality")} {
			if m != "" && m != key.Municipality {
				s.apiFail(w, r, http.StatusNotFound, "not_found")
				return
			}
		}
		if !key.Allows(perm) {
			s.apiFail(w, r, http.StatusForbidden, "permission", string(perm))
			return
		}
		next.ServeHTTP(w, r.WithContext(auth.WithPrincipal(r.Context(), &auth.Principal{Key: key})))
	})
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
func (s *Server) apiStrategy(w http.ResponseWriter, r *http.Request) error {
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

//go:embed openapi.json
var openAPI []byte

// openAPIDocument serves the API's description.
func (s *Server) openAPIDocument(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPI)
}
