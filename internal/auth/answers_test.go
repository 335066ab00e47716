package auth

import "testing"

func TestMayEditAnswer_OwnDepartmentOrTheStrategyGroup(t *testing.T) {
	tests := []struct {
		name       string
		user       *User
		department string
		want       bool
	}{
		{"staff of the area's department", &User{Role: Staff, Municipality: "dragoer", Department: "borgerservice"}, "borgerservice", true},
		{"staff of another department", &User{Role: Staff, Municipality: "dragoer", Department: "teknik"}, "borgerservice", false},
		{"staff without a department", &User{Role: Staff, Municipality: "dragoer"}, "borgerservice", false},
		{"manager of the department", &User{Role: Manager, Municipality: "dragoer", Department: "borgerservice"}, "borgerservice", true},
		{"manager of another department", &User{Role: Manager, Municipality: "dragoer", Department: "teknik"}, "borgerservice", false},
		{"strategy group", &User{Role: StrategyGroup, Municipality: "dragoer"}, "borgerservice", true},
		{"strategy group of another municipality", &User{Role: StrategyGroup, Municipality: "taarnby"}, "borgerservice", false},
		{"auditor", &User{Role: Auditor, Municipality: "dragoer", Department: "borgerservice"}, "borgerservice", false},
		{"operator", &User{Role: Operator}, "borgerservice", false},
	}
	for _, tt := range tests {
		p := &Principal{User: tt.user}
		if got := p.MayEditAnswer("dragoer", tt.department); got != tt.want {
			t.Errorf("%s: MayEditAnswer = %v, want %v", tt.name, got, tt.want)
		}
	}
	var none *Principal
	if none.MayEditAnswer("dragoer", "borgerservice") {
		t.Error("no principal may edit")
	}
}
