package letters

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/kanal-dk/kanal/internal/delivery"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/sf1601"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/webhook"
)

// Outgoing is one letter handed to the transport: the channel chosen
// (RouteDigitalPost or RouteLetter), the letter rendered as PDF and, for
// Digital Post, the MeMo message carrying it.
type Outgoing struct {
	Letter  *Letter
	Channel string
	PDF     []byte
	Memo    []byte
}

// Transport sends a letter: SF1601's KombiPostAfsend in production, the
// development inbox and print queue otherwise. An error is a failed
// attempt; ErrRefused says Digital Post refused the letter for good (the
// recipient cannot receive it), which falls back to paper at once.
type Transport interface {
	Send(ctx context.Context, out Outgoing) error
}

// ErrRefused is a transport's permanent refusal of a Digital Post letter.
var ErrRefused = errors.New("digital post refused the letter")

// MemoBuilder builds the MeMo message of a Digital Post letter around its
// PDF.
type MemoBuilder func(l *Letter, pdf []byte, at time.Time) ([]byte, error)

// Defaults of a Worker's zero fields.
const (
	DefaultFirstRetry  = time.Minute
	DefaultMaxRetry    = time.Hour
	DefaultMaxAttempts = 8
	DefaultBatch       = 20
	DefaultLease       = 5 * time.Minute
	// DefaultKeepBodies is how long a letter's body and MeMo message are
	// kept after it was created: 30 days, time to answer a question about
	// what was sent; the case system holds the letter itself.
	DefaultKeepBodies = 30 * 24 * time.Hour
)

// Worker sends due letters and webhooks. Any number may run at once, in
// one instance or several on one PostgreSQL: each leases the rows it
// sends (claimed_until, claimed_by), and the outcome is recorded only
// while the lease is held. A letter is marked sent in the transaction that
// records the transport's answer; one whose worker died between the
// transport's answer and that record is sent again after the lease runs
// out, with the same letter id (the messageUUID), which the transport
// takes as the same letter.
type Worker struct {
	DB        *store.DB
	Recorder  *inquiry.Recorder
	Transport Transport
	// Memo builds the MeMo message (BuildMemo unless set).
	Memo MemoBuilder
	// Render renders a letter as PDF (RenderPDF unless set).
	Render               func(l *Letter, sender string) ([]byte, error)
	FirstRetry, MaxRetry time.Duration
	MaxAttempts, Batch   int
	Lease                time.Duration
	KeepBodies           time.Duration
	// Client posts the status webhooks; nil is webhook.Client, which
	// connects to no address that is not public unless AllowPrivate (the
	// operator's explicit choice, KANAL_WEBHOOKS_ALLOW_PRIVATE).
	Client       *http.Client
	AllowPrivate bool
	Now          func() time.Time
	Log          *slog.Logger
	// Statuses is the Beskedfordeler Run reads status messages from; nil
	// reads none.
	Statuses sf1601.Beskedfordeler

	once  sync.Once
	token string
}

