package bench

import (
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
	"github.com/kanal-dk/kanal/internal/web"
)

// guidanceQuery is the question a phone platform asks when a citizen
// writes a letter about a transaction: a decision with reasons and a
// script, on a fixed day so that every answer is the same.
const guidanceQuery = "/api/v1/guidance?area=23.05.10&type=transaction&channel=letter&at=2013-03-05T10:00:00%2B01:00"

// loadClients is how many keep-alive clients the load generator runs.
const loadClients = 8

// BenchmarkGuidanceHTTP measures guidance as a phone platform gets it:
// GET /api/v1/guidance with an API key, answered by the real server on a
// loopback port, under load from a separate process (bench/loadgen) with
// eight keep-alive clients, against bare: a net/http handler that answers
// the same body with the same headers and does nothing else, the most any
// handler could reach on this machine. The two take turns in rounds of a
// quarter of the requests each, so that a change in the machine's load
// (other work on a shared machine) falls on both alike. ratio is bare's
// time per request divided by guidance's, that is guidance's requests per
// second as a share of bare's (goal ≥ 0.7); ns/op and p50-µs are
// guidance's, bare-ns/op and bare-p50-µs bare's (the median of the
// rounds' medians).
func BenchmarkGuidanceHTTP(b *testing.B) {
	loadgen := buildLoadgen(b)
	engines := []string{"sqlite"}
	if os.Getenv(storetest.EnvDB) != "" {
		engines = append(engines, "postgres")
	}
	for _, engine := range engines {
		// Set up once: b.Run calls its function again for each b.N.
		url, secret := serveGuidance(b, engine)
		body := fetchGuidance(b, url, secret)
		bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.Write(body)
		}))
		b.Cleanup(bare.Close)
		b.Run(engine, func(b *testing.B) {
			const rounds = 4
			var guidance, plain loadResult
			for i := range rounds {
				n := b.N / rounds
				if i < b.N%rounds {
					n++
				}
				if n == 0 {
					continue
				}
				plain.add(runLoad(b, loadgen, bare.URL+guidanceQuery, "Bearer kanal_live_bare", len(body), n))
				guidance.add(runLoad(b, loadgen, url, "Bearer "+secret, len(body), n))
			}
			b.ReportMetric(guidance.perRequest(), "ns/op")
			b.ReportMetric(plain.perRequest(), "bare-ns/op")
			b.ReportMetric(plain.perRequest()/guidance.perRequest(), "ratio")
			b.ReportMetric(guidance.p50()/1e3, "p50-µs")
			b.ReportMetric(plain.p50()/1e3, "bare-p50-µs")
		})
	}
}

// loadResult adds up the load generator's rounds.
type loadResult struct {
	requests, elapsedNs int64
	p50s                []int64
}

func (l *loadResult) add(r loadRound) {
	l.requests += r.Requests
	l.elapsedNs += r.ElapsedNs
	l.p50s = append(l.p50s, r.P50Ns)
}

func (l *loadResult) perRequest() float64 { return float64(l.elapsedNs) / float64(l.requests) }

func (l *loadResult) p50() float64 {
	s := slices.Clone(l.p50s)
	slices.Sort(s)
	return float64(s[len(s)/2])
}

// loadRound is what the load generator prints.
type loadRound struct {
	Requests  int64 `json:"requests"`
	ElapsedNs int64 `json:"elapsed_ns"`
	P50Ns     int64 `json:"p50_ns"`
	P99Ns     int64 `json:"p99_ns"`
	Bad       int64 `json:"bad"`
}

// buildLoadgen builds the load generator into the benchmark's temporary
// folder.
func buildLoadgen(b *testing.B) string {
	path := filepath.Join(b.TempDir(), "loadgen")
	cmd := exec.Command("go", "build", "-o", path, "github.com/kanal-dk/kanal/bench/loadgen")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("build the load generator: %v\n%s", err, out)
	}
	return path
}

