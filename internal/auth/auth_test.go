package auth_test

import (
	"context"
	"errors"
	"os"
	"regexp"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
	"github.com/kanal-dk/kanal/strategies"
)

func TestMain(m *testing.M) {
	auth.PasswordCost = bcrypt.MinCost
	os.Exit(m.Run())
}

func setup(t *testing.T) (*store.DB, *auth.Users) {
	t.Helper()
	db := storetest.Open(t)
	reg := municipality.NewRegistry(db)
	for _, p := range strategies.Presets() {
		if _, _, err := reg.Load(context.Background(), audit.System, p.Name, p.Data); err != nil {
			t.Fatal(err)
		}
	}
	return db, auth.NewUsers(db, reg)
}

func TestRoles_OnlyOperatorsCrossMunicipalities(t *testing.T) {
	cases := []struct {
		role auth.Role
		perm auth.Permission
		m    string
		want bool
	}{
		{auth.Staff, auth.ViewStrategy, "dragoer", true},
		{auth.Staff, auth.ViewStrategy, "taarnby", false},
		{auth.Staff, auth.EditStrategy, "dragoer", false},
		{auth.StrategyGroup, auth.EditStrategy, "dragoer", true},
		{auth.StrategyGroup, auth.ManageKeys, "taarnby", false},
		{auth.StrategyGroup, auth.ReadAudit, "dragoer", false},
		{auth.Auditor, auth.ReadAudit, "dragoer", true},
		{auth.Auditor, auth.ManageUsers, "dragoer", false},
		{auth.Operator, auth.EditStrategy, "taarnby", true},
		{auth.Operator, auth.ReadAudit, "dragoer", false},
		{auth.Operator, auth.ManageKeys, "dragoer", false},
		{auth.Manager, auth.CreateMunicipality, "", false},
		{auth.Operator, auth.CreateMunicipality, "", true},
	}
	for _, c := range cases {
		p := &auth.Principal{User: &auth.User{Role: c.role, Municipality: "dragoer"}}
		if c.role == auth.Operator {
			p.User.Municipality = ""
		}
		if got := p.Can(c.perm, c.m); got != c.want {
			t.Errorf("%s %s in %q = %v, want %v", c.role, c.perm, c.m, got, c.want)
		}
	}
	var nobody *auth.Principal
	if nobody.Can(auth.ViewStrategy, "dragoer") || nobody.Sees("dragoer") {
		t.Error("a nil principal may do something")
	}
	key := &auth.Principal{Key: &auth.APIKey{Municipality: "dragoer", Permissions: []auth.KeyPermission{auth.Read}}}
	if key.Can(auth.ViewStrategy, "dragoer") || !key.Sees("dragoer") || key.Sees("taarnby") {
		t.Error("an API key must not act as a staff member, and sees only its municipality")
	}
}

func TestAuthenticate(t *testing.T) {
	ctx := context.Background()
	db, users := setup(t)
	u, _, err := users.Add(ctx, audit.System, auth.NewUser{Municipality: "dragoer", Email: " Anna@Dragoer.DK ", Role: auth.Staff, Password: "en god lang sætning"})
	if err != nil || u.Email != "anna@dragoer.dk" || u.Name != "anna" {
		t.Fatalf("add: %+v %v", u, err)
	}
	if _, err := users.Authenticate(ctx, audit.Actor{}, "ANNA@dragoer.dk", "en god lang sætning"); err != nil {
		t.Errorf("right password: %v", err)
	}
	for _, c := range []struct{ email, pw string }{{"anna@dragoer.dk", "forkert"}, {"ingen@dragoer.dk", "en god lang sætning"}, {"", ""}} {
		if _, err := users.Authenticate(ctx, audit.Actor{}, c.email, c.pw); !errors.Is(err, auth.ErrBadCredentials) {
			t.Errorf("%q/%q: %v", c.email, c.pw, err)
		}
	}
	if err := users.Disable(ctx, audit.System, u); err != nil {
		t.Fatal(err)
	}
	if _, err := users.Authenticate(ctx, audit.Actor{}, "anna@dragoer.dk", "en god lang sætning"); !errors.Is(err, auth.ErrBadCredentials) {
		t.Errorf("a disabled account signed in: %v", err)
	}
	var failed int
	db.QueryRow(`SELECT COUNT(*) FROM audit_events WHERE action = 'signin_failed'`).Scan(&failed)
	if failed != 4 {
		t.Errorf("%d failed sign-ins audited, want 4", failed)
	}
}

