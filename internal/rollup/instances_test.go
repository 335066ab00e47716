package rollup_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// twoInstances opens the same fresh database twice, as two Kanal instances
// behind a load balancer would, with the presets loaded.
func twoInstances(t *testing.T) [2]*store.DB {
	t.Helper()
	ctx := context.Background()
	dsn := storetest.DSN(t)
	var dbs [2]*store.DB
	for i := range dbs {
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		dbs[i] = db
	}
	return dbs
}

// Two instances each rebuild the same municipality's counts, again and
// again, while both record inquiries: the counts end equal to a recount
// of the rows — nothing counted twice, nothing lost — and nothing
// deadlocks. Without the lock on the counts, two rebuilds add their
// recounts together, and a rebuild beside a writer loses the writer's
// counts.
func TestRebuild_TwoInstancesRebuildWhileBothRecord(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dbs := twoInstances(t)
	reg := kanaltest.LoadPresets(t, dbs[0])
	cur := kanaltest.Current(t, reg, "dragoer")
	at := time.Date(2014, 3, 31, 10, 0, 0, 0, time.UTC)
	one := func(i int) inquiry.Inquiry {
		return inquiry.Inquiry{OccurredAt: at.Add(time.Duration(i) * time.Minute), Channel: "phone", Type: "interaction",
			Direction: "inbound", Area: "flytning", Source: "test"}
	}
	// Counts to rebuild from the start.
	if _, err := inquiry.NewRecorder(dbs[0]).Record(ctx, cur, []inquiry.Inquiry{one(0), one(1), one(2)}); err != nil {
		t.Fatal(err)
	}
	recorded := atomic.Int64{}
	recorded.Store(3)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i, db := range dbs {
		rec := inquiry.NewRecorder(db)
		wg.Add(2)
		go func() {
			defer wg.Done()
			for n := range 15 {
				if _, err := rec.Record(ctx, cur, []inquiry.Inquiry{one(100*i + n), one(100*i + n + 50)}); err != nil {
					errs <- err
					return
				}
				recorded.Add(2)
			}
		}()
		go func() {
			defer wg.Done()
			for range 6 {
				if _, err := rollup.Rebuild(ctx, db, "dragoer"); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	diffs, err := rollup.Verify(ctx, dbs[1], "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs {
		t.Errorf("%s: stored %+v, recounted %+v", d.Cell, d.Stored, d.Recounted)
	}
	stored, err := rollup.Stored(ctx, dbs[0], "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	for _, tally := range stored {
		total += tally.Inquiries
	}
	if total != recorded.Load() {
		t.Errorf("the counts hold %d inquiries, %d were recorded", total, recorded.Load())
	}
}

// On PostgreSQL a rebuild waits for the writer in flight on the other
// instance, says so once, and replaces the counts only after the writer
// committed, with the writer's inquiry in them.
func TestRebuild_WaitsForTheOtherInstancesWriterAndSaysSo(t *testing.T) {
	dbs := twoInstances(t)
	if dbs[0].Engine != store.Postgres {
		t.Skip("advisory locks are PostgreSQL's; SQLite lets one writer at a time. Run with KANAL_TEST_DB=postgres://…")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	reg := kanaltest.LoadPresets(t, dbs[0])
	cur := kanaltest.Current(t, reg, "dragoer")
	in := inquiry.Inquiry{OccurredAt: time.Date(2014, 3, 31, 10, 0, 0, 0, time.UTC), Channel: "phone", Type: "interaction",
		Direction: "inbound", Area: "flytning", Source: "test"}
	if _, err := inquiry.NewRecorder(dbs[0]).Record(ctx, cur, []inquiry.Inquiry{in}); err != nil {
		t.Fatal(err)
	}
	// The other instance's writer: it holds the shared lock, as a
	// recording transaction does from its counting on, and has not
	// committed.
	tx, err := dbs[1].BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock_shared($1, hashtext('dragoer'))`, 0x6b6e6c01); err != nil {
		t.Fatal(err)
	}
	waited := make(chan struct{}, 2)
	done := make(chan error, 1)
	go func() {
		_, err := rollup.RebuildWaiting(ctx, dbs[0], "dragoer", func() { waited <- struct{}{} })
		done <- err
	}()
	select {
	case <-waited:
	case err := <-done:
		t.Fatalf("the rebuild did not wait for the writer in flight (err %v)", err)
	case <-ctx.Done():
		t.Fatal("the rebuild never said it waits")
	}
	select {
	case err := <-done:
		t.Fatalf("the rebuild ended while the writer still held its lock (err %v)", err)
	case <-time.After(300 * time.Millisecond):
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if len(waited) != 0 {
		t.Error("the rebuild said it waits more than once")
	}
	if diffs, err := rollup.Verify(ctx, dbs[0], "dragoer"); err != nil || len(diffs) > 0 {
		t.Errorf("after the rebuild: %v %+v", err, diffs)
	}
}
