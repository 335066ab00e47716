package sf1601

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/memo"
	"github.com/kanal-dk/kanal/internal/store"
)

// Dev is the development KombiPostAfsend and Beskedfordeler: it delivers
// into the local Digital Post inbox (digital_post_inbox) and print queue
// (print_queue) instead of calling Serviceplatformen, and writes the
// status messages the Beskedfordeler would bring (digital_post_status):
// sent and delivered at once for Digital Post, sent when a letter joins
// the print queue and printed when staff mark it printed, failed for
// Digital Post only to a recipient who cannot receive it.
type Dev struct {
	db       *store.DB
	registry PostForespoerg
	now      func() time.Time
}

// NewDev returns the development transport over db; registry decides
// Automatisk Valg and Digital Post only, as PostForespoerg does nationally.
func NewDev(db *store.DB, registry PostForespoerg) *Dev {
	return &Dev{db: db, registry: registry, now: time.Now}
}

// ErrNotFound: no such message in the recipient's inbox or the
// municipality's print queue.
var ErrNotFound = errors.New("no such message")

// ErrAlreadyPrinted: the print job was marked printed before.
var ErrAlreadyPrinted = errors.New("the letter is already marked printed")

// Send delivers r. Sending a messageUUID again answers the first receipt
// and delivers nothing more, also when two sends race; only a message
// whose sending failed (Digital Post only, to a recipient who cannot
// receive it) may be sent again, for instance as Fysisk Post.
func (d *Dev) Send(ctx context.Context, r Request) (Receipt, error) {
	if !r.Channel.Valid() {
		return Receipt{}, fmt.Errorf("send: %w", ErrChannel)
	}
	m, err := memo.Parse(r.Memo)
	if err != nil {
		return Receipt{}, fmt.Errorf("send: %w: %v", ErrMemo, err)
	}
	recipient := Recipient{IDType: m.Recipient.IDType, ID: m.Recipient.ID}
	if recipient.IDType != memo.IDTypeCPR && recipient.IDType != memo.IDTypeCVR {
		return Receipt{}, fmt.Errorf("send: %w", ErrRecipient)
	}
	var receipt Receipt
	err = d.db.InTx(ctx, func(tx *sql.Tx) error {
		first, found, err := firstSent(ctx, tx, m.UUID)
		if err != nil || found {
			receipt = Receipt{TransactionID: r.TransactionID, MessageUUID: m.UUID, Channel: first.Channel, At: first.At}
			return err
		}
		channel := r.Channel
		if channel != ChannelPhysicalPost {
			reg, err := d.registry.Registration(ctx, recipient)
			if err != nil {
				return fmt.Errorf("look up registration: %w", err)
			}
			if channel == ChannelAutomatic {
				channel = ChannelPhysicalPost
				if reg == Registered {
					channel = ChannelDigitalPost
				}
			}
			if reg != Registered && channel == ChannelDigitalPost {
				now := d.now().UTC().Truncate(time.Microsecond)
				receipt = Receipt{TransactionID: r.TransactionID, MessageUUID: m.UUID, Channel: channel, At: now}
				return addStatus(ctx, tx, m.UUID, StatusFailed, channel, ReasonNotRegistered, now)
			}
		}
		now := d.now().UTC().Truncate(time.Microsecond)
		receipt = Receipt{TransactionID: r.TransactionID, MessageUUID: m.UUID, Channel: channel, At: now}
		if channel == ChannelDigitalPost {
			return d.deliver(ctx, tx, r, m, now)
		}
		return d.queueForPrint(ctx, tx, r, m, now)
	})
	if err != nil {
		// A send of the same message that committed first makes this
		// one's insert fail on the unique message_uuid: answer its receipt.
		if first, found, ferr := firstSent(ctx, d.db, m.UUID); ferr == nil && found {
			return Receipt{TransactionID: r.TransactionID, MessageUUID: m.UUID, Channel: first.Channel, At: first.At}, nil
		}
		return Receipt{}, fmt.Errorf("send: %w", err)
	}
	return receipt, nil
}

