package measure

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// Every page asks whether its municipality has demo data. Without the
// partial index of demo inquiries (migration 0007) the question would
// scan every inquiry of a municipality that has none — O(inquiries) on
// every page. Both engines must answer it from the index.
func TestDemoLookups_UseTheDemoIndex(t *testing.T) {
	db := storetest.Open(t)
	explain := "EXPLAIN QUERY PLAN "
	if db.Engine == store.Postgres {
		explain = "EXPLAIN "
	}
	now := time.Now().UTC()
	// On PostgreSQL the index is per month's partition (serve makes this month's).
	if err := db.EnsureInquiryPartitions(context.Background(), civil.DateOf(now).YearMonth()); err != nil {
		t.Fatal(err)
	}
	for q, args := range map[string][]any{hasDemoSQL: {"dragoer", now.Add(-time.Hour), now}, anyDemoSQL: {"dragoer"}} {
		rows, err := db.QueryContext(context.Background(), explain+q, args...)
		if err != nil {
			t.Fatal(err)
		}
		cols, err := rows.Columns()
		if err != nil {
			t.Fatal(err)
		}
		var plan strings.Builder
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(&plan, vals...)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		if !strings.Contains(plan.String(), "inquiries_demo") {
			t.Errorf("%s\ndoes not use inquiries_demo:\n%s", q, plan.String())
		}
	}
}
