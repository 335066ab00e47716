package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/councilreport"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// Dragør: "Kommunalbestyrelsen orienteres i første kvartal af årene
// 2013-2015 om effekterne af kanalstrategien." kanal report --issue stores
// the report as issued; the file written is the stored one, and a later
// strategy version does not change it. Without --issue the report says it
// is not issued.
func TestReportCommand_IssueStoresTheReportAsIssued(t *testing.T) {
	dsn := storetest.DSN(t)
	if code, _, errOut := kanal(t, "strategy", "load", "--db", dsn, "../../strategies/dragoer.yaml"); code != exitOK {
		t.Fatal(errOut)
	}
	dir := t.TempDir()
	draft := filepath.Join(dir, "udkast.html")
	if code, out, errOut := kanal(t, "report", "--db", dsn, "--municipality", "dragoer", "--year", "2014", "--out", draft); code != exitOK ||
		!strings.Contains(out, "ikke udstedt") {
		t.Fatalf("draft: %d %q %q", code, out, errOut)
	}
	if b, _ := os.ReadFile(draft); !strings.Contains(string(b), "Ikke udstedt") {
		t.Error("the report made on the fly does not say it is not issued")
	}

	issued := filepath.Join(dir, "udstedt.html")
	code, out, errOut := kanal(t, "report", "--db", dsn, "--municipality", "dragoer", "--year", "2014", "--out", issued,
		"--issue", "--by", "Anna Andersen, kanalstrategigruppen")
	if code != exitOK || !strings.Contains(out, "udstedt og gemt som udstedt") {
		t.Fatalf("issue: %d %q %q", code, out, errOut)
	}
	written, err := os.ReadFile(issued)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(written), "af Anna Andersen, kanalstrategigruppen under strategiens version 1") {
		t.Error("the issued report does not name its issuer and version")
	}

	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	reports := councilreport.NewReports(db, measure.NewSource(db, municipality.NewRegistry(db)))
	list, err := reports.Issued(context.Background(), "dragoer")
	if err != nil || len(list) != 1 {
		t.Fatalf("%+v %v", list, err)
	}
	// A new strategy version changes nothing in what was issued.
	if _, _, err := municipality.NewRegistry(db).Load(context.Background(), audit.System, "dragoer.yaml",
		[]byte(preset(t, "dragoer.yaml")+"\n# version 2\n")); err != nil {
		t.Fatal(err)
	}
	_, stored, err := reports.IssuedFile(context.Background(), "dragoer", list[0].ID, councilreport.FormatHTML)
	if err != nil || !bytes.Equal(stored, written) {
		t.Errorf("the file written is not the report stored: %v", err)
	}
	events, err := audit.List(context.Background(), db, audit.Filter{Municipality: "dragoer", Action: audit.ReportIssued})
	if err != nil || len(events) != 1 || !strings.HasPrefix(events[0].Actor, "cli:") {
		t.Errorf("audit %+v %v", events, err)
	}
}

// "The council report for a year is issued once": kanal report --issue
// for a year issued already is refused with a message that says when and
// by whom, and stores nothing. The decisions the council is asked for
// (--decisions) are in the issued report, one paragraph each.
func TestReportCommand_IssuesAYearOnce(t *testing.T) {
	dsn := storetest.DSN(t)
	if code, _, errOut := kanal(t, "strategy", "load", "--db", dsn, "../../strategies/dragoer.yaml"); code != exitOK {
		t.Fatal(errOut)
	}
	dir := t.TempDir()
	args := []string{"report", "--db", dsn, "--municipality", "dragoer", "--year", "2014", "--issue", "--by", "Anna Andersen"}
	decisions := "At tage rapporten til efterretning.\n\nAt afsætte 300.000 kr. til digital flytning."
	if code, _, errOut := kanal(t, append(args, "--decisions", decisions, "--out", filepath.Join(dir, "a.html"))...); code != exitOK {
		t.Fatalf("first issue: %d %s", code, errOut)
	}
	issued, err := os.ReadFile(filepath.Join(dir, "a.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"<p>At tage rapporten til efterretning.</p>", "<p>At afsætte 300.000 kr. til digital flytning.</p>"} {
		if !strings.Contains(string(issued), p) {
			t.Errorf("the issued report lacks the decision %s", p)
		}
	}
	code, _, errOut := kanal(t, append(args, "--out", filepath.Join(dir, "b.html"))...)
	if code == exitOK || !strings.Contains(errOut, "Rapporten for 2014 er allerede udstedt") || !strings.Contains(errOut, "af Anna Andersen") {
		t.Errorf("second issue: %d %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.html")); err == nil {
		t.Error("the refused issue wrote a file")
	}
}
