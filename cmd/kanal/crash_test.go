package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

const (
	crashRounds  = 10
	crashSenders = 4   // batches under way at once when the kill comes
	crashBatch   = 200 // records per batch, one transaction each
	crashSource  = "api:Telefonsystem"
)

// SIGKILL in the middle of bulk ingest, ten times over: every record the API
// acknowledged is stored exactly once, a batch whose answer the kill cut off
// is stored whole or not at all, a client that sends a batch again after the
// restart stores nothing twice, and the counts still match a recount.
func TestServe_SIGKILLDuringBulkIngestLosesNothingAcknowledged(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it ten times")
	}
	dsn := storetest.DSN(t)
	if code, _, errOut := kanal(t, "strategy", "load", "--db", dsn, "../../strategies/dragoer.yaml"); code != exitOK {
		t.Fatal(errOut)
	}
	code, out, errOut := kanal(t, "apikey", "add", "--db", dsn, "--municipality", "dragoer", "--permissions", "ingest", "Telefonsystem")
	key := regexp.MustCompile(`(?m)^kanal_live_\S+$`).FindString(out)
	if code != exitOK || key == "" {
		t.Fatalf("apikey add: exit %d %q %q", code, out, errOut)
	}
	bin := filepath.Join(t.TempDir(), "kanal")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}

	l := &ingestLedger{}
	cutOff := 0
	for round := range crashRounds {
		resent := 0
		switch {
		case round%2 == 1:
			resent = l.retryUnanswered(round - 1) // as a client does after a failed request
		case round > 0:
			resent = l.resendAcknowledged(3) // as a confused client might
		}
		s := startKillable(t, bin, dsn)
		r := sendUntilKilled(t, s, key, l, round)
		t.Logf("round %d: %d batches resent; killed %v after the first answer, with %d answered and %d batches in flight",
			round, resent, r.delay.Round(time.Millisecond), r.answered, r.inFlight)
		cutOff += r.inFlight
		if t.Failed() {
			t.FailNow()
		}
	}
	if cutOff == 0 {
		t.Errorf("no kill hit a batch in flight in %d rounds: the test proved nothing", crashRounds)
	}
	checkAfterKills(t, dsn, l)
}

// killableServer is the built binary serving a database, to be killed.
type killableServer struct {
	cmd    *exec.Cmd
	url    string
	log    *lineWriter
	done   chan struct{} // closed when the process has ended
	killed atomic.Bool
}

func startKillable(t *testing.T, bin, dsn string) *killableServer {
	t.Helper()
	s := &killableServer{
		cmd:  exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--demo=false", "--db", dsn),
		log:  newLineWriter(`^$`),
		done: make(chan struct{}),
	}
	out := newLineWriter(`Kanal kører på (http://\S+)`)
	s.cmd.Env = append(os.Environ(), "KANAL_LANG=da")
	s.cmd.Stdout, s.cmd.Stderr = out, s.log
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.cmd.Wait(); close(s.done) }()
	t.Cleanup(s.kill)
	select {
	case s.url = <-out.found:
		return s
	case <-s.done:
		t.Fatalf("serve ended (%v) before printing its address:\n%s%s", s.cmd.ProcessState, out.String(), s.log.String())
	case <-time.After(time.Minute):
		t.Fatalf("serve did not print its address within a minute:\n%s%s", out.String(), s.log.String())
	}
	return nil
}

// kill sends SIGKILL and waits for the process to end.
func (s *killableServer) kill() {
	s.killed.Store(true)
	s.cmd.Process.Kill()
	<-s.done
}

type roundResult struct {
	delay              time.Duration
	answered, inFlight int
}

// sendUntilKilled posts batches from crashSenders goroutines and kills the
// server a random moment after the first answer, while the others are on
// their way.
func sendUntilKilled(t *testing.T, s *killableServer, key string, l *ingestLedger, round int) roundResult {
	client := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	defer client.CloseIdleConnections()
	var (
		answered, inFlight atomic.Int64
		first              = make(chan struct{})
		once               sync.Once
		wg                 sync.WaitGroup
	)
	for range crashSenders {
		wg.Go(func() {
			for !s.killed.Load() {
				b := l.take(round)
				a, err := postBatch(client, s.url, key, b)
				var status *statusError
				switch {
				case errors.As(err, &status):
					t.Errorf("round %d, batch %d: %v", round, b.n, err)
					return
				case err != nil && !s.killed.Load():
					t.Errorf("round %d, batch %d, before the kill: %v\n%s", round, b.n, err, s.log.String())
					return
				case err != nil:
					if !errors.Is(err, syscall.ECONNREFUSED) { // else it never reached the server
						inFlight.Add(1)
					}
					return
				}
				l.answered(t, b, a)
				answered.Add(1)
				once.Do(func() { close(first) })
			}
		})
	}
	r := roundResult{delay: rand.N(100 * time.Millisecond)}
	select {
	case <-first:
		time.Sleep(r.delay)
	case <-s.done:
		t.Errorf("round %d: serve ended by itself:\n%s", round, s.log.String())
	case <-time.After(time.Minute):
		t.Errorf("round %d: no batch answered within a minute", round)
	}
	s.kill()
	wg.Wait()
	r.answered, r.inFlight = int(answered.Load()), int(inFlight.Load())
	return r
}

