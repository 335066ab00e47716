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
)

// Enqueue queues a delivery in the caller's transaction: the event (for
// example "case.submitted") for the municipality's configured case-system
// endpoint, with key as the idempotency key the receiver sees. With no
// endpoint configured nothing is queued.
func Enqueue(ctx context.Context, tx *sql.Tx, municipality, event, key string, payload []byte) error {
	panic("delivery.Enqueue: not built yet")
}