func (d *Dev) deliver(ctx context.Context, tx *sql.Tx, r Request, m memo.Message, now time.Time) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO digital_post_inbox
		(municipality_id, message_uuid, recipient_type, recipient_id, title, memo, received_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		r.Municipality, m.UUID, m.Recipient.IDType, m.Recipient.ID, m.Label, string(r.Memo), now); err != nil {
		return fmt.Errorf("deliver to the inbox: %w", err)
	}
	if err := addStatus(ctx, tx, m.UUID, StatusSent, ChannelDigitalPost, "", now); err != nil {
		return err
	}
	return addStatus(ctx, tx, m.UUID, StatusDelivered, ChannelDigitalPost, "", now)
}

func (d *Dev) queueForPrint(ctx context.Context, tx *sql.Tx, r Request, m memo.Message, now time.Time) error {
	pdf := mainPDF(m)
	if pdf == nil {
		return ErrNoPDF
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO print_queue
		(municipality_id, message_uuid, recipient_type, recipient_id, title, pdf, queued_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		r.Municipality, m.UUID, m.Recipient.IDType, m.Recipient.ID, m.Label, pdf, now); err != nil {
		return fmt.Errorf("queue for print: %w", err)
	}
	return addStatus(ctx, tx, m.UUID, StatusSent, ChannelPhysicalPost, "", now)
}

func mainPDF(m memo.Message) []byte {
	for _, f := range m.Main.Files {
		if f.EncodingFormat == "application/pdf" && len(f.Content) > 0 {
			return f.Content
		}
	}
	return nil
}

func addStatus(ctx context.Context, tx *sql.Tx, uuid string, s StatusKind, c Channel, reason string, at time.Time) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO digital_post_status (message_uuid, status, channel, reason, at)
		VALUES ($1, $2, $3, $4, $5)`, uuid, string(s), string(c), reason, at); err != nil {
		return fmt.Errorf("write status: %w", err)
	}
	return nil
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// firstSent is the message's first status other than failed: the one a
// repeated send answers.
func firstSent(ctx context.Context, q queryer, uuid string) (Status, bool, error) {
	var s Status
	var kind, channel string
	err := q.QueryRowContext(ctx, `SELECT id, message_uuid, status, channel, reason, at FROM digital_post_status
		WHERE message_uuid = $1 AND status <> 'failed' ORDER BY id LIMIT 1`, uuid).Scan(&s.ID, &s.MessageUUID, &kind, &channel, &s.Reason, &s.At)
	if errors.Is(err, sql.ErrNoRows) {
		return Status{}, false, nil
	}
	if err != nil {
		return Status{}, false, fmt.Errorf("read status: %w", err)
	}
	s.Status, s.Channel, s.At = StatusKind(kind), Channel(channel), s.At.UTC()
	return s, true, nil
}

// StatusesAfter answers the status messages with an id above after,
// oldest first, at most limit (the development Beskedfordeler).
func (d *Dev) StatusesAfter(ctx context.Context, after int64, limit int) ([]Status, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, message_uuid, status, channel, reason, at FROM digital_post_status
		WHERE id > $1 ORDER BY id LIMIT $2`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("read statuses: %w", err)
	}
	defer rows.Close()
	var out []Status
	for rows.Next() {
		var s Status
		var kind, channel string
		if err := rows.Scan(&s.ID, &s.MessageUUID, &kind, &channel, &s.Reason, &s.At); err != nil {
			return nil, fmt.Errorf("read statuses: %w", err)
		}
		s.Status, s.Channel, s.At = StatusKind(kind), Channel(channel), s.At.UTC()
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read statuses: %w", err)
	}
	return out, nil
}

var (
	_ KombiPostAfsend = (*Dev)(nil)
	_ Beskedfordeler  = (*Dev)(nil)
)
