package demo

import (
	"context"
	"errors"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Password is every demo account's password; the README gives it. Demo
// accounts are made only with --demo.
const Password = "kanal-demo-adgang"

// Account is a demo account to print at start.
type Account struct {
	Email        string
	Role         auth.Role
	Municipality string
}

// Users makes one demo account per role in each municipality, placed in its
// first department where the role needs one, and one operator. Existing
// accounts are left alone. It returns every demo account.
func Users(ctx context.Context, users *auth.Users, strategies []*strategy.Strategy) ([]Account, error) {
	accounts := []auth.NewUser{{Email: "drift@kanal.demo", Name: "Driften (demo)", Role: auth.Operator}}
	roles := []struct {
		local string
		name  string
		role  auth.Role
	}{
		{"medarbejder", "Medarbejder (demo)", auth.Staff},
		{"leder", "Afdelingsleder (demo)", auth.Manager},
		{"strategi", "Strategigruppen (demo)", auth.StrategyGroup},
		{"revisor", "Revisor (demo)", auth.Auditor},
	}
	for _, s := range strategies {
		for _, r := range roles {
			nu := auth.NewUser{Municipality: s.Municipality.ID, Email: r.local + "@" + s.Municipality.ID + ".demo", Name: r.name, Role: r.role}
			if (r.role == auth.Staff || r.role == auth.Manager) && len(s.Departments) > 0 {
				nu.Department = s.Departments[0].ID
			}
			accounts = append(accounts, nu)
		}
	}
	// One hash for all, made only when an account is missing: they share
	// the password, and each hash costs a quarter of a second of the
	// first start.
	var hash string
	var out []Account
	for _, nu := range accounts {
		out = append(out, Account{Email: nu.Email, Role: nu.Role, Municipality: nu.Municipality})
		if _, err := users.ByEmail(ctx, nu.Email); err == nil {
			continue
		} else if !errors.Is(err, auth.ErrNotFound) {
			return nil, err
		}
		if hash == "" {
			var err error
			if hash, err = auth.HashPassword(Password); err != nil {
				return nil, err
			}
		}
		nu.PasswordHash = hash
		_, _, err := users.Add(ctx, audit.System, nu)
		var in *auth.InputError
		if err != nil && !(errors.As(err, &in) && in.Key == "auth.email_taken") {
			return nil, err
		}
	}
	return out, nil
}
