package casework

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
)

func TestParseReference_ReadsItAsWrittenOrSaid(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"K7MF-4QX9", "", false}, // Q is not in the alphabet
		{"K7MF-4RX9", "K7MF-4RX9", true},
		{"k7mf-4rx9", "K7MF-4RX9", true},
		{"K7MF4RX9", "K7MF-4RX9", true},
		{" k7mf 4rx9 ", "K7MF-4RX9", true},
		{"K 7 M F - 4 R X 9", "K7MF-4RX9", true},
		{"K7MF-4RX", "", false},
		{"K7MF-4RX99", "", false},
		{"K7MF-4RX0", "", false}, // 0 looks like O
		{"K7MF_4RX9", "", false},
		{"", "", false},
	} {
		got, ok := ParseReference(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseReference(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNewReference_UsesTheWholeAlphabetAndOnlyIt(t *testing.T) {
	seen := map[rune]bool{}
	for range 2000 {
		ref, err := newReference()
		if err != nil {
			t.Fatal(err)
		}
		if !referenceShape.MatchString(ref) {
			t.Fatalf("%q is not XXXX-XXXX from the alphabet", ref)
		}
		for _, r := range strings.ReplaceAll(ref, "-", "") {
			seen[r] = true
		}
	}
	// 16,000 draws of 24 characters: each is missed with a chance of
	// (23/24)^16000, never in practice.
	if len(seen) != 24 {
		t.Errorf("saw %d characters, want all 24", len(seen))
	}
}

func TestGet_ReadsTheReferenceAsSaidAndKeepsMunicipalitiesApart(t *testing.T) {
	f := newFixture(t)
	k := f.submit(t, portal())
	ctx := context.Background()
	for _, ref := range []string{k.Reference, strings.ToLower(k.Reference), strings.ReplaceAll(k.Reference, "-", ""),
		strings.ReplaceAll(strings.ToLower(k.Reference), "-", " ")} {
		got, err := f.cases.Get(ctx, "dragoer", ref)
		if err != nil || got.ID != k.ID {
			t.Errorf("Get(%q): %v, %v", ref, got, err)
		}
	}
	for _, tc := range []struct{ municipality, ref string }{
		{"taarnby", k.Reference}, {"dragoer", "AAAA-AAAA"}, {"dragoer", "not a reference"},
	} {
		if _, err := f.cases.Get(ctx, tc.municipality, tc.ref); !errors.Is(err, ErrNotFound) {
			t.Errorf("Get(%s, %q): %v, want ErrNotFound", tc.municipality, tc.ref, err)
		}
	}
}

func TestForCitizen_NewestFirstAndOnlyTheirs(t *testing.T) {
	f := newFixture(t)
	first := f.submit(t, portal())
	f.clock.Set(monday.Add(time.Hour))
	second := f.submit(t, portal())
	other := portal()
	other.CPR = "0203041234"
	f.submit(t, other)
	anonymous := portal()
	anonymous.CPR = ""
	f.submit(t, anonymous)
	ctx := context.Background()
	for _, cpr := range []string{"0102031234", "010203-1234"} {
		got, err := f.cases.ForCitizen(ctx, "dragoer", cpr)
		if err != nil {
			t.Fatal(err)
		}
		if refs(got) != second.Reference+" "+first.Reference {
			t.Errorf("ForCitizen(%s) = %s, want %s %s", cpr, refs(got), second.Reference, first.Reference)
		}
	}
	for _, tc := range []struct{ municipality, cpr string }{{"taarnby", "0102031234"}, {"dragoer", ""}, {"dragoer", "x"}} {
		if got, err := f.cases.ForCitizen(ctx, tc.municipality, tc.cpr); err != nil || len(got) != 0 {
			t.Errorf("ForCitizen(%s, %q) = %s, %v; want none", tc.municipality, tc.cpr, refs(got), err)
		}
	}
}

func refs(cases []Case) string {
	var out []string
	for _, k := range cases {
		out = append(out, k.Reference)
	}
	return strings.Join(out, " ")
}

func TestList_FiltersAndPutsTheOldestOpenCaseFirst(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	moving := f.submit(t, portal()) // borgerbutikken
	f.clock.Set(monday.Add(time.Minute))
	s := portal()
	s.Area, s.Form = "byggetilladelse", "byggetilladelse" // teknik-miljoe
	building := f.submit(t, s)
	f.clock.Set(monday.Add(2 * time.Minute))
	later := f.submit(t, portal())
	if err := f.cases.SetStatus(ctx, "dragoer", moving.Reference, Decided, audit.Actor{Name: "a@dragoer.dk"}, "", false); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		f    Filter
		want []*Case
	}{
		{"all: open ones by submission, then the decided", Filter{}, []*Case{building, later, moving}},
		{"department", Filter{Department: "borgerbutikken"}, []*Case{later, moving}},
		{"area", Filter{Area: "byggetilladelse"}, []*Case{building}},
		{"status", Filter{Status: Decided}, []*Case{moving}},
		{"part of the reference, lower case", Filter{Reference: strings.ToLower(later.Reference[2:7])}, []*Case{later}},
		{"a reference with a character no reference has", Filter{Reference: "O"}, nil},
		{"limit", Filter{Limit: 1}, []*Case{building}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.f.Municipality = "dragoer"
			got, err := f.cases.List(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var want []Case
			for _, k := range tc.want {
				want = append(want, *k)
			}
			// The part of a reference may match another case by chance.
			if tc.f.Reference != "" && len(got) > len(want) {
				t.Skipf("%q matches more than one random reference", tc.f.Reference)
			}
			if refs(got) != refs(want) {
				t.Errorf("List = %s, want %s", refs(got), refs(want))
			}
		})
	}
	if got, err := f.cases.List(ctx, Filter{Municipality: "taarnby"}); err != nil || len(got) != 0 {
		t.Errorf("Tårnby's list: %s, %v", refs(got), err)
	}
}

func TestSetStatus_RecordsTheChangeAndAuditsItWithoutTheNote(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	k := f.submit(t, portal())
	at := monday.Add(3 * time.Hour)
	f.clock.Set(at)
	actor := audit.Actor{Name: "sb@dragoer.dk", RemoteAddr: "192.0.2.1"}
	note := "Ring til borgeren om 0102031234"
	if err := f.cases.SetStatus(ctx, "dragoer", strings.ToLower(k.Reference), AwaitingCitizen, actor, note, true); err != nil {
		t.Fatal(err)
	}
	got, err := f.cases.Get(ctx, "dragoer", k.Reference)
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{{Status: Received, At: monday, By: "citizen"},
		{Status: AwaitingCitizen, At: at, By: "sb@dragoer.dk", Note: note, Notify: true}}
	if got.Status != AwaitingCitizen || !reflect.DeepEqual(got.History, want) {
		t.Errorf("status %s history %+v, want awaiting_citizen %+v", got.Status, got.History, want)
	}
	events, err := audit.List(ctx, f.db, audit.Filter{Municipality: "dragoer", Action: audit.CaseStatusChanged})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 || events[0].Target != k.Reference || events[0].Actor != "sb@dragoer.dk" ||
		events[0].Detail != "received → awaiting_citizen" {
		t.Errorf("audit %+v", events)
	}
	for _, tc := range []struct {
		name, municipality, ref, status, note string
		want                                  error
	}{
		{"unknown status", "dragoer", k.Reference, "lost", "", ErrUnknownStatus},
		{"another municipality's case", "taarnby", k.Reference, Closed, "", ErrNotFound},
		{"no reference", "dragoer", "x", Closed, "", ErrNotFound},
	} {
		if err := f.cases.SetStatus(ctx, tc.municipality, tc.ref, tc.status, actor, tc.note, false); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	var inv *InvalidError
	if err := f.cases.SetStatus(ctx, "dragoer", k.Reference, Closed, actor, "a\x00b", false); !errors.As(err, &inv) || inv.Fields[0].Field != "note" {
		t.Errorf("a note with NUL: %v, want an *InvalidError on note", err)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM case_changes`); n != 2 {
		t.Errorf("%d changes after the refused ones, want 2", n)
	}
}
