package delivery

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/webhook"
)

// Defaults of a Worker's zero fields.
const (
	DefaultTimeout     = 15 * time.Second
	DefaultFirstRetry  = time.Minute
	DefaultMaxRetry    = 6 * time.Hour
	DefaultMaxAttempts = 16 // waits of 1, 2, 4 … 256 minutes, then 6 hours: the last attempt about 44 hours after the first
	DefaultBatch       = 10
	// DefaultKeepPayloads is how long a delivered payload is kept: long
	// enough to look into a complaint that a delivery was wrong, short
	// enough that the case system, not Kanal, holds the citizen's data.
	DefaultKeepPayloads = 7 * 24 * time.Hour
)

// pruneEvery is how often Run clears the payloads delivered more than
// KeepPayloads ago.
const pruneEvery = time.Hour

// Worker sends due deliveries. Any number of workers, in one instance or
// several on one PostgreSQL, may run at once: each leases the rows it
// sends (claimed_until), so two never send the same delivery at the same
// time, and a worker that died mid-send leaves a lease that runs out, after
// which another sends the delivery again. The receiver may thus see a
// delivery twice only when a worker died (or stalled past its lease)
// between the receiver's answer and the row's update; the Idempotency-Key
// lets it ignore the repeat. Zero fields take their defaults at the
// first call of a method; set the fields before it.
type Worker struct {
	DB *store.DB
	// Client posts the deliveries; nil is webhook.Client: Timeout, no
	// redirects, and no address that is not public unless AllowPrivate.
	Client *http.Client
	// AllowPrivate lets the default Client post to loopback and private
	// addresses: the operator's explicit choice
	// (KANAL_WEBHOOKS_ALLOW_PRIVATE), for a case system on the internal
	// network.
	AllowPrivate bool
	// Timeout bounds one attempt, answer included (DefaultTimeout).
	Timeout time.Duration
	// FirstRetry is the wait after the first failed attempt, doubled after
	// each further one up to MaxRetry (DefaultFirstRetry, DefaultMaxRetry).
	FirstRetry, MaxRetry time.Duration
	// MaxAttempts is the number of attempts after which a delivery is
	// dead (DefaultMaxAttempts).
	MaxAttempts int
	// Batch is how many deliveries one claim leases (DefaultBatch); Lease
	// how long (Batch × Timeout and a minute when zero).
	Batch int
	Lease time.Duration
	// Now is the clock (time.Now); tests move a fake one.
	Now func() time.Time
	// Log gets one line per failed attempt, without the payload; nil
	// logs nothing.
	Log *slog.Logger
	// KeepPayloads is how long Run keeps a delivered payload before it
	// clears it (DefaultKeepPayloads).
	KeepPayloads time.Duration

	once      sync.Once
	token     string
	client    *http.Client
	lastPrune time.Time
}

// The kinds of failure stored as a delivery's last error: never the
// receiver's answer or an error text, which could hold personal data.
// Each has a text in the catalogue under "deliveries.error.<kind>".
const (
	FailureStatus     = "status"      // the receiver answered, not 2xx (LastStatus says what)
	FailureTimeout    = "timeout"     // no answer within Timeout
	FailureRefused    = "refused"     // nothing listens at the address
	FailureDNS        = "dns"         // the host name is not known
	FailureTLS        = "tls"         // the TLS handshake or certificate failed
	FailureNetwork    = "network"     // another network error
	FailureNoEndpoint = "no_endpoint" // the municipality has no endpoint now
	FailureBlocked    = "blocked"     // the address is not public, and private ones are not allowed
)

// Failures lists them, for the catalogue's test.
var Failures = []string{FailureStatus, FailureTimeout, FailureRefused, FailureDNS, FailureTLS, FailureNetwork, FailureNoEndpoint, FailureBlocked}

// init fills the zero fields with their defaults, once: set the fields
// before the first call of any method.
func (w *Worker) init() { w.once.Do(w.defaults) }

