package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/store"
)

// Session lifetimes: a session ends after two idle hours, and after twelve
// hours in any case — one working day.
const (
	SessionIdle = 2 * time.Hour
	SessionMax  = 12 * time.Hour
	// touchEvery limits how often a request records that the session is in
	// use, so that reading pages does not write on every request.
	touchEvery = time.Minute
)

// Sessions are signed-in browsers. The cookie holds a random token; the
// database holds only its hash, so a copy of the database opens no session.
type Sessions struct {
	db *store.DB
}

// NewSessions returns the session store.
func NewSessions(db *store.DB) *Sessions { return &Sessions{db: db} }

// randomToken returns 32 random bytes, URL-safe.
func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Create starts a session for a user and returns the cookie's token.
func (s *Sessions) Create(ctx context.Context, u User) (string, error) {
	token := randomToken()
	now := time.Now().UTC()
	_, err := s.db.ExecContext(ctx, `INSERT INTO sessions
		(id_hash, user_id, municipality_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		tokenHash(token), u.ID, nullable(u.Municipality), now, now, now.Add(SessionMax))
	return token, err
}

// Principal returns the signed-in user of a session token, or ErrNoSession
// when the session is unknown, revoked, expired or its user disabled, or
// when it was opened with a one-time password that has expired since: such
// a session could only choose a new password, which that password no
// longer allows.
func (s *Sessions) Principal(ctx context.Context, token string) (*Principal, error) {
	if token == "" {
		return nil, ErrNoSession
	}
	hash := tokenHash(token)
	var lastSeen, expires time.Time
	var passwordExpires sql.NullTime
	row := s.db.QueryRowContext(ctx, `SELECT u.id, COALESCE(u.municipality_id, ''), u.email, u.name, u.role,
		COALESCE(u.department, ''), u.must_change_password, u.password_hash IS NOT NULL, u.password_expires_at,
		u.created_at, u.disabled_at IS NOT NULL, s.last_seen_at, s.expires_at
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND u.disabled_at IS NULL`, hash)
	var u User
	var role string
	err := row.Scan(&u.ID, &u.Municipality, &u.Email, &u.Name, &role, &u.Department, &u.MustChangePassword,
		&u.HasPassword, &passwordExpires, &u.CreatedAt, &u.Disabled, &lastSeen, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNoSession
	}
	if err != nil {
		return nil, err
	}
	u.Role = Role(role)
	if passwordExpires.Valid {
		u.PasswordExpiresAt = &passwordExpires.Time
	}
	now := time.Now()
	if now.After(expires) || now.Sub(lastSeen) > SessionIdle || u.MustChangePassword && u.passwordExpired(now) {
		return nil, ErrNoSession
	}
	if now.Sub(lastSeen) > touchEvery {
		if _, err := s.db.ExecContext(ctx, `UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2`, now.UTC(), hash); err != nil {
			return nil, err
		}
	}
	return &Principal{User: &u, SessionHash: hash}, nil
}

// End revokes the session of a signing-out user and audits it.
func (s *Sessions) End(ctx context.Context, actor audit.Actor, p *Principal) error {
	return s.db.InTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE sessions SET revoked_at = $1 WHERE id_hash = $2`, time.Now().UTC(), p.SessionHash); err != nil {
			return err
		}
		return audit.Record(ctx, tx, p.User.Municipality, actor, audit.SignOut, p.User.Email, "")
	})
}

// RevokeUser ends every session of a user, for example after a lost laptop;
// users sign themselves out everywhere with it too.
func (s *Sessions) RevokeUser(ctx context.Context, actor audit.Actor, u User) error {
	return s.db.InTx(ctx, func(tx *sql.Tx) error {
		if err := revokeUserSessions(ctx, tx, u.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, u.Municipality, actor, audit.SessionsRevoked, u.Email, "")
	})
}

func revokeUserSessions(ctx context.Context, tx *sql.Tx, userID int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL`,
		time.Now().UTC(), userID)
	return err
}
