package casework

import (
	"context"
	"database/sql"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/delivery"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
)

// clock is a test's clock, moved by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// fixture is a database with the presets, the case store on a fixed
// clock, and what the store queued for delivery.
type fixture struct {
	db      *store.DB
	reg     *municipality.Registry
	rec     *inquiry.Recorder
	cases   *Cases
	clock   *clock
	dragoer *municipality.Current
	taarnby *municipality.Current

	mu     sync.Mutex
	queued []queued
}

// queued is one delivery Submit queued.
type queued struct {
	municipality, event, key string
	payload                  map[string]any
}

// monday is Monday 30 November 2026, 10:00 in Copenhagen.
var monday = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db, reg := kanaltest.Presets(t)
	f := &fixture{db: db, reg: reg, clock: &clock{t: monday}}
	f.rec = inquiry.NewRecorder(db)
	f.rec.Now = f.clock.Now
	f.cases = New(db, f.rec)
	f.cases.Now = f.clock.Now
	f.cases.enqueue = func(ctx context.Context, tx *sql.Tx, m, event, key string, payload []byte) error {
		var p map[string]any
		if err := json.Unmarshal(payload, &p); err != nil {
			t.Errorf("the payload of %s is not JSON: %v", key, err)
		}
		f.mu.Lock()
		f.queued = append(f.queued, queued{m, event, key, p})
		f.mu.Unlock()
		return delivery.Enqueue(ctx, tx, m, event, key, payload)
	}
	f.dragoer = kanaltest.Current(t, reg, "dragoer")
	f.taarnby = kanaltest.Current(t, reg, "taarnby")
	return f
}

// submit submits s in Dragør and fails the test on an error.
func (f *fixture) submit(t *testing.T, s Submission) *Case {
	t.Helper()
	k, _, err := f.cases.Submit(context.Background(), f.dragoer, s)
	if err != nil {
		t.Fatalf("submit %+v: %v", s.Area, err)
	}
	return k
}

// count runs a COUNT query and fails the test when it fails.
func (f *fixture) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := f.db.QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// portal is a portal submission of the moving form in Dragør.
func portal() Submission {
	return Submission{Area: "flytning", Form: "flytning", Channel: "self_service", Source: SourcePortal,
		CPR: "010203-1234", Name: "Test Testesen", Answers: map[string]string{"ny_adresse": "Kirkevej 1"}}
}
