package auth

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/store"
)

// ServerSecret returns the secret stored under name, generating it the
// first time: 32 random bytes that every instance of Kanal on the database
// shares and that no user ever sees. Two instances asking at once for a
// secret that does not exist yet both try to store one; the database keeps
// the first, and both read it back.
func ServerSecret(ctx context.Context, db *store.DB, name string) ([]byte, error) {
	fresh := make([]byte, 32)
	rand.Read(fresh)
	if _, err := db.ExecContext(ctx, `INSERT INTO server_secrets (name, secret, created_at) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO NOTHING`, name, base64.StdEncoding.EncodeToString(fresh), time.Now().UTC()); err != nil {
		return nil, fmt.Errorf("store server secret %s: %w", name, err)
	}
	var stored string
	if err := db.QueryRowContext(ctx, `SELECT secret FROM server_secrets WHERE name = $1`, name).Scan(&stored); err != nil {
		return nil, fmt.Errorf("read server secret %s: %w", name, err)
	}
	secret, err := base64.StdEncoding.DecodeString(stored)
	if err != nil || len(secret) < 32 {
		return nil, fmt.Errorf("server secret %s is damaged: want 32 bytes in base64", name)
	}
	return secret, nil
}
