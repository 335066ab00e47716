package auth_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/store"
)

func TestMain(m *testing.M) {
	kanaltest.FastPasswords()
	os.Exit(m.Run())
}

func setup(t *testing.T) (*store.DB, *auth.Users) {
	t.Helper()
	db, reg := kanaltest.Presets(t)
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
	if err := db.QueryRow(`SELECT COUNT(*) FROM audit_events WHERE action = 'signin_failed'`).Scan(&failed); err != nil {
		t.Fatal(err)
	}
	if failed != 4 {
		t.Errorf("%d failed sign-ins audited, want 4", failed)
	}
}

func TestAdd_RefusesWhatCannotBeRight(t *testing.T) {
	ctx := context.Background()
	_, users := setup(t)
	if _, _, err := users.Add(ctx, audit.System, auth.NewUser{Municipality: "dragoer", Email: "a@dragoer.dk", Role: auth.Staff}); err != nil {
		t.Fatal(err)
	}
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
		// Names PostgreSQL would refuse, or that break a line in a list.
		{auth.NewUser{Municipality: "dragoer", Email: "b@dragoer.dk", Name: "Bo\x00Bo", Role: auth.Staff}, "name"},
		{auth.NewUser{Municipality: "dragoer", Email: "b@dragoer.dk", Name: "S\xf8ren", Role: auth.Staff}, "name"},
		{auth.NewUser{Municipality: "dragoer", Email: "b@dragoer.dk", Name: "Bo\nBo", Role: auth.Staff}, "name"},
		{auth.NewUser{Municipality: "dragoer", Email: "b@dragoer.dk", Name: strings.Repeat("å", 201), Role: auth.Staff}, "name"},
	}
	for _, c := range cases {
		_, _, err := users.Add(ctx, audit.System, c.nu)
		var in *auth.InputError
		if !errors.As(err, &in) || in.Field != c.field {
			t.Errorf("%+v: got %v, want a problem with %s", c.nu, err, c.field)
		}
	}
}

