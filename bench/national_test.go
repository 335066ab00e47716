package bench

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// The dashboard of a national installation on PostgreSQL: one database
// holding 98 demo municipalities — copies of the presets, each as large as
// a real Danish municipality (demo.Plan) — with 1, 10 and 100 million
// inquiries in all. Building one takes from a minute (1 M) to about an
// hour (100 M), so it is kept in the schema bench_national_N of the
// KANAL_TEST_DB database.

// nationalBuild names the way buildNational loads a database; change it
// when the loading changes, so that kept databases are built again.
const nationalBuild = "v10"

// nationalMunicipalities is how many municipalities Denmark has.
const nationalMunicipalities = 98

// nationalSizes are the volumes measured; KANAL_BENCH_NATIONAL_SIZES
// overrides them (comma-separated).
func nationalSizes(b *testing.B) []int {
	sizes := []int{1_000_000, 10_000_000, 100_000_000}
	if v := os.Getenv("KANAL_BENCH_NATIONAL_SIZES"); v != "" {
		sizes = nil
		for _, f := range strings.Split(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < nationalMunicipalities {
				b.Fatalf("KANAL_BENCH_NATIONAL_SIZES=%q: %q is not a number of inquiries of at least %d", v, f,
					nationalMunicipalities)
			}
			sizes = append(sizes, n)
		}
	}
	return sizes
}

type nationalFixture struct {
	db *store.DB
	// largest is the municipality with the most inquiries, whose page is
	// measured, and year the last year of its strategy.
	largest   *municipality.Current
	year      int
	inquiries int64 // the largest municipality's
	total     int64 // all municipalities'
}

// openNational opens the national database of a size, building it first
// if it is not complete.
func openNational(b testing.TB, size int) *nationalFixture {
	ctx := context.Background()
	db, err := store.Open(ctx, schemaDSN(b, fmt.Sprintf("bench_national_%d", size)))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	plan, err := demo.Plan(nationalMunicipalities, size)
	if err != nil {
		b.Fatal(err)
	}
	// The mark names a finished build. Unlike the dashboard fixture's, it
	// does not name the schema version: an hour's build is kept across
	// migrations, which Migrate has just applied to it as to any
	// installation; nationalBuild names the way it was built.
	var done int
	mark := fmt.Sprintf("national %d×%d@%s", nationalMunicipalities, size, nationalBuild)
	err = db.QueryRow(`SELECT COUNT(*) FROM audit_events WHERE action = 'bench_built' AND target = $1`, mark).Scan(&done)
	if err != nil {
		b.Fatal(err)
	}
	reg := municipality.NewRegistry(db)
	if done == 0 {
		start := time.Now()
		buildNational(b, db, reg, plan)
		if err := audit.Record(ctx, db, plan[0].ID, audit.System, "bench_built", mark, ""); err != nil {
			b.Fatal(err)
		}
		b.Logf("national/%s: built %d inquiries in %d municipalities and their counts in %s", sizeName(size), size,
			len(plan), time.Since(start).Round(time.Second))
	}
	largest := plan[0]
	for _, c := range plan {
		if c.Target > largest.Target {
			largest = c
		}
	}
	f := &nationalFixture{db: db}
	if f.largest, err = reg.Current(ctx, largest.ID); err != nil {
		b.Fatal(err)
	}
	f.year = f.largest.Strategy.Period.To
	err = db.QueryRow(`SELECT COALESCE(SUM(inquiries), 0) FROM inquiry_months WHERE municipality_id = $1`,
		largest.ID).Scan(&f.inquiries)
	if err != nil {
		b.Fatal(err)
	}
	if err := db.QueryRow(`SELECT COALESCE(SUM(inquiries), 0) FROM inquiry_months`).Scan(&f.total); err != nil {
		b.Fatal(err)
	}
	return f
}

