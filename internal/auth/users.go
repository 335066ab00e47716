package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"golang.org/x/crypto/bcrypt"
)

// User is a staff account.
type User struct {
	ID int64
	// Municipality is empty for operators.
	Municipality string
	Email        string
	Name         string
	Role         Role
	// Department scopes a manager (and may place staff).
	Department         string
	MustChangePassword bool
	HasPassword        bool
	// PasswordExpiresAt is when a one-time password stops working; nil
	// for the user's own password.
	PasswordExpiresAt *time.Time
	CreatedAt         time.Time
	Disabled          bool
}

// OneTimeValidity is how long a one-time password works: long enough to
// reach a new colleague over a weekend, short enough that a forgotten
// e-mail or note with it does not open the account weeks later.
const OneTimeValidity = 72 * time.Hour

// passwordExpired reports whether the user's one-time password has expired.
func (u User) passwordExpired(now time.Time) bool {
	return u.PasswordExpiresAt != nil && !now.Before(*u.PasswordExpiresAt)
}

// InputError is a problem with one field of a new user or key, for forms
// and the command line. Key is a text in the translation catalogue.
type InputError struct {
	Field string
	Key   string
	Args  []any
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %s %v", e.Field, e.Key, e.Args) }

// Users reads and changes staff accounts. Every change is audited in the
// same transaction.
type Users struct {
	db       *store.DB
	registry *municipality.Registry
}

// NewUsers returns the account store.
func NewUsers(db *store.DB, registry *municipality.Registry) *Users {
	return &Users{db: db, registry: registry}
}

// NewUser is what it takes to create an account.
type NewUser struct {
	Municipality string
	Email        string
	Name         string
	Role         Role
	Department   string
	// Password, when given, is set as the user's own password (demo
	// accounts); otherwise a one-time password is made. PasswordHash,
	// when given instead, is such a password already hashed by
	// HashPassword.
	Password     string
	PasswordHash string
}

// Add creates an account and returns it with its one-time password, which
// must be changed at the first sign-in and expires after OneTimeValidity
// (the returned user's PasswordExpiresAt).
func (u *Users) Add(ctx context.Context, actor audit.Actor, nu NewUser) (User, string, error) {
	nu.Email = NormalizeEmail(nu.Email)
	nu.Name = strings.TrimSpace(nu.Name)
	if err := u.checkNew(ctx, &nu); err != nil {
		return User{}, "", err
	}
	// A taken address is refused before the quarter of a second that
	// hashing costs, and again in the transaction below.
	if _, err := u.ByEmail(ctx, nu.Email); err == nil {
		return User{}, "", &InputError{Field: "email", Key: "auth.email_taken", Args: []any{nu.Email}}
	} else if !errors.Is(err, ErrNotFound) {
		return User{}, "", err
	}
	password, hash, mustChange := nu.Password, nu.PasswordHash, false
	if password == "" && hash == "" {
		password, mustChange = OneTimePassword(), true
	}
	if hash == "" {
		var err error
		if hash, err = hashPassword(password); err != nil {
			return User{}, "", err
		}
	} else if _, err := bcrypt.Cost([]byte(hash)); err != nil || password != "" {
		return User{}, "", errors.New("add a user: PasswordHash must be a hash made by HashPassword, without Password")
	}
	user := User{Municipality: nu.Municipality, Email: nu.Email, Name: nu.Name, Role: nu.Role, Department: nu.Department,
		MustChangePassword: mustChange, HasPassword: true, CreatedAt: time.Now().UTC().Truncate(time.Second)}
	if mustChange {
		expires := user.CreatedAt.Add(OneTimeValidity)
		user.PasswordExpiresAt = &expires
	}
	err := u.db.InTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE email = $1`, nu.Email).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &InputError{Field: "email", Key: "auth.email_taken", Args: []any{nu.Email}}
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO users
			(municipality_id, email, name, role, department, password_hash, must_change_password, password_expires_at, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			nullable(nu.Municipality), nu.Email, nu.Name, string(nu.Role), nullable(nu.Department), hash, mustChange,
			user.PasswordExpiresAt, user.CreatedAt).
			Scan(&user.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, nu.Municipality, actor, audit.UserCreated, nu.Email, string(nu.Role))
	})
	if err != nil {
		return User{}, "", err
	}
	if !mustChange {
		password = ""
	}
	return user, password, nil
}

// checkNew validates a new account and fills in a missing name.
func (u *Users) checkNew(ctx context.Context, nu *NewUser) error {
	if addr, err := mail.ParseAddress(nu.Email); err != nil || addr.Address != nu.Email {
		return &InputError{Field: "email", Key: "auth.bad_email", Args: []any{nu.Email}}
	}
	if nu.Name == "" {
		nu.Name, _, _ = strings.Cut(nu.Email, "@")
	}
	if store.CheckText(nu.Name) != nil || utf8.RuneCountInString(nu.Name) > 200 {
		return &InputError{Field: "name", Key: "auth.bad_name"}
	}
	if _, err := ParseRole(string(nu.Role)); err != nil {
		return &InputError{Field: "role", Key: "auth.bad_role", Args: []any{string(nu.Role)}}
	}
	if nu.Password != "" {
		if err := CheckPassword(nu.Password); err != nil {
			return &InputError{Field: "password", Key: err.Error()}
		}
	}
	if nu.Role == Operator {
		if nu.Municipality != "" || nu.Department != "" {
			return &InputError{Field: "municipality", Key: "auth.operator_no_municipality"}
		}
		return nil
	}
	if nu.Municipality == "" {
		return &InputError{Field: "municipality", Key: "auth.municipality_required"}
	}
	cur, err := u.registry.Current(ctx, nu.Municipality)
	if errors.Is(err, municipality.ErrNotFound) {
		return &InputError{Field: "municipality", Key: "auth.unknown_municipality", Args: []any{nu.Municipality}}
	}
	if err != nil {
		return err
	}
	if nu.Role == Manager && nu.Department == "" {
		return &InputError{Field: "department", Key: "auth.department_required"}
	}
	if nu.Department != "" {
		if _, ok := cur.Strategy.Department(nu.Department); !ok {
			return &InputError{Field: "department", Key: "auth.unknown_department", Args: []any{nu.Department}}
		}
	}
	return nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

const userColumns = `id, COALESCE(municipality_id, ''), email, name, role, COALESCE(department, ''),
	must_change_password, password_hash IS NOT NULL, password_expires_at, created_at, disabled_at IS NOT NULL`

func scanUser(row interface{ Scan(...any) error }) (User, error) {
	var u User
	var role string
	var expires sql.NullTime
	err := row.Scan(&u.ID, &u.Municipality, &u.Email, &u.Name, &role, &u.Department,
		&u.MustChangePassword, &u.HasPassword, &expires, &u.CreatedAt, &u.Disabled)
	u.Role = Role(role)
	if expires.Valid {
		u.PasswordExpiresAt = &expires.Time
	}
	return u, err
}

// ByID returns an account.
func (u *Users) ByID(ctx context.Context, id int64) (User, error) {
	user, err := scanUser(u.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return user, ErrNotFound
	}
	return user, err
}

// ByEmail returns an account.
func (u *Users) ByEmail(ctx context.Context, email string) (User, error) {
	user, err := scanUser(u.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE email = $1`, NormalizeEmail(email)))
	if errors.Is(err, sql.ErrNoRows) {
		return user, ErrNotFound
	}
	return user, err
}

