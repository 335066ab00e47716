// Package kanaltest holds the fixtures Kanal's tests share, so that each
// test states what it needs in one line: a database with the presets
// loaded, a municipality's current strategy, a preset document, cheap
// password hashing, a day.
package kanaltest

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
	"github.com/kanal-dk/kanal/strategies"
)

// Municipalities are the presets' municipalities, in the presets' order.
var Municipalities = []string{"dragoer", "taarnby"}

// Presets returns a fresh, migrated database (storetest.Open) with every
// preset strategy loaded, and its registry.
func Presets(t testing.TB) (*store.DB, *municipality.Registry) {
	t.Helper()
	db := storetest.Open(t)
	return db, LoadPresets(t, db)
}

// LoadPresets loads every preset strategy into a database opened some
// other way (a benchmark's kept one) and returns its registry. A preset
// loaded before is not loaded again.
func LoadPresets(t testing.TB, db *store.DB) *municipality.Registry {
	t.Helper()
	reg := municipality.NewRegistry(db)
	for _, p := range strategies.Presets() {
		if _, _, err := reg.Load(context.Background(), audit.System, p.Name, p.Data); err != nil {
			t.Fatalf("load the preset %s: %v", p.Name, err)
		}
	}
	return reg
}

// Current is a municipality's newest strategy version.
func Current(t testing.TB, reg *municipality.Registry, id string) *municipality.Current {
	t.Helper()
	cur, err := reg.Current(context.Background(), id)
	if err != nil {
		t.Fatalf("the current strategy of %s: %v", id, err)
	}
	return cur
}

// PresetDocument is the preset strategy document of a municipality, as
// shipped.
func PresetDocument(t testing.TB, id string) []byte {
	t.Helper()
	for _, p := range strategies.Presets() {
		if strings.Contains(p.Name, id) {
			return p.Data
		}
	}
	t.Fatalf("no preset %s", id)
	return nil
}

// FastPasswords makes password hashing as cheap as bcrypt allows, for the
// tests of a package that adds many users. Call it from TestMain, before
// any test runs: it sets auth.PasswordCost for the whole package.
func FastPasswords() { auth.PasswordCost = bcrypt.MinCost }

// Day is the day a test writes as YYYY-MM-DD. A literal that is no day
// is a mistake in the test, and panics.
func Day(s string) civil.Date {
	d, err := civil.ParseDate(s)
	if err != nil {
		panic("kanaltest.Day: " + err.Error())
	}
	return d
}
