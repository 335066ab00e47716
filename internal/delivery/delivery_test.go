package delivery

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// clock is a fake clock the tests move by hand instead of sleeping.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Now().UTC().Truncate(time.Second)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// receiver is the case system: it counts each idempotency key it accepted
// and checks every signature. While down it answers 503 (or, with the
// closed port mode, is not listening at all).
type receiver struct {
	t      *testing.T
	secret string
	now    func() time.Time

	mu       sync.Mutex
	down     bool
	delay    time.Duration
	accepted map[string]int
	bodies   map[string]string
	bad      []string
	posts    int
}

func newReceiver(t *testing.T, now func() time.Time) *receiver {
	return &receiver{t: t, now: now, accepted: map[string]int{}, bodies: map[string]string{}}
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.posts++
	if rc.down {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	if rc.delay > 0 {
		rc.mu.Unlock()
		time.Sleep(rc.delay)
		rc.mu.Lock()
	}
	key := r.Header.Get("Idempotency-Key")
	switch {
	case r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || r.Header.Get("Kanal-Event") == "":
		rc.bad = append(rc.bad, fmt.Sprintf("%s: %s %q %q", key, r.Method, r.Header.Get("Content-Type"), r.Header.Get("Kanal-Event")))
	case Verify(rc.secret, r.Header, body, rc.now(), 5*time.Minute) != nil:
		rc.bad = append(rc.bad, fmt.Sprintf("%s: %v", key, Verify(rc.secret, r.Header, body, rc.now(), 5*time.Minute)))
	}
	rc.accepted[key]++
	rc.bodies[key] = string(body)
	w.WriteHeader(http.StatusAccepted)
}

func (rc *receiver) setDown(down bool) {
	rc.mu.Lock()
	rc.down = down
	rc.mu.Unlock()
}

// exactlyOnce checks that every key was accepted once, with a good
// signature, and nothing else was.
func (rc *receiver) exactlyOnce(t *testing.T, keys []string) {
	t.Helper()
	rc.mu.Lock()
	defer rc.mu.Unlock()
	for _, k := range keys {
		if rc.accepted[k] != 1 {
			t.Errorf("key %s accepted %d times, want once", k, rc.accepted[k])
		}
	}
	if len(rc.accepted) != len(keys) {
		t.Errorf("accepted %d keys, want %d", len(rc.accepted), len(keys))
	}
	for _, b := range rc.bad {
		t.Errorf("bad delivery: %s", b)
	}
}

// fixture is a migrated database with two municipalities, Dragør with an
// endpoint at the receiver.
type fixture struct {
	db     *store.DB
	dsn    string
	outbox *Outbox
	clock  *clock
	rc     *receiver
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	dsn := storetest.DSN(t)
	db := openDB(t, dsn)
	ctx := context.Background()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"dragoer", "taarnby"} {
		if _, err := db.ExecContext(ctx, `INSERT INTO municipalities (id, name, created_at) VALUES ($1, $1, $2)`, m, time.Now().UTC()); err != nil {
			t.Fatal(err)
		}
	}
	f := &fixture{db: db, dsn: dsn, outbox: NewOutbox(db), clock: newClock()}
	f.outbox.now = f.clock.Now
	f.rc = newReceiver(t, f.clock.Now)
	return f
}

func openDB(t *testing.T, dsn string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// endpoint points Dragør at url and gives the receiver the secret.
func (f *fixture) endpoint(t *testing.T, url string) {
	t.Helper()
	secret, err := f.outbox.SetEndpoint(context.Background(), audit.System, "dragoer", url)
	if err != nil {
		t.Fatal(err)
	}
	f.rc.secret = secret
}

// enqueue commits n deliveries for Dragør, each in its own transaction
// as a submission would, and returns their keys.
func (f *fixture) enqueue(t *testing.T, n int) []string {
	t.Helper()
	var keys []string
	for i := range n {
		key := fmt.Sprintf("case-%d", i)
		err := f.db.InTx(context.Background(), func(tx *sql.Tx) error {
			return enqueue(context.Background(), tx, f.clock.Now(), "dragoer", "case.submitted", key,
				[]byte(fmt.Sprintf(`{"event":"case.submitted","reference":%q}`, key)))
		})
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, key)
	}
	return keys
}

