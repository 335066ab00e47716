package nemlogin

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/sf1520"
)

func newDev(t *testing.T) *Dev {
	t.Helper()
	people, err := sf1520.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return NewDev(people, func(state string) string { return "/borger/dragoer/login/udvikling?state=" + url.QueryEscape(state) })
}

func TestDev_PicksACitizenOfTheFile(t *testing.T) {
	d := newDev(t)
	ctx := context.Background()
	redirect, state, err := d.Start(ctx, "/borger/dragoer/")
	if err != nil {
		t.Fatal(err)
	}
	if redirect != "/borger/dragoer/login/udvikling?state="+url.QueryEscape(state) || len(state) < 40 {
		t.Errorf("Start = %q, %q", redirect, state)
	}
	if _, again, _ := d.Start(ctx, "/"); again == state {
		t.Error("two sign-ins got the same state")
	}
	id, err := d.Finish(ctx, state, url.Values{"state": {state}, "cpr": {"291287-9946"}})
	if err != nil {
		t.Fatal(err)
	}
	want := Identity{CPR: "2912879946", Name: "Hanne Fiktiv Testesen", Method: "Udviklingslogin"}
	if id != want {
		t.Errorf("Finish = %+v, want %+v", id, want)
	}
	if !d.Development() || len(d.People()) != 6 {
		t.Errorf("Development() %v, %d people", d.Development(), len(d.People()))
	}
}

func TestDev_Refusals(t *testing.T) {
	d := newDev(t)
	ctx := context.Background()
	_, state, _ := d.Start(ctx, "/")
	for name, tc := range map[string]struct {
		kept  string
		query url.Values
		want  error
	}{
		"another state":   {state, url.Values{"state": {state + "x"}, "cpr": {"1203859902"}}, ErrState},
		"no state":        {state, url.Values{"cpr": {"1203859902"}}, ErrState},
		"nothing kept":    {"", url.Values{"state": {""}, "cpr": {"1203859902"}}, ErrState},
		"not in the file": {state, url.Values{"state": {state}, "cpr": {"0101001234"}}, ErrUnknownCitizen},
		"not a number":    {state, url.Values{"state": {state}, "cpr": {"3102001234"}}, ErrUnknownCitizen},
		"no number":       {state, url.Values{"state": {state}}, ErrUnknownCitizen},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := d.Finish(ctx, tc.kept, tc.query)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			for _, personal := range []string{"1203859902", "0101001234", "3102001234", "310200", "Testesen"} {
				if strings.Contains(err.Error(), personal) {
					t.Errorf("the error holds %s: %v", personal, err)
				}
			}
		})
	}
}