// serveGuidance starts the real server on a fresh database of the engine
// with the presets and a read key for Dragør, logging as kanal serve does
// by default (text lines at the info level, with its masking of personal
// data; here to nowhere).
func serveGuidance(b *testing.B, engine string) (url, secret string) {
	ctx := context.Background()
	db := openBenchDB(b, engine)
	reg := kanaltest.LoadPresets(b, db)
	secret, _, err := auth.NewKeys(db).Add(ctx, audit.System, "dragoer", "telefoni", []auth.KeyPermission{auth.Read}, false)
	if err != nil {
		b.Fatal(err)
	}
	log, err := config.Config{LogFormat: "text", LogLevel: "info"}.Logger(io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	srv, err := web.New(web.Options{DB: db, Registry: reg, Log: log})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	b.Cleanup(ts.Close)
	return ts.URL + guidanceQuery, secret
}

// fetchGuidance asks once and checks that the answer is a guidance.
func fetchGuidance(b *testing.B, url, secret string) []byte {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		b.Fatal(err)
	}
	var answer struct {
		Recommended string   `json:"recommended"`
		Reasons     []string `json:"reasons"`
	}
	if err := json.Unmarshal(body, &answer); err != nil || resp.StatusCode != http.StatusOK || answer.Recommended == "" || len(answer.Reasons) == 0 {
		b.Fatalf("guidance: %d %v\n%s", resp.StatusCode, err, body)
	}
	return body
}

// runLoad runs the load generator for n requests.
func runLoad(b *testing.B, loadgen, url, authorization string, size, n int) loadRound {
	cmd := exec.Command(loadgen, "-url", url, "-n", strconv.Itoa(n), "-c", strconv.Itoa(loadClients),
		"-auth", authorization, "-size", strconv.Itoa(size))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("load generator: %v", err)
	}
	var res loadRound
	if err := json.Unmarshal(out, &res); err != nil {
		b.Fatalf("load generator said %q: %v", out, err)
	}
	if res.Bad > 0 || res.Requests != int64(n) {
		b.Fatalf("%d of %d answers were not 200 with a body of %d bytes", res.Bad, res.Requests, size)
	}
	return res
}

// BenchmarkHotQuery measures what preparing a statement once saves on
// each engine, for the query Keys.Verify runs when its memory has expired
// (once a second per key and instance): plain is QueryRowContext with the
// SQL text, prepared a statement from store.DB.Prepared. The verdict
// decides store.DB.QueryRowPrepared: prepared on SQLite, plain on
// PostgreSQL.
func BenchmarkHotQuery(b *testing.B) {
	engines := []string{"sqlite"}
	if os.Getenv(storetest.EnvDB) != "" {
		engines = append(engines, "postgres")
	}
	const query = `SELECT id, municipality_id, name, prefix, permissions, test, created_at, created_by, last_used_at, revoked_at
		FROM api_keys WHERE key_hash = $1`
	for _, engine := range engines {
		b.Run(engine, func(b *testing.B) {
			ctx := context.Background()
			db := openBenchDB(b, engine)
			kanaltest.LoadPresets(b, db)
			if _, _, err := auth.NewKeys(db).Add(ctx, audit.System, "dragoer", "telefoni", []auth.KeyPermission{auth.Read}, false); err != nil {
				b.Fatal(err)
			}
			var hash string
			if err := db.QueryRow(`SELECT key_hash FROM api_keys`).Scan(&hash); err != nil {
				b.Fatal(err)
			}
			for _, way := range []struct {
				name string
				row  func() *sql.Row
			}{
				{"plain", func() *sql.Row { return db.QueryRowContext(ctx, query, hash) }},
				{"prepared", func() *sql.Row {
					st, err := db.Prepared(ctx, query)
					if err != nil {
						b.Fatal(err)
					}
					return st.QueryRowContext(ctx, hash)
				}},
			} {
				b.Run(way.name, func(b *testing.B) {
					b.RunParallel(func(pb *testing.PB) {
						var id int64
						var m, name, prefix, perms, by string
						var test bool
						var created time.Time
						var used, revoked sql.NullTime
						for pb.Next() {
							if err := way.row().Scan(&id, &m, &name, &prefix, &perms, &test, &created, &by, &used, &revoked); err != nil {
								b.Fatal(err)
							}
						}
					})
				})
			}
		})
	}
}

// openBenchDB opens a fresh, migrated database of the engine: an SQLite
// file in the benchmark's temporary folder, or a schema of its own in
// KANAL_TEST_DB.
func openBenchDB(b *testing.B, engine string) *store.DB {
	if engine != "sqlite" {
		return storetest.Open(b)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, "sqlite:"+filepath.Join(b.TempDir(), "kanal.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	return db
}
