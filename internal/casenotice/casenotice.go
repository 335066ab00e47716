// Package casenotice sends what a case tells its citizen as outbound
// letters (internal/letters): the receipt of a case submitted on Kanal's
// own forms, and the notice staff ask for when they change a case's
// status ("tell the citizen"). casework marks such a change pending; a
// Sender turns each pending change into exactly one letter — its id is
// derived from the change, so a second run, a concurrent one or one after
// a crash finds the letter already sent — and marks the change sent. The
// letter goes by Digital Post to the CPR number the case holds, or on
// paper to a citizen who is exempt, and is counted as every letter is: one
// outbound inquiry, which nothing else counts for the notice.
package casenotice

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// States of a change's notice (case_changes.notice) besides casework's
// pending: sent, or why it was not.
const (
	Sent        = "sent"
	Erased      = "erased"       // the case's personal data was erased before the letter was sent
	NoRecipient = "no_recipient" // the case holds no CPR number
	Stale       = "stale"        // it waited longer than MaxAge
	Refused     = "refused"      // the strategy no longer takes the case's area
)

// DefaultMaxAge is how old a pending notice may be and still be sent: a
// receipt or a status notice weeks late tells the citizen nothing true.
const DefaultMaxAge = 14 * 24 * time.Hour

// DefaultBatch is how many pending notices one run takes.
const DefaultBatch = 50

// Sender sends pending case notices as letters.
type Sender struct {
	DB       *store.DB
	Registry *municipality.Registry
	// Letters sends the letters (its registry decides the route).
	Letters *letters.Letters
	// MaxAge (DefaultMaxAge) and Batch (DefaultBatch) when zero.
	MaxAge time.Duration
	Batch  int
	Now    func() time.Time
	Log    *slog.Logger
}

// ReceiptID and NoticeID are the letter ids of a case's receipt and of
// the notice of its change number change: a letter id is sent once, so
// the ids make a notice one letter however often it is sent.
func ReceiptID(reference string) string { return "case-receipt-" + reference }

func NoticeID(change int64) string { return "case-notice-" + strconv.FormatInt(change, 10) }

// pending is one change waiting for its letter.
type pending struct {
	change                       int64
	status                       string
	notify, erased               bool
	at                           time.Time
	municipality, reference, cpr string
	area, answerBy               string
}

