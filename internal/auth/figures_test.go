package auth_test

import (
	"errors"
	"testing"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/municipality"
)

// A manager sees the own department's figures only, and a manager without
// a department none; everyone else sees the whole municipality.
func TestDepartmentScope_AManagerIsFixedToTheOwnDepartment(t *testing.T) {
	user := func(role auth.Role, department string) *auth.Principal {
		return &auth.Principal{User: &auth.User{Municipality: "dragoer", Role: role, Department: department}}
	}
	cases := []struct {
		name    string
		p       *auth.Principal
		want    string
		wantErr error
	}{
		{"manager", user(auth.Manager, "borgerbutikken"), "borgerbutikken", nil},
		{"manager without a department", user(auth.Manager, ""), "", auth.ErrNoDepartment},
		{"strategy group", user(auth.StrategyGroup, ""), "", nil},
		{"staff placed in a department", user(auth.Staff, "borgerbutikken"), "", nil},
		{"operator", &auth.Principal{User: &auth.User{Role: auth.Operator}}, "", nil},
		{"API key", &auth.Principal{Key: &auth.APIKey{Municipality: "dragoer"}}, "", nil},
		{"nobody", nil, "", nil},
	}
	for _, c := range cases {
		got, err := c.p.DepartmentScope()
		if got != c.want || !errors.Is(err, c.wantErr) {
			t.Errorf("%s: %q %v, want %q %v", c.name, got, err, c.want, c.wantErr)
		}
	}
}

// An operator may compare any municipalities; anyone else the own with
// another only when both share, and never from a municipality not their
// own.
func TestMayCompare_OnlyMunicipalitiesThatShareUnlessOperator(t *testing.T) {
	sharing := func(id string) municipality.Municipality {
		return municipality.Municipality{ID: id, ShareComparison: true}
	}
	private := func(id string) municipality.Municipality { return municipality.Municipality{ID: id} }
	group := &auth.Principal{User: &auth.User{Municipality: "dragoer", Role: auth.StrategyGroup}}
	manager := &auth.Principal{User: &auth.User{Municipality: "dragoer", Role: auth.Manager, Department: "borgerbutikken"}}
	operator := &auth.Principal{User: &auth.User{Role: auth.Operator}}
	key := &auth.Principal{Key: &auth.APIKey{Municipality: "dragoer"}}
	cases := []struct {
		name       string
		p          *auth.Principal
		own, other municipality.Municipality
		want       bool
	}{
		{"both share", group, sharing("dragoer"), sharing("taarnby"), true},
		{"the own shares, the other not", group, sharing("dragoer"), private("taarnby"), false},
		{"the other shares, the own not", group, private("dragoer"), sharing("taarnby"), false},
		{"the own with itself, sharing", group, sharing("dragoer"), sharing("dragoer"), true},
		{"the own with itself, not sharing", group, private("dragoer"), private("dragoer"), false},
		{"a manager, both share", manager, sharing("dragoer"), sharing("taarnby"), true},
		{"from a municipality not the own", group, sharing("taarnby"), sharing("dragoer"), false},
		{"an operator, neither shares", operator, private("dragoer"), private("taarnby"), true},
		{"an API key, both share", key, sharing("dragoer"), sharing("taarnby"), true},
		{"an API key, the other not", key, sharing("dragoer"), private("taarnby"), false},
		{"nobody", nil, sharing("dragoer"), sharing("taarnby"), false},
	}
	for _, c := range cases {
		if got := c.p.MayCompare(c.own, c.other); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// Front-line staff start at the console of their own municipality; every
// other role, and anyone elsewhere, does not.
func TestStartsAtConsole_FrontLineStaffOnly(t *testing.T) {
	user := func(role auth.Role) *auth.Principal {
		return &auth.Principal{User: &auth.User{Municipality: "dragoer", Role: role, Department: "borgerbutikken"}}
	}
	for _, c := range []struct {
		name string
		p    *auth.Principal
		m    string
		want bool
	}{
		{"staff", user(auth.Staff), "dragoer", true},
		{"staff, another municipality", user(auth.Staff), "taarnby", false},
		{"manager", user(auth.Manager), "dragoer", false},
		{"strategy group", user(auth.StrategyGroup), "dragoer", false},
		{"auditor", user(auth.Auditor), "dragoer", false},
		{"operator", &auth.Principal{User: &auth.User{Role: auth.Operator}}, "dragoer", false},
		{"API key", &auth.Principal{Key: &auth.APIKey{Municipality: "dragoer"}}, "dragoer", false},
		{"nobody", nil, "dragoer", false},
	} {
		if got := c.p.StartsAtConsole(c.m); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