func (w *Worker) defaults() {
	if w.Now == nil {
		w.Now = time.Now
	}
	if w.Timeout <= 0 {
		w.Timeout = DefaultTimeout
	}
	if w.FirstRetry <= 0 {
		w.FirstRetry = DefaultFirstRetry
	}
	if w.MaxRetry <= 0 {
		w.MaxRetry = DefaultMaxRetry
	}
	if w.MaxAttempts <= 0 {
		w.MaxAttempts = DefaultMaxAttempts
	}
	if w.Batch <= 0 {
		w.Batch = DefaultBatch
	}
	if w.KeepPayloads <= 0 {
		w.KeepPayloads = DefaultKeepPayloads
	}
	if w.Lease <= 0 {
		w.Lease = time.Duration(w.Batch)*w.Timeout + time.Minute
	}
	b := make([]byte, 12)
	rand.Read(b)
	w.token = hex.EncodeToString(b)
	if w.client = w.Client; w.client == nil {
		// A redirect is a failed attempt: the signed body goes to the
		// configured address and nowhere else.
		w.client = webhook.Client(w.Timeout, w.AllowPrivate)
	}
}

// Backoff is the wait after the attempts-th failed attempt: FirstRetry,
// doubled for each attempt after the first, at most MaxRetry.
func (w *Worker) Backoff(attempts int) time.Duration {
	w.init()
	d := w.FirstRetry
	for i := 1; i < attempts && d < w.MaxRetry; i++ {
		d *= 2
	}
	return min(d, w.MaxRetry)
}

// Run sends due deliveries every interval until ctx ends; a full batch is
// followed at once by the next. Once an hour it clears the payloads
// delivered more than KeepPayloads ago.
func (w *Worker) Run(ctx context.Context, every time.Duration) {
	w.init()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if err := w.pruneIfDue(ctx); err != nil && ctx.Err() == nil && w.Log != nil {
			w.Log.Error("case-system delivery: prune payloads", "err", err)
		}
		n, err := w.RunOnce(ctx)
		if err != nil && ctx.Err() == nil && w.Log != nil {
			w.Log.Error("case-system delivery", "err", err)
		}
		if err == nil && n >= w.Batch {
			continue
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// pruneIfDue clears old delivered payloads when an hour has passed since
// it last did.
func (w *Worker) pruneIfDue(ctx context.Context) error {
	now := w.Now()
	if !w.lastPrune.IsZero() && now.Sub(w.lastPrune) < pruneEvery {
		return nil
	}
	w.lastPrune = now
	_, err := (&Outbox{db: w.DB, now: w.Now}).Prune(ctx, now.Add(-w.KeepPayloads))
	return err
}

// RunOnce leases up to Batch due deliveries, sends each once and records
// the outcome; it returns how many it attempted.
func (w *Worker) RunOnce(ctx context.Context) (int, error) {
	w.init()
	claimed, err := w.claim(ctx)
	if err != nil {
		return 0, err
	}
	endpoints := map[string]*Endpoint{}
	for i, c := range claimed {
		e, ok := endpoints[c.municipality]
		if !ok {
			got, err := readEndpoint(ctx, w.DB, c.municipality)
			switch {
			case errors.Is(err, ErrNoEndpoint):
			case err != nil:
				return i, errors.Join(err, w.release(ctx, claimed[i:]))
			default:
				e = &got
			}
			endpoints[c.municipality] = e
		}
		code, failure := 0, FailureNoEndpoint
		if e != nil {
			code, failure = w.send(ctx, e, c)
		}
		if err := w.record(ctx, c, code, failure); err != nil {
			return i + 1, errors.Join(err, w.release(ctx, claimed[i+1:]))
		}
	}
	return len(claimed), nil
}

// claimed is a leased delivery with what sending it takes.
type claimed struct {
	id           int64
	municipality string
	event, key   string
	payload      string
	attempts     int
}

// claim leases due deliveries for this worker. On PostgreSQL the rows
// another worker is claiming are skipped (FOR UPDATE SKIP LOCKED) rather
// than waited for; SQLite has one writer at a time, and the transaction
// takes the lock when it begins.
func (w *Worker) claim(ctx context.Context) ([]claimed, error) {
	now := w.Now().UTC().Truncate(time.Microsecond)
	q := `SELECT id, municipality_id, event, idempotency_key, payload, attempts FROM deliveries
		WHERE state = 'pending' AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
		ORDER BY next_attempt_at, id LIMIT $2`
	if w.DB.Engine == store.Postgres {
		q += ` FOR UPDATE SKIP LOCKED`
	}
	var out []claimed
	err := w.DB.InTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, q, now, w.Batch)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c claimed
			if err := rows.Scan(&c.id, &c.municipality, &c.event, &c.key, &c.payload, &c.attempts); err != nil {
				return err
			}
			out = append(out, c)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		for _, c := range out {
			if _, err := tx.ExecContext(ctx, `UPDATE deliveries SET claimed_until = $1, claimed_by = $2 WHERE id = $3`,
				now.Add(w.Lease), w.token, c.id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("claim due deliveries: %w", err)
	}
	return out, nil
}

// release gives up the leases of deliveries not attempted, for the next
// run or another worker.
func (w *Worker) release(ctx context.Context, left []claimed) error {
	for _, c := range left {
		if _, err := w.DB.ExecContext(ctx, `UPDATE deliveries SET claimed_until = NULL, claimed_by = NULL
			WHERE id = $1 AND claimed_by = $2`, c.id, w.token); err != nil {
			return fmt.Errorf("release delivery %d: %w", c.id, err)
		}
	}
	return nil
}

// send posts one delivery and returns the receiver's status (0 when it
// gave none) and the kind of failure ("" for 2xx).
func (w *Worker) send(ctx context.Context, e *Endpoint, c claimed) (int, string) {
	ctx, cancel := context.WithTimeout(ctx, w.Timeout)
	defer cancel()
	body := []byte(c.payload)
	ts := w.Now().Unix()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.URL, bytes.NewReader(body))
	if err != nil {
		return 0, FailureNetwork
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Kanal")
	req.Header.Set(HeaderIdempotencyKey, c.key)
	req.Header.Set(HeaderEvent, c.event)
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(HeaderSignature, Sign(e.Secret, ts, body))
	resp, err := w.client.Do(req)
	if err != nil {
		return 0, failureOf(err)
	}
	// Read a little of the answer so the connection can be used again;
	// what it says is never kept.
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, FailureStatus
	}
	return resp.StatusCode, ""
}

// failureOf names the kind of a failed request, from the error's type
// where Go gives one and its words where it does not.
func failureOf(err error) string {
	var (
		timeout interface{ Timeout() bool }
		dns     *net.DNSError
		cert    *tls.CertificateVerificationError
	)
	switch {
	case errors.Is(err, webhook.ErrBlocked):
		return FailureBlocked
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &timeout) && timeout.Timeout():
		return FailureTimeout
	case errors.Is(err, syscall.ECONNREFUSED):
		return FailureRefused
	case errors.As(err, &dns):
		return FailureDNS
	case errors.As(err, &cert), strings.Contains(err.Error(), "tls:"):
		return FailureTLS
	}
	return FailureNetwork
}

