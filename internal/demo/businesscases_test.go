package demo

import (
	"context"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/businesscase"
	"github.com/kanal-dk/kanal/internal/kanaltest"
)

// Each preset gets two business cases marked demo, each with two
// scenarios of which one is chosen, the first approved; a second start
// writes none. Dragør: "Afdelingerne skal, forud for anskaffelse af en
// digital selvbetjeningsløsning, udarbejde en business case."
func TestBusinessCases_TwoDemoCasesPerPreset(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	for _, m := range []string{"dragoer", "taarnby"} {
		cur := kanaltest.Current(t, reg, m)
		n, err := BusinessCases(ctx, db, cur, now)
		if err != nil {
			t.Fatal(err)
		}
		if n != 2 {
			t.Errorf("%s: wrote %d cases, want 2", m, n)
		}
		all, err := businesscase.New(db, nil).All(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		approved := 0
		for _, c := range all {
			sc, ok := c.Chosen()
			if !c.Demo || len(c.Scenarios) != 2 || !ok || !sc.Chosen {
				t.Errorf("%s: case %+v: want demo, two scenarios, one chosen", m, c)
			}
			if _, ok := cur.Strategy.Area(c.Area); !ok {
				t.Errorf("%s: case of unknown area %s", m, c.Area)
			}
			if !c.Approved.IsZero() {
				approved++
			}
			// The chosen scenario moves 60 % of the example volume.
			if sc.Input.Shift != 0.6 || sc.Input.Volume <= 0 || sc.Input.PriceOld <= sc.Input.PriceNew {
				t.Errorf("%s: chosen scenario %+v", m, sc.Input)
			}
		}
		if len(all) != 2 || approved != 1 {
			t.Errorf("%s: %d cases, %d approved; want 2 and 1", m, len(all), approved)
		}
		if n, err := BusinessCases(ctx, db, cur, now); err != nil || n != 0 {
			t.Errorf("%s: a second start wrote %d (%v), want none", m, n, err)
		}
	}
}
