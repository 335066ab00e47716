package main

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// serve makes this month's partition and the next three, across the turn
// of the year; a second start (or a second instance) changes nothing.
func TestPartitionsAhead_MakesThisMonthAndTheNextThree(t *testing.T) {
	db := storetest.Open(t)
	if db.Engine != store.Postgres {
		t.Skip("SQLite's inquiries table is not partitioned; run with KANAL_TEST_DB=postgres://…")
	}
	ctx := context.Background()
	// 30 November 23:30 UTC is already December in Copenhagen.
	now := time.Date(2026, 11, 30, 23, 30, 0, 0, time.UTC)
	for range 2 {
		if err := partitionsAhead(ctx, db, now); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.InquiryPartitions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []civil.Month{{Year: 2026, Month: 12}, {Year: 2027, Month: 1}, {Year: 2027, Month: 2}, {Year: 2027, Month: 3}}
	if !slices.Equal(got, want) {
		t.Errorf("partitions %v, want %v", got, want)
	}
	// Each has the parent's indexes, under names that say which.
	for _, ix := range [][2]string{{"inquiries_2027_03_pkey", "inquiries_pkey"}, {"inquiries_demo_2027_03", "inquiries_demo"},
		{"inquiries_municipality_time_2027_03", "inquiries_municipality_time"}} {
		var attached bool
		if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_inherits
			WHERE inhrelid = to_regclass($1) AND inhparent = to_regclass($2))`, ix[0], ix[1]).Scan(&attached); err != nil || !attached {
			t.Errorf("index %s is not a partition of %s (%v)", ix[0], ix[1], err)
		}
	}
}