func TestAdd_RefusesWhatCannotBeRight(t *testing.T) {
	ctx := context.Background()
	_, users := setup(t)
	users.Add(ctx, audit.System, auth.NewUser{Municipality: "dragoer", Email: "a@dragoer.dk", Role: auth.Staff})
	cases := []struct {
		nu    auth.NewUser
		field string
	}{
		{auth.NewUser{Municipality: "dragoer", Email: "a@dragoer.dk", Role: auth.Staff}, "email"},
		{auth.NewUser{Municipality: "dragoer", Email: "ikke-en-adresse", Role: auth.Staff}, "email"},
		{auth.NewUser{Municipality: "dragoer", Email: "b@dragoer.dk", Role: "chef"}, "role"},
		{auth.NewUser{Municipality: "nowhere", Email: "b@dragoer.dk", Role: auth.Staff}, "municipality"},
		{auth.NewUser{Email: "b@dragoer.dk", Role: auth.Staff}, "municipality"},
		{auth.NewUser{Municipality: "dragoer", Email: "b@dragoer.dk", Role: auth.Manager}, "department"},
		{auth.NewUser{Municipality: "dragoer", Email: "b@dragoer.dk", Role: auth.Staff, Department: "hr"}, "department"},
		{auth.NewUser{Municipality: "dragoer", Email: "b@dragoer.dk", Role: auth.Operator}, "municipality"},
		{auth.NewUser{Municipality: "dragoer", Email: "b@dragoer.dk", Role: auth.Staff, Password: "kort"}, "password"},
	}
	for _, c := range cases {
		_, _, err := users.Add(ctx, audit.System, c.nu)
		var in *auth.InputError
		if !errors.As(err, &in) || in.Field != c.field {
			t.Errorf("%+v: got %v, want a problem with %s", c.nu, err, c.field)
		}
	}
}

func TestOneTimePassword(t *testing.T) {
	format := regexp.MustCompile(`^[a-km-zA-HJ-NP-Z2-9]{4}(-[a-km-zA-HJ-NP-Z2-9]{4}){3}$`)
	seen := map[string]bool{}
	for range 200 {
		pw := auth.OneTimePassword()
		if !format.MatchString(pw) || seen[pw] {
			t.Fatalf("bad or repeated one-time password %q", pw)
		}
		if err := auth.CheckPassword(pw); err != nil {
			t.Fatalf("a one-time password fails the password rules: %v", err)
		}
		seen[pw] = true
	}
}

func TestParseKeyPermissions(t *testing.T) {
	got, err := auth.ParseKeyPermissions(" ingest, read,ingest ")
	if err != nil || len(got) != 2 || got[0] != auth.Ingest || got[1] != auth.Read {
		t.Errorf("got %v %v", got, err)
	}
	for _, bad := range []string{"", ",", "write", "read,admin"} {
		if _, err := auth.ParseKeyPermissions(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestSignInOIDC_MatchesVerifiedAddressThenSubject(t *testing.T) {
	ctx := context.Background()
	_, users := setup(t)
	u, _, err := users.Add(ctx, audit.System, auth.NewUser{Municipality: "taarnby", Email: "bo@taarnby.dk", Role: auth.Staff})
	if err != nil {
		t.Fatal(err)
	}
	id := auth.Identity{Issuer: "https://idp.example", Subject: "abc", Email: "bo@taarnby.dk"}
	if _, err := users.SignInOIDC(ctx, audit.Actor{}, id); !errors.Is(err, auth.ErrBadCredentials) {
		t.Errorf("an unverified address signed in: %v", err)
	}
	id.EmailVerified = true
	got, err := users.SignInOIDC(ctx, audit.Actor{}, id)
	if err != nil || got.ID != u.ID {
		t.Fatalf("verified address: %+v %v", got, err)
	}
	// Linked now: the subject finds the account even when the address changes.
	id.Email, id.EmailVerified = "bo.ny@taarnby.dk", false
	if got, err := users.SignInOIDC(ctx, audit.Actor{}, id); err != nil || got.ID != u.ID {
		t.Errorf("linked subject: %+v %v", got, err)
	}
	other := auth.Identity{Issuer: "https://idp.example", Subject: "xyz", Email: "ukendt@taarnby.dk", EmailVerified: true}
	if _, err := users.SignInOIDC(ctx, audit.Actor{}, other); !errors.Is(err, auth.ErrBadCredentials) {
		t.Errorf("an unknown person signed in: %v", err)
	}
}
