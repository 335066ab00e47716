package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// A database where an older Kanal stored durations near the int64 limit,
// and the duration sum of their cell overflowed (on SQLite into a REAL):
// verify reports the cell and the durations instead of failing, and
// rebuild repairs it.
func TestRollup_RebuildRepairsAnOverflowedCell(t *testing.T) {
	dsn := storetest.DSN(t)
	if code, _, errOut := kanal(t, "strategy", "load", "--db", dsn, "../../strategies/dragoer.yaml"); code != exitOK {
		t.Fatal(errOut)
	}
	file := writeFile(t, "to.csv", "id,occurred_at,channel,type,direction,area,duration_seconds\n"+
		"a,2014-04-01T09:00:00+02:00,phone,information,inbound,flytning,300\n"+
		"b,2014-04-01T09:01:00+02:00,phone,information,inbound,flytning,9223372036854775707\n")
	code, out, errOut := kanal(t, "import", "inquiries", "--db", dsn, "--municipality", "dragoer", file)
	if code != exitFailure || !strings.Contains(out, "1 henvendelse indlæst") || !strings.Contains(errOut, "to.csv:3: duration_seconds:") {
		t.Fatalf("a duration of 292 billion years: exit %d %q %q", code, out, errOut)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var version int64
	if err := db.QueryRow(`SELECT id FROM strategy_versions WHERE municipality_id = 'dragoer'`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	// What an older Kanal accepted and how its sum ended.
	if _, err := db.Exec(`INSERT INTO inquiries (municipality_id, strategy_version_id, occurred_at, channel, type, direction,
		area, department, resolved_first_contact, guided, assisted, exempt, duration_seconds, source, recorded_at)
		VALUES ('dragoer', $1, $2, 'phone', 'information', 'inbound', 'flytning', 'borgerbutikken', $3, $3, $3, $3,
		9223372036854775707, 'import', $2)`, version, time.Date(2014, 4, 1, 7, 2, 0, 0, time.UTC), false); err != nil {
		t.Fatal(err)
	}
	overflow := `UPDATE inquiry_counts SET inquiries = inquiries + 1, timed = timed + 1, duration_seconds = 9223372036854775707`
	if db.Engine == store.SQLite {
		overflow = `UPDATE inquiry_counts SET inquiries = inquiries + 1, timed = timed + 1,
			duration_seconds = duration_seconds + 9223372036854775707`
	}
	if _, err := db.Exec(overflow); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = kanal(t, "rollup", "verify", "--db", dsn)
	if code != exitFailure || !strings.Contains(out, "dragoer: 1 henvendelse har en varighed over et døgn") ||
		!strings.Contains(out, "celler afviger") {
		t.Errorf("verify: exit %d %q %q", code, out, errOut)
	}
	if code, out, errOut := kanal(t, "rollup", "rebuild", "--db", dsn); code != exitOK {
		t.Fatalf("rebuild: exit %d %q %q", code, out, errOut)
	}
	if code, out, _ := kanal(t, "rollup", "verify", "--db", dsn); code != exitOK || !strings.Contains(out, "svarer til en ny optælling") {
		t.Errorf("verify after rebuild: exit %d %q", code, out)
	}
	var timed, seconds int64
	if err := db.QueryRow(`SELECT SUM(timed), SUM(duration_seconds) FROM inquiry_months`).Scan(&timed, &seconds); err != nil {
		t.Fatal(err)
	}
	if timed != 1 || seconds != 300 {
		t.Errorf("after rebuild: %d timed inquiries, %d seconds; want the one of 300 s", timed, seconds)
	}
}

// A cell can differ in a flag alone; verify names what differs, not only
// the number of inquiries (which would read "3 ≠ 3").
func TestRollupVerify_NamesADifferenceInAFlag(t *testing.T) {
	dsn := storetest.DSN(t)
	if code, _, errOut := kanal(t, "strategy", "load", "--db", dsn, "../../strategies/dragoer.yaml"); code != exitOK {
		t.Fatal(errOut)
	}
	if code, out, errOut := kanal(t, "import", "inquiries", "--db", dsn, "--municipality", "dragoer", "../../docs/examples/inquiries.csv"); code != exitOK {
		t.Fatalf("%q %q", out, errOut)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE inquiry_counts SET guided = guided + 1 WHERE area = 'flytning' AND channel = 'in_person'`); err != nil {
		t.Fatal(err)
	}
	code, out, _ := kanal(t, "rollup", "verify", "--db", dsn)
	if code != exitFailure || !strings.Contains(out, "guidede 1 ≠ 0") || strings.Contains(out, "henvendelser 1 ≠") {
		t.Errorf("verify: exit %d %q", code, out)
	}
}
