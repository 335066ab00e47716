package sf1601

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// PrintJob is a letter in the development print queue.
type PrintJob struct {
	MessageUUID string
	Recipient   Recipient
	Title       string
	QueuedAt    time.Time
	PrintedAt   time.Time // zero while waiting
	PrintedBy   string
}

// PrintQueue lists the municipality's letters for print, oldest first:
// those waiting, and the printed ones too when withPrinted.
func (d *Dev) PrintQueue(ctx context.Context, municipality string, withPrinted bool) ([]PrintJob, error) {
	q := `SELECT message_uuid, recipient_type, recipient_id, title, queued_at, printed_at, printed_by
		FROM print_queue WHERE municipality_id = $1`
	if !withPrinted {
		q += ` AND printed_at IS NULL`
	}
	rows, err := d.db.QueryContext(ctx, q+` ORDER BY queued_at, id`, municipality)
	if err != nil {
		return nil, fmt.Errorf("read print queue: %w", err)
	}
	defer rows.Close()
	var out []PrintJob
	for rows.Next() {
		var j PrintJob
		var printed sql.NullTime
		var by sql.NullString
		if err := rows.Scan(&j.MessageUUID, &j.Recipient.IDType, &j.Recipient.ID, &j.Title, &j.QueuedAt, &printed, &by); err != nil {
			return nil, fmt.Errorf("read print queue: %w", err)
		}
		j.QueuedAt, j.PrintedAt, j.PrintedBy = j.QueuedAt.UTC(), utc(printed), by.String
		out = append(out, j)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read print queue: %w", err)
	}
	return out, nil
}

// PrintPDF is the PDF of a letter in the municipality's print queue.
func (d *Dev) PrintPDF(ctx context.Context, municipality, messageUUID string) ([]byte, error) {
	var pdf []byte
	err := d.db.QueryRowContext(ctx, `SELECT pdf FROM print_queue WHERE municipality_id = $1 AND message_uuid = $2`,
		municipality, messageUUID).Scan(&pdf)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("read print PDF: %w", err)
	}
	return pdf, nil
}

// MarkPrinted records that staff (by, a user's name) printed and posted
// the letter, and emits its printed status.
func (d *Dev) MarkPrinted(ctx context.Context, municipality, messageUUID, by string) error {
	now := d.now().UTC().Truncate(time.Microsecond)
	err := d.db.InTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE print_queue SET printed_at = $3, printed_by = $4
			WHERE municipality_id = $1 AND message_uuid = $2 AND printed_at IS NULL`, municipality, messageUUID, now, by)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n == 0 {
			var printed sql.NullTime
			err := tx.QueryRowContext(ctx, `SELECT printed_at FROM print_queue WHERE municipality_id = $1 AND message_uuid = $2`,
				municipality, messageUUID).Scan(&printed)
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			if err != nil {
				return err
			}
			return ErrAlreadyPrinted
		}
		return addStatus(ctx, tx, messageUUID, StatusPrinted, ChannelPhysicalPost, "", now)
	})
	if err != nil {
		return fmt.Errorf("mark printed: %w", err)
	}
	return nil
}

// Prune deletes, as their retention period ends, the inbox messages
// received before the time and the letters printed before it (letters
// still waiting for print stay). Status messages hold no personal data
// and stay.
func (d *Dev) Prune(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := d.db.InTx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{
			`DELETE FROM digital_post_inbox WHERE received_at < $1`,
			`DELETE FROM print_queue WHERE printed_at IS NOT NULL AND printed_at < $1`,
		} {
			res, err := tx.ExecContext(ctx, q, before.UTC())
			if err != nil {
				return err
			}
			k, err := res.RowsAffected()
			if err != nil {
				return err
			}
			n += k
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("prune Digital Post: %w", err)
	}
	return n, nil
}
