package auth_test

import (
	"testing"

	"github.com/kanal-dk/kanal/internal/auth"
)

// The cases of self-service hold personal data: the roles that handle
// citizens' matters get them, a user placed in a department only that
// department's, and only the strategy group sees a protected address.
func TestCases_StaffOfTheOwningDepartmentHandleThem(t *testing.T) {
	user := func(role auth.Role, department string) *auth.Principal {
		m := "dragoer"
		if role == auth.Operator {
			m = ""
		}
		return &auth.Principal{User: &auth.User{Municipality: m, Role: role, Department: department}}
	}
	cases := []struct {
		name        string
		p           *auth.Principal
		m, dept     string
		handle      bool
		seeProtects bool
	}{
		{"staff of the department", user(auth.Staff, "borgerbutikken"), "dragoer", "borgerbutikken", true, false},
		{"staff of another department", user(auth.Staff, "teknik-miljoe"), "dragoer", "borgerbutikken", false, false},
		{"staff placed in no department", user(auth.Staff, ""), "dragoer", "teknik-miljoe", true, false},
		{"manager of the department", user(auth.Manager, "borgerbutikken"), "dragoer", "borgerbutikken", true, false},
		{"manager of another department", user(auth.Manager, "boern-skole"), "dragoer", "borgerbutikken", false, false},
		{"strategy group placed in a department", user(auth.StrategyGroup, "boern-skole"), "dragoer", "borgerbutikken", true, true},
		{"strategy group", user(auth.StrategyGroup, ""), "dragoer", "teknik-miljoe", true, true},
		{"strategy group of another municipality", user(auth.StrategyGroup, ""), "taarnby", "teknik-miljoe", false, false},
		{"auditor", user(auth.Auditor, ""), "dragoer", "borgerbutikken", false, false},
		{"operator", user(auth.Operator, ""), "dragoer", "borgerbutikken", false, false},
		{"API key", &auth.Principal{Key: &auth.APIKey{Municipality: "dragoer"}}, "dragoer", "borgerbutikken", false, false},
		{"nobody", nil, "dragoer", "borgerbutikken", false, false},
	}
	for _, c := range cases {
		if got := c.p.MayHandleCase(c.m, c.dept); got != c.handle {
			t.Errorf("%s: MayHandleCase = %v, want %v", c.name, got, c.handle)
		}
		if got := c.p.MaySeeProtectedAddress(c.m); got != c.seeProtects {
			t.Errorf("%s: MaySeeProtectedAddress = %v, want %v", c.name, got, c.seeProtects)
		}
	}
}

// The list's department filter is locked to the own department for a user
// placed in one; the strategy group chooses freely.
func TestCaseDepartment_LocksPlacedUsers(t *testing.T) {
	cases := []struct {
		name string
		p    *auth.Principal
		want string
	}{
		{"staff", &auth.Principal{User: &auth.User{Role: auth.Staff, Department: "borgerbutikken"}}, "borgerbutikken"},
		{"manager", &auth.Principal{User: &auth.User{Role: auth.Manager, Department: "boern-skole"}}, "boern-skole"},
		{"strategy group placed in one", &auth.Principal{User: &auth.User{Role: auth.StrategyGroup, Department: "boern-skole"}}, ""},
		{"staff placed in none", &auth.Principal{User: &auth.User{Role: auth.Staff}}, ""},
	}
	for _, c := range cases {
		if got := c.p.CaseDepartment(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