// Run sends pending notices every interval until ctx ends. What a round
// settles without sending — batches one after another until none is
// left — is logged in one line at its end.
func (s *Sender) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	notSent := map[string]int{}
	for {
		n, err := s.runOnce(ctx, notSent)
		if err != nil && ctx.Err() == nil && s.Log != nil {
			s.Log.Error("case notices", "err", err)
		}
		if err == nil && n >= s.batch() {
			continue
		}
		s.logNotSent(notSent)
		clear(notSent)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (s *Sender) batch() int {
	if s.Batch <= 0 {
		return DefaultBatch
	}
	return s.Batch
}

// RunOnce sends up to Batch pending notices, oldest first, and returns
// how many it handled (sent or settled as not to be sent); those not sent
// are logged in one line, counted by why.
func (s *Sender) RunOnce(ctx context.Context) (int, error) {
	notSent := map[string]int{}
	defer s.logNotSent(notSent)
	return s.runOnce(ctx, notSent)
}

// runOnce is RunOnce, counting the notices not sent in notSent by why.
func (s *Sender) runOnce(ctx context.Context, notSent map[string]int) (int, error) {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	maxAge := s.MaxAge
	if maxAge <= 0 {
		maxAge = DefaultMaxAge
	}
	due, err := s.due(ctx)
	if err != nil {
		return 0, err
	}
	currents := map[string]*municipality.Current{}
	for i, p := range due {
		state, letterID := "", ""
		switch {
		case p.erased:
			state = Erased
		case p.cpr == "":
			state = NoRecipient
		case now().Sub(p.at) > maxAge:
			state = Stale
		default:
			cur, ok := currents[p.municipality]
			if !ok {
				if cur, err = s.Registry.Current(ctx, p.municipality); err != nil {
					return i, fmt.Errorf("case notice %d: strategy of %s: %w", p.change, p.municipality, err)
				}
				currents[p.municipality] = cur
			}
			l, err := s.send(ctx, cur, p)
			var invalid *letters.InvalidError
			switch {
			case errors.As(err, &invalid):
				state = Refused
			case err != nil:
				return i, fmt.Errorf("case notice %d: %w", p.change, err)
			default:
				state, letterID = Sent, l.ID
			}
		}
		if _, err := s.DB.ExecContext(ctx, `UPDATE case_changes SET notice = $1, letter_id = $2 WHERE id = $3 AND notice = 'pending'`,
			state, letterID, p.change); err != nil {
			return i, fmt.Errorf("case notice %d: mark %s: %w", p.change, state, err)
		}
		if state != Sent {
			notSent[state]++
			if s.Log != nil {
				s.Log.Debug("case notice not sent", "change", p.change, "reference", p.reference, "why", state)
			}
		}
	}
	return len(due), nil
}

// logNotSent tells in one line how many notices were settled without
// sending them, by why — the first round after a start can settle
// hundreds of old notices (the demo's); a refused notice (the strategy no
// longer takes the letter) is a warning, the rest information.
func (s *Sender) logNotSent(notSent map[string]int) {
	if s.Log == nil || len(notSent) == 0 {
		return
	}
	var args []any
	for _, why := range []string{Erased, NoRecipient, Stale, Refused} {
		if n := notSent[why]; n > 0 {
			args = append(args, why, n)
		}
	}
	if notSent[Refused] > 0 {
		s.Log.Warn("case notices not sent", args...)
		return
	}
	s.Log.Info("case notices not sent", args...)
}

func (s *Sender) due(ctx context.Context) ([]pending, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT ch.id, ch.status, ch.notify, ch.changed_at, k.municipality_id, k.reference,
		k.cpr, k.area, k.answer_by, k.erased_at IS NOT NULL
		FROM case_changes ch JOIN cases k ON k.id = ch.case_id
		WHERE ch.notice = 'pending' ORDER BY ch.id LIMIT $1`, s.batch())
	if err != nil {
		return nil, fmt.Errorf("pending case notices: %w", err)
	}
	defer rows.Close()
	var out []pending
	for rows.Next() {
		var p pending
		if err := rows.Scan(&p.change, &p.status, &p.notify, &p.at, &p.municipality, &p.reference, &p.cpr, &p.area,
			&p.answerBy, &p.erased); err != nil {
			return nil, fmt.Errorf("pending case notices: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// send sends p's letter: the receipt (a pending change without notify is
// a case's first, from Kanal's forms) or the status notice. The texts are
// Danish, the language of the municipality's letters.
func (s *Sender) send(ctx context.Context, cur *municipality.Current, p pending) (*letters.Letter, error) {
	tr := locale.New("da")
	areaTitle := p.area
	typ := strategy.Information
	if a, ok := cur.Strategy.Area(p.area); ok {
		areaTitle = a.Title
		typ = inquiryType(a)
	}
	req := letters.Request{CPR: p.cpr, Area: p.area, Type: typ}
	if p.notify {
		req.ID = NoticeID(p.change)
		req.Title = tr.T("casenotice.notice.title", p.reference)
		req.Body = tr.T("casenotice.notice.body", areaTitle, p.reference, tr.T("case.status."+p.status))
	} else {
		req.ID = ReceiptID(p.reference)
		answer := tr.T("casenotice.receipt.no_answer_by")
		if d, err := civil.ParseDate(p.answerBy); err == nil && p.answerBy != "" {
			answer = tr.T("casenotice.receipt.answer_by", tr.Date(d))
		}
		req.Title = tr.T("casenotice.receipt.title", areaTitle)
		req.Body = tr.T("casenotice.receipt.body", areaTitle, tr.Day(p.at), p.reference, answer)
	}
	l, _, err := s.Letters.Send(ctx, cur, req)
	return l, err
}

// inquiryType is the type a case letter is counted as: an interaction
// (an individual message that changes nothing for the citizen: Dragør's
// "interaction via Digital Post"), or, in a strategy without that type
// (Tårnby's two), a transaction — an inquiry "about a concrete case".
func inquiryType(a *strategy.Area) string {
	for _, t := range []string{strategy.Interaction, strategy.Transaction} {
		if a.Handles(t) {
			return t
		}
	}
	return strategy.Information
}
