package bench

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
	"github.com/kanal-dk/kanal/internal/web"
)

// The dashboard at 1 and 10 million inquiries: Tårnby's preset with its
// demo traffic scaled up over the strategy period 2016–2018. Building such
// a database takes minutes, so it is kept between runs: SQLite files in
// $KANAL_BENCH_CACHE (default the temporary folder's kanal-bench) and
// PostgreSQL schemas bench_dashboard_N in the KANAL_TEST_DB database.

// taarnbyVolume is the preset's demo volume over its period, for scaling.
const taarnbyVolume = 385102

// dashboardSizes are the volumes measured; KANAL_BENCH_SIZES overrides
// them (comma-separated).
func dashboardSizes(b *testing.B) []int {
	sizes := []int{1_000_000, 10_000_000}
	if v := os.Getenv("KANAL_BENCH_SIZES"); v != "" {
		sizes = nil
		for _, f := range strings.Split(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil {
				b.Fatalf("KANAL_BENCH_SIZES=%q: %v", v, err)
			}
			sizes = append(sizes, n)
		}
	}
	return sizes
}

// cachedDSN is where the database of a size is kept.
func cachedDSN(b *testing.B, engine string, size int) string {
	if engine == "sqlite" {
		dir := os.Getenv("KANAL_BENCH_CACHE")
		if dir == "" {
			dir = filepath.Join(os.TempDir(), "kanal-bench")
		}
		return "sqlite:" + filepath.Join(dir, fmt.Sprintf("dashboard-%d.db", size))
	}
	return schemaDSN(b, fmt.Sprintf("bench_dashboard_%d", size))
}