// record stores an attempt's outcome, if this worker still holds the
// lease: delivered, or the next attempt after the backoff, or dead after
// the last. A worker that lost its lease (it stalled past it and another
// worker claimed the row) leaves the row to that worker.
func (w *Worker) record(ctx context.Context, c claimed, status int, failure string) error {
	now := w.Now().UTC().Truncate(time.Microsecond)
	attempts := c.attempts + 1
	var lastStatus any
	if status != 0 {
		lastStatus = status
	}
	var (
		res sql.Result
		err error
	)
	switch {
	case failure == "":
		res, err = w.DB.ExecContext(ctx, `UPDATE deliveries SET state = 'delivered', attempts = $1, last_status = $2,
			last_error = '', delivered_at = $3, claimed_until = NULL, claimed_by = NULL
			WHERE id = $4 AND claimed_by = $5`, attempts, lastStatus, now, c.id, w.token)
	case attempts >= w.MaxAttempts:
		res, err = w.DB.ExecContext(ctx, `UPDATE deliveries SET state = 'dead', attempts = $1, last_status = $2,
			last_error = $3, claimed_until = NULL, claimed_by = NULL
			WHERE id = $4 AND claimed_by = $5`, attempts, lastStatus, failure, c.id, w.token)
	default:
		res, err = w.DB.ExecContext(ctx, `UPDATE deliveries SET attempts = $1, last_status = $2, last_error = $3,
			next_attempt_at = $4, claimed_until = NULL, claimed_by = NULL
			WHERE id = $5 AND claimed_by = $6`, attempts, lastStatus, failure, now.Add(w.Backoff(attempts)), c.id, w.token)
	}
	if err != nil {
		return fmt.Errorf("record attempt %d of delivery %d: %w", attempts, c.id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 && w.Log != nil {
		w.Log.Warn("case-system delivery: lease lost before the outcome was recorded", "delivery", c.id)
	}
	if failure != "" && w.Log != nil {
		w.Log.Warn("case-system delivery failed", "municipality", c.municipality, "delivery", c.id, "event", c.event,
			"attempt", attempts, "status", status, "failure", failure)
	}
	return nil
}
