package mail

import (
	"context"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/store"
)

// Outbox keeps messages in the mail_outbox table instead of sending them.
type Outbox struct {
	db *store.DB
	// Now is the clock; tests set it.
	Now func() time.Time
}

// NewOutbox returns the outbox on db.
func NewOutbox(db *store.DB) *Outbox { return &Outbox{db: db, Now: time.Now} }

// Send stores the message.
func (o *Outbox) Send(ctx context.Context, m Message) error {
	if err := check(m); err != nil {
		return err
	}
	_, err := o.db.ExecContext(ctx, `INSERT INTO mail_outbox (municipality_id, to_addr, subject, body, created_at)
		VALUES ($1, $2, $3, $4, $5)`, m.Municipality, m.To, m.Subject, m.Body, o.Now().UTC())
	if err != nil {
		return fmt.Errorf("store a message in the outbox: %w", err)
	}
	return nil
}

// Stored is a message in the outbox.
type Stored struct {
	ID int64
	Message
	At time.Time
}

// List is the municipality's messages, newest first, at most limit.
func (o *Outbox) List(ctx context.Context, municipality string, limit int) ([]Stored, error) {
	rows, err := o.db.QueryContext(ctx, `SELECT id, municipality_id, to_addr, subject, body, created_at
		FROM mail_outbox WHERE municipality_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, municipality, limit)
	if err != nil {
		return nil, fmt.Errorf("list the outbox of %s: %w", municipality, err)
	}
	defer rows.Close()
	var out []Stored
	for rows.Next() {
		var s Stored
		if err := rows.Scan(&s.ID, &s.Municipality, &s.To, &s.Subject, &s.Body, &s.At); err != nil {
			return nil, fmt.Errorf("read the outbox of %s: %w", municipality, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