// worker is a worker of the fixture; it allows private addresses
// explicitly, as the receivers are httptest servers on loopback.
func (f *fixture) worker(db *store.DB) *Worker {
	return &Worker{DB: db, Now: f.clock.Now, Timeout: 2 * time.Second, AllowPrivate: true}
}

// row is a delivery as stored, read straight from the table.
type row struct {
	state, lastError string
	attempts         int
	lastStatus       sql.NullInt64
	next             time.Time
}

func (f *fixture) rows(t *testing.T) map[string]row {
	t.Helper()
	rows, err := f.db.Query(`SELECT idempotency_key, state, last_error, attempts, last_status, next_attempt_at FROM deliveries`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]row{}
	for rows.Next() {
		var (
			k string
			r row
		)
		if err := rows.Scan(&k, &r.state, &r.lastError, &r.attempts, &r.lastStatus, &r.next); err != nil {
			t.Fatal(err)
		}
		out[k] = r
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func runOnce(t *testing.T, w *Worker) int {
	t.Helper()
	n, err := w.RunOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The test: the receiving server is down for several attempts,
// comes back, and receives each submission exactly once — whether down
// means answering 503 or nothing listening on the port. Between attempts
// the worker waits 1, 2, 4, 8 minutes (written by hand), and sends
// nothing before the wait is over.
func TestWorker_ReceiverDownForSeveralAttemptsThenUp_EachReceivedExactlyOnce(t *testing.T) {
	for _, mode := range []string{"503", "closed port"} {
		t.Run(mode, func(t *testing.T) {
			f := newFixture(t)
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			addr := ln.Addr().String()
			srv := httptest.NewUnstartedServer(f.rc)
			var wantError string
			if mode == "503" {
				srv.Listener = ln
				srv.Start()
				f.rc.setDown(true)
				wantError = FailureStatus
			} else {
				ln.Close()
				wantError = FailureRefused
			}
			defer srv.Close()
			f.endpoint(t, "http://"+addr+"/kanal")
			keys := f.enqueue(t, 5)
			w := f.worker(f.db)

			for attempt, wait := range []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute} {
				if n := runOnce(t, w); n != 5 {
					t.Fatalf("attempt %d: %d sent, want 5", attempt+1, n)
				}
				for k, r := range f.rows(t) {
					if r.state != "pending" || r.attempts != attempt+1 || r.lastError != wantError || !r.next.Equal(f.clock.Now().Add(wait)) {
						t.Errorf("attempt %d, %s: %+v, want pending, error %s, next in %s", attempt+1, k, r, wantError, wait)
					}
				}
				f.clock.Advance(wait - time.Second)
				if n := runOnce(t, w); n != 0 {
					t.Errorf("a second before the next attempt: %d sent", n)
				}
				f.clock.Advance(time.Second)
			}
			if mode == "503" {
				f.rc.setDown(false)
			} else {
				ln, err := net.Listen("tcp", addr)
				if err != nil {
					t.Skipf("the port was taken meanwhile: %v", err)
				}
				srv.Listener = ln
				srv.Start()
			}
			if n := runOnce(t, w); n != 5 {
				t.Fatalf("back up: %d sent, want 5", n)
			}
			f.clock.Advance(7 * time.Hour)
			if n := runOnce(t, w); n != 0 {
				t.Errorf("after delivery: %d sent again", n)
			}
			f.rc.exactlyOnce(t, keys)
			for k, r := range f.rows(t) {
				if r.state != "delivered" || r.attempts != 5 || r.lastError != "" || r.lastStatus.Int64 != http.StatusAccepted {
					t.Errorf("%s: %+v, want delivered at the 5th attempt", k, r)
				}
			}
			if body := f.rc.bodies["case-3"]; body != `{"event":"case.submitted","reference":"case-3"}` {
				t.Errorf("body received: %s", body)
			}
		})
	}
}

// The other test: a crash between commit and send loses nothing.
// The submission commits, the instance dies before any worker ran (its
// database handle is closed), and a worker of the next instance sends it.
// A submission whose transaction rolls back is never sent.
func TestWorker_CrashBetweenCommitAndSend_TheNextInstanceSends(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(f.rc)
	defer srv.Close()
	f.endpoint(t, srv.URL)
	keys := f.enqueue(t, 3)
	rolledBack := f.db.InTx(context.Background(), func(tx *sql.Tx) error {
		if err := Enqueue(context.Background(), tx, "dragoer", "case.submitted", "rolled-back", []byte(`{}`)); err != nil {
			return err
		}
		return fmt.Errorf("the submission failed after its delivery was queued")
	})
	if rolledBack == nil {
		t.Fatal("the transaction did not fail")
	}
	f.db.Close()

	next := openDB(t, f.dsn)
	if n := runOnce(t, f.worker(next)); n != 3 {
		t.Errorf("the next instance sent %d, want 3", n)
	}
	f.rc.exactlyOnce(t, keys)
}

// A worker that claimed deliveries and died mid-send leaves leases that
// run out; until then no other worker sends them, after that one does,
// and the dead worker's late outcome, should it come, changes nothing.
func TestWorker_ExpiredLeaseIsSentByAnotherWorker(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(f.rc)
	defer srv.Close()
	f.endpoint(t, srv.URL)
	keys := f.enqueue(t, 2)

	dead := f.worker(f.db)
	dead.Lease = 5 * time.Minute
	dead.init()
	claimed, err := dead.claim(context.Background())
	if err != nil || len(claimed) != 2 {
		t.Fatalf("claim: %d, %v", len(claimed), err)
	}
	other := f.worker(f.db)
	if n := runOnce(t, other); n != 0 {
		t.Errorf("within the lease another worker sent %d", n)
	}
	f.clock.Advance(5 * time.Minute)
	if n := runOnce(t, other); n != 2 {
		t.Errorf("after the lease: %d sent, want 2", n)
	}
	f.rc.exactlyOnce(t, keys)
	if err := dead.record(context.Background(), claimed[0], 0, FailureTimeout); err != nil {
		t.Fatal(err)
	}
	if r := f.rows(t)[claimed[0].key]; r.state != "delivered" || r.attempts != 1 || r.lastError != "" {
		t.Errorf("the dead worker's late outcome changed the row: %+v", r)
	}
}

// Two instances on one database, each with its own handle and worker,
// racing over many deliveries: the receiver gets each exactly once. On
// PostgreSQL the claims skip each other's locked rows; on SQLite they
// queue for the one writer.
func TestWorker_TwoInstancesOnOneDatabase_EachDeliveredOnce(t *testing.T) {
	f := newFixture(t)
	f.rc.delay = time.Millisecond
	srv := httptest.NewServer(f.rc)
	defer srv.Close()
	f.endpoint(t, srv.URL)
	keys := f.enqueue(t, 120)

	second := openDB(t, f.dsn)
	workers := []*Worker{f.worker(f.db), f.worker(second)}
	sent := make([]int, len(workers))
	var wg sync.WaitGroup
	for i, w := range workers {
		w.Batch = 7
		wg.Add(1)
		go func() {
			defer wg.Done()
			for idle := 0; idle < 3; {
				n, err := w.RunOnce(context.Background())
				if err != nil {
					t.Error(err)
					return
				}
				if sent[i] += n; n == 0 {
					idle++
					time.Sleep(5 * time.Millisecond)
				}
			}
		}()
	}
	wg.Wait()
	f.rc.exactlyOnce(t, keys)
	if sent[0]+sent[1] != len(keys) {
		t.Errorf("the workers sent %v, want %d in all", sent, len(keys))
	}
	t.Logf("%s: the workers sent %v", f.db.Engine, sent)
}

// After MaxAttempts failed attempts a delivery is dead: listed as such,
// never sent again by the worker, until staff send it again — which is
// audited, counts its attempts from zero and delivers it once.
func TestWorker_DeadAfterMaxAttempts_ThenResent(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(f.rc)
	defer srv.Close()
	f.rc.setDown(true)
	f.endpoint(t, srv.URL)
	keys := f.enqueue(t, 1)
	w := f.worker(f.db)
	w.MaxAttempts = 3
	for range 3 {
		if n := runOnce(t, w); n != 1 {
			t.Fatalf("%d sent, want 1", n)
		}
		f.clock.Advance(6 * time.Hour)
	}
	if n := runOnce(t, w); n != 0 {
		t.Errorf("a dead letter was sent again: %d", n)
	}
	if r := f.rows(t)["case-0"]; r.state != "dead" || r.attempts != 3 || r.lastStatus.Int64 != 503 || r.lastError != FailureStatus {
		t.Errorf("after 3 attempts: %+v", r)
	}
	ctx := context.Background()
	list, err := f.outbox.List(ctx, "dragoer", Dead)
	if err != nil || len(list) != 1 || list[0].Key != "case-0" || list[0].Attempts != 3 || list[0].LastStatus != 503 {
		t.Fatalf("dead letters: %+v %v", list, err)
	}
	id := fmt.Sprint(list[0].ID)
	if _, err := f.outbox.Resend(ctx, audit.System, "taarnby", id); err != ErrNotFound {
		t.Errorf("another municipality's resend: %v", err)
	}
	if _, err := f.outbox.Resend(ctx, audit.Actor{Name: "gruppe@dragoer.dk"}, "dragoer", id); err != nil {
		t.Fatal(err)
	}
	if r := f.rows(t)["case-0"]; r.state != "pending" || r.attempts != 0 || !r.next.Equal(f.clock.Now()) {
		t.Errorf("resent: %+v", r)
	}
	f.rc.setDown(false)
	if n := runOnce(t, w); n != 1 {
		t.Errorf("resent: %d sent, want 1", n)
	}
	f.rc.exactlyOnce(t, keys)
	if _, err := f.outbox.Resend(ctx, audit.System, "dragoer", id); err != ErrNotFound {
		t.Errorf("resending a delivered one: %v", err)
	}
	events, err := audit.List(ctx, f.db, audit.Filter{Municipality: "dragoer", Action: audit.DeliveryResent})
	if err != nil || len(events) != 1 || events[0].Actor != "gruppe@dragoer.dk" || events[0].Target != id {
		t.Errorf("audit: %+v %v", events, err)
	}
	if list, err := f.outbox.List(ctx, "dragoer", ""); err != nil || len(list) != 0 {
		t.Errorf("not delivered after delivery: %+v %v", list, err)
	}
}

// Without an endpoint nothing is queued; a key queued before is not
// queued again (the first payload stays); what is not JSON is refused.
func TestEnqueue_NoEndpointNothingRepeatedKeyNoOp(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	put := func(m, key, payload string) error {
		return f.db.InTx(ctx, func(tx *sql.Tx) error {
			return Enqueue(ctx, tx, m, "case.submitted", key, []byte(payload))
		})
	}
	count := func() int {
		var n int
		if err := f.db.QueryRow(`SELECT COUNT(*) FROM deliveries`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if err := put("dragoer", "a", `{"n":1}`); err != nil || count() != 0 {
		t.Fatalf("without an endpoint: %v, %d rows", err, count())
	}
	f.endpoint(t, "https://esdh.example/kanal")
	for _, p := range []string{`{"n":1}`, `{"n":2}`} {
		if err := put("dragoer", "a", p); err != nil {
			t.Fatal(err)
		}
	}
	if err := put("taarnby", "a", `{"n":3}`); err != nil {
		t.Fatal(err)
	}
	var payload string
	if err := f.db.QueryRow(`SELECT payload FROM deliveries WHERE municipality_id = 'dragoer'`).Scan(&payload); err != nil || count() != 1 || payload != `{"n":1}` {
		t.Errorf("after a repeat: %d rows, payload %s, %v", count(), payload, err)
	}
	for _, bad := range []struct{ key, payload string }{{"b", `{"n":`}, {"", `{}`}, {"c", ``}} {
		if err := put("dragoer", bad.key, bad.payload); err == nil {
			t.Errorf("key %q payload %q was queued", bad.key, bad.payload)
		}
	}
}

// The waits between attempts, written out by hand: a minute, doubled,
// at most six hours; with the default 16 attempts the last comes about
// 44½ hours after the first.
func TestWorker_BackoffDoublesFromAMinuteUpToSixHours(t *testing.T) {
	w := &Worker{}
	want := []time.Duration{1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360, 360, 360, 360}
	var total time.Duration
	for i, minutes := range want {
		if got := w.Backoff(i + 1); got != minutes*time.Minute {
			t.Errorf("after attempt %d: %s, want %d min", i+1, got, minutes)
		}
		total += w.Backoff(i + 1)
	}
	if w.MaxAttempts != 16 || total != 2671*time.Minute {
		t.Errorf("%d attempts over %s, want 16 over 44h31m", w.MaxAttempts, total)
	}
}

// An attempt fails on a redirect (the body goes to the configured address
// only) and on an answer slower than the timeout, each stored as its kind.
func TestWorker_RedirectAndTimeoutAreFailures(t *testing.T) {
	for _, tc := range []struct {
		name    string
		handler http.HandlerFunc
		status  int64
		failure string
	}{
		{"redirect", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/elsewhere", http.StatusTemporaryRedirect)
		}, 307, FailureStatus},
		{"slow", func(w http.ResponseWriter, r *http.Request) { time.Sleep(300 * time.Millisecond) }, 0, FailureTimeout},
		{"refused by the receiver", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusUnauthorized) }, 401, FailureStatus},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			srv := httptest.NewServer(tc.handler)
			defer srv.Close()
			f.endpoint(t, srv.URL)
			f.enqueue(t, 1)
			w := f.worker(f.db)
			w.Timeout = 100 * time.Millisecond
			runOnce(t, w)
			if r := f.rows(t)["case-0"]; r.state != "pending" || r.lastStatus.Int64 != tc.status || r.lastError != tc.failure {
				t.Errorf("%+v, want status %d, %s", r, tc.status, tc.failure)
			}
		})
	}
}

