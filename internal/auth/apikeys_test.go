package auth_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
)

// Verified keys are kept in memory for a second; these tests hold what
// that must never change.

func TestVerify_AWrongKeyIsRefusedWhileTheRightOneIsRemembered(t *testing.T) {
	ctx := context.Background()
	db, _ := setup(t)
	keys := auth.NewKeys(db)
	secret, _, err := keys.Add(ctx, audit.System, "dragoer", "telefoni", []auth.KeyPermission{auth.Read}, false)
	if err != nil {
		t.Fatal(err)
	}
	if k, err := keys.Verify(ctx, secret); err != nil || k.Municipality != "dragoer" {
		t.Fatalf("the right key: %+v %v", k, err)
	}
	last := secret[len(secret)-1]
	other := byte('A')
	if last == 'A' {
		other = 'B'
	}
	for _, wrong := range []string{
		secret[:len(secret)-1] + string(other), // the same prefix, shown in lists
		secret[:16],                            // the prefix alone
		secret + "x",
		"kanal_live_" + secret[len("kanal_live_"):len(secret)-2],
	} {
		if k, err := keys.Verify(ctx, wrong); !errors.Is(err, auth.ErrNoKey) {
			t.Errorf("%q: %+v %v; want ErrNoKey", wrong, k, err)
		}
	}
}

func TestVerify_AKeyRevokedThroughTheSameDatabaseIsRefusedAtOnce(t *testing.T) {
	ctx := context.Background()
	db, _ := setup(t)
	// Two key stores on one database handle, as the API and a staff page
	// of one instance, or a test beside a server.
	api, pages := auth.NewKeys(db), auth.NewKeys(db)
	secret, _, err := pages.Add(ctx, audit.System, "taarnby", "telefoni", []auth.KeyPermission{auth.Read, auth.Ingest}, false)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := api.Verify(ctx, secret); err != nil {
			t.Fatal(err)
		}
	}
	if err := pages.Revoke(ctx, audit.System, "taarnby", "telefoni"); err != nil {
		t.Fatal(err)
	}
	if k, err := api.Verify(ctx, secret); !errors.Is(err, auth.ErrNoKey) {
		t.Errorf("a revoked key is let in from memory: %+v %v", k, err)
	}
}

func TestVerify_ARememberedKeyIsACopy(t *testing.T) {
	ctx := context.Background()
	db, _ := setup(t)
	keys := auth.NewKeys(db)
	secret, _, err := keys.Add(ctx, audit.System, "dragoer", "telefoni", []auth.KeyPermission{auth.Read}, false)
	if err != nil {
		t.Fatal(err)
	}
	first, err := keys.Verify(ctx, secret)
	if err != nil {
		t.Fatal(err)
	}
	first.Municipality = "taarnby" // a caller's change must not reach the next request
	second, err := keys.Verify(ctx, secret)
	if err != nil || second.Municipality != "dragoer" {
		t.Errorf("the second verification: %+v %v; want the key of dragoer", second, err)
	}
}
