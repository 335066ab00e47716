package sf1601

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// InboxMessage is a message in the development Digital Post inbox.
type InboxMessage struct {
	MessageUUID string
	Title       string
	ReceivedAt  time.Time
	ReadAt      time.Time // zero while unread
	Memo        []byte    // the MeMo message; only InboxMessage fills it
}

// Inbox lists the recipient's Digital Post, newest first, without the
// messages themselves.
func (d *Dev) Inbox(ctx context.Context, r Recipient) ([]InboxMessage, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT message_uuid, title, received_at, read_at FROM digital_post_inbox
		WHERE recipient_type = $1 AND recipient_id = $2 ORDER BY received_at DESC, id DESC`, r.IDType, r.ID)
	if err != nil {
		return nil, fmt.Errorf("read inbox: %w", err)
	}
	defer rows.Close()
	var out []InboxMessage
	for rows.Next() {
		var m InboxMessage
		var read sql.NullTime
		if err := rows.Scan(&m.MessageUUID, &m.Title, &m.ReceivedAt, &read); err != nil {
			return nil, fmt.Errorf("read inbox: %w", err)
		}
		m.ReceivedAt, m.ReadAt = m.ReceivedAt.UTC(), utc(read)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read inbox: %w", err)
	}
	return out, nil
}

// InboxMessage is one message of the recipient's inbox with its MeMo
// message; another recipient's message is ErrNotFound.
func (d *Dev) InboxMessage(ctx context.Context, r Recipient, messageUUID string) (InboxMessage, error) {
	var m InboxMessage
	var read sql.NullTime
	var body string
	err := d.db.QueryRowContext(ctx, `SELECT message_uuid, title, received_at, read_at, memo FROM digital_post_inbox
		WHERE recipient_type = $1 AND recipient_id = $2 AND message_uuid = $3`, r.IDType, r.ID, messageUUID).
		Scan(&m.MessageUUID, &m.Title, &m.ReceivedAt, &read, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return InboxMessage{}, ErrNotFound
	}
	if err != nil {
		return InboxMessage{}, fmt.Errorf("read inbox message: %w", err)
	}
	m.ReceivedAt, m.ReadAt, m.Memo = m.ReceivedAt.UTC(), utc(read), []byte(body)
	return m, nil
}

// MarkRead marks the recipient's message read (the first reading counts;
// later ones change nothing).
func (d *Dev) MarkRead(ctx context.Context, r Recipient, messageUUID string) error {
	res, err := d.db.ExecContext(ctx, `UPDATE digital_post_inbox SET read_at = COALESCE(read_at, $4)
		WHERE recipient_type = $1 AND recipient_id = $2 AND message_uuid = $3`,
		r.IDType, r.ID, messageUUID, d.now().UTC().Truncate(time.Microsecond))
	if err != nil {
		return fmt.Errorf("mark read: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("mark read: %w", err)
	} else if n == 0 {
		return ErrNotFound
	}
	return nil
}

func utc(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}
