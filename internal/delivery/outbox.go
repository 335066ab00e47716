package delivery

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/store"
)

// Outbox is what staff and operators do with deliveries: configure a
// municipality's endpoint, list the deliveries not yet delivered, send a
// dead letter again, and clear the payloads of old deliveries.
type Outbox struct {
	db  *store.DB
	now func() time.Time
}

// NewOutbox returns the outbox on db.
func NewOutbox(db *store.DB) *Outbox { return &Outbox{db: db, now: time.Now} }

// Endpoint is a municipality's case-system endpoint.
type Endpoint struct {
	Municipality string
	URL          string
	// Secret signs the deliveries; shown once, when set.
	Secret               string
	CreatedAt, UpdatedAt time.Time
}

// maxURL bounds an endpoint's address.
const maxURL = 2000

// checkURL refuses an address that is not an absolute http or https URL
// with a host, or that carries a user and password (they would be sent
// with every delivery and shown by "casesystem show").
func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || len(raw) > maxURL || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || u.Fragment != "" {
		return &auth.InputError{Field: "url", Key: "deliveries.bad_url", Args: []any{raw}}
	}
	return nil
}

// newSecret is 32 random bytes, hex-encoded: the key of the HMAC is the
// 64 characters as they are written.
func newSecret() string {
	b := make([]byte, 32)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// SetEndpoint sets the municipality's endpoint to rawURL with a new
// secret, which it returns: the secret of an endpoint set before stops
// working. Audited as audit.EndpointSet. Deliveries already queued are
// sent to the new address with the new secret.
func (o *Outbox) SetEndpoint(ctx context.Context, actor audit.Actor, municipality, rawURL string) (string, error) {
	if err := checkURL(rawURL); err != nil {
		return "", err
	}
	secret, now := newSecret(), o.now().UTC().Truncate(time.Microsecond)
	err := o.db.InTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO case_endpoints (municipality_id, url, secret, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $4)
			ON CONFLICT (municipality_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, updated_at = excluded.updated_at`,
			municipality, rawURL, secret, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, municipality, actor, audit.EndpointSet, rawURL, "")
	})
	if err != nil {
		return "", fmt.Errorf("set case-system endpoint of %s: %w", municipality, err)
	}
	return secret, nil
}

// Endpoint returns the municipality's endpoint, or ErrNoEndpoint.
func (o *Outbox) Endpoint(ctx context.Context, municipality string) (Endpoint, error) {
	return readEndpoint(ctx, o.db, municipality)
}

func readEndpoint(ctx context.Context, db *store.DB, municipality string) (Endpoint, error) {
	e := Endpoint{Municipality: municipality}
	err := db.QueryRowContext(ctx, `SELECT url, secret, created_at, updated_at FROM case_endpoints WHERE municipality_id = $1`,
		municipality).Scan(&e.URL, &e.Secret, &e.CreatedAt, &e.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Endpoint{}, ErrNoEndpoint
	}
	if err != nil {
		return Endpoint{}, fmt.Errorf("read case-system endpoint of %s: %w", municipality, err)
	}
	return e, nil
}

// RemoveEndpoint removes the municipality's endpoint: no more deliveries
// are queued, and those still pending fail their attempts ("no
// endpoint") until an endpoint is set again or they are dead. Audited as
// audit.EndpointSet with the detail "removed". ErrNoEndpoint when there
// is none.
func (o *Outbox) RemoveEndpoint(ctx context.Context, actor audit.Actor, municipality string) error {
	err := o.db.InTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM case_endpoints WHERE municipality_id = $1`, municipality)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(ErrNoEndpoint, err)
		}
		return audit.Record(ctx, tx, municipality, actor, audit.EndpointSet, "", "removed")
	})
	if errors.Is(err, ErrNoEndpoint) {
		return ErrNoEndpoint
	}
	if err != nil {
		return fmt.Errorf("remove case-system endpoint of %s: %w", municipality, err)
	}
	return nil
}

// List returns the municipality's deliveries in the state, or in every
// state but delivered when state is "", newest first.
func (o *Outbox) List(ctx context.Context, municipality string, state State) ([]Delivery, error) {
	q := `SELECT id, municipality_id, event, idempotency_key, state, attempts, next_attempt_at,
		COALESCE(last_status, 0), last_error, created_at, delivered_at
		FROM deliveries WHERE municipality_id = $1`
	args := []any{municipality}
	if state == "" {
		q += ` AND state <> 'delivered'`
	} else {
		q += ` AND state = $2`
		args = append(args, string(state))
	}
	rows, err := o.db.QueryContext(ctx, q+` ORDER BY created_at DESC, id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("list deliveries of %s: %w", municipality, err)
	}
	defer rows.Close()
	var out []Delivery
	for rows.Next() {
		var (
			d         Delivery
			delivered sql.NullTime
		)
		if err := rows.Scan(&d.ID, &d.Municipality, &d.Event, &d.Key, &d.State, &d.Attempts, &d.NextAttemptAt,
			&d.LastStatus, &d.LastError, &d.CreatedAt, &delivered); err != nil {
			return nil, fmt.Errorf("list deliveries of %s: %w", municipality, err)
		}
		if delivered.Valid {
			d.DeliveredAt = &delivered.Time
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list deliveries of %s: %w", municipality, err)
	}
	return out, nil
}

// Resend sends a dead letter again: back to pending, due now, with its
// attempts counted from zero. A pending delivery that no worker is
// sending is made due now the same way. Audited as audit.DeliveryResent.
// ErrNotFound for a delivery the municipality does not have, one
// delivered, or one a worker is sending right now. id is the delivery's
// id as written in addresses.
func (o *Outbox) Resend(ctx context.Context, actor audit.Actor, municipality, id string) (Delivery, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return Delivery{}, ErrNotFound
	}
	now := o.now().UTC().Truncate(time.Microsecond)
	var d Delivery
	err = o.db.InTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `UPDATE deliveries
			SET state = 'pending', attempts = 0, next_attempt_at = $3, claimed_until = NULL, claimed_by = NULL
			WHERE id = $1 AND municipality_id = $2
			AND (state = 'dead' OR state = 'pending' AND (claimed_until IS NULL OR claimed_until <= $3))
			RETURNING event, idempotency_key`, n, municipality, now).Scan(&d.Event, &d.Key)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, municipality, actor, audit.DeliveryResent, id, d.Event+" "+d.Key)
	})
	if errors.Is(err, ErrNotFound) {
		return Delivery{}, ErrNotFound
	}
	if err != nil {
		return Delivery{}, fmt.Errorf("resend delivery %d of %s: %w", n, municipality, err)
	}
	d.ID, d.Municipality, d.State, d.NextAttemptAt = n, municipality, Pending, now
	return d, nil
}

// Prune clears the payloads of the deliveries delivered before the time:
// a payload holds the citizen's personal data, which the case system now
// keeps; the row stays, so the idempotency key still refuses a repeat.
// Dead and pending deliveries keep theirs until they are delivered. It
// returns how many were cleared.
func (o *Outbox) Prune(ctx context.Context, deliveredBefore time.Time) (int64, error) {
	res, err := o.db.ExecContext(ctx, `UPDATE deliveries SET payload = ''
		WHERE state = 'delivered' AND delivered_at < $1 AND payload <> ''`, deliveredBefore.UTC())
	if err != nil {
		return 0, fmt.Errorf("prune delivered payloads: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("prune delivered payloads: %w", err)
	}
	return n, nil
}