func (w *Worker) init() {
	w.once.Do(func() {
		if w.Now == nil {
			w.Now = time.Now
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
		if w.Lease <= 0 {
			w.Lease = DefaultLease
		}
		if w.KeepBodies <= 0 {
			w.KeepBodies = DefaultKeepBodies
		}
		if w.Memo == nil {
			w.Memo = BuildMemo
		}
		if w.Render == nil {
			w.Render = RenderPDF
		}
		if w.Client == nil {
			w.Client = webhook.Client(15*time.Second, w.AllowPrivate)
		}
		b := make([]byte, 12)
		rand.Read(b)
		w.token = hex.EncodeToString(b)
	})
}

// Backoff is the wait after the attempts-th failed attempt: FirstRetry,
// doubled each time, at most MaxRetry.
func (w *Worker) Backoff(attempts int) time.Duration {
	w.init()
	d := w.FirstRetry
	for i := 1; i < attempts && d < w.MaxRetry; i++ {
		d *= 2
	}
	return min(d, w.MaxRetry)
}

// Run sends due letters and webhooks every interval until ctx ends, and
// erases old bodies once an hour.
func (w *Worker) Run(ctx context.Context, every time.Duration) {
	w.init()
	t := time.NewTicker(every)
	defer t.Stop()
	var lastErase time.Time
	for {
		if now := w.Now(); now.Sub(lastErase) >= time.Hour {
			lastErase = now
			if _, err := w.Erase(ctx); err != nil && ctx.Err() == nil && w.Log != nil {
				w.Log.Error("letters: erase old bodies", "err", err)
			}
		}
		n, err := w.RunOnce(ctx)
		if err != nil && ctx.Err() == nil && w.Log != nil {
			w.Log.Error("letters", "err", err)
		}
		// A full page of letters, status messages or webhooks is followed
		// at once by the next: each letter brings one to three status
		// messages, which one page each interval would fall behind.
		more := err == nil && n >= w.Batch
		if w.Statuses != nil {
			read, err := w.ReadStatuses(ctx, w.Statuses)
			if err != nil && ctx.Err() == nil && w.Log != nil {
				w.Log.Error("letters: status messages", "err", err)
			}
			more = more || err == nil && read >= w.Batch
		}
		hooks, err := w.SendWebhooks(ctx)
		if err != nil && ctx.Err() == nil && w.Log != nil {
			w.Log.Error("letters: webhooks", "err", err)
		}
		more = more || err == nil && hooks >= w.Batch
		if more && ctx.Err() == nil {
			continue
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

type claimedLetter struct {
	Letter
	attempts int
	inquiry  int64
	at       time.Time
}

// RunOnce leases up to Batch due letters, sends each once and records the
// outcome; it returns how many it attempted.
func (w *Worker) RunOnce(ctx context.Context) (int, error) {
	w.init()
	now := w.Now().UTC().Truncate(time.Microsecond)
	q := `SELECT municipality_id, ` + letterColumns + `, attempts, inquiry_id, inquiry_at FROM letters
		WHERE sent_at IS NULL AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
		ORDER BY next_attempt_at, id LIMIT $2`
	if w.DB.Engine == store.Postgres {
		q += ` FOR UPDATE SKIP LOCKED`
	}
	var claimed []*claimedLetter
	err := w.DB.InTx(ctx, func(tx *sql.Tx) error {
		claimed = nil
		rows, err := tx.QueryContext(ctx, q, now, w.Batch)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c := &claimedLetter{}
			var m string
			if err := scanLetter(scanFunc(func(dest ...any) error {
				return rows.Scan(append(append([]any{&m}, dest...), &c.attempts, &c.inquiry, &c.at)...)
			}), &c.Letter); err != nil {
				return err
			}
			c.Municipality = m
			claimed = append(claimed, c)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		for _, c := range claimed {
			if _, err := tx.ExecContext(ctx, `UPDATE letters SET claimed_until = $1, claimed_by = $2
				WHERE municipality_id = $3 AND id = $4`, now.Add(w.Lease), w.token, c.Municipality, c.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("claim due letters: %w", err)
	}
	for i, c := range claimed {
		if err := w.send(ctx, c); err != nil {
			return i + 1, err
		}
	}
	return len(claimed), nil
}

type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// send sends one leased letter and records the outcome while the lease
// holds.
func (w *Worker) send(ctx context.Context, c *claimedLetter) error {
	out := Outgoing{Letter: &c.Letter, Channel: c.Route}
	c.Sender = c.Municipality
	var name string
	if err := w.DB.QueryRowContext(ctx, `SELECT name FROM municipalities WHERE id = $1`, c.Municipality).Scan(&name); err == nil && name != "" {
		c.Sender = name
	}
	pdf, err := w.Render(&c.Letter, c.Sender)
	if err != nil {
		return fmt.Errorf("render letter as PDF: %w", err)
	}
	out.PDF = pdf
	if c.Route == RouteDigitalPost {
		if out.Memo, err = w.Memo(&c.Letter, pdf, w.Now()); err != nil {
			return fmt.Errorf("build MeMo: %w", err)
		}
	}
	sendErr := w.Transport.Send(ctx, out)
	now := w.Now().UTC().Truncate(time.Microsecond)
	attempts := c.attempts + 1
	fallback := sendErr != nil && c.Route == RouteDigitalPost && c.ForcedReason == "" &&
		(errors.Is(sendErr, ErrRefused) || attempts >= w.MaxAttempts)
	return w.DB.InTx(ctx, func(tx *sql.Tx) error {
		var holder sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT claimed_by FROM letters WHERE municipality_id = $1 AND id = $2 AND sent_at IS NULL`,
			c.Municipality, c.ID).Scan(&holder); errors.Is(err, sql.ErrNoRows) || err == nil && holder.String != w.token {
			if w.Log != nil {
				w.Log.Warn("letters: lease lost before the outcome was recorded", "letter", c.ID)
			}
			return nil
		} else if err != nil {
			return err
		}
		switch {
		case sendErr == nil:
			if _, err := tx.ExecContext(ctx, `UPDATE letters SET sent_at = $1, attempts = $2, memo = $3, last_error = '',
				claimed_until = NULL, claimed_by = NULL WHERE municipality_id = $4 AND id = $5`,
				now, attempts, string(out.Memo), c.Municipality, c.ID); err != nil {
				return err
			}
			return addStatus(ctx, tx, &c.Letter, Sent, now)
		case fallback:
			// Digital Post failed with the automatic choice: the letter
			// goes on paper, sent by the next run, and its inquiry moves.
			if _, err := tx.ExecContext(ctx, `UPDATE letters SET route = $1, reason = $2, attempts = 0, next_attempt_at = $3,
				last_error = 'digital_post', message_uuid = $4, claimed_until = NULL, claimed_by = NULL
				WHERE municipality_id = $5 AND id = $6`,
				RouteLetter, ReasonDigitalPostFails, now, NewID(), c.Municipality, c.ID); err != nil {
				return err
			}
			if err := w.Recorder.MoveChannel(ctx, tx, c.Municipality, c.inquiry, c.at, RouteDigitalPost, RouteLetter); err != nil {
				return err
			}
			c.Route, c.Reason = RouteLetter, ReasonDigitalPostFails
			return addStatus(ctx, tx, &c.Letter, FellBackToPaper, now)
		case attempts >= w.MaxAttempts:
			if _, err := tx.ExecContext(ctx, `UPDATE letters SET sent_at = NULL, attempts = $1, last_error = 'transport',
				next_attempt_at = NULL, claimed_until = NULL, claimed_by = NULL WHERE municipality_id = $2 AND id = $3`,
				attempts, c.Municipality, c.ID); err != nil {
				return err
			}
			return addStatus(ctx, tx, &c.Letter, Failed, now)
		default:
			if w.Log != nil {
				w.Log.Warn("letters: attempt failed", "letter", c.ID, "attempt", attempts)
			}
			_, err := tx.ExecContext(ctx, `UPDATE letters SET attempts = $1, last_error = 'transport', next_attempt_at = $2,
				claimed_until = NULL, claimed_by = NULL WHERE municipality_id = $3 AND id = $4`,
				attempts, now.Add(w.Backoff(attempts)), c.Municipality, c.ID)
			return err
		}
	})
}

// Event records a status the transport reports for a sent letter
// (delivered, failed, printed: in production from the Beskedfordeler) and
// queues its webhook.
func (ls *Letters) Event(ctx context.Context, municipality, id, status string, at time.Time) error {
	switch status {
	case Delivered, Failed, Printed:
	default:
		return fmt.Errorf("letter event: status %q is not an event", status)
	}
	l, err := ls.Get(ctx, municipality, id)
	if err != nil {
		return err
	}
	return ls.db.InTx(ctx, func(tx *sql.Tx) error {
		return addStatus(ctx, tx, l, status, at.UTC().Truncate(time.Microsecond))
	})
}

// SendWebhooks posts due status webhooks to the letters' callback URLs,
// signed as case deliveries are (delivery.Sign) with the municipality's
// case endpoint secret. A municipality without an endpoint has no secret:
// its webhooks wait (and die after MaxAttempts).
func (w *Worker) SendWebhooks(ctx context.Context) (int, error) {
	w.init()
	now := w.Now().UTC().Truncate(time.Microsecond)
	q := `SELECT id, municipality_id, url, payload, attempts FROM letter_webhooks
		WHERE state = 'pending' AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
		ORDER BY next_attempt_at, id LIMIT $2`
	if w.DB.Engine == store.Postgres {
		q += ` FOR UPDATE SKIP LOCKED`
	}
	type hook struct {
		id                     int64
		municipality, url, pay string
		attempts               int
	}
	var hooks []hook
	err := w.DB.InTx(ctx, func(tx *sql.Tx) error {
		hooks = nil
		rows, err := tx.QueryContext(ctx, q, now, w.Batch)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h hook
			if err := rows.Scan(&h.id, &h.municipality, &h.url, &h.pay, &h.attempts); err != nil {
				return err
			}
			hooks = append(hooks, h)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		for _, h := range hooks {
			if _, err := tx.ExecContext(ctx, `UPDATE letter_webhooks SET claimed_until = $1, claimed_by = $2 WHERE id = $3`,
				now.Add(w.Lease), w.token, h.id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("claim due webhooks: %w", err)
	}
	outbox := delivery.NewOutbox(w.DB)
	for _, h := range hooks {
		failure := ""
		e, err := outbox.Endpoint(ctx, h.municipality)
		switch {
		case errors.Is(err, delivery.ErrNoEndpoint):
			failure = "no_secret"
		case err != nil:
			return 0, err
		default:
			failure = w.post(ctx, h.url, e.Secret, h.id, []byte(h.pay))
		}
		attempts := h.attempts + 1
		switch {
		case failure == "":
			_, err = w.DB.ExecContext(ctx, `UPDATE letter_webhooks SET state = 'delivered', attempts = $1, last_error = '',
				claimed_until = NULL, claimed_by = NULL WHERE id = $2 AND claimed_by = $3`, attempts, h.id, w.token)
		case attempts >= w.MaxAttempts:
			_, err = w.DB.ExecContext(ctx, `UPDATE letter_webhooks SET state = 'dead', attempts = $1, last_error = $2,
				claimed_until = NULL, claimed_by = NULL WHERE id = $3 AND claimed_by = $4`, attempts, failure, h.id, w.token)
		default:
			_, err = w.DB.ExecContext(ctx, `UPDATE letter_webhooks SET attempts = $1, last_error = $2, next_attempt_at = $3,
				claimed_until = NULL, claimed_by = NULL WHERE id = $4 AND claimed_by = $5`,
				attempts, failure, now.Add(w.Backoff(attempts)), h.id, w.token)
		}
		if err != nil {
			return 0, fmt.Errorf("record webhook %d: %w", h.id, err)
		}
	}
	return len(hooks), nil
}

// post posts one webhook and returns "" or the kind of failure.
func (w *Worker) post(ctx context.Context, url, secret string, id int64, body []byte) string {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return "bad_url"
	}
	ts := w.Now().Unix()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Kanal")
	req.Header.Set(delivery.HeaderIdempotencyKey, "letter-status-"+strconv.FormatInt(id, 10))
	req.Header.Set(delivery.HeaderEvent, "letter.status")
	req.Header.Set(delivery.HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(delivery.HeaderSignature, delivery.Sign(secret, ts, body))
	resp, err := w.Client.Do(req)
	if errors.Is(err, webhook.ErrBlocked) {
		return delivery.FailureBlocked
	}
	if err != nil {
		return "network"
	}
	resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return "status"
	}
	return ""
}

// Erase empties the bodies, documents (the sender's PDF, attachments) and
// MeMo messages of letters created more than
// KeepBodies ago and returns how many; the route, reason and history stay.
// A letter not yet sent keeps its body.
func (w *Worker) Erase(ctx context.Context) (int64, error) {
	w.init()
	before := w.Now().UTC().Add(-w.KeepBodies)
	res, err := w.DB.ExecContext(ctx, `UPDATE letters SET body = '', memo = '', pdf = NULL, attachments = '', erased_at = $1
		WHERE created_at < $2 AND erased_at IS NULL AND (sent_at IS NOT NULL OR next_attempt_at IS NULL)`,
		w.Now().UTC().Truncate(time.Microsecond), before)
	if err != nil {
		return 0, fmt.Errorf("erase old letter bodies: %w", err)
	}
	return res.RowsAffected()
}