// A pending delivery whose municipality's endpoint was removed fails its
// attempt as "no endpoint" and is sent once an endpoint is set again.
func TestWorker_RemovedEndpointFailsUntilSetAgain(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(f.rc)
	defer srv.Close()
	f.endpoint(t, srv.URL)
	keys := f.enqueue(t, 1)
	ctx := context.Background()
	if err := f.outbox.RemoveEndpoint(ctx, audit.System, "dragoer"); err != nil {
		t.Fatal(err)
	}
	if err := f.outbox.RemoveEndpoint(ctx, audit.System, "dragoer"); err != ErrNoEndpoint {
		t.Errorf("removed twice: %v", err)
	}
	w := f.worker(f.db)
	runOnce(t, w)
	if r := f.rows(t)["case-0"]; r.state != "pending" || r.lastError != FailureNoEndpoint || r.lastStatus.Valid {
		t.Errorf("%+v", r)
	}
	f.endpoint(t, srv.URL)
	f.clock.Advance(time.Minute)
	runOnce(t, w)
	f.rc.exactlyOnce(t, keys)
}

// The endpoint's address must be http or https with a host, and without
// a password; setting it again makes a new secret.
func TestOutbox_SetEndpoint(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, bad := range []string{"", "esdh.example/kanal", "ftp://esdh.example/", "https://", "https://user:pw@esdh.example/", "javascript:alert(1)"} {
		if _, err := f.outbox.SetEndpoint(ctx, audit.System, "dragoer", bad); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
	first, err := f.outbox.SetEndpoint(ctx, audit.System, "dragoer", "https://esdh.example/a")
	if err != nil {
		t.Fatal(err)
	}
	second, err := f.outbox.SetEndpoint(ctx, audit.System, "dragoer", "http://10.0.0.5:8080/b")
	if err != nil {
		t.Fatal(err)
	}
	e, err := f.outbox.Endpoint(ctx, "dragoer")
	if err != nil || e.URL != "http://10.0.0.5:8080/b" || e.Secret != second || second == first || len(second) != 64 {
		t.Errorf("endpoint %+v, %v; secrets %s, %s", e, err, first, second)
	}
	if _, err := f.outbox.Endpoint(ctx, "taarnby"); err != ErrNoEndpoint {
		t.Errorf("Tårnby: %v", err)
	}
	events, err := audit.List(ctx, f.db, audit.Filter{Municipality: "dragoer", Action: audit.EndpointSet})
	if err != nil || len(events) != 2 || events[0].Target != "http://10.0.0.5:8080/b" {
		t.Errorf("audit: %+v %v", events, err)
	}
}

// Prune clears the payloads delivered before the time and keeps the rest
// (the more recent, and those not yet delivered).
func TestOutbox_PruneClearsOldDeliveredPayloadsOnly(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(f.rc)
	defer srv.Close()
	f.endpoint(t, srv.URL)
	f.enqueue(t, 2)
	runOnce(t, f.worker(f.db))
	f.clock.Advance(24 * time.Hour)
	if _, err := f.db.Exec(`UPDATE deliveries SET delivered_at = $1 WHERE idempotency_key = 'case-1'`, f.clock.Now().UTC()); err != nil {
		t.Fatal(err)
	}
	f.rc.setDown(true)
	if err := f.db.InTx(context.Background(), func(tx *sql.Tx) error {
		return enqueue(context.Background(), tx, f.clock.Now(), "dragoer", "case.submitted", "pending", []byte(`{"n":1}`))
	}); err != nil {
		t.Fatal(err)
	}
	n, err := f.outbox.Prune(context.Background(), f.clock.Now().Add(-time.Hour))
	if err != nil || n != 1 {
		t.Errorf("pruned %d, %v; want 1", n, err)
	}
	payloads := map[string]string{}
	rows, err := f.db.Query(`SELECT idempotency_key, payload FROM deliveries`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, p string
		if err := rows.Scan(&k, &p); err != nil {
			t.Fatal(err)
		}
		payloads[k] = p
	}
	if payloads["case-0"] != "" || payloads["case-1"] == "" || payloads["pending"] == "" {
		t.Errorf("after prune: %q", payloads)
	}
}

// The worker's run clears a delivered payload once it is older than
// KeepPayloads (seven days by default), at most once an hour.
func TestWorker_RunClearsDeliveredPayloadsAfterSevenDays(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(f.rc)
	defer srv.Close()
	f.endpoint(t, srv.URL)
	f.enqueue(t, 1)
	w := f.worker(f.db)
	runOnce(t, w)
	payload := func() string {
		var p string
		if err := f.db.QueryRow(`SELECT payload FROM deliveries`).Scan(&p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ctx := context.Background()
	if err := w.pruneIfDue(ctx); err != nil || payload() == "" {
		t.Fatalf("cleared at once: %v", err)
	}
	f.clock.Advance(7*24*time.Hour + time.Minute)
	if err := w.pruneIfDue(ctx); err != nil || payload() != "" {
		t.Errorf("kept after seven days: %q %v", payload(), err)
	}
}
