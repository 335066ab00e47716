package councilreport

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/render/pdf/pdftest"
)

// Dragør: "Kommunalbestyrelsen orienteres i første kvartal af årene
// 2013-2015 om effekterne af kanalstrategien." What the council was told
// stays what it was told: an issued report is stored as issued and does
// not change when a later strategy version is loaded or more inquiries
// are counted; a report made on the fly says that it is not issued.
func TestIssueReport_StoredAsIssuedAndNeverChanges(t *testing.T) {
	db, _ := dragoer(t)
	ctx := context.Background()
	l := locale.New(locale.Danish)
	at := time.Date(2015, 2, 3, 10, 0, 0, 0, time.UTC)
	is, err := newReports(db).Issue(ctx, IssueRequest{Municipality: "dragoer", History: history(t, db, "dragoer"), Year: 2014,
		Lang: l, Now: at, By: "Anna Andersen (strategi@dragoer.demo)", Actor: audit.Actor{Name: "strategi@dragoer.demo"}})
	if err != nil {
		t.Fatal(err)
	}
	_, pdf, err := newReports(db).IssuedFile(ctx, "dragoer", is.ID, FormatPDF)
	if err != nil {
		t.Fatal(err)
	}
	_, html, err := newReports(db).IssuedFile(ctx, "dragoer", is.ID, FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	if fingerprint(pdf) != is.PDFSHA256 || fingerprint(html) != is.HTMLSHA256 || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatal("the stored files are not the ones issued")
	}
	page := string(html)
	for _, want := range []string{"Udstedt 3. februar 2015 kl. 11:00 af Anna Andersen (strategi@dragoer.demo) under strategiens version 1",
		"Demodata:", "Definitioner og priser", "Bruttopotentiale ved kanalskift"} {
		if !strings.Contains(page, want) {
			t.Errorf("the issued report lacks %q", want)
		}
	}
	if strings.Contains(page, "Ikke udstedt") {
		t.Error("the issued report says it is not issued")
	}
	if text := strings.Join(pdftest.Flat(pdfPages(t, pdf)), " "); !strings.Contains(text, "Udstedt 3. februar 2015") || !strings.Contains(text, "Demodata") {
		t.Error("the issued PDF's cover does not say when it was issued and that it rests on demo data")
	}
	events, err := audit.List(ctx, db, audit.Filter{Municipality: "dragoer", Action: audit.ReportIssued})
	if err != nil || len(events) != 1 || events[0].Target != "2014" {
		t.Errorf("audit %+v %v", events, err)
	}

	// A later version with other prices: a report made now differs, the
	// issued one does not.
	reg := municipality.NewRegistry(db)
	preset := kanaltest.PresetDocument(t, "dragoer")
	dearer := bytes.Replace(preset, []byte("\n      dkk: 75\n"), []byte("\n      dkk: 300\n"), 1)
	if bytes.Equal(dearer, preset) {
		t.Fatal("the preset's price of a personal attendance moved")
	}
	if _, _, err := reg.Load(ctx, audit.System, "dragoer.yaml", dearer); err != nil {
		t.Fatal(err)
	}
	now, err := newReports(db).Make(ctx, l, "dragoer", history(t, db, "dragoer"), 2014, at, nil)
	if err != nil {
		t.Fatal(err)
	}
	var fresh bytes.Buffer
	if err := WriteHTML(&fresh, *now); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(fresh.String(), "Ikke udstedt") || fresh.String() == page {
		t.Error("the report made on the fly is not marked as not issued")
	}
	for _, format := range []string{FormatPDF, FormatHTML} {
		_, again, err := newReports(db).IssuedFile(ctx, "dragoer", is.ID, format)
		if err != nil || !bytes.Equal(again, map[string][]byte{FormatPDF: pdf, FormatHTML: html}[format]) {
			t.Errorf("the issued %s changed after a new strategy version: %v", format, err)
		}
	}
	list, err := newReports(db).Issued(ctx, "dragoer")
	if err != nil || len(list) != 1 || list[0].Year != 2014 || list[0].Version != 1 || !list[0].IssuedAt.Equal(at) {
		t.Errorf("issued reports %+v %v", list, err)
	}
	if other, err := newReports(db).Issued(ctx, "taarnby"); err != nil || len(other) != 0 {
		t.Errorf("Tårnby's issued reports: %+v %v", other, err)
	}
	if _, _, err := newReports(db).IssuedFile(ctx, "taarnby", is.ID, FormatPDF); err == nil {
		t.Error("Tårnby reads Dragør's report")
	}

	// The database itself refuses to change or remove it.
	for _, q := range []string{`UPDATE issued_reports SET year = 2013`, `DELETE FROM issued_reports`} {
		if _, err := db.ExecContext(ctx, q); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
}

// A stored HTML report is served with the stylesheet it was issued with:
// the hash is of its own inline style, not of the running Kanal's.
func TestStyleHashOf_TheStoredReportsOwnStyle(t *testing.T) {
	var html bytes.Buffer
	if err := WriteHTML(&html, Document{Lang: "da", Title: "x"}); err != nil {
		t.Fatal(err)
	}
	if got := StyleHashOf(html.Bytes()); got != StyleHash() {
		t.Errorf("hash %s, want %s", got, StyleHash())
	}
	older := bytes.Replace(html.Bytes(), []byte("<style>"), []byte("<style>p{}"), 1)
	if got := StyleHashOf(older); got == StyleHash() || !strings.HasPrefix(got, "'sha256-") {
		t.Errorf("an older style hashes to %s", got)
	}
	if StyleHashOf([]byte("<p>no style</p>")) != "" {
		t.Error("a page without a style has a hash")
	}
}
