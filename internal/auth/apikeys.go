package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/store"
)

// KeyPermission is what a system may do with its API key.
type KeyPermission string

// The key permissions; each guards routes of the API (package api's
// routes in the route table).
const (
	Ingest  KeyPermission = "ingest"  // report inquiries
	Read    KeyPermission = "read"    // read figures and the strategy
	Cases   KeyPermission = "cases"   // open cases, read and change their status
	Letters KeyPermission = "letters" // send letters (Digital Post or paper) and read their status
)

// KeyPermissions lists them in the order they are offered.
var KeyPermissions = []KeyPermission{Ingest, Read, Cases, Letters}

// KeyPermissionList is KeyPermissions written for a message: "ingest,
// read, cases".
func KeyPermissionList() string {
	names := make([]string, len(KeyPermissions))
	for i, p := range KeyPermissions {
		names[i] = string(p)
	}
	return strings.Join(names, ", ")
}

func knownPermission(p KeyPermission) bool {
	for _, k := range KeyPermissions {
		if k == p {
			return true
		}
	}
	return false
}

// ParseKeyPermissions reads a comma-separated list such as "ingest,read".
func ParseKeyPermissions(s string) ([]KeyPermission, error) {
	var out []KeyPermission
	seen := map[KeyPermission]bool{}
	for _, part := range strings.Split(s, ",") {
		p := KeyPermission(strings.TrimSpace(part))
		if p == "" || seen[p] {
			continue
		}
		if !knownPermission(p) {
			return nil, &InputError{Field: "permissions", Key: "auth.bad_key_permission", Args: []any{string(p), KeyPermissionList()}}
		}
		seen[p] = true
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, &InputError{Field: "permissions", Key: "auth.no_key_permission"}
	}
	return out, nil
}

