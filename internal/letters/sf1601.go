package letters

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/memo"
	"github.com/kanal-dk/kanal/internal/sf1601"
)

// BuildMemo builds a letter's MeMo message (package memo) around its PDF:
// the messageUUID is the letter's MessageUUID, the sender the
// municipality (senderOf), the recipient the CPR or CVR
// number, the KLE number the letter's area's, the action link an
// INFORMATION action, the sender's actions SELVBETJENING or AFTALE actions
// of the main document, and, on Digital Post, each attachment an
// AdditionalDocument. Both routes carry the letter this way: the print
// service prints the main document's PDF.
func BuildMemo(l *Letter, pdf []byte, at time.Time) ([]byte, error) {
	sender := l.Sender
	if sender == "" {
		sender = l.Municipality
	}
	m := memo.Message{UUID: l.MessageUUID, Label: l.Title, LegalNotification: l.LegalNotification,
		Sender:    senderOf(l, sender),
		Recipient: memo.Party{ID: l.Recipient.Digits(), IDType: idType(l.Recipient)},
		Created:   at.UTC(),
		Main: memo.Document{Label: l.Title, Files: []memo.File{{EncodingFormat: "application/pdf",
			Filename: "brev.pdf", Language: "da", Content: pdf}}}}
	if l.ActionURL != "" {
		m.Main.Actions = []memo.Action{{Label: l.Title, Code: memo.ActionInformation, EntryPoint: l.ActionURL}}
	}
	for _, a := range l.Actions {
		code := memo.ActionSelfService
		if a.Kind == ActionBooking {
			code = memo.ActionAppointment
		}
		m.Main.Actions = append(m.Main.Actions, memo.Action{Label: a.Label, Code: code, EntryPoint: a.URL})
	}
	// On paper the attachments are pages of the PDF to print (RenderPDF).
	if l.Route != RouteLetter {
		for i, a := range l.Attachments {
			m.Additional = append(m.Additional, memo.Document{ID: fmt.Sprintf("bilag-%d", i+1), Label: a.Filename,
				Files: []memo.File{{EncodingFormat: "application/pdf", Filename: a.Filename, Language: "da", Content: a.Content}}})
		}
	}
	return memo.Build(m)
}

// senderOf is the MeMo sender of a letter, labelled with the
// municipality's name: its CVR number (idType CVR) when its strategy
// gives one, else its id in Kanal (idType Andet), which only the
// development transport accepts.
func senderOf(l *Letter, label string) memo.Party {
	if l.SenderCVR != "" {
		return memo.Party{ID: l.SenderCVR, IDType: memo.IDTypeCVR, Label: label}
	}
	return memo.Party{ID: l.Municipality, IDType: memo.IDTypeOther, Label: label}
}

func idType(r Recipient) string {
	if r.Kind() == "cvr" {
		return memo.IDTypeCVR
	}
	return memo.IDTypeCPR
}

// KombiTransport sends letters through SF1601's KombiPostAfsend: Digital
// Post letters with the channel Digital Post (Kanal has made the
// automatic choice itself, and falls back to paper on failure), paper
// letters with Fysisk Post. The MeMo message goes on both channels.
type KombiTransport struct {
	Kombi sf1601.KombiPostAfsend
}

// Send sends one letter; an answer that the message or recipient is
// wrong is ErrRefused.
func (k KombiTransport) Send(ctx context.Context, out Outgoing) error {
	ch := sf1601.ChannelPhysicalPost
	if out.Channel == RouteDigitalPost {
		ch = sf1601.ChannelDigitalPost
	}
	m := out.Memo
	if len(m) == 0 {
		var err error
		if m, err = BuildMemo(out.Letter, out.PDF, time.Now()); err != nil {
			return err
		}
	}
	_, err := k.Kombi.Send(ctx, sf1601.Request{TransactionID: NewID(), Municipality: out.Letter.Municipality, Channel: ch, Memo: m})
	if errors.Is(err, sf1601.ErrRecipient) || errors.Is(err, sf1601.ErrMemo) {
		return fmt.Errorf("%w: %w", ErrRefused, err)
	}
	return err
}

// RegistryOf makes SF1601's PostForespoerg the route decision's registry.
func RegistryOf(p sf1601.PostForespoerg) Registry { return postForespoerg{p} }