// schemaDSN is the KANAL_TEST_DB database with the search path set to a
// schema of its own, created if it is missing.
func schemaDSN(b testing.TB, schema string) string {
	base := os.Getenv(storetest.EnvDB)
	admin, err := store.Open(context.Background(), base)
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA IF NOT EXISTS ` + schema); err != nil {
		b.Fatal(err)
	}
	u, err := url.Parse(base)
	if err != nil {
		b.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

type dashboardFixture struct {
	db        *store.DB
	cur       *municipality.Current
	inquiries int64
	// mark names a finished build: the size and the schema version.
	mark string
}

// openDashboardFixture opens the database of a size, building it first if
// it is not complete.
func openDashboardFixture(b *testing.B, engine string, size int) *dashboardFixture {
	ctx := context.Background()
	db, err := store.Open(ctx, cachedDSN(b, engine, size))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	reg := kanaltest.LoadPresets(b, db)
	cur := kanaltest.Current(b, reg, "taarnby")
	f := &dashboardFixture{db: db, cur: cur}
	// A database built under an older schema is built again.
	var version, done int
	if err := db.QueryRow(`SELECT MAX(version) FROM schema_migrations`).Scan(&version); err != nil {
		b.Fatal(err)
	}
	f.mark = fmt.Sprintf("%d@v%d", size, version)
	if err := db.QueryRow(`SELECT COUNT(*) FROM audit_events WHERE action = 'bench_built' AND target = $1`, f.mark).Scan(&done); err != nil {
		b.Fatal(err)
	}
	if done == 0 {
		start := time.Now()
		f.build(b, size)
		b.Logf("%s: built %d inquiries and their counts in %s", engine, size, time.Since(start).Round(time.Second))
	}
	if err := db.QueryRow(`SELECT COALESCE(SUM(inquiries), 0) FROM inquiry_months WHERE municipality_id = 'taarnby'`).Scan(&f.inquiries); err != nil {
		b.Fatal(err)
	}
	return f
}

var inquiryColumns = []string{"municipality_id", "strategy_version_id", "occurred_at", "channel", "type", "direction", "area",
	"department", "resolved_first_contact", "guided", "assisted", "exempt", "duration_seconds", "source", "recorded_at", "test"}

// build loads the demo traffic scaled to size as raw rows — the fastest
// way each engine has, since loading is not what is measured — and then
// builds the counts from them with rollup.Rebuild, as an upgrade would.
func (f *dashboardFixture) build(b testing.TB, size int) {
	ctx := context.Background()
	for _, t := range []string{"inquiry_counts", "inquiry_months", "inquiries"} {
		if _, err := f.db.Exec(`DELETE FROM ` + t + ` WHERE municipality_id = 'taarnby'`); err != nil {
			b.Fatal(err)
		}
	}
	w := newRowWriter(f.db)
	opt := demo.Options{Scale: float64(size) / taarnbyVolume, Seed: 1}
	err := demo.Generate(f.cur.Strategy, opt, func(day []inquiry.Inquiry) error {
		for i := range day {
			if err := w.add(ctx, f.cur, &day[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = w.close(ctx)
	} else {
		w.wait()
	}
	if err != nil {
		b.Fatal(err)
	}
	if _, err := rollup.Rebuild(ctx, f.db, f.cur.Municipality); err != nil {
		b.Fatal(err)
	}
	if err := audit.Record(ctx, f.db, f.cur.Municipality, audit.System, "bench_built", f.mark, ""); err != nil {
		b.Fatal(err)
	}
}

// A rowWriter loads checked demo inquiries as raw rows in batches of
// 50,000, bypassing the recorder and its counts. A batch is written while
// the next is generated, on the other core.
type rowWriter struct {
	db   *store.DB
	now  time.Time
	rows [][]any
	// months are the batch's months: raw rows bypass the recorder, which
	// makes PostgreSQL's monthly partitions of inquiries (migration 0010),
	// so the writer makes them.
	months map[civil.Month]bool
	// writing is the batch being written, if any: it says when it is done.
	writing chan error
}

func newRowWriter(db *store.DB) *rowWriter {
	return &rowWriter{db: db, now: time.Now().UTC().Truncate(time.Second), months: map[civil.Month]bool{}}
}

// add checks a generated inquiry against its strategy and queues it.
func (w *rowWriter) add(ctx context.Context, cur *municipality.Current, in *inquiry.Inquiry) error {
	in.Source = demo.Source
	if errs := inquiry.Check(cur.Strategy, inquiry.WindowFor(cur.Strategy, inquiry.DefaultHistoryYears, time.Now()), in); len(errs) > 0 {
		return fmt.Errorf("generated an invalid inquiry: %+v", errs)
	}
	var duration any
	if in.DurationSeconds != nil {
		duration = *in.DurationSeconds
	}
	w.months[civil.DateOf(in.OccurredAt).YearMonth()] = true
	w.rows = append(w.rows, []any{cur.Municipality, cur.ID, in.OccurredAt.UTC().Truncate(time.Second), in.Channel, in.Type,
		in.Direction, in.Area, in.Department, in.ResolvedFirstContact, in.Guided, in.Assisted, in.Exempt, duration,
		in.Source, w.now, false})
	if len(w.rows) >= 50_000 {
		return w.flush(ctx)
	}
	return nil
}

// flush starts writing the queued rows, once the batch before is written.
func (w *rowWriter) flush(ctx context.Context) error {
	if err := w.wait(); err != nil || len(w.rows) == 0 {
		return err
	}
	rows, months := w.rows, slices.Collect(maps.Keys(w.months))
	w.rows, w.writing = make([][]any, 0, len(rows)), make(chan error, 1)
	clear(w.months)
	go func() {
		err := w.db.EnsureInquiryPartitions(ctx, months...)
		if err == nil {
			err = insertRows(ctx, w.db, rows)
		}
		w.writing <- err
	}()
	return nil
}

// wait waits for the batch being written.
func (w *rowWriter) wait() error {
	if w.writing == nil {
		return nil
	}
	err := <-w.writing
	w.writing = nil
	return err
}

// close writes what is queued and waits until every row is written.
func (w *rowWriter) close(ctx context.Context) error {
	if err := w.flush(ctx); err != nil {
		return err
	}
	return w.wait()
}

// insertRows writes raw inquiry rows: COPY on PostgreSQL, multi-row
// INSERTs in one transaction on SQLite.
func insertRows(ctx context.Context, db *store.DB, rows [][]any) error {
	if db.Engine == store.Postgres {
		conn, err := db.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		return conn.Raw(func(dc any) error {
			_, err := dc.(*stdlib.Conn).Conn().CopyFrom(ctx, pgx.Identifier{"inquiries"}, inquiryColumns, pgx.CopyFromRows(rows))
			return err
		})
	}
	return db.InTx(ctx, func(tx *sql.Tx) error {
		for start := 0; start < len(rows); start += 500 {
			part := rows[start:min(start+500, len(rows))]
			args := make([]any, 0, len(part)*len(inquiryColumns))
			for _, r := range part {
				args = append(args, r...)
			}
			q := `INSERT INTO inquiries (` + strings.Join(inquiryColumns, ", ") + `) VALUES ` + db.ValuesList(len(part), len(inquiryColumns))
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return err
			}
		}
		return nil
	})
}

// serve starts the real server on loopback and signs a strategy-group
// user of Tårnby in through the sign-in form.
func (f *dashboardFixture) serve(b *testing.B) (*http.Client, string) {
	return serveAs(b, f.db, "taarnby")
}

// serveAs starts the real server on db on loopback and signs a
// strategy-group user of the municipality in through the sign-in form.
func serveAs(b *testing.B, db *store.DB, municipalityID string) (*http.Client, string) {
	ctx := context.Background()
	reg := municipality.NewRegistry(db)
	users := auth.NewUsers(db, reg)
	email, password := "bench@"+municipalityID+".demo", "en lang adgangskode til målingen"
	_, _, err := users.Add(ctx, audit.System, auth.NewUser{Municipality: municipalityID, Email: email, Role: auth.StrategyGroup,
		Password: password})
	var taken *auth.InputError
	if err != nil && !(errors.As(err, &taken) && taken.Key == "auth.email_taken") {
		b.Fatal(err)
	}
	srv, err := web.New(web.Options{DB: db, Registry: reg, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	b.Cleanup(ts.Close)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.PostForm(ts.URL+"/login", url.Values{"email": {email}, "password": {password}})
	if err != nil {
		b.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path == "/login" {
		b.Fatal("the benchmark user could not sign in")
	}
	return c, ts.URL
}

// BenchmarkDashboard measures, for each engine and size: the dashboard
// page for a year as the server answers it (page), the same figures from
// the rollups in process (rollups), and computed naively by grouping the
// raw inquiries (naive). BENCHMARKS.md records page time, naive ÷ rollups
// at 10 M, and 10 M ÷ 1 M.
func BenchmarkDashboard(b *testing.B) {
	engines := []string{"sqlite"}
	if os.Getenv(storetest.EnvDB) != "" {
		engines = append(engines, "postgres")
	}
	filter := measure.Year(2018)
	for _, engine := range engines {
		for _, size := range dashboardSizes(b) {
			f := openDashboardFixture(b, engine, size)
			name := fmt.Sprintf("%s/%dM", engine, size/1_000_000)
			if size < 1_000_000 {
				name = fmt.Sprintf("%s/%dk", engine, size/1000)
			}
			b.Logf("%s: %d inquiries counted", name, f.inquiries)
			c, base := f.serve(b)
			b.Run(name+"/page", func(b *testing.B) {
				for b.Loop() {
					resp, err := c.Get(base + "/m/taarnby/figures?period=year&year=2018")
					if err != nil {
						b.Fatal(err)
					}
					body, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `id="table-areas"`) {
						b.Fatalf("the page answered %d", resp.StatusCode)
					}
				}
			})
			for _, way := range []struct {
				name string
				read measure.Reader
			}{{"rollups", rollup.Read}, {"naive", rollup.ReadRaw}} {
				src := measure.NewSource(f.db, municipality.NewRegistry(f.db))
				src.Read = way.read
				b.Run(name+"/"+way.name, func(b *testing.B) {
					for b.Loop() {
						d, err := src.Load(context.Background(), "taarnby", f.cur.Strategy, filter)
						if err != nil {
							b.Fatal(err)
						}
						if d.Inquiries == 0 {
							b.Fatal("no inquiries in 2018")
						}
					}
				})
			}
		}
	}
}

// TestDashboardFixture keeps the benchmark honest on a small database:
// the loaded inquiries are all counted, and the rollups and the naive
// grouping give the same dashboard.
func TestDashboardFixture(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a database")
	}
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "taarnby")
	f := &dashboardFixture{db: db, cur: cur}
	f.build(t, 20_000)
	var raw, counted int64
	if err := db.QueryRow(`SELECT COUNT(*) FROM inquiries`).Scan(&raw); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT SUM(inquiries) FROM inquiry_months`).Scan(&counted); err != nil {
		t.Fatal(err)
	}
	if raw < 15_000 || raw != counted {
		t.Fatalf("%d inquiries loaded, %d counted", raw, counted)
	}
	filter := measure.Year(2018)
	fromRollups, fromRaw := measure.NewSource(db, reg), measure.NewSource(db, reg)
	fromRaw.Read = rollup.ReadRaw
	fast, err := fromRollups.Load(ctx, "taarnby", cur.Strategy, filter)
	if err != nil {
		t.Fatal(err)
	}
	naive, err := fromRaw.Load(ctx, "taarnby", cur.Strategy, filter)
	if err != nil {
		t.Fatal(err)
	}
	if fast.Inquiries == 0 || fast.Inquiries != naive.Inquiries || fast.Cost != naive.Cost {
		t.Errorf("rollups %d inquiries %.0f kr., naive %d %.0f kr.", fast.Inquiries, fast.Cost, naive.Inquiries, naive.Cost)
	}
}