// List returns a municipality's accounts by e-mail; an empty municipality
// lists the operators.
func (u *Users) List(ctx context.Context, municipalityID string) ([]User, error) {
	q := `SELECT ` + userColumns + ` FROM users WHERE municipality_id = $1 ORDER BY email`
	args := []any{municipalityID}
	if municipalityID == "" {
		q, args = `SELECT `+userColumns+` FROM users WHERE municipality_id IS NULL ORDER BY email`, nil
	}
	rows, err := u.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		user, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, user)
	}
	return out, rows.Err()
}

// Authenticate checks an e-mail address and password and audits the
// attempt either way. A wrong address, a wrong password and a disabled
// account all give ErrBadCredentials and take the same time. The right
// one-time password after it expired gives ErrPasswordExpired with the
// user, so that the sign-in page can say whom to ask for a new one; only
// someone who knows the password learns that.
func (u *Users) Authenticate(ctx context.Context, actor audit.Actor, email, password string) (User, error) {
	email = NormalizeEmail(email)
	user, err := u.ByEmail(ctx, email)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return User{}, err
	}
	hash, err := u.passwordHash(ctx, user.ID)
	if err != nil {
		return User{}, err
	}
	ok := passwordMatches(hash, password) && !user.Disabled && user.ID != 0
	actor.Name = auditableAddress(email)
	if !ok {
		if err := audit.Record(ctx, u.db, user.Municipality, actor, audit.SignInFailed, actor.Name, "password"); err != nil {
			return User{}, err
		}
		return User{}, ErrBadCredentials
	}
	if user.passwordExpired(time.Now()) {
		if err := audit.Record(ctx, u.db, user.Municipality, actor, audit.SignInFailed, user.Email, "password: one-time password expired"); err != nil {
			return User{}, err
		}
		return user, ErrPasswordExpired
	}
	return user, audit.Record(ctx, u.db, user.Municipality, actor, audit.SignIn, user.Email, "password")
}

