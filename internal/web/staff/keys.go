package staff

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// keysView is the API key administration page of a municipality.
type keysView struct {
	view
	Keys        []auth.APIKey
	Permissions []auth.KeyPermission
	Form        struct {
		Name  string
		Perms map[auth.KeyPermission]bool
		Test  bool
	}
	Errors map[string]string
	// NewKey is the secret of a just-created key, shown this once.
	NewKey struct{ Name, Secret string }
	Notice string
}

func (s *Pages) keysPage(r *http.Request) (keysView, error) {
	cur, v, err := s.current(r, "keys")
	if err != nil {
		return keysView{}, err
	}
	v.Title = v.L.T("keys.title") + " – " + v.Title
	keys, err := s.keys.List(r.Context(), cur.Municipality)
	if err != nil {
		return keysView{}, err
	}
	for i := range keys {
		keys[i].CreatedBy = describe.Actor(v.L, keys[i].CreatedBy)
	}
	data := keysView{view: v, Keys: keys, Permissions: auth.KeyPermissions, Errors: map[string]string{}}
	data.Form.Perms = map[auth.KeyPermission]bool{}
	return data, nil
}

// showKeys lists the municipality's API keys.
func (s *Pages) showKeys(w http.ResponseWriter, r *http.Request) error {
	data, err := s.keysPage(r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "keys", data)
}

// addKey creates a key and shows it once.
func (s *Pages) addKey(w http.ResponseWriter, r *http.Request) error {
	data, err := s.keysPage(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	data.Form.Name, data.Form.Test = r.PostFormValue("name"), r.PostFormValue("test") == "on"
	var perms []auth.KeyPermission
	for _, p := range r.PostForm["permissions"] {
		parsed, err := auth.ParseKeyPermissions(p)
		if err == nil {
			perms = append(perms, parsed...)
			data.Form.Perms[parsed[0]] = true
		}
	}
	secret, key, err := s.keys.Add(r.Context(), actorOf(r), data.MunicipalityID, data.Form.Name, perms, data.Form.Test)
	var in *auth.InputError
	if errors.As(err, &in) {
		data.Errors[in.Field] = data.L.T(in.Key, in.Args...)
		return s.render(w, http.StatusUnprocessableEntity, "keys", data)
	}
	if err != nil {
		return err
	}
	data.NewKey.Name, data.NewKey.Secret = key.Name, secret
	data.Form.Name, data.Form.Test, data.Form.Perms = "", false, map[auth.KeyPermission]bool{}
	if data.Keys, err = s.keys.List(r.Context(), data.MunicipalityID); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "keys", data)
}

// confirmRevoke asks before ending a key for good.
func (s *Pages) confirmRevoke(w http.ResponseWriter, r *http.Request) error {
	data, err := s.keysPage(r)
	if err != nil {
		return err
	}
	for _, k := range data.Keys {
		if strconv.FormatInt(k.ID, 10) != r.PathValue("key") || k.RevokedAt != nil {
			continue
		}
		l := data.L
		return s.confirm(w, r, confirmView{view: data.view, Question: l.T("keys.revoke.question", k.Name),
			Consequences: []string{l.T("keys.revoke.consequence"), l.T("keys.revoke.undo")},
			Submit:       l.T("keys.revoke.submit"), Back: "/m/" + data.MunicipalityID + "/keys", Danger: true})
	}
	return face.ErrNotFound
}

// revokeKey ends a key for good.
func (s *Pages) revokeKey(w http.ResponseWriter, r *http.Request) error {
	if err := s.keys.Revoke(r.Context(), actorOf(r), r.PathValue("municipality"), r.PathValue("key")); err != nil {
		return err
	}
	data, err := s.keysPage(r)
	if err != nil {
		return err
	}
	data.Notice = data.L.T("keys.revoked")
	return s.render(w, http.StatusOK, "keys", data)
}