// BenchmarkDashboardExport measures, for each engine and size, the
// download of one table — the key figures as CSV, the smallest — against
// the whole page for the same year, over the same loopback server.
// BENCHMARKS.md records export ÷ page: an export that builds only its
// table costs a fraction of the page.
func BenchmarkDashboardExport(b *testing.B) {
	engines := []string{"sqlite"}
	if os.Getenv(storetest.EnvDB) != "" {
		engines = append(engines, "postgres")
	}
	for _, engine := range engines {
		for _, size := range dashboardSizes(b) {
			f := openDashboardFixture(b, engine, size)
			name := fmt.Sprintf("%s/%dk", engine, size/1000)
			c, base := f.serve(b)
			for _, way := range []struct{ name, path, want string }{
				{"page", "/m/taarnby/figures?period=year&year=2018", `id="table-areas"`},
				{"export-key-figures-csv", "/m/taarnby/figures/export?period=year&year=2018&table=key-figures&format=csv", "Digital"},
				{"export-areas-xlsx", "/m/taarnby/figures/export?period=year&year=2018&table=areas&format=xlsx", "PK"},
				{"export-targets-csv", "/m/taarnby/figures/export?period=year&year=2018&table=targets&format=csv", "2018"},
			} {
				b.Run(name+"/"+way.name, func(b *testing.B) {
					var n int
					for b.Loop() {
						n = getOK(b, c, base+way.path, way.want)
					}
					b.ReportMetric(float64(n), "bytes/answer")
				})
			}
		}
	}
}

