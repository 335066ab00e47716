package inquiry_test

import (
	"context"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// withReferrals gives the loaded strategy the two referrals the tests use:
// Udbetaling Danmark, which has handled pension since 2012, and borger.dk's
// contact centre ("Kontaktcentret på tlf. 1881 hos Borger.dk").
func withReferrals(cur *municipality.Current) {
	cur.Strategy.Referrals = []strategy.Referral{
		{ID: "udbetaling-danmark", Name: "Udbetaling Danmark", Areas: []string{"folkepension"}},
		{ID: "borgerdk-1881", Name: "borger.dk's kontaktcenter", Contact: "tlf. 1881"},
	}
}

func TestCheck_ReferredToIsOneOfTheStrategysReferrals(t *testing.T) {
	_, cur, _ := dragoer(t)
	cur.Strategy.Referrals = nil
	in := valid()
	in.ReferredTo = "udbetaling-danmark"
	errs := inquiry.Check(cur.Strategy, window(cur), &in)
	if len(errs) != 1 || errs[0].Field != "referred_to" || errs[0].Rule != inquiry.RuleUnknownReferral {
		t.Errorf("a referral of a strategy without referrals: %+v", errs)
	}
	withReferrals(cur)
	for _, c := range []struct {
		name, referral, direction, rule string
	}{
		{"a referral of the strategy", "udbetaling-danmark", "inbound", ""},
		{"an unknown referral", "skat", "inbound", inquiry.RuleUnknownReferral},
		// A referral sends a citizen who contacted the municipality on.
		{"a letter refers no one", "borgerdk-1881", "outbound", inquiry.RuleReferralOutbound},
		{"not UTF-8", "b\xf8rger", "inbound", inquiry.RuleNotUTF8},
	} {
		in := valid()
		in.ReferredTo, in.Direction = c.referral, c.direction
		errs := inquiry.Check(cur.Strategy, window(cur), &in)
		switch {
		case c.rule == "" && len(errs) > 0:
			t.Errorf("%s: %+v", c.name, errs)
		case c.rule != "" && (len(errs) != 1 || errs[0].Field != "referred_to" || errs[0].Rule != c.rule):
			t.Errorf("%s: %+v, want %s on referred_to", c.name, errs, c.rule)
		}
	}
}

// A referred inquiry is counted where it came — on the municipality's
// phone — and as a referral beside it; never as a channel of its own.
// Undoing a referred registration takes the referral back too.
func TestRecord_CountsReferralsInTheirCell(t *testing.T) {
	rec, cur, db := dragoer(t)
	withReferrals(cur)
	ctx := context.Background()
	at := time.Date(2014, 3, 31, 9, 0, 0, 0, time.UTC) // 11:00 in Dragør
	batch := make([]inquiry.Inquiry, 5)
	for i := range batch {
		batch[i] = inquiry.Inquiry{OccurredAt: at.Add(time.Duration(i) * time.Minute), Channel: "phone", Type: "interaction",
			Direction: "inbound", Area: "folkepension", Source: inquiry.SourceConsole}
	}
	batch[1].ReferredTo = "udbetaling-danmark"
	batch[3].ReferredTo = "udbetaling-danmark"
	batch[4].ReferredTo = "borgerdk-1881"
	res, err := rec.Record(ctx, cur, batch)
	if err != nil {
		t.Fatal(err)
	}
	assertCountsMatch(t, db, "dragoer")
	stored, err := rollup.Stored(ctx, db, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	// By hand: one cell (31 March, folkepension, phone, interaction,
	// inbound) of five inquiries, three of them referred.
	if len(stored) != 1 {
		t.Fatalf("%d cells, want 1: %+v", len(stored), stored)
	}
	for cell, tally := range stored {
		if cell.Channel != "phone" || tally.Inquiries != 5 || tally.Referred != 3 {
			t.Errorf("cell %+v tally %+v, want 5 phone inquiries, 3 referred", cell, tally)
		}
	}
	var referredID int64
	for _, id := range res.IDs {
		in, err := rec.Find(ctx, "dragoer", id)
		if err != nil {
			t.Fatal(err)
		}
		if in.ReferredTo == "borgerdk-1881" {
			referredID = id
		}
	}
	if referredID == 0 {
		t.Fatal("Find does not give back the referral")
	}
	if err := rec.Undo(ctx, cur, referredID, at.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	assertCountsMatch(t, db, "dragoer")
	months, err := rollup.StoredMonths(ctx, db, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	for _, tally := range months {
		if tally.Inquiries != 4 || tally.Referred != 2 {
			t.Errorf("after undoing a referral, the month has %+v, want 4 inquiries, 2 referred", tally)
		}
	}
}
