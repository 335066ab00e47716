package main

import (
	"context"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// kanal inquiries retire asks before it removes anything, refuses a
// boundary in the current month or one that moves back, removes the raw
// inquiries before the boundary and keeps their counts, which verify and
// rebuild then leave alone; an import into a retired month is refused at
// its row.
func TestInquiriesRetire_RemovesRawInquiriesAndKeepsTheirCounts(t *testing.T) {
	dsn, db := retireFixture(t,
		"a,2014-03-31T23:59:00+02:00,phone,information,inbound,flytning",
		"b,2014-04-01T00:00:00+02:00,phone,information,inbound,flytning",
		"c,2014-05-02T09:00:00+02:00,phone,information,inbound,flytning")
	count := func(q string) int {
		t.Helper()
		var n int
		if err := db.QueryRow(q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	monthCounts := `SELECT COALESCE(SUM(inquiries), 0) FROM inquiry_months WHERE municipality_id = 'dragoer' AND month = '2014-03'`

	code, out, errOut := kanal(t, "inquiries", "retire", "--db", dsn, "--before", "2014-04")
	if code != exitFailure || !strings.Contains(errOut, "før april 2014 for alle kommuner") || !strings.Contains(errOut, "Intet er slettet") ||
		count(`SELECT COUNT(*) FROM inquiries`) != 3 {
		t.Errorf("without --yes: exit %d %q %q", code, out, errOut)
	}
	code, _, errOut = kanal(t, "inquiries", "retire", "--db", dsn, "--before", "2999-01", "--yes")
	if code != exitFailure || !strings.Contains(errOut, "Den seneste måned, der kan angives") {
		t.Errorf("a boundary in the future: exit %d %q", code, errOut)
	}
	code, _, errOut = kanal(t, "inquiries", "retire", "--db", dsn, "--before", "april", "--yes")
	if code != exitUsage || !strings.Contains(errOut, `"april" er ikke en måned`) {
		t.Errorf("a boundary that is no month: exit %d %q", code, errOut)
	}

	code, out, errOut = kanal(t, "inquiries", "retire", "--db", dsn, "--before", "2014-04", "--yes")
	if code != exitOK || !strings.Contains(out, "De rå henvendelser før april 2014 er slettet for alle kommuner") {
		t.Fatalf("retire: exit %d %q %q", code, out, errOut)
	}
	if n := count(`SELECT COUNT(*) FROM inquiries`); n != 2 {
		t.Errorf("%d raw inquiries left, want April's and May's", n)
	}
	if n := count(monthCounts); n != 1 {
		t.Errorf("March's count is %d after retiring, want 1", n)
	}
	code, _, errOut = kanal(t, "inquiries", "retire", "--db", dsn, "--before", "2014-03", "--yes")
	if code != exitFailure || !strings.Contains(errOut, "allerede slettet, så grænsen kan ikke flyttes tilbage til marts 2014") {
		t.Errorf("a boundary back: exit %d %q", code, errOut)
	}
	if code, out, errOut := kanal(t, "rollup", "rebuild", "--db", dsn); code != exitOK {
		t.Fatalf("rebuild: %d %q %q", code, out, errOut)
	}
	if code, out, errOut := kanal(t, "rollup", "verify", "--db", dsn); code != exitOK {
		t.Errorf("verify after retiring and rebuilding: %d %q %q", code, out, errOut)
	}
	if n := count(monthCounts); n != 1 {
		t.Errorf("March's count is %d after the rebuild, want 1", n)
	}

	late := writeFile(t, "late.csv", "id,occurred_at,channel,type,direction,area\n"+
		"d,2014-05-03T09:00:00+02:00,phone,information,inbound,flytning\n"+
		"e,2014-03-15T09:00:00+01:00,phone,information,inbound,flytning\n")
	code, out, errOut = kanal(t, "import", "inquiries", "--db", dsn, "--municipality", "dragoer", late)
	if code != exitFailure || !strings.Contains(errOut, "late.csv:3: occurred_at:") || !strings.Contains(errOut, "før 2014-04") {
		t.Errorf("an import into a retired month: exit %d %q %q", code, out, errOut)
	}
	if n := count(monthCounts); n != 1 {
		t.Errorf("March's count is %d after the refused import, want 1", n)
	}
	t.Setenv("KANAL_LANG", "en")
	code, _, errOut = kanal(t, "inquiries", "retire", "--db", dsn, "--before", "2014-02", "--yes")
	if code != exitFailure || !strings.Contains(errOut, "The inquiries before April 2014 are retired already") {
		t.Errorf("in English, a boundary back: exit %d %q", code, errOut)
	}
	code, out, _ = kanal(t, "inquiries", "retire", "--db", dsn, "--before", "2014-04", "--yes")
	if code != exitOK || !strings.Contains(out, "The boundary April 2014 was set before") {
		t.Errorf("in English, the same boundary again: exit %d %q", code, out)
	}
}

// retireFixture is a database with Dragør's strategy and the inquiries of
// rows (CSV lines after the heading) imported through the command line,
// and a handle on it that the test's end closes.
func retireFixture(t *testing.T, rows ...string) (string, *store.DB) {
	t.Helper()
	dsn := storetest.DSN(t)
	if code, _, errOut := kanal(t, "strategy", "load", "--db", dsn, "../../strategies/dragoer.yaml"); code != exitOK {
		t.Fatal(errOut)
	}
	file := writeFile(t, "in.csv", "id,occurred_at,channel,type,direction,area\n"+strings.Join(rows, "\n")+"\n")
	if code, out, errOut := kanal(t, "import", "inquiries", "--db", dsn, "--municipality", "dragoer", file); code != exitOK {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return dsn, db
}
