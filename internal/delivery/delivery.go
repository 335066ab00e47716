// Package delivery hands submissions to the municipality's case system
// through a transactional outbox: a submission's delivery is written in
// the same transaction as the submission, and a worker posts it as a
// signed JSON webhook (HMAC-SHA256 with the endpoint's secret, a timestamp
// and an idempotency key), retried with backoff until the receiver
// answers 2xx, and set aside as a dead letter after the last attempt for
// staff to see and send again. A delivery is sent until it succeeds and
// never again after, across restarts and instances.
package delivery

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// State is where a delivery is in its life.
type State string

// The states of a delivery. Each has a text in the catalogue under
// "deliveries.state.<state>".
const (
	// Pending: not yet accepted by the receiver; the worker sends it when
	// its next attempt is due.
	Pending State = "pending"
	// Delivered: the receiver answered 2xx.
	Delivered State = "delivered"
	// Dead: the last attempt failed; it waits for staff to send it again.
	Dead State = "dead"
)

// Errors of the outbox.
var (
	// ErrNotFound is a delivery or endpoint the municipality does not
	// have, or a delivery that cannot be sent again (delivered, or being
	// sent right now).
	ErrNotFound = errors.New("delivery: not found")
	// ErrNoEndpoint is a municipality without a case-system endpoint.
	ErrNoEndpoint = errors.New("delivery: no case-system endpoint")
)

// Delivery is one queued event, without its payload: the payload holds
// personal data and is read only by the worker that sends it.
type Delivery struct {
	ID           int64
	Municipality string
	Event        string
	// Key is the idempotency key the receiver sees.
	Key      string
	State    State
	Attempts int
	// NextAttemptAt is when a pending delivery is sent next.
	NextAttemptAt time.Time
	// LastStatus is the receiver's HTTP status of the last attempt, 0
	// when it gave none; LastError the kind of failure (see Failure*),
	// "" after success or before the first attempt.
	LastStatus  int
	LastError   string
	CreatedAt   time.Time
	DeliveredAt *time.Time
}

// Limits on what Enqueue takes: an event name and key are short tokens a
// receiver logs; the payload is a submission, attachments left out.
const (
	maxEvent   = 100
	maxKey     = 200
	maxPayload = 4 << 20
)

// Enqueue queues a delivery in the caller's transaction: the event (for
// example "case.submitted") for the municipality's configured case-system
// endpoint, with key as the idempotency key the receiver sees. With no
// endpoint configured nothing is queued. A key the municipality has
// queued before is not queued again: a repeated submission is a no-op.
// The payload must be a JSON document; it is sent as it is, as the body.
func Enqueue(ctx context.Context, tx *sql.Tx, municipality, event, key string, payload []byte) error {
	return enqueue(ctx, tx, time.Now(), municipality, event, key, payload)
}

func enqueue(ctx context.Context, tx *sql.Tx, now time.Time, municipality, event, key string, payload []byte) error {
	switch {
	case event == "" || len(event) > maxEvent || !utf8.ValidString(event):
		return fmt.Errorf("enqueue delivery: event: want 1 to %d characters", maxEvent)
	case key == "" || len(key) > maxKey || !utf8.ValidString(key):
		return fmt.Errorf("enqueue delivery %s: key: want 1 to %d characters", event, maxKey)
	case len(payload) > maxPayload:
		return fmt.Errorf("enqueue delivery %s: payload: %d bytes, more than %d", event, len(payload), maxPayload)
	case !json.Valid(payload):
		return fmt.Errorf("enqueue delivery %s: payload: not a JSON document", event)
	}
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM case_endpoints WHERE municipality_id = $1`, municipality).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("enqueue delivery %s: read endpoint of %s: %w", event, municipality, err)
	}
	at := now.UTC().Truncate(time.Microsecond)
	if _, err := tx.ExecContext(ctx, `INSERT INTO deliveries
		(municipality_id, event, idempotency_key, payload, state, attempts, next_attempt_at, last_error, created_at)
		VALUES ($1, $2, $3, $4, $5, 0, $6, '', $6)
		ON CONFLICT (municipality_id, idempotency_key) DO NOTHING`,
		municipality, event, key, string(payload), string(Pending), at); err != nil {
		return fmt.Errorf("enqueue delivery %s for %s: %w", event, municipality, err)
	}
	return nil
}
