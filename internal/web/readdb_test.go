package web

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/councilreport"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// With a read database (--db-read) the figures and the council report read
// their counts from it, and what is written — an issued report — goes to
// the main database only. Two separate databases make
// the difference visible: only the read one holds counted inquiries.
func TestServer_FiguresReadFromTheReadDatabaseAndWritesGoToTheMain(t *testing.T) {
	ctx := context.Background()
	primary, read := storetest.Open(t), storetest.Open(t)
	reg := kanaltest.LoadPresets(t, primary)
	kanaltest.LoadPresets(t, read)
	readCur := kanaltest.Current(t, municipality.NewRegistry(read), "dragoer")
	in := inquiry.Inquiry{OccurredAt: time.Date(2014, 5, 6, 10, 0, 0, 0, time.UTC), Channel: "phone", Type: "interaction",
		Direction: "inbound", Area: "flytning", Source: "test"}
	if _, err := inquiry.NewRecorder(read).Record(ctx, readCur, []inquiry.Inquiry{in}); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))

	for _, tc := range []struct {
		name     string
		readDB   *store.DB
		wantYear int
	}{
		{"without a read database", nil, 2026},
		{"with a read database", read, 2014},
	} {
		srv, err := New(Options{DB: primary, ReadDB: tc.readDB, Registry: reg, Log: quiet, Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		year, err := srv.measures.DefaultYear(ctx, "dragoer", now)
		if err != nil || year != tc.wantYear {
			t.Errorf("%s: the figures' default year %d (%v), want %d: the last year with counts in the database read", tc.name, year, err, tc.wantYear)
		}
	}

	srv, err := New(Options{DB: primary, ReadDB: read, Registry: reg, Log: quiet, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	h, err := srv.measures.History(ctx, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.reports.Issue(ctx, councilreport.IssueRequest{Municipality: "dragoer", History: h, Year: 2014,
		Lang: locale.New("da"), Now: now, By: "Kanalstrategigruppen", Actor: audit.Actor{Name: "test"}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		db    *store.DB
		table string
		want  int
	}{
		{primary, "issued_reports", 1}, {read, "issued_reports", 0},
	} {
		var n int
		if err := c.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+c.table).Scan(&n); err != nil || n != c.want {
			name := "main"
			if c.db == read {
				name = "read"
			}
			t.Errorf("%s database, %s: %d rows (%v), want %d", name, c.table, n, err, c.want)
		}
	}
}
