package callback

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

const columns = `id, municipality_id, area, department, slot_start, slot_end, COALESCE(phone, ''), status, booked_at,
	first_try_at, closed_at, COALESCE(closed_by, ''), COALESCE(inquiry_id, 0), erased_at IS NOT NULL`

func scan(row interface{ Scan(...any) error }) (*Callback, error) {
	var k Callback
	var first, closed sql.NullTime
	if err := row.Scan(&k.ID, &k.Municipality, &k.Area, &k.Department, &k.Start, &k.End, &k.Phone, &k.Status, &k.BookedAt,
		&first, &closed, &k.ClosedBy, &k.InquiryID, &k.Erased); err != nil {
		return nil, err
	}
	k.FirstTryAt, k.ClosedAt = first.Time, closed.Time
	return &k, nil
}

// Between returns the municipality's callbacks whose slots start from
// from until to, in slot order (and booking order within a slot). With
// departments, only the callbacks of areas of those departments.
func (c *Callbacks) Between(ctx context.Context, municipalityID string, from, to time.Time, departments []string) ([]*Callback, error) {
	rows, err := c.db.QueryContext(ctx, `SELECT `+columns+` FROM callbacks
		WHERE municipality_id = $1 AND slot_start >= $2 AND slot_start < $3 ORDER BY slot_start, id`,
		municipalityID, from.UTC(), to.UTC())
	if err != nil {
		return nil, fmt.Errorf("list callbacks of %s: %w", municipalityID, err)
	}
	defer rows.Close()
	var out []*Callback
	for rows.Next() {
		k, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("read a callback: %w", err)
		}
		if len(departments) == 0 || slices.Contains(departments, k.Department) {
			out = append(out, k)
		}
	}
	return out, rows.Err()
}

// OnDay returns the callbacks of a Danish day, in slot order.
func (c *Callbacks) OnDay(ctx context.Context, municipalityID string, d civil.Date, departments []string) ([]*Callback, error) {
	return c.Between(ctx, municipalityID, d.Start(), d.AddDays(1).Start(), departments)
}

// Get returns one callback of the municipality.
func (c *Callbacks) Get(ctx context.Context, municipalityID string, id int64) (*Callback, error) {
	k, err := scan(c.db.QueryRowContext(ctx, `SELECT `+columns+` FROM callbacks WHERE municipality_id = $1 AND id = $2`, municipalityID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("read callback %d: %w", id, err)
	}
	return k, nil
}

// Complete marks an open callback done, by the staff member by, and
// registers the call in the same transaction: an outbound phone inquiry
// of the callback's area, of the inquiry type typ (the strategy's
// information type when empty) at now. A callback closed meanwhile is
// ErrClosed and registers nothing.
func (c *Callbacks) Complete(ctx context.Context, cur *municipality.Current, id int64, typ, by string) (*Callback, error) {
	k, err := c.Get(ctx, cur.Municipality, id)
	if err != nil {
		return nil, err
	}
	if !k.Open() {
		return nil, ErrClosed
	}
	if typ == "" {
		typ = DefaultType(cur.Strategy, k.Area)
	}
	now := c.now().UTC().Truncate(time.Second)
	in := inquiry.Inquiry{OccurredAt: now, Channel: strategy.Phone, Type: typ, Direction: strategy.Outbound,
		Area: k.Area, ResolvedFirstContact: false, Source: Source}
	if errs := c.recorder.Check(cur, &in); len(errs) > 0 {
		return nil, &InquiryError{Fields: errs}
	}
	_, err = c.recorder.RecordWith(ctx, cur, []inquiry.Inquiry{in}, func(tx *sql.Tx, res inquiry.Result) error {
		var inquiryID any
		if len(res.IDs) == 1 {
			inquiryID = res.IDs[0]
		}
		r, err := tx.ExecContext(ctx, `UPDATE callbacks SET status = $1, first_try_at = COALESCE(first_try_at, $2), closed_at = $2,
			closed_by = $3, inquiry_id = $4 WHERE municipality_id = $5 AND id = $6 AND status IN ($7, $8)`,
			Done, now, by, inquiryID, cur.Municipality, id, Booked, Retry)
		if err != nil {
			return err
		}
		if n, err := r.RowsAffected(); err != nil || n != 1 {
			return ErrClosed
		}
		return nil
	})
	if errors.Is(err, ErrClosed) {
		return nil, ErrClosed
	}
	if err != nil {
		return nil, fmt.Errorf("complete callback %d: %w", id, err)
	}
	return c.Get(ctx, cur.Municipality, id)
}

// NoAnswer records a call the citizen did not answer: a booked callback
// is tried once more (Retry); a callback already tried is closed as not
// reached.
func (c *Callbacks) NoAnswer(ctx context.Context, municipalityID string, id int64, by string) (*Callback, error) {
	k, err := c.Get(ctx, municipalityID, id)
	if err != nil {
		return nil, err
	}
	now := c.now().UTC().Truncate(time.Second)
	var r sql.Result
	switch k.Status {
	case Booked:
		r, err = c.db.ExecContext(ctx, `UPDATE callbacks SET status = $1, first_try_at = $2 WHERE municipality_id = $3 AND id = $4 AND status = $5`,
			Retry, now, municipalityID, id, Booked)
	case Retry:
		r, err = c.db.ExecContext(ctx, `UPDATE callbacks SET status = $1, closed_at = $2, closed_by = $3 WHERE municipality_id = $4 AND id = $5 AND status = $6`,
			NotReached, now, by, municipalityID, id, Retry)
	default:
		return nil, ErrClosed
	}
	if err != nil {
		return nil, fmt.Errorf("record callback %d not answered: %w", id, err)
	}
	if n, err := r.RowsAffected(); err != nil || n != 1 {
		return nil, ErrClosed
	}
	return c.Get(ctx, municipalityID, id)
}

// InquiryError: the call cannot be registered as an inquiry (an inquiry
// type the area does not handle).
type InquiryError struct {
	Fields []inquiry.FieldError
}

func (e *InquiryError) Error() string {
	return fmt.Sprintf("the call cannot be registered: %s: %s", e.Fields[0].Field, e.Fields[0].Rule)
}

// DefaultType is the inquiry type a completed callback registers unless
// staff choose one: information, when the area handles it (a citizen
// who asks to be called usually asks something), else the area's first
// type.
func DefaultType(st *strategy.Strategy, areaID string) string {
	a, ok := st.Area(areaID)
	if !ok || len(a.Types) == 0 || slices.Contains(a.Types, strategy.Information) {
		return strategy.Information
	}
	return a.Types[0]
}
