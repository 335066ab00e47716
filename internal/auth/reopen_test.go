package auth_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
)

// A closed account opened again signs in with the password it had, keeps
// its role and department, and both steps are in the audit log, once
// each: reopening an open account records nothing.
func TestReopen_TheAccountAsItWasBeforeItWasClosed(t *testing.T) {
	ctx := context.Background()
	db, users := setup(t)
	u, _, err := users.Add(ctx, audit.System, auth.NewUser{Municipality: "dragoer", Email: "bo@dragoer.dk", Role: auth.Manager,
		Department: "borgerbutikken", Password: "en god lang sætning"})
	if err != nil {
		t.Fatal(err)
	}
	who := audit.Actor{Name: "strategi@dragoer.dk"}
	if err := users.Disable(ctx, who, u); err != nil {
		t.Fatal(err)
	}
	if _, err := users.Authenticate(ctx, audit.Actor{}, "bo@dragoer.dk", "en god lang sætning"); !errors.Is(err, auth.ErrBadCredentials) {
		t.Fatalf("a closed account signed in: %v", err)
	}
	for range 2 {
		if err := users.Reopen(ctx, who, u); err != nil {
			t.Fatal(err)
		}
	}
	back, err := users.Authenticate(ctx, audit.Actor{}, "bo@dragoer.dk", "en god lang sætning")
	if err != nil || back.Disabled || back.Role != auth.Manager || back.Department != "borgerbutikken" {
		t.Errorf("reopened: %+v %v", back, err)
	}
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM audit_events WHERE action = $1 AND target = $2 AND actor = $3`,
		audit.UserReopened, "bo@dragoer.dk", who.Name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("%d reopenings audited, want 1", n)
	}
}
