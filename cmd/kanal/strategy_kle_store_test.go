package main

import (
	"context"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// load --kle stores the check with the version it loads, and, for a file
// equal to the newest version, with that version; the command says so.
// Each check is audited under the CLI's actor. Without --kle nothing is
// checked, and validate --kle has no database to store in.
func TestStrategyLoad_KLEStoresTheCheck(t *testing.T) {
	t.Setenv("KANAL_LANG", "")
	ctx := context.Background()
	dsn := storetest.DSN(t)
	path := writeFile(t, "minimal.yaml", minimalStrategy(t))

	code, out, errOut := kanal(t, "strategy", "load", "--db", dsn, "--kle", kleFixture, path)
	if code != exitOK || !strings.HasSuffix(out, path+": indlæst som version 1 af strategien for testkommune\n"+
		path+": kontrollen mod KLE-emneplanen kle-emneplan-excerpt.xml er gemt med version 1 af strategien for testkommune\n") {
		t.Fatalf("first load: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	code, out, errOut = kanal(t, "strategy", "load", "--db", dsn, "--kle", kleFixture, path)
	if code != exitOK || !strings.HasSuffix(out, path+": uændret – svarer til version 1 af strategien for testkommune\n"+
		path+": kontrollen mod KLE-emneplanen kle-emneplan-excerpt.xml er gemt med version 1 af strategien for testkommune\n") {
		t.Fatalf("unchanged load: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if code, out, _ := kanal(t, "strategy", "load", "--db", dsn, path); code != exitOK || strings.Contains(out, "kontrollen") {
		t.Errorf("without --kle: exit %d, stdout %q", code, out)
	}

	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	reg := municipality.NewRegistry(db)
	cur, err := reg.Current(ctx, "testkommune")
	if err != nil {
		t.Fatal(err)
	}
	check, ok, err := reg.NewestKLECheck(ctx, cur.Version)
	if err != nil || !ok || check.Version != 1 || check.PlanFile != "kle-emneplan-excerpt.xml" || check.PlanPublished != "2016-01-01" ||
		check.CheckedBy != cliActor().Name || check.Numbers != 2 || check.Warnings != 2 {
		t.Errorf("stored check %+v ok=%v err=%v", check, ok, err)
	}
	var checks int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM kle_checks WHERE strategy_version_id = $1`, cur.ID).Scan(&checks); err != nil || checks != 2 {
		t.Errorf("%d checks of version 1 (err %v), want 2: one per load with --kle", checks, err)
	}
	events, err := audit.List(ctx, db, audit.Filter{Municipality: "testkommune", Action: audit.KLEChecked})
	if err != nil || len(events) != 2 || events[0].Actor != cliActor().Name {
		t.Errorf("audited checks %+v (err %v)", events, err)
	}
}
