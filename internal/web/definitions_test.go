package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/council"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/report"
)

// beforeNotes is an export's table without the notes under it: the rows
// before the first empty row.
func beforeNotes(rows [][]string) [][]string {
	for i, row := range rows {
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			return rows[:i]
		}
	}
	return rows
}

// issue issues a municipality's report for a year, as the strategy group
// would, in Danish.
func (ts *testServer) issue(t *testing.T, m string, year int) council.Issued {
	t.Helper()
	h, err := report.HistoryOf(context.Background(), ts.registry, m)
	if err != nil {
		t.Fatal(err)
	}
	is, err := council.IssueReport(context.Background(), ts.db, council.IssueRequest{Municipality: m, History: h, Year: year,
		Lang: locale.New(locale.Danish), Now: time.Now(), By: "Test", Actor: audit.System})
	if err != nil {
		t.Fatal(err)
	}
	return is
}