func TestAddKey_RefusesANameThatIsNotOneLineOfText(t *testing.T) {
	db, _ := setup(t)
	keys := auth.NewKeys(db)
	for _, name := range []string{"tele\x00fon", "tele\xf8n", "tele\nfon", ""} {
		_, _, err := keys.Add(context.Background(), audit.System, "dragoer", name, []auth.KeyPermission{auth.Read}, false)
		var in *auth.InputError
		if !errors.As(err, &in) || in.Field != "name" {
			t.Errorf("%q: %v", name, err)
		}
	}
	if _, _, err := keys.Add(context.Background(), audit.System, "dragoer", "Søren's telefon", []auth.KeyPermission{auth.Read}, false); err != nil {
		t.Error(err)
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
	for _, bad := range []string{"", ",", "write", "read,admin", "payments", "ingest,payments"} {
		if _, err := auth.ParseKeyPermissions(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// A key stored with a permission no route uses any more ("payments", given
// in a version that had it) still loads and works with the permissions
// it has; the old one grants nothing.
func TestKeys_StoredWithAnUnknownPermissionStillLoad(t *testing.T) {
	ctx := context.Background()
	db, _ := setup(t)
	keys := auth.NewKeys(db)
	secret, key, err := keys.Add(ctx, audit.System, "dragoer", "Telefonsystem", []auth.KeyPermission{auth.Ingest}, false)
	if err != nil {
		t.Fatal(err)
	}
	onlyLetters, letters, err := keys.Add(ctx, audit.System, "dragoer", "Betalinger", []auth.KeyPermission{auth.Read}, false)
	if err != nil {
		t.Fatal(err)
	}
	for id, perms := range map[int64]string{key.ID: "ingest,payments", letters.ID: "payments"} {
		if _, err := db.ExecContext(ctx, `UPDATE api_keys SET permissions = $1 WHERE id = $2`, perms, id); err != nil {
			t.Fatal(err)
		}
	}
	got, err := keys.Verify(ctx, secret)
	if err != nil || len(got.Permissions) != 1 || got.Permissions[0] != auth.Ingest || got.Allows(auth.Read) {
		t.Errorf("ingest,payments: %+v, %v; want a key that may ingest and nothing else", got, err)
	}
	got, err = keys.Verify(ctx, onlyLetters)
	if err != nil || len(got.Permissions) != 0 || got.Allows(auth.Ingest) || got.Allows(auth.Read) {
		t.Errorf("payments alone: %+v, %v; want a key that loads and may do nothing", got, err)
	}
	list, err := keys.List(ctx, "dragoer")
	if err != nil || len(list) != 2 {
		t.Fatalf("list: %+v, %v", list, err)
	}
	for _, k := range list {
		for _, p := range k.Permissions {
			if p != auth.Ingest && p != auth.Read {
				t.Errorf("%s lists the permission %q", k.Name, p)
			}
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

// A one-time password works for OneTimeValidity and no longer; the right
// one after that is told apart from a wrong one, and only the user's own
// password never expires.
func TestOneTimePassword_ExpiresAfter72Hours(t *testing.T) {
	ctx := context.Background()
	db, users := setup(t)
	before := time.Now().Add(-time.Second)
	u, password, err := users.Add(ctx, audit.System, auth.NewUser{Municipality: "dragoer", Email: "ny@dragoer.dk", Role: auth.Staff})
	if err != nil {
		t.Fatal(err)
	}
	if u.PasswordExpiresAt == nil || u.PasswordExpiresAt.Before(before.Add(72*time.Hour)) || u.PasswordExpiresAt.After(time.Now().Add(72*time.Hour)) {
		t.Fatalf("a new user's one-time password expires at %v, want 72 hours from now", u.PasswordExpiresAt)
	}
	stored, err := users.ByEmail(ctx, "ny@dragoer.dk")
	if err != nil {
		t.Fatal(err)
	}
	if stored.PasswordExpiresAt == nil || !stored.PasswordExpiresAt.Equal(*u.PasswordExpiresAt) {
		t.Errorf("stored expiry %v, returned %v", stored.PasswordExpiresAt, u.PasswordExpiresAt)
	}
	if _, err := users.Authenticate(ctx, audit.Actor{}, "ny@dragoer.dk", password); err != nil {
		t.Errorf("a fresh one-time password: %v", err)
	}
	if _, err := db.Exec(`UPDATE users SET password_expires_at = $1 WHERE id = $2`, time.Now().UTC().Add(-time.Second), u.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := users.Authenticate(ctx, audit.Actor{}, "ny@dragoer.dk", password); !errors.Is(err, auth.ErrPasswordExpired) || got.ID != u.ID {
		t.Errorf("an expired one-time password: %+v %v, want ErrPasswordExpired with the user", got, err)
	}
	if got, err := users.Authenticate(ctx, audit.Actor{}, "ny@dragoer.dk", "forkert adgangskode"); !errors.Is(err, auth.ErrBadCredentials) || got.ID != 0 {
		t.Errorf("a wrong password on an expired account: %+v %v, want ErrBadCredentials and no user", got, err)
	}

	// A reset gives a new 72 hours; the user's own password has no expiry.
	password, expires, err := users.ResetPassword(ctx, audit.System, u)
	if err != nil || expires.Before(time.Now().Add(72*time.Hour-time.Minute)) || expires.After(time.Now().Add(72*time.Hour)) {
		t.Fatalf("reset: expires %v, %v", expires, err)
	}
	if err := users.ChangePassword(ctx, audit.System, u, "", password, "min egen lange adgangskode"); err != nil {
		t.Fatal(err)
	}
	if own, err := users.ByEmail(ctx, "ny@dragoer.dk"); err != nil || own.PasswordExpiresAt != nil || own.MustChangePassword {
		t.Errorf("after choosing an own password: %+v %v", own, err)
	}
}

// A one-time password that expired cannot be used to choose a new one
// either, even in a session opened before it expired.
func TestChangePassword_RefusesAnExpiredOneTimePassword(t *testing.T) {
	ctx := context.Background()
	db, users := setup(t)
	u, password, err := users.Add(ctx, audit.System, auth.NewUser{Municipality: "dragoer", Email: "ny@dragoer.dk", Role: auth.Staff})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE users SET password_expires_at = $1 WHERE id = $2`, time.Now().UTC().Add(-time.Second), u.ID); err != nil {
		t.Fatal(err)
	}
	err = users.ChangePassword(ctx, audit.System, u, "", password, "min egen lange adgangskode")
	var in *auth.InputError
	if !errors.As(err, &in) || in.Key != "auth.onetime_expired" {
		t.Errorf("change with an expired one-time password: %v", err)
	}
}

// Every instance on the database gets the same secret, however many ask
// for it first at the same time, and it is random, not a constant.
func TestServerSecret_OneSharedRandomSecret(t *testing.T) {
	ctx := context.Background()
	db, _ := setup(t)
	const askers = 8
	secrets := make([][]byte, askers)
	errs := make([]error, askers)
	var wg sync.WaitGroup
	for i := range askers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			secrets[i], errs[i] = auth.ServerSecret(ctx, db, "test")
		}()
	}
	wg.Wait()
	for i := range askers {
		if errs[i] != nil {
			t.Fatalf("asker %d: %v", i, errs[i])
		}
		if len(secrets[i]) != 32 || !bytes.Equal(secrets[i], secrets[0]) {
			t.Errorf("asker %d got %x, asker 0 %x", i, secrets[i], secrets[0])
		}
	}
	other, err := auth.ServerSecret(ctx, db, "another")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(other, secrets[0]) {
		t.Error("two names share one secret")
	}
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM server_secrets`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("%d secrets stored, want 2", n)
	}
}