// passwordHash returns a user's hash; empty for no user or no password.
func (u *Users) passwordHash(ctx context.Context, id int64) (string, error) {
	var hash sql.NullString
	err := u.db.QueryRowContext(ctx, `SELECT password_hash FROM users WHERE id = $1`, id).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return hash.String, err
}

// auditableAddress keeps what someone typed as their e-mail address out of
// the log unless it is one: a citizen's CPR number typed into the wrong
// field must not be stored.
func auditableAddress(typed string) string {
	if addr, err := mail.ParseAddress(typed); err == nil && addr.Address == typed {
		return typed
	}
	return "(ugyldig adresse)"
}

// ChangePassword sets a user's own new password after checking the current
// one, and ends every other session of the user: whoever else knew the old
// password — or the one-time password — is signed out. keepSession is the
// hash of the session the change is made in, which stays.
func (u *Users) ChangePassword(ctx context.Context, actor audit.Actor, user User, keepSession, current, next string) error {
	hash, err := u.passwordHash(ctx, user.ID)
	if err != nil {
		return err
	}
	if !passwordMatches(hash, current) {
		return &InputError{Field: "current", Key: "auth.wrong_current_password"}
	}
	// The user of a session is read when the request begins; the expiry is
	// read again, because an administrator may have issued a new one since.
	fresh, err := u.ByID(ctx, user.ID)
	if err != nil {
		return err
	}
	if fresh.MustChangePassword && fresh.passwordExpired(time.Now()) {
		return &InputError{Field: "current", Key: "auth.onetime_expired"}
	}
	if err := CheckPassword(next); err != nil {
		return &InputError{Field: "password", Key: err.Error()}
	}
	if next == current {
		return &InputError{Field: "password", Key: "auth.password_unchanged"}
	}
	newHash, err := hashPassword(next)
	if err != nil {
		return err
	}
	return u.db.InTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, must_change_password = $2, password_expires_at = NULL
			WHERE id = $3`, newHash, false, user.ID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE sessions SET revoked_at = $1
			WHERE user_id = $2 AND revoked_at IS NULL AND id_hash <> $3`, time.Now().UTC(), user.ID, keepSession)
		if err != nil {
			return err
		}
		ended, err := res.RowsAffected()
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, user.Municipality, actor, audit.PasswordChanged, user.Email,
			fmt.Sprintf("other sessions ended: %d", ended))
	})
}

// ResetPassword gives a user a new one-time password, which expires after
// OneTimeValidity, and ends all of their sessions. It returns the password
// and when it expires.
func (u *Users) ResetPassword(ctx context.Context, actor audit.Actor, user User) (string, time.Time, error) {
	password := OneTimePassword()
	hash, err := hashPassword(password)
	if err != nil {
		return "", time.Time{}, err
	}
	expires := time.Now().UTC().Truncate(time.Second).Add(OneTimeValidity)
	err = u.db.InTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, must_change_password = $2, password_expires_at = $3
			WHERE id = $4`, hash, true, expires, user.ID); err != nil {
			return err
		}
		if err := revokeUserSessions(ctx, tx, user.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, user.Municipality, actor, audit.UserPasswordReset, user.Email, "")
	})
	if err != nil {
		return "", time.Time{}, err
	}
	return password, expires, nil
}

// Disable closes an account and ends its sessions. The account stays, so
// the audit log keeps pointing at it.
func (u *Users) Disable(ctx context.Context, actor audit.Actor, user User) error {
	return u.db.InTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE users SET disabled_at = $1 WHERE id = $2 AND disabled_at IS NULL`,
			time.Now().UTC(), user.ID); err != nil {
			return err
		}
		if err := revokeUserSessions(ctx, tx, user.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, user.Municipality, actor, audit.UserDisabled, user.Email, "")
	})
}

// Reopen opens a closed account again, as it was before it was closed:
// the same role, department and password; it was signed out when it was
// closed, so its owner signs in anew. Reopening an open account changes
// nothing and records nothing.
func (u *Users) Reopen(ctx context.Context, actor audit.Actor, user User) error {
	return u.db.InTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET disabled_at = NULL WHERE id = $1 AND disabled_at IS NOT NULL`, user.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		return audit.Record(ctx, tx, user.Municipality, actor, audit.UserReopened, user.Email, "")
	})
}