// buildNational loads every copy's strategy and its demo traffic, cut at
// its target, as raw rows, and then builds the counts with rollup.Rebuild,
// as an upgrade would. It starts from empty tables, so that a build that
// was stopped is not counted twice.
func buildNational(b testing.TB, db *store.DB, reg *municipality.Registry, plan []demo.Copy) {
	ctx := context.Background()
	if _, err := db.Exec(`TRUNCATE inquiries, inquiry_external_ids, inquiry_counts, inquiry_months`); err != nil {
		b.Fatal(err)
	}
	w := newRowWriter(db)
	rates := map[string]float64{}
	start, written := time.Now(), 0
	for i, c := range plan {
		doc, err := c.Document()
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := reg.Load(ctx, audit.System, c.Preset+" ("+c.ID+")", doc); err != nil {
			b.Fatalf("load the strategy of %s: %v", c.ID, err)
		}
		cur, err := reg.Current(ctx, c.ID)
		if err != nil {
			b.Fatal(err)
		}
		rate, ok := rates[c.Preset]
		if !ok {
			rate = demo.Rate(cur.Strategy)
			rates[c.Preset] = rate
		}
		n := 0
		err = demo.Generate(cur.Strategy, demo.Options{Scale: c.Scale(rate)}, func(day []inquiry.Inquiry) error {
			for i := range day {
				if n == c.Target {
					return errFull
				}
				if err := w.add(ctx, cur, &day[i]); err != nil {
					return err
				}
				n++
			}
			return nil
		})
		if err != nil && !errors.Is(err, errFull) {
			w.wait()
			b.Fatal(err)
		}
		written += n
		if (i+1)%10 == 0 || i == len(plan)-1 {
			b.Logf("%d of %d municipalities, %d inquiries, %.0f a second", i+1, len(plan), written,
				float64(written)/time.Since(start).Seconds())
		}
	}
	if err := w.close(ctx); err != nil {
		b.Fatal(err)
	}
	if planned := sumTargets(plan); written > planned || written < planned*99/100 {
		b.Fatalf("wrote %d inquiries, planned %d", written, planned)
	}
	// Two rebuilds at a time, one a core: each municipality's is its own.
	var g errgroup.Group
	g.SetLimit(2)
	for _, c := range plan {
		g.Go(func() error {
			_, err := rollup.Rebuild(ctx, db, c.ID)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Exec(`ANALYZE`); err != nil {
		b.Fatal(err)
	}
}

var errFull = errors.New("the municipality has its inquiries")

func sumTargets(plan []demo.Copy) int {
	n := 0
	for _, c := range plan {
		n += c.Target
	}
	return n
}

func sizeName(size int) string {
	if size >= 1_000_000 {
		return fmt.Sprintf("%dM", size/1_000_000)
	}
	return fmt.Sprintf("%dk", size/1000)
}

// BenchmarkDashboardNational measures, on PostgreSQL only, the figures
// page of the largest of 98 municipalities for the last year of its
// strategy, as the real server answers it to a signed-in strategy-group
// user, at each national volume. BENCHMARKS.md records page time and
// 100 M ÷ 1 M: the page reads the municipality's monthly cells, so the
// other 97 municipalities' inquiries should not slow it.
func BenchmarkDashboardNational(b *testing.B) {
	if os.Getenv(storetest.EnvDB) == "" {
		b.Skip("a national installation runs on PostgreSQL: set " + storetest.EnvDB)
	}
	for _, size := range nationalSizes(b) {
		f := openNational(b, size)
		b.Logf("national/%s: %d inquiries in all, %d of them in %s (%s)", sizeName(size), f.total, f.inquiries,
			f.largest.Municipality, f.largest.Strategy.Municipality.Name)
		c, base := serveAs(b, f.db, f.largest.Municipality)
		path := fmt.Sprintf("/m/%s/figures?period=year&year=%d", f.largest.Municipality, f.year)
		b.Run("postgres/"+sizeName(size)+"/page", func(b *testing.B) {
			for b.Loop() {
				getOK(b, c, base+path, `id="table-areas"`)
			}
		})
	}
}

// TestNationalFixture keeps the national benchmark honest on a small
// database: every municipality gets about its planned share and no more,
// and every loaded inquiry is counted once, in its municipality.
func TestNationalFixture(t *testing.T) {
	if testing.Short() || os.Getenv(storetest.EnvDB) == "" {
		t.Skip("builds a PostgreSQL database of 98 municipalities")
	}
	const size = 30_000
	f := openNational(t, size)
	if f.total > size || f.total < size*99/100 {
		t.Errorf("%d inquiries counted, %d planned", f.total, size)
	}
	plan, err := demo.Plan(nationalMunicipalities, size)
	if err != nil {
		t.Fatal(err)
	}
	raw := perMunicipality(t, f.db, `SELECT municipality_id, COUNT(*) FROM inquiries GROUP BY municipality_id`)
	counted := perMunicipality(t, f.db, `SELECT municipality_id, SUM(inquiries) FROM inquiry_months GROUP BY municipality_id`)
	for _, c := range plan {
		if raw[c.ID] > c.Target || raw[c.ID] < c.Target*9/10 || raw[c.ID] != counted[c.ID] {
			t.Errorf("%s: %d inquiries loaded, %d counted, %d planned", c.ID, raw[c.ID], counted[c.ID], c.Target)
		}
	}
	if len(raw) != nationalMunicipalities || len(counted) != nationalMunicipalities {
		t.Errorf("inquiries in %d municipalities, counts in %d, want %d", len(raw), len(counted), nationalMunicipalities)
	}
}

func perMunicipality(t *testing.T, db *store.DB, query string) map[string]int {
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			t.Fatal(err)
		}
		out[id] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
