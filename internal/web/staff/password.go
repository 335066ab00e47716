package staff

import (
	"errors"
	"net/http"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/web/face"
)

type passwordView struct {
	view
	Forced bool
	Errors map[string]string
	Done   bool
}

// showPassword shows the form to change one's own password.
func (s *Pages) showPassword(w http.ResponseWriter, r *http.Request) error {
	v, err := s.base(r, face.Printer(r).T("password.title"))
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "password", passwordView{view: v, Forced: v.User.MustChangePassword})
}

// changePassword sets a new password and signs the user out everywhere
// else; after a one-time password it opens the rest of Kanal.
func (s *Pages) changePassword(w http.ResponseWriter, r *http.Request) error {
	p := auth.FromContext(r.Context())
	v, err := s.base(r, face.Printer(r).T("password.title"))
	if err != nil {
		return err
	}
	data := passwordView{view: v, Forced: p.User.MustChangePassword, Errors: map[string]string{}}
	next := r.PostFormValue("password")
	if next != r.PostFormValue("repeat") {
		data.Errors["repeat"] = v.L.T("password.mismatch")
		return s.render(w, http.StatusUnprocessableEntity, "password", data)
	}
	err = s.users.ChangePassword(r.Context(), actorOf(r), *p.User, p.SessionHash, r.PostFormValue("current"), next)
	var in *auth.InputError
	if errors.As(err, &in) {
		data.Errors[in.Field] = v.L.T(in.Key, in.Args...)
		return s.render(w, http.StatusUnprocessableEntity, "password", data)
	}
	if err != nil {
		return err
	}
	if data.Forced {
		face.Redirect(w, r, "/")
		return nil
	}
	data.Done = true
	return s.render(w, http.StatusOK, "password", data)
}
