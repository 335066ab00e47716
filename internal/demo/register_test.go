package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/register"
)

// The demo register: three entries per preset, marked as demo, with
// counts for the strategy period's last year; the failures the page
// shows (Dragør's waste area against "Alle kommunale
// selvbetjeningsløsninger skal være integreret på borger.dk fra 2012" and
// "Udfasning af blanketter, der ikke har integration til back-end
// systemer"; Tårnby's housing-deposit loan against "Digitalisering skal
// ske på SB niveau 1 for at være effektiv.") and an SB level that differs
// from the file's; a second run writes none.
func TestRegister_DemoEntriesInBothPresets(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	now := time.Date(2026, time.November, 30, 10, 0, 0, 0, civil.Location)
	for _, tc := range []struct {
		municipality string
		year         int
		failing      map[string]string
		levelDiffers string
	}{
		{"dragoer", 2015, map[string]string{"affald/borger_dk": "", "affald/integration": ""}, "byggetilladelse"},
		{"taarnby", 2018, map[string]string{"beboerindskud/sb_level": ""}, "fripladstilskud"},
	} {
		cur := kanaltest.Current(t, reg, tc.municipality)
		n, err := demo.Register(ctx, db, cur, now)
		if err != nil || n != 3 {
			t.Fatalf("%s: wrote %d, %v; want 3", tc.municipality, n, err)
		}
		if n, err := demo.Register(ctx, db, cur, now); err != nil || n != 0 {
			t.Errorf("%s: a second run wrote %d, %v", tc.municipality, n, err)
		}
		sols, err := register.New(db, func() time.Time { return now }).All(ctx, cur.Strategy, tc.municipality)
		if err != nil {
			t.Fatal(err)
		}
		saved := 0
		for _, s := range sols {
			if !s.Saved {
				continue
			}
			saved++
			if !s.Demo || s.CountsFrom != register.CountsHand || s.CountsYear != tc.year || s.CostPerYear == nil {
				t.Errorf("%s/%s: %+v", tc.municipality, s.Area, s)
			}
			if s.Area == tc.levelDiffers {
				found := false
				for _, d := range register.Differences(cur.Strategy, s) {
					found = found || d.Field == "sb_level"
				}
				if !found {
					t.Errorf("%s/%s: the SB level does not differ from the file's", tc.municipality, s.Area)
				}
			}
		}
		if saved != 3 {
			t.Errorf("%s: %d saved entries, want 3", tc.municipality, saved)
		}
		got := map[string]string{}
		for _, c := range register.Compliance(cur.Strategy, sols, civil.NewDate(tc.year, time.June, 1)) {
			if !c.OK {
				got[c.Area+"/"+c.Rule] = ""
			}
		}
		if len(got) != len(tc.failing) {
			t.Errorf("%s: failing %v, want %v", tc.municipality, got, tc.failing)
		}
		for k := range tc.failing {
			if _, ok := got[k]; !ok {
				t.Errorf("%s: %s does not fail", tc.municipality, k)
			}
		}
	}
}
