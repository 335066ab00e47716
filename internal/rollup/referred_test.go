package rollup_test

import (
	"context"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The referral count is recounted like every flag: verify names a cell
// whose referrals differ from the raw inquiries', and rebuild repairs it,
// in the day and the month tables.
func TestVerifyAndRebuild_RecountReferrals(t *testing.T) {
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	cur.Strategy.Referrals = []strategy.Referral{{ID: "udbetaling-danmark", Name: "Udbetaling Danmark"}}
	at := time.Date(2014, 3, 31, 10, 0, 0, 0, time.UTC)
	batch := []inquiry.Inquiry{
		{OccurredAt: at, Channel: "phone", Type: "interaction", Direction: "inbound", Area: "folkepension", Source: "test", ReferredTo: "udbetaling-danmark"},
		{OccurredAt: at, Channel: "phone", Type: "interaction", Direction: "inbound", Area: "folkepension", Source: "test"},
	}
	if _, err := inquiry.NewRecorder(db).Record(ctx, cur, batch); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"inquiry_counts", "inquiry_months"} {
		if _, err := db.ExecContext(ctx, `UPDATE `+table+` SET referred = 2 WHERE municipality_id = 'dragoer'`); err != nil {
			t.Fatal(err)
		}
		diffs, err := rollup.Verify(ctx, db, "dragoer")
		if err != nil {
			t.Fatal(err)
		}
		if len(diffs) != 1 || diffs[0].Stored.Referred != 2 || diffs[0].Recounted.Referred != 1 {
			t.Errorf("%s: verify found %+v, want the one cell with 2 referrals stored and 1 recounted", table, diffs)
		}
		if _, err := rollup.Rebuild(ctx, db, "dragoer"); err != nil {
			t.Fatal(err)
		}
		if diffs, err := rollup.Verify(ctx, db, "dragoer"); err != nil || len(diffs) != 0 {
			t.Errorf("%s: after rebuild %v %+v", table, err, diffs)
		}
	}
}