// batchAnswer is the ingest answer (ingestAnswer in internal/web) as a client
// reads it.
type batchAnswer struct {
	Accepted, Duplicates, Rejected int
	Errors                         []json.RawMessage
}

// statusError is an answer other than 200.
type statusError struct {
	status int
	body   []byte
}

func (e *statusError) Error() string { return fmt.Sprintf("answer %d: %s", e.status, e.body) }

// postBatch returns a plain error when no answer arrived.
func postBatch(client *http.Client, url, key string, b *sentBatch) (batchAnswer, error) {
	req, err := http.NewRequest(http.MethodPost, url+"api/v1/inquiries", bytes.NewReader(b.body))
	if err != nil {
		return batchAnswer{}, err
	}
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/x-ndjson")
	resp, err := client.Do(req)
	if err != nil {
		return batchAnswer{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return batchAnswer{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return batchAnswer{}, &statusError{resp.StatusCode, body}
	}
	var a batchAnswer
	if err := json.Unmarshal(body, &a); err != nil {
		return batchAnswer{}, fmt.Errorf("answer %q: %w", body, err)
	}
	return a, nil
}

// sentBatch is one batch of records with ids of their own.
type sentBatch struct {
	n         int
	ids       []string
	body      []byte
	attempts  int
	lastRound int  // the round of the last attempt
	pending   bool // the last attempt has no answer (yet)
	queued    bool // waits to be sent again
	acked     bool // an attempt was answered 200
	accepted  int  // records the answers called accepted
}

// crashRecords are the shapes of docs/examples/inquiries.csv, valid in the
// Dragør preset, so that the records fill several rollup cells.
var crashRecords = []string{
	`"channel":"phone","type":"interaction","direction":"inbound","area":"28.09.40","resolved_first_contact":true,"duration_seconds":210`,
	`"channel":"phone","type":"information","direction":"inbound","area":"23.05.10","resolved_first_contact":true,"guided":true,"duration_seconds":95`,
	`"channel":"self_service","type":"transaction","direction":"inbound","area":"23.05.10","resolved_first_contact":true,"assisted":true,"duration_seconds":540`,
	`"channel":"in_person","type":"transaction","direction":"inbound","area":"23.09.02","resolved_first_contact":true,"duration_seconds":420`,
	`"channel":"in_person","type":"transaction","direction":"inbound","area":"flytning","exempt":true,"duration_seconds":600`,
	`"channel":"letter","type":"transaction","direction":"outbound","area":"flytning","exempt":true`,
}

func newBatch(n int) *sentBatch {
	b := &sentBatch{n: n}
	var body bytes.Buffer
	cest := time.FixedZone("CEST", 2*60*60)
	for i := range crashBatch {
		id := fmt.Sprintf("crash-%d-%d", n, i)
		at := time.Date(2014, time.April, 1+(n+i)%28, 8+i%8, i%60, 0, 0, cest).Format(time.RFC3339)
		b.ids = append(b.ids, id)
		fmt.Fprintf(&body, `{"id":%q,"occurred_at":%q,%s}`+"\n", id, at, crashRecords[(n+i)%len(crashRecords)])
	}
	b.body = body.Bytes()
	return b
}

// ingestLedger is what the senders know: every batch sent, and what each
// answer said.
type ingestLedger struct {
	mu      sync.Mutex
	batches []*sentBatch
	resend  []*sentBatch
}

// take returns the next batch to send: one to send again, else a new one.
func (l *ingestLedger) take(round int) *sentBatch {
	l.mu.Lock()
	defer l.mu.Unlock()
	var b *sentBatch
	if len(l.resend) > 0 {
		b, l.resend = l.resend[0], l.resend[1:]
		b.queued = false
	} else {
		b = newBatch(len(l.batches))
		l.batches = append(l.batches, b)
	}
	b.attempts++
	b.lastRound, b.pending = round, true
	return b
}

// answered checks an answer against what earlier answers said.
func (l *ingestLedger) answered(t *testing.T, b *sentBatch, a batchAnswer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case a.Rejected != 0 || len(a.Errors) != 0:
		t.Errorf("batch %d: %d records rejected: %s", b.n, a.Rejected, a.Errors)
	case a.Accepted+a.Duplicates != len(b.ids):
		t.Errorf("batch %d: %d accepted + %d duplicates, want %d records", b.n, a.Accepted, a.Duplicates, len(b.ids))
	case b.acked && a.Accepted != 0:
		t.Errorf("batch %d, acknowledged before, sent again: %d records accepted anew, so they had been lost", b.n, a.Accepted)
	case b.attempts == 1 && a.Duplicates != 0:
		t.Errorf("batch %d of new ids: %d called duplicates", b.n, a.Duplicates)
	case a.Accepted != 0 && a.Duplicates != 0:
		t.Errorf("batch %d, sent again after its answer was cut off: %d accepted and %d duplicates; one transaction stores all or nothing",
			b.n, a.Accepted, a.Duplicates)
	}
	b.pending, b.acked = false, true
	b.accepted += a.Accepted
}

// retryUnanswered queues the batches whose answer the kill of round cut off.
func (l *ingestLedger) retryUnanswered(round int) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, b := range l.batches {
		if b.pending && b.lastRound == round && !b.queued {
			b.queued = true
			l.resend = append(l.resend, b)
		}
	}
	return len(l.resend)
}