// APIKey is a system's key, without the secret.
type APIKey struct {
	ID           int64
	Municipality string
	Name         string
	// Prefix is the key's harmless beginning, to recognise it in lists.
	Prefix      string
	Permissions []KeyPermission
	// Test keys: what they send is stored but marked test and never
	// counted in figures.
	Test       bool
	CreatedAt  time.Time
	CreatedBy  string
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

// Allows reports whether the key has the permission.
func (k *APIKey) Allows(p KeyPermission) bool {
	for _, q := range k.Permissions {
		if q == p {
			return true
		}
	}
	return false
}

// Actor is how the key appears in the audit log.
func (k *APIKey) Actor() string { return "apikey:" + k.Name }

// Keys stores API keys; only a hash of each key is kept.
//
// A system sends its key with every request, so verified keys are kept in
// memory, by the key's hash, for store.CacheFor (a second): a key revoked
// through another instance on the same database stops working within it,
// one revoked through this database handle at once. Only keys that were
// valid when read are kept; an unknown or revoked key is looked up every
// time, so a key made a moment ago works at once.
type Keys struct {
	db *store.DB

	mu       sync.Mutex
	verified map[string]verifiedKey // by tokenHash of the key
}

// verifiedKey is a key found valid, and when.
type verifiedKey struct {
	key APIKey
	// read is when the read that found it began; epoch is the database
	// handle's count of key changes then (store.DB.Epoch).
	read  time.Time
	epoch uint64
}

// maxVerified bounds the cache; it only holds valid keys, so reaching it
// means a very large installation, and it is then emptied and refilled.
const maxVerified = 10000

// keysTable is the table whose changes the cache must see (store.DB.Changed).
const keysTable = "api_keys"

// NewKeys returns the key store.
func NewKeys(db *store.DB) *Keys { return &Keys{db: db, verified: map[string]verifiedKey{}} }

const prefixLength = 16

// Add creates a key for a municipality and returns the key itself, which is
// shown this once and never again.
func (k *Keys) Add(ctx context.Context, actor audit.Actor, municipalityID, name string, perms []KeyPermission, test bool) (string, APIKey, error) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 100 || store.CheckText(name) != nil {
		return "", APIKey{}, &InputError{Field: "name", Key: "auth.bad_key_name"}
	}
	if len(perms) == 0 {
		return "", APIKey{}, &InputError{Field: "permissions", Key: "auth.no_key_permission"}
	}
	kind := "live"
	if test {
		kind = "test"
	}
	secret := "kanal_" + kind + "_" + randomToken()
	key := APIKey{Municipality: municipalityID, Name: name, Prefix: secret[:prefixLength], Permissions: perms, Test: test,
		CreatedAt: time.Now().UTC().Truncate(time.Second), CreatedBy: actor.Name}
	err := k.db.InTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM api_keys WHERE municipality_id = $1 AND name = $2`,
			municipalityID, name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &InputError{Field: "name", Key: "auth.key_name_taken", Args: []any{name}}
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO api_keys
			(municipality_id, name, prefix, key_hash, permissions, test, created_at, created_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			municipalityID, name, key.Prefix, tokenHash(secret), joinPermissions(perms), test, key.CreatedAt, actor.Name).
			Scan(&key.ID); err != nil {
			return err
		}
		detail := joinPermissions(perms)
		if test {
			detail += " (test)"
		}
		return audit.Record(ctx, tx, municipalityID, actor, audit.KeyCreated, name, detail)
	})
	if err != nil {
		return "", APIKey{}, err
	}
	return secret, key, nil
}

func joinPermissions(perms []KeyPermission) string {
	s := make([]string, len(perms))
	for i, p := range perms {
		s[i] = string(p)
	}
	return strings.Join(s, ",")
}

const keyColumns = `id, municipality_id, name, prefix, permissions, test, created_at, created_by, last_used_at, revoked_at`

func scanKey(row interface{ Scan(...any) error }) (APIKey, error) {
	var key APIKey
	var perms string
	var lastUsed, revoked sql.NullTime
	err := row.Scan(&key.ID, &key.Municipality, &key.Name, &key.Prefix, &perms, &key.Test, &key.CreatedAt,
		&key.CreatedBy, &lastUsed, &revoked)
	for _, p := range strings.Split(perms, ",") {
		// A key may carry a permission this Kanal no longer offers —
		// "letters" was offered before any route used it. The key still
		// loads, with the permissions it has that guard something; the
		// unknown one grants nothing and is not shown.
		if knownPermission(KeyPermission(p)) {
			key.Permissions = append(key.Permissions, KeyPermission(p))
		}
	}
	if lastUsed.Valid {
		key.LastUsedAt = &lastUsed.Time
	}
	if revoked.Valid {
		key.RevokedAt = &revoked.Time
	}
	return key, err
}

// Verify returns the key a request presents, recording its use at most once
// a minute; ErrNoKey for an unknown or revoked key. A key verified less
// than store.CacheFor ago is answered from memory (see Keys).
func (k *Keys) Verify(ctx context.Context, secret string) (*APIKey, error) {
	if !strings.HasPrefix(secret, "kanal_") {
		return nil, ErrNoKey
	}
	hash := tokenHash(secret)
	start, epoch := time.Now(), k.db.Epoch(keysTable)
	if key, ok := k.remembered(hash, start, epoch); ok {
		return key, nil
	}
	key, err := scanKey(k.db.QueryRowPrepared(ctx, `SELECT `+keyColumns+` FROM api_keys WHERE key_hash = $1`, hash))
	if errors.Is(err, sql.ErrNoRows) || err == nil && key.RevokedAt != nil {
		return nil, ErrNoKey
	}
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	if key.LastUsedAt == nil || now.Sub(*key.LastUsedAt) > touchEvery {
		if _, err := k.db.ExecContext(ctx, `UPDATE api_keys SET last_used_at = $1 WHERE id = $2`, now, key.ID); err != nil {
			return nil, err
		}
		key.LastUsedAt = &now
	}
	k.remember(hash, verifiedKey{key: key, read: start, epoch: epoch})
	return &key, nil
}

// remembered returns a copy of the key verified under hash if that was
// less than store.CacheFor before now and no key changed through this
// handle since.
func (k *Keys) remembered(hash string, now time.Time, epoch uint64) (*APIKey, bool) {
	k.mu.Lock()
	v, ok := k.verified[hash]
	k.mu.Unlock()
	if !ok || v.epoch != epoch || now.Sub(v.read) >= store.CacheFor || now.Before(v.read) {
		return nil, false
	}
	key := v.key
	return &key, true
}

func (k *Keys) remember(hash string, v verifiedKey) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.verified) >= maxVerified {
		clear(k.verified)
	}
	if old, ok := k.verified[hash]; ok && old.read.After(v.read) {
		return // a later read was kept meanwhile
	}
	k.verified[hash] = v
}

// List returns a municipality's keys, newest first.
func (k *Keys) List(ctx context.Context, municipalityID string) ([]APIKey, error) {
	rows, err := k.db.QueryContext(ctx, `SELECT `+keyColumns+` FROM api_keys WHERE municipality_id = $1
		ORDER BY created_at DESC, id DESC`, municipalityID)
	if err != nil {
		return nil, fmt.Errorf("list api keys: %w", err)
	}
	defer rows.Close()
	var out []APIKey
	for rows.Next() {
		key, err := scanKey(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, key)
	}
	return out, rows.Err()
}

// Revoke ends a key of the municipality, found by id or name. Revoking is
// final; the key stays in the list, marked revoked.
func (k *Keys) Revoke(ctx context.Context, actor audit.Actor, municipalityID, ref string) error {
	// Every cache over this handle forgets its keys — after the commit, so
	// that no read begun before it can be kept afterwards.
	defer k.db.Changed(keysTable)
	return k.db.InTx(ctx, func(tx *sql.Tx) error {
		var id int64
		var name string
		err := tx.QueryRowContext(ctx, `SELECT id, name FROM api_keys
			WHERE municipality_id = $1 AND (name = $2 OR CAST(id AS TEXT) = $2) AND revoked_at IS NULL`,
			municipalityID, ref).Scan(&id, &name)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE api_keys SET revoked_at = $1 WHERE id = $2`, time.Now().UTC(), id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, municipalityID, actor, audit.KeyRevoked, name, "")
	})
}
