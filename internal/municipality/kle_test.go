package municipality_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store/storetest"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The fixtures: minimal.yaml (testkommune; flytning 23.05.10 "Flytteanmeldelse"
// and pas 23.09.02 "Pas") and a hand-made excerpt in the format of KL's
// emneplan, released 2016-01-01, whose title for 23.05.10 is "Anmeldelse af
// flytning" and whose 23.09.02 went out of use on 2014-01-01.
func kleFixtures(t *testing.T) (doc []byte, plan *strategy.Emneplan, planPath string) {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("..", "strategy", "testdata", "minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	planPath = filepath.Join("..", "strategy", "testdata", "kle-emneplan-excerpt.xml")
	f, err := os.Open(planPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	plan, err = strategy.ReadEmneplan(f)
	if err != nil {
		t.Fatal(err)
	}
	return doc, plan, planPath
}

// load --kle stores with the version which plan it was checked against,
// when, by whom and what it found; loading the same document again with
// the plan stores a new check of the same version, and the newest is the
// one read. A later version loaded without the plan is unchecked.
func TestLoadChecked_StoresTheCheckWithTheVersion(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	reg := municipality.NewRegistry(db)
	doc, plan, planPath := kleFixtures(t)
	anna := audit.Actor{Name: "cli:anna"}

	v, created, check, err := reg.LoadChecked(ctx, anna, "minimal.yaml", doc, plan, planPath)
	if err != nil || !created || v.Number != 1 {
		t.Fatalf("first load: %+v created=%v err=%v", v, created, err)
	}
	got, ok, err := reg.NewestKLECheck(ctx, v)
	if err != nil || !ok {
		t.Fatalf("no check stored: ok=%v err=%v", ok, err)
	}
	want := municipality.KLECheck{ID: check.ID, Municipality: "testkommune", VersionID: v.ID, Version: 1,
		PlanFile: "kle-emneplan-excerpt.xml", PlanPublished: "2016-01-01", CheckedAt: check.CheckedAt, CheckedBy: "cli:anna",
		Numbers: 2, Warnings: 2, Areas: map[string]municipality.KLEArea{
			"flytning": {KLE: "23.05.10", PlanTitle: "Anmeldelse af   flytning", TitleDiffers: true},
			"pas":      {KLE: "23.09.02", PlanTitle: "PAS", Expired: "2014-01-01"},
		}}
	if !equalChecks(got, want) {
		t.Errorf("stored check\n%+v\nwant\n%+v", got, want)
	}

	// The same document again: no new version, a new check of version 1.
	same, created, again, err := reg.LoadChecked(ctx, anna, "minimal.yaml", doc, plan, planPath)
	if err != nil || created || same.ID != v.ID || again.VersionID != v.ID || again.ID == check.ID {
		t.Fatalf("unchanged load: %+v created=%v check %+v err=%v", same, created, again, err)
	}
	if newest, _, err := reg.NewestKLECheck(ctx, v); err != nil || newest.ID != again.ID {
		t.Errorf("newest check %d (%v), want the second, %d", newest.ID, err, again.ID)
	}
	events, err := audit.List(ctx, db, audit.Filter{Municipality: "testkommune", Action: audit.KLEChecked})
	if err != nil || len(events) != 2 || events[0].Actor != "cli:anna" || events[0].Target != "version 1" ||
		!strings.Contains(events[0].Detail, "kle-emneplan-excerpt.xml (UdgivelsesDato 2016-01-01): 2 numbers, all in the plan, 2 warnings") {
		t.Errorf("audited checks %+v (err %v), want two", events, err)
	}

	// A changed document loaded without the plan is a version of its own,
	// unchecked.
	changed := strings.Replace(string(doc), "De, der kan selv, skal selv.", "De, der kan selv, skal selv – digitalt.", 1)
	v2, created, err := reg.Load(ctx, anna, "minimal-2.yaml", []byte(changed))
	if err != nil || !created || v2.Number != 2 {
		t.Fatalf("second version: %+v created=%v err=%v", v2, created, err)
	}
	if _, ok, err := reg.NewestKLECheck(ctx, v2); err != nil || ok {
		t.Errorf("version 2 was never checked, yet ok=%v (err %v)", ok, err)
	}
}

// A number the plan does not hold stores nothing: no municipality, no
// version, no check.
func TestLoadChecked_UnknownNumberStoresNothing(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	reg := municipality.NewRegistry(db)
	doc, plan, planPath := kleFixtures(t)
	unknown := strings.Replace(string(doc), `kle: "23.09.02"`, `kle: "99.99.99"`, 1)
	_, _, _, err := reg.LoadChecked(ctx, audit.System, "unknown.yaml", []byte(unknown), plan, planPath)
	if !errors.Is(err, municipality.ErrKLEUnknown) || !strings.Contains(err.Error(), "99.99.99") {
		t.Fatalf("got %v, want ErrKLEUnknown naming 99.99.99", err)
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM municipalities) + (SELECT COUNT(*) FROM strategy_versions)
		+ (SELECT COUNT(*) FROM kle_checks)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d rows stored for a refused document", n)
	}
}

// A check is a record of what was found: the database refuses to change
// or remove it, on both engines.
func TestKLECheck_TablesAreAppendOnly(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	doc, plan, planPath := kleFixtures(t)
	if _, _, _, err := municipality.NewRegistry(db).LoadChecked(ctx, audit.System, "minimal.yaml", doc, plan, planPath); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE kle_checks SET warnings = 0`, `DELETE FROM kle_checks`,
		`UPDATE kle_check_areas SET title_differs = FALSE`, `DELETE FROM kle_check_areas`,
	} {
		if _, err := db.ExecContext(ctx, q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want refused as append-only", q, err)
		}
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM kle_check_areas WHERE title_differs`).Scan(&n); err != nil || n != 1 {
		t.Errorf("%d areas with a differing title after the refused changes (err %v), want 1", n, err)
	}
}

func equalChecks(a, b municipality.KLECheck) bool {
	if len(a.Areas) != len(b.Areas) {
		return false
	}
	for id, x := range a.Areas {
		if b.Areas[id] != x {
			return false
		}
	}
	a.Areas, b.Areas = nil, nil
	return a.ID == b.ID && a.Municipality == b.Municipality && a.VersionID == b.VersionID && a.Version == b.Version &&
		a.PlanFile == b.PlanFile && a.PlanPublished == b.PlanPublished && a.CheckedAt.Equal(b.CheckedAt) &&
		a.CheckedBy == b.CheckedBy && a.Numbers == b.Numbers && a.Warnings == b.Warnings
}
