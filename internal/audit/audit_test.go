package audit_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

func TestMaskCPR(t *testing.T) {
	for in, want := range map[string]string{
		"010170-1234":                   "xxxxxx-xxxx",
		"0101701234":                    "xxxxxx-xxxx",
		"010170 1234":                   "xxxxxx-xxxx",
		"borger 010170-1234 ringede":    "borger xxxxxx-xxxx ringede",
		"0101701234 0202802345":         "xxxxxx-xxxx xxxxxx-xxxx",
		"cpr=0101701234&x=1":            "cpr=xxxxxx-xxxx&x=1",
		"fil-010170-1234.yaml":          "fil-xxxxxx-xxxx.yaml",
		"version 2":                     "version 2",
		"ingest,read (test)":            "ingest,read (test)",
		"12345678901":                   "12345678901", // eleven digits: not a CPR number
		"2014-03-31":                    "2014-03-31",
		"anna@dragoer.dk":               "anna@dragoer.dk",
		"other sessions ended: 1234567": "other sessions ended: 1234567",
	} {
		if got := audit.MaskCPR(in); got != want {
			t.Errorf("MaskCPR(%q) = %q, want %q", in, got, want)
		}
	}
}

// An event can never be changed once written, so Record masks what looks
// like a CPR number in every text it stores, whichever caller forgot to.
func TestRecord_MasksCPRNumbersBeforeTheyAreStored(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	actor := audit.Actor{Name: "0101701234@example.dk", RemoteAddr: "127.0.0.1"}
	if err := audit.Record(ctx, db, "", actor, audit.StrategyLoaded, "010170-1234.yaml", "fra 0202802345"); err != nil {
		t.Fatal(err)
	}
	var stored string
	if err := db.QueryRow(`SELECT actor || ' ' || target || ' ' || detail FROM audit_events`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored != "xxxxxx-xxxx@example.dk xxxxxx-xxxx.yaml fra xxxxxx-xxxx" || strings.ContainsAny(stored, "0123456789") {
		t.Errorf("stored %q", stored)
	}
}
