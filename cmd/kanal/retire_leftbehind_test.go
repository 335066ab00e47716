package main

import (
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/store"
)

// kanal inquiries retire run again after a retirement that stopped
// between the detach and the drop of a month's partition drops the
// month's table and says so, in Danish and in English.
func TestInquiriesRetire_SaysWhatAnInterruptedRetirementLeftBehind(t *testing.T) {
	dsn, db := retireFixture(t,
		"a,2014-02-10T09:00:00+01:00,phone,information,inbound,flytning",
		"b,2014-03-10T09:00:00+01:00,phone,information,inbound,flytning",
		"c,2014-04-10T09:00:00+02:00,phone,information,inbound,flytning")
	if db.Engine != store.Postgres {
		t.Skip("partitions are PostgreSQL's; run with KANAL_TEST_DB=postgres://…")
	}
	left := func() int {
		t.Helper()
		var n int
		if err := db.QueryRow(`SELECT COUNT(*) FROM pg_class WHERE relname IN ('inquiries_2014_02', 'inquiries_2014_03')
			AND relnamespace = current_schema()::regnamespace`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	// The boundary recorded and February detached, then the process
	// stopped.
	for _, q := range []string{
		`INSERT INTO inquiry_retirements (retired_before, retired_at) VALUES ('2014-04', now())`,
		`ALTER TABLE inquiries DETACH PARTITION inquiries_2014_02`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	code, out, errOut := kanal(t, "inquiries", "retire", "--db", dsn, "--before", "2014-04", "--yes")
	if code != exitOK || !strings.Contains(out, "En afbrudt sletning havde efterladt de rå henvendelser fra februar 2014") ||
		!strings.Contains(out, "1 månedspartition fjernet") || left() != 0 {
		t.Errorf("run again: exit %d %q %q, %d of the retired months' tables left", code, out, errOut, left())
	}
	code, out, _ = kanal(t, "inquiries", "retire", "--db", dsn, "--before", "2014-04", "--yes")
	if code != exitOK || strings.Contains(out, "afbrudt") {
		t.Errorf("once more, with nothing left behind: exit %d %q", code, out)
	}

	if _, err := db.Exec(`ALTER TABLE inquiries DETACH PARTITION inquiries_2014_04`); err != nil {
		t.Fatal(err)
	}
	t.Setenv("KANAL_LANG", "en")
	code, out, errOut = kanal(t, "inquiries", "retire", "--db", dsn, "--before", "2014-05", "--yes")
	if code != exitOK || !strings.Contains(out, "An interrupted retirement had left the raw inquiries of April 2014 behind") {
		t.Errorf("in English, a later boundary: exit %d %q %q", code, out, errOut)
	}
}