// resendAcknowledged queues n acknowledged batches picked at random.
func (l *ingestLedger) resendAcknowledged(n int) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, i := range rand.Perm(len(l.batches)) {
		if len(l.resend) == n {
			break
		}
		if b := l.batches[i]; b.acked && !b.pending && !b.queued {
			b.queued = true
			l.resend = append(l.resend, b)
		}
	}
	return len(l.resend)
}

// checkAfterKills compares the database with the ledger and the counts with
// a recount.
func checkAfterKills(t *testing.T, dsn string, l *ingestLedger) {
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT source, COALESCE(external_id, ''), COUNT(*) FROM inquiries GROUP BY source, external_id`)
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]int{}
	for rows.Next() {
		var source, id string
		var n int
		if err := rows.Scan(&source, &id, &n); err != nil {
			t.Fatal(err)
		}
		if source != crashSource || id == "" {
			t.Errorf("%d inquiries from %q with id %q, which no sender sent", n, source, id)
			continue
		}
		stored[id] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()

	var lost, twice, partial []string
	var acked, retriedAfterCommit, storedUnanswered, notStored, accepted int
	sent := map[string]bool{}
	for _, b := range l.batches {
		have := 0
		for _, id := range b.ids {
			sent[id] = true
			switch n := stored[id]; {
			case n > 1:
				twice = append(twice, fmt.Sprintf("%s (%d times)", id, n))
			case n == 0 && b.acked:
				lost = append(lost, id)
			}
			if stored[id] > 0 {
				have++
			}
		}
		accepted += b.accepted
		switch {
		case b.acked && b.accepted == 0:
			acked++
			retriedAfterCommit++
		case b.acked:
			acked++
		case have == len(b.ids):
			storedUnanswered++
		case have == 0:
			notStored++
		default:
			partial = append(partial, fmt.Sprintf("batch %d: %d of %d records", b.n, have, len(b.ids)))
		}
	}
	var unknown []string
	for id := range stored {
		if !sent[id] {
			unknown = append(unknown, id)
		}
	}
	t.Logf("%d batches sent: %d acknowledged (%d of them only when sent again, as duplicates, after a kill cut off the answer to their commit), "+
		"%d unanswered but stored whole, %d unanswered and not stored; %d records accepted, %d stored",
		len(l.batches), acked, retriedAfterCommit, storedUnanswered, notStored, accepted, len(stored))
	if len(lost) > 0 {
		t.Errorf("%d acknowledged records are not stored, e.g. %s", len(lost), firstFew(lost))
	}
	if len(twice) > 0 {
		t.Errorf("%d records are stored more than once, e.g. %s", len(twice), firstFew(twice))
	}
	if len(partial) > 0 {
		t.Errorf("%d unanswered batches are stored in part, though each is one transaction: %s", len(partial), firstFew(partial))
	}
	if len(unknown) > 0 {
		t.Errorf("%d stored ids were never sent, e.g. %s", len(unknown), firstFew(unknown))
	}
	if accepted > len(stored) {
		t.Errorf("the answers accepted %d records, but %d are stored", accepted, len(stored))
	}

	diffs, err := rollup.Verify(ctx, db, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range diffs {
		if i == 5 {
			t.Errorf("… and %d more cells", len(diffs)-i)
			break
		}
		t.Errorf("counts differ from a recount in %+v: stored %+v, recounted %+v", d.Cell, d.Stored, d.Recounted)
	}
}

func firstFew(s []string) string {
	if len(s) > 5 {
		return strings.Join(s[:5], ", ") + ", …"
	}
	return strings.Join(s, ", ")
}
