package staff

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// usersView is the user administration page of a municipality.
type usersView struct {
	view
	Users       []auth.User
	Departments []strategy.Department
	// DepartmentNames names departments by id.
	DepartmentNames map[string]string
	Roles           []auth.Role
	Form            struct{ Email, Name, Role, Department string }
	Errors          map[string]string
	// OneTime is a password shown this once, after creating or resetting,
	// with when it expires in Danish time.
	OneTime struct{ Email, Password, Expires string }
	Notice  string
	// Reopen is the account just closed, whose notice offers to open it
	// again at once.
	Reopen *auth.User
}

// showOneTime puts a one-time password on the page.
func (v *usersView) showOneTime(email, password string, expires time.Time) {
	v.OneTime.Email, v.OneTime.Password = email, password
	v.OneTime.Expires = v.L.DateTime(expires)
}

func (s *Pages) usersPage(r *http.Request) (usersView, error) {
	cur, v, err := s.current(r, "users")
	if err != nil {
		return usersView{}, err
	}
	v.Title = v.L.T("users.title") + " – " + v.Title
	users, err := s.users.List(r.Context(), cur.Municipality)
	if err != nil {
		return usersView{}, err
	}
	names := map[string]string{}
	for _, d := range cur.Strategy.Departments {
		names[d.ID] = d.Name
	}
	return usersView{view: v, Users: users, Departments: cur.Strategy.Departments, DepartmentNames: names,
		Errors: map[string]string{}, Roles: auth.MunicipalityRoles}, nil
}

// showUsers lists the municipality's accounts.
func (s *Pages) showUsers(w http.ResponseWriter, r *http.Request) error {
	data, err := s.usersPage(r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "users", data)
}

// addUser creates an account and shows its one-time password once.
func (s *Pages) addUser(w http.ResponseWriter, r *http.Request) error {
	data, err := s.usersPage(r)
	if err != nil {
		return err
	}
	data.Form.Email, data.Form.Name = r.PostFormValue("email"), r.PostFormValue("name")
	data.Form.Role, data.Form.Department = r.PostFormValue("role"), r.PostFormValue("department")
	role := auth.Role(data.Form.Role)
	if role == auth.Operator {
		role = "" // not from this form (auth.MunicipalityRoles)
	}
	user, password, err := s.users.Add(r.Context(), actorOf(r), auth.NewUser{Municipality: data.MunicipalityID,
		Email: data.Form.Email, Name: data.Form.Name, Role: role, Department: data.Form.Department})
	var in *auth.InputError
	if errors.As(err, &in) {
		data.Errors[in.Field] = data.L.T(in.Key, in.Args...)
		return s.render(w, http.StatusUnprocessableEntity, "users", data)
	}
	if err != nil {
		return err
	}
	if user.PasswordExpiresAt == nil {
		return errors.New("a new user got no one-time password")
	}
	data.showOneTime(user.Email, password, *user.PasswordExpiresAt)
	data.Form = struct{ Email, Name, Role, Department string }{}
	if data.Users, err = s.users.List(r.Context(), data.MunicipalityID); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "users", data)
}

// managedUser is the account named in the path; it must belong to the
// municipality of the page.
func (s *Pages) managedUser(r *http.Request) (auth.User, error) {
	id, err := strconv.ParseInt(r.PathValue("user"), 10, 64)
	if err != nil {
		return auth.User{}, face.ErrNotFound
	}
	u, err := s.users.ByID(r.Context(), id)
	if err != nil {
		return u, err
	}
	if u.Municipality != r.PathValue("municipality") {
		return u, face.ErrNotFound
	}
	return u, nil
}

// confirmReset asks before giving an account a new one-time password.
func (s *Pages) confirmReset(w http.ResponseWriter, r *http.Request) error {
	u, data, err := s.confirmUser(r)
	if err != nil {
		return err
	}
	l := data.L
	return s.confirm(w, r, confirmView{view: data.view, Question: l.T("users.reset.question", u.Email),
		Consequences: []string{l.T("users.reset.consequence"), l.T("users.reset.undo")},
		Submit:       l.T("users.reset.submit"), Back: "/m/" + data.MunicipalityID + "/users"})
}

// confirmDisable asks before closing an account.
func (s *Pages) confirmDisable(w http.ResponseWriter, r *http.Request) error {
	u, data, err := s.confirmUser(r)
	if err != nil {
		return err
	}
	l := data.L
	if u.ID == data.User.ID {
		data.Notice = l.T("users.not_yourself")
		return s.render(w, http.StatusUnprocessableEntity, "users", data)
	}
	return s.confirm(w, r, confirmView{view: data.view, Question: l.T("users.disable.question", u.Email),
		Consequences: []string{l.T("users.disable.consequence"), l.T("users.disable.undo")},
		Submit:       l.T("users.disable.submit"), Back: "/m/" + data.MunicipalityID + "/users"})
}

// confirmUser is the account a confirmation page is about, and the users
// page it returns to.
func (s *Pages) confirmUser(r *http.Request) (auth.User, usersView, error) {
	u, err := s.managedUser(r)
	if err != nil {
		return u, usersView{}, err
	}
	data, err := s.usersPage(r)
	return u, data, err
}

// resetPassword gives an account a new one-time password.
func (s *Pages) resetPassword(w http.ResponseWriter, r *http.Request) error {
	u, err := s.managedUser(r)
	if err != nil {
		return err
	}
	password, expires, err := s.users.ResetPassword(r.Context(), actorOf(r), u)
	if err != nil {
		return err
	}
	data, err := s.usersPage(r)
	if err != nil {
		return err
	}
	data.showOneTime(u.Email, password, expires)
	return s.render(w, http.StatusOK, "users", data)
}

// revokeSessions signs an account out everywhere.
func (s *Pages) revokeSessions(w http.ResponseWriter, r *http.Request) error {
	u, err := s.managedUser(r)
	if err != nil {
		return err
	}
	if err := s.sessions.RevokeUser(r.Context(), actorOf(r), u); err != nil {
		return err
	}
	data, err := s.usersPage(r)
	if err != nil {
		return err
	}
	data.Notice = data.L.T("users.revoked", u.Email)
	return s.render(w, http.StatusOK, "users", data)
}

// disableUser closes an account. Nobody can close their own, so that a
// municipality cannot lock itself out by mistake.
func (s *Pages) disableUser(w http.ResponseWriter, r *http.Request) error {
	u, err := s.managedUser(r)
	if err != nil {
		return err
	}
	data, err := s.usersPage(r)
	if err != nil {
		return err
	}
	if u.ID == data.User.ID {
		data.Notice = data.L.T("users.not_yourself")
		return s.render(w, http.StatusUnprocessableEntity, "users", data)
	}
	if err := s.users.Disable(r.Context(), actorOf(r), u); err != nil {
		return err
	}
	if data.Users, err = s.users.List(r.Context(), data.MunicipalityID); err != nil {
		return err
	}
	data.Notice, data.Reopen = data.L.T("users.disabled", u.Email), &u
	return s.render(w, http.StatusOK, "users", data)
}

// reopenUser opens a closed account again, as it was.
func (s *Pages) reopenUser(w http.ResponseWriter, r *http.Request) error {
	u, err := s.managedUser(r)
	if err != nil {
		return err
	}
	if err := s.users.Reopen(r.Context(), actorOf(r), u); err != nil {
		return err
	}
	data, err := s.usersPage(r)
	if err != nil {
		return err
	}
	data.Notice = data.L.T("users.reopened", u.Email)
	return s.render(w, http.StatusOK, "users", data)
}
