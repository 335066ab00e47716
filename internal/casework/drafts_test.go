package casework

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDrafts_SavedReplacedLoadedAndExpiredAfter30Days(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	cpr := "010203-1234"
	if err := f.cases.SaveDraft(ctx, "dragoer", cpr, Draft{Form: "flytning", Step: 1, Answers: map[string]string{"a": "1"}}); err != nil {
		t.Fatal(err)
	}
	saved := monday.Add(time.Hour)
	f.clock.Set(saved)
	if err := f.cases.SaveDraft(ctx, "dragoer", cpr, Draft{Form: "flytning", Step: 2, Answers: map[string]string{"a": "1", "b": "2"}}); err != nil {
		t.Fatal(err)
	}
	want := &Draft{Form: "flytning", Step: 2, Answers: map[string]string{"a": "1", "b": "2"}, Saved: saved}
	for _, tc := range []struct {
		name, municipality, cpr, form string
		at                            time.Time
		want                          *Draft
	}{
		{"the same citizen, without the dash", "dragoer", "0102031234", "flytning", saved, want},
		{"29 days later", "dragoer", cpr, "flytning", saved.AddDate(0, 0, 29), want},
		{"30 days later", "dragoer", cpr, "flytning", saved.AddDate(0, 0, 30), nil},
		{"another form", "dragoer", cpr, "sundhedskort", saved, nil},
		{"another citizen", "dragoer", "0203041234", "flytning", saved, nil},
		{"another municipality", "taarnby", cpr, "flytning", saved, nil},
		{"no CPR number", "dragoer", "", "flytning", saved, nil},
	} {
		f.clock.Set(tc.at)
		got, err := f.cases.LoadDraft(ctx, tc.municipality, tc.cpr, tc.form)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	f.clock.Set(saved)
	if n := f.count(t, `SELECT COUNT(*) FROM case_drafts`); n != 1 {
		t.Errorf("%d drafts, want 1 (the second replaced the first)", n)
	}
	// The CPR number is not stored, with or without its dash.
	var hash string
	if err := f.db.QueryRowContext(ctx, `SELECT cpr_hash FROM case_drafts`).Scan(&hash); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(hash, "0102031234") || strings.Contains(hash, "010203") || len(hash) != 64 {
		t.Errorf("cpr_hash %q", hash)
	}
	if err := f.cases.DeleteDraft(ctx, "dragoer", cpr, "flytning"); err != nil {
		t.Fatal(err)
	}
	if got, err := f.cases.LoadDraft(ctx, "dragoer", cpr, "flytning"); got != nil || err != nil {
		t.Errorf("after DeleteDraft: %+v, %v", got, err)
	}
}

func TestSaveDraft_RefusesABadCPRNumber(t *testing.T) {
	f := newFixture(t)
	err := f.cases.SaveDraft(context.Background(), "dragoer", "12345", Draft{Form: "flytning"})
	if inv, ok := err.(*InvalidError); !ok || inv.Fields[0].Field != "cpr" {
		t.Errorf("err %v, want an *InvalidError on cpr", err)
	}
}