// getOK fetches a path and fails unless it answers 200 with want in the
// body; it returns the body's length.
func getOK(b *testing.B, c *http.Client, u, want string) int {
	resp, err := c.Get(u)
	if err != nil {
		b.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
		b.Fatalf("%s answered %d (%v)", u, resp.StatusCode, err)
	}
	return len(body)
}

// BenchmarkDashboardMemory measures the server's memory under dashboard
// load: eight signed-in clients ask for the year's page at once, over and
// over, while a sampler reads the Go heap in use (runtime/metrics) and the
// process's resident memory (VmRSS) every 10 ms. The server runs in the
// benchmark's process, so the figures are an upper bound for the server
// alone: they include the clients and the test binary. peak-heap-MB and
// peak-rss-MB are the highest samples; base-rss-MB is the resident memory
// before the load.
func BenchmarkDashboardMemory(b *testing.B) {
	engines := []string{"sqlite"}
	if os.Getenv(storetest.EnvDB) != "" {
		engines = append(engines, "postgres")
	}
	for _, engine := range engines {
		for _, size := range dashboardSizes(b) {
			f := openDashboardFixture(b, engine, size)
			c, base := f.serve(b)
			b.Run(fmt.Sprintf("%s/%dk/8-clients", engine, size/1000), func(b *testing.B) {
				runtime.GC()
				baseRSS := residentBytes(b)
				var peakHeap, peakRSS uint64
				stop, done := make(chan struct{}), make(chan struct{})
				go func() {
					defer close(done)
					sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
					tick := time.NewTicker(10 * time.Millisecond)
					defer tick.Stop()
					for {
						metrics.Read(sample)
						peakHeap = max(peakHeap, sample[0].Value.Uint64())
						peakRSS = max(peakRSS, residentBytes(b))
						select {
						case <-stop:
							return
						case <-tick.C:
						}
					}
				}()
				b.SetParallelism(4) // 4 × GOMAXPROCS (2) = 8 clients
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						getOK(b, c, base+"/m/taarnby/figures?period=year&year=2018", `id="table-areas"`)
					}
				})
				close(stop)
				<-done
				b.ReportMetric(float64(peakHeap)/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64(peakRSS)/(1<<20), "peak-rss-MB")
				b.ReportMetric(float64(baseRSS)/(1<<20), "base-rss-MB")
			})
		}
	}
}

// residentBytes is the process's resident memory, from /proc/self/status.
func residentBytes(b *testing.B) uint64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				b.Fatal(err)
			}
			return kb << 10
		}
	}
	b.Fatal("no VmRSS in /proc/self/status")
	return 0
}
