package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/register"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// registerEntry is one demo entry of the solution register. The
// suppliers are invented and named as demo; the costs and counts are
// examples, not figures from either municipality.
type registerEntry struct {
	area, supplier, url string
	level               int
	login, integration  string
	borgerDK            bool
	cost                float64
	started, completed  int
}

// registerEntries are the demo's entries per municipality. Each preset
// gets one that meets every rule, one that fails one (Dragør's waste area
// not on borger.dk and without integration; Tårnby's housing-deposit loan
// at SB level 0) and one whose SB level differs from the strategy file's,
// so that the register page shows each case.
var registerEntries = map[string][]registerEntry{
	"dragoer": {
		{"dagtilbud", "Pladsanvisning A/S (demo)", "https://pladsanvisning.example.dk/dragoer", 2,
			strategy.LoginNational, register.IntegrationESDH, true, 45000, 310, 268},
		{"affald", "Affaldsportal ApS (demo)", "https://affald.example.dk/dragoer", 1,
			strategy.LoginNational, register.IntegrationNone, false, 12000, 540, 410},
		{"byggetilladelse", "Byggesag Online (demo)", "https://www.bygogmiljoe.dk/", 3,
			strategy.LoginNational, register.IntegrationBackend, true, 60000, 95, 81},
	},
	"taarnby": {
		{"dagtilbud", "Pladsanvisning A/S (demo)", "https://pladsanvisning.example.dk/taarnby", 3,
			strategy.LoginNational, register.IntegrationBackend, true, 52000, 420, 388},
		{"beboerindskud", "Blanketservice (demo)", "https://www.taarnby.dk/", 0,
			strategy.LoginNational, register.IntegrationNone, true, 8000, 64, 40},
		{"fripladstilskud", "Tilskudsløsning A/S (demo)", "https://friplads.example.dk/taarnby", 1,
			strategy.LoginNational, register.IntegrationESDH, true, 30000, 150, 120},
	},
}

// Register writes the demo's entries of the solution register that the
// municipality lacks, marked as demo, with counts for the last year of the
// strategy's period; an area that has an entry is left as it is. It
// returns how many it wrote.
func Register(ctx context.Context, db *store.DB, cur *municipality.Current, now time.Time) (int, error) {
	r := register.New(db, func() time.Time { return now })
	actor := audit.Actor{Name: demoClerk(cur.Municipality)}
	written := 0
	for _, e := range registerEntries[cur.Municipality] {
		if _, ok := cur.Strategy.Area(e.area); !ok {
			continue
		}
		_, saved, err := r.Entry(ctx, cur.Municipality, e.area)
		if err != nil {
			return written, fmt.Errorf("demo register of %s: %w", cur.Municipality, err)
		}
		if saved {
			continue
		}
		level, cost, started, completed := e.level, e.cost, e.started, e.completed
		sol := register.Solution{Municipality: cur.Municipality, Area: e.area, Supplier: e.supplier, URL: e.url,
			SBLevel: &level, Login: e.login, BorgerDK: e.borgerDK, Integration: e.integration, CostPerYear: &cost,
			Started: &started, Completed: &completed, CountsYear: cur.Strategy.Period.To, Demo: true}
		if _, err := r.Save(ctx, sol, 0, actor); err != nil {
			return written, fmt.Errorf("demo register of %s: %w", cur.Municipality, err)
		}
		written++
	}
	return written, nil
}
