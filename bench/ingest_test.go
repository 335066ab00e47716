package bench

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// ingestBatch is the size of one API batch in the ingest benchmark.
const ingestBatch = 1000

// engine is a database to measure on.
type engine struct {
	name string
	dsn  func(testing.TB) string
}

// engines are SQLite always and PostgreSQL when KANAL_TEST_DB points at it,
// so that one run measures both.
func engines() []engine {
	out := []engine{{"sqlite", func(tb testing.TB) string { return "sqlite:" + filepath.Join(tb.TempDir(), "bench.db") }}}
	if os.Getenv(storetest.EnvDB) != "" {
		out = append(out, engine{"postgres", storetest.DSN})
	}
	return out
}

// ingestFixture is a database with the Dragør strategy and a realistic
// stream of inquiries to send to it: four months of the demo generator's
// traffic at twice Dragør's volume, each with a sender's id as an API
// client would send it.
type ingestFixture struct {
	db      *store.DB
	cur     *municipality.Current
	batches [][]inquiry.Inquiry
}

func newIngestFixture(tb testing.TB, dsn string) *ingestFixture {
	tb.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	reg := kanaltest.LoadPresets(tb, db)
	cur := kanaltest.Current(tb, reg, "dragoer")
	var all []inquiry.Inquiry
	opt := demo.Options{From: time.Date(2014, 3, 1, 0, 0, 0, 0, strategy.Location), To: time.Date(2014, 6, 30, 0, 0, 0, 0, strategy.Location), Scale: 2}
	err = demo.Generate(cur.Strategy, opt, func(day []inquiry.Inquiry) error {
		all = append(all, day...)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	f := &ingestFixture{db: db, cur: cur}
	months := map[civil.Month]bool{}
	for i := range all {
		in := &all[i]
		months[civil.DateOf(in.OccurredAt).YearMonth()] = true
		in.Source, in.ExternalID = "api:bench", fmt.Sprintf("bench-%d", i)
		if errs := inquiry.Check(cur.Strategy, inquiry.WindowFor(cur.Strategy, inquiry.DefaultHistoryYears, time.Now()), in); len(errs) > 0 {
			tb.Fatalf("the fixture's inquiry %d is invalid: %+v", i, errs)
		}
	}
	// The recorder makes PostgreSQL's monthly partitions of inquiries
	// (migration 0010) as it needs them; raw inserts need them made.
	if err := db.EnsureInquiryPartitions(ctx, slices.Collect(maps.Keys(months))...); err != nil {
		tb.Fatal(err)
	}
	for start := 0; start < len(all); start += ingestBatch {
		f.batches = append(f.batches, all[start:min(start+ingestBatch, len(all))])
	}
	return f
}

func (f *ingestFixture) size() int {
	n := 0
	for _, b := range f.batches {
		n += len(b)
	}
	return n
}

// withRollups sends a batch through the recorder: the raw rows, the
// duplicate check on the sender's id and the rollup cells, in one
// transaction, as POST /api/v1/inquiries does.
func (f *ingestFixture) withRollups(tb testing.TB, batch []inquiry.Inquiry) {
	res, err := inquiry.NewRecorder(f.db).Record(context.Background(), f.cur, batch)
	if err != nil {
		tb.Fatal(err)
	}
	if res.Recorded != len(batch) {
		tb.Fatalf("recorded %d of %d", res.Recorded, len(batch))
	}
}

// rawRowsPerInsert is the recorder's statement size, so that the two ways
// differ only in what the recorder adds.
const rawRowsPerInsert = 500

// raw inserts the same rows with plain multi-row INSERTs in one
// transaction: no duplicate check, no counts. It is the floor.
func (f *ingestFixture) raw(tb testing.TB, batch []inquiry.Inquiry) {
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Second)
	err := f.db.InTx(ctx, func(tx *sql.Tx) error {
		for start := 0; start < len(batch); start += rawRowsPerInsert {
			part := batch[start:min(start+rawRowsPerInsert, len(batch))]
			args := make([]any, 0, len(part)*18)
			for _, in := range part {
				var duration any
				if in.DurationSeconds != nil {
					duration = *in.DurationSeconds
				}
				args = append(args, f.cur.Municipality, f.cur.ID, in.OccurredAt.UTC().Truncate(time.Second),
					in.Channel, in.Type, in.Direction, in.Area, in.Department,
					in.ResolvedFirstContact, in.Guided, in.Assisted, in.Exempt, duration,
					in.Source, in.ExternalID, now, in.Test, nil)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO inquiries (municipality_id, strategy_version_id, occurred_at,
				channel, type, direction, area, department, resolved_first_contact, guided, assisted, exempt,
				duration_seconds, source, external_id, recorded_at, test, desk) VALUES `+f.db.ValuesList(len(part), 18), args...)
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

func (f *ingestFixture) empty(tb testing.TB) {
	for _, q := range []string{`DELETE FROM inquiry_counts`, `DELETE FROM inquiry_months`, `DELETE FROM inquiry_external_ids`, `DELETE FROM inquiries`} {
		if _, err := f.db.Exec(q); err != nil {
			tb.Fatal(err)
		}
	}
}

func (f *ingestFixture) stored(tb testing.TB) (rows, counted int64) {
	if err := f.db.QueryRow(`SELECT COUNT(*) FROM inquiries`).Scan(&rows); err != nil {
		tb.Fatal(err)
	}
	if err := f.db.QueryRow(`SELECT COALESCE(SUM(inquiries), 0) FROM inquiry_counts`).Scan(&counted); err != nil {
		tb.Fatal(err)
	}
	return rows, counted
}

// TestIngestFixture keeps the benchmark honest: both ways store every row
// of the fixture, and only the recorder counts them.
func TestIngestFixture(t *testing.T) {
	if testing.Short() {
		t.Skip("builds four months of inquiries")
	}
	f := newIngestFixture(t, storetest.DSN(t))
	n := int64(f.size())
	t.Logf("%d inquiries", n)
	if n < 10000 {
		t.Fatalf("the fixture has only %d inquiries", n)
	}
	for _, batch := range f.batches {
		f.withRollups(t, batch)
	}
	if rows, counted := f.stored(t); rows != n || counted != n {
		t.Errorf("with rollups: %d rows, %d counted, want %d", rows, counted, n)
	}
	f.empty(t)
	for _, batch := range f.batches {
		f.raw(t, batch)
	}
	if rows, counted := f.stored(t); rows != n || counted != 0 {
		t.Errorf("raw: %d rows, %d counted, want %d and 0", rows, counted, n)
	}
}

// BenchmarkIngest stores the fixture's inquiries batch by batch, 1,000 to
// a batch, with the rollups into one database and raw into another of the
// same engine, the two ways taking turns batch by batch, so that whatever
// else the machine does weighs on both alike; each stream starts again on
// empty tables when it runs out. One op is one batch each way. It reports
// the milliseconds per batch of each way and raw ÷ with-rollups, which
// BENCHMARKS.md records per engine; the goal is at least 0.5.
func BenchmarkIngest(b *testing.B) {
	for _, e := range engines() {
		b.Run(e.name, func(b *testing.B) {
			rollups, raw := newIngestFixture(b, e.dsn(b)), newIngestFixture(b, e.dsn(b))
			rollups.empty(b)
			raw.empty(b)
			var withRollups, plain time.Duration
			for i := 0; b.Loop(); i++ {
				if i > 0 && i%len(raw.batches) == 0 {
					rollups.empty(b)
					raw.empty(b)
				}
				start := time.Now()
				rollups.withRollups(b, rollups.batches[i%len(rollups.batches)])
				withRollups += time.Since(start)
				start = time.Now()
				raw.raw(b, raw.batches[i%len(raw.batches)])
				plain += time.Since(start)
			}
			b.ReportMetric(float64(withRollups.Microseconds())/1000/float64(b.N), "rollups-ms/batch")
			b.ReportMetric(float64(plain.Microseconds())/1000/float64(b.N), "raw-ms/batch")
			b.ReportMetric(plain.Seconds()/withRollups.Seconds(), "raw/rollups")
		})
	}
}
