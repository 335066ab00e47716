package auth_test

import (
	"context"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
)

// Accounts that share a password (the demo accounts) can share one hash,
// made once: each signs in with the password, and nothing but a hash made
// by HashPassword is taken as one.
func TestAdd_AccountsSharingOneHash(t *testing.T) {
	ctx := context.Background()
	_, users := setup(t)
	const pw = "en fælles lang sætning"
	hash, err := auth.HashPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	for _, email := range []string{"a@dragoer.dk", "b@dragoer.dk"} {
		if _, _, err := users.Add(ctx, audit.System, auth.NewUser{Municipality: "dragoer", Email: email, Role: auth.Staff,
			PasswordHash: hash}); err != nil {
			t.Fatal(err)
		}
		u, err := users.Authenticate(ctx, audit.Actor{}, email, pw)
		if err != nil || u.MustChangePassword {
			t.Errorf("%s: %+v %v", email, u, err)
		}
	}
	for name, nu := range map[string]auth.NewUser{
		"not a hash":            {PasswordHash: pw},
		"a hash and a password": {PasswordHash: hash, Password: pw},
	} {
		nu.Municipality, nu.Email, nu.Role = "dragoer", "c@dragoer.dk", auth.Staff
		if _, _, err := users.Add(ctx, audit.System, nu); err == nil {
			t.Errorf("%s: the account was made", name)
		}
	}
	if _, err := auth.HashPassword("kort"); err == nil {
		t.Error("HashPassword took a password shorter than the rules allow")
	}
}