type postForespoerg struct{ p sf1601.PostForespoerg }

func (p postForespoerg) Lookup(ctx context.Context, r Recipient) (Registration, error) {
	got, err := p.p.Registration(ctx, sf1601.Recipient{IDType: idType(r), ID: r.Digits()})
	switch {
	case err != nil:
		return NotRegistered, err
	case got == sf1601.Registered:
		return Registered, nil
	case got == sf1601.Exempt:
		return Exempt, nil
	}
	return NotRegistered, nil
}

// ReadStatuses reads the Beskedfordeler's status messages after the
// stored cursor and records each as its letter's status (sent is already
// recorded by the worker and skipped): delivered, printed, or failed; a
// Digital Post letter that failed because the recipient cannot receive
// Digital Post, sent by the automatic choice, falls back to paper and its
// inquiry moves to the letter channel. It returns how many it read.
func (w *Worker) ReadStatuses(ctx context.Context, b sf1601.Beskedfordeler) (int, error) {
	w.init()
	var after int64
	err := w.DB.QueryRowContext(ctx, `SELECT after FROM letter_status_cursor WHERE id = 1`).Scan(&after)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("read the status cursor: %w", err)
	}
	statuses, err := b.StatusesAfter(ctx, after, w.Batch)
	if err != nil {
		return 0, fmt.Errorf("read status messages: %w", err)
	}
	for _, s := range statuses {
		err := w.DB.InTx(ctx, func(tx *sql.Tx) error {
			// The cursor moves in the status's transaction: a status is
			// recorded once even when two workers read the same page (the
			// second's update finds the cursor moved and rolls back).
			res, err := tx.ExecContext(ctx, `UPDATE letter_status_cursor SET after = $1 WHERE id = 1 AND after = $2`, s.ID, after)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				if _, err := tx.ExecContext(ctx, `INSERT INTO letter_status_cursor (id, after) VALUES (1, $1)`, s.ID); err != nil {
					return errStale
				}
			}
			return w.applyStatus(ctx, tx, s)
		})
		if errors.Is(err, errStale) {
			return 0, nil
		}
		if err != nil {
			return 0, fmt.Errorf("record status message %d: %w", s.ID, err)
		}
		after = s.ID
	}
	return len(statuses), nil
}

var errStale = errors.New("another worker read the status messages")

// applyStatus records one status message in tx.
func (w *Worker) applyStatus(ctx context.Context, tx *sql.Tx, s sf1601.Status) error {
	l := &Letter{}
	var inquiryID int64
	var inquiryAt time.Time
	err := tx.QueryRowContext(ctx, `SELECT municipality_id, id, route, forced_reason, callback_url, inquiry_id, inquiry_at
		FROM letters WHERE message_uuid = $1`, s.MessageUUID).Scan(&l.Municipality, &l.ID, &l.Route, &l.ForcedReason,
		&l.CallbackURL, &inquiryID, &inquiryAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // not a letter of Kanal's
	}
	if err != nil {
		return err
	}
	at := s.At.UTC().Truncate(time.Microsecond)
	switch s.Status {
	case sf1601.StatusDelivered:
		return addStatus(ctx, tx, l, Delivered, at)
	case sf1601.StatusPrinted:
		return addStatus(ctx, tx, l, Printed, at)
	case sf1601.StatusFailed:
		if l.Route == RouteDigitalPost && l.ForcedReason == "" {
			if _, err := tx.ExecContext(ctx, `UPDATE letters SET route = $1, reason = $2, sent_at = NULL, attempts = 0,
				next_attempt_at = $3, message_uuid = $4 WHERE municipality_id = $5 AND id = $6`,
				RouteLetter, ReasonDigitalPostFails, at, NewID(), l.Municipality, l.ID); err != nil {
				return err
			}
			if err := w.Recorder.MoveChannel(ctx, tx, l.Municipality, inquiryID, inquiryAt, RouteDigitalPost, RouteLetter); err != nil {
				return err
			}
			l.Route = RouteLetter
			return addStatus(ctx, tx, l, FellBackToPaper, at)
		}
		return addStatus(ctx, tx, l, Failed, at)
	}
	return nil
}
