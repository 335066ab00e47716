package demo

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
)

// Load writes a municipality's demo inquiries in bulk, for the first start
// of a new installation, where half a million of them stand between a
// newcomer and the address to open. It continues after the last month
// that holds the municipality's demo inquiries (LastMonth), so a start that
// was stopped half-way is completed and nothing is written twice. It keeps the recorder's guarantees —
// every inquiry checked against the strategy, its raw row and its counts
// in one transaction, so that the counts always equal a recount — and
// drops only what demo data does not need: a month is one transaction, its
// counts are summed in memory and written once, its rows go in through one
// prepared multi-row INSERT, and the next month is generated while this
// one is written. Demo inquiries carry no sender id: what keeps them from
// being written twice is the month they belong to. It returns how many it
// wrote.
//
// Seed writes the same inquiries through Recorder.Record, as an import
// would.
func Load(ctx context.Context, db *store.DB, rec *inquiry.Recorder, cur *municipality.Current, opt Options) (int, error) {
	opt, done, err := remaining(ctx, db, cur.Strategy, opt)
	if err != nil || done {
		return 0, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	months := make(chan month, 2)
	generated := make(chan error, 1)
	go func() {
		defer close(months)
		generated <- generateMonths(ctx, rec, cur, opt, months)
	}()
	total := 0
	for m := range months {
		if err := writeMonth(ctx, db, cur, m); err != nil {
			cancel()
			for range months { // let the generator end
			}
			return total, fmt.Errorf("demo inquiries of %s, %s: %w", cur.Municipality, m.month, err)
		}
		total += len(m.rows)
	}
	return total, <-generated
}

// month is one calendar month of checked demo inquiries and their counts.
type month struct {
	month  civil.Month
	rows   []inquiry.Inquiry
	counts rollup.Counts
}

// generateMonths generates the inquiries, checks each as the recorder
// would, counts them, and sends them a month at a time.
func generateMonths(ctx context.Context, rec *inquiry.Recorder, cur *municipality.Current, opt Options, out chan<- month) error {
	var m month
	send := func() error {
		if len(m.rows) == 0 {
			return nil
		}
		select {
		case out <- m:
		case <-ctx.Done():
			return ctx.Err()
		}
		m = month{}
		return nil
	}
	err := Generate(cur.Strategy, opt, func(day []inquiry.Inquiry) error {
		mon := civil.DateOf(day[0].OccurredAt).YearMonth()
		if len(m.rows) > 0 && mon != m.month {
			if err := send(); err != nil {
				return err
			}
		}
		if m.counts == nil {
			m.month, m.counts = mon, rollup.Counts{}
		}
		for i := range day {
			in := &day[i]
			if errs := rec.Check(cur, in); len(errs) > 0 {
				return fmt.Errorf("generated an inquiry the recorder refuses: %s: %s", errs[0].Field, errs[0].Rule)
			}
			m.counts.Add(rollup.Cell{Municipality: cur.Municipality, Version: cur.ID, Day: civil.DateOf(in.OccurredAt),
				Area: in.Area, Department: in.Department, Channel: in.Channel, Type: in.Type, Direction: in.Direction},
				rollup.Flags{Resolved: in.ResolvedFirstContact, Guided: in.Guided, Assisted: in.Assisted, Exempt: in.Exempt,
					Referred: in.ReferredTo != ""},
				in.DurationSeconds, 1)
		}
		m.rows = append(m.rows, day...)
		return nil
	})
	if err != nil {
		return err
	}
	return send()
}

// The columns Load writes: those of a demo inquiry. The sender id and the
// desk stay NULL.
const (
	loadColumns = `municipality_id, strategy_version_id, occurred_at, channel, type, direction, area, department,
	resolved_first_contact, guided, assisted, exempt, duration_seconds, source, recorded_at, test, referred_to`
	loadColumnCount = 17
	// loadRows is how many rows one INSERT carries: 17,000 values, below
	// both engines' limits on bound parameters (SQLite 32766, PostgreSQL
	// 65535).
	loadRows = 1000
)

// writeMonth stores a month's inquiries and adds their counts in one
// transaction.
func writeMonth(ctx context.Context, db *store.DB, cur *municipality.Current, m month) error {
	if err := ensurePartition(ctx, db, m.month); err != nil {
		return err
	}
	now := time.Now().UTC().Truncate(time.Second)
	return db.InTx(ctx, func(tx *sql.Tx) error {
		full, err := tx.PrepareContext(ctx, insertRows(db, loadRows))
		if err != nil {
			return err
		}
		defer full.Close()
		args := make([]any, 0, loadRows*loadColumnCount)
		for start := 0; start < len(m.rows); start += loadRows {
			part := m.rows[start:min(start+loadRows, len(m.rows))]
			args = args[:0]
			for i := range part {
				args = appendRow(args, cur, &part[i], now)
			}
			if len(part) == loadRows {
				_, err = full.ExecContext(ctx, args...)
			} else {
				_, err = tx.ExecContext(ctx, insertRows(db, len(part)), args...)
			}
			if err != nil {
				return err
			}
		}
		return rollup.Apply(ctx, db, tx, m.counts)
	})
}

func insertRows(db *store.DB, n int) string {
	return "INSERT INTO inquiries (" + loadColumns + ") VALUES " + db.ValuesList(n, loadColumnCount)
}

// appendRow appends an inquiry's values in the form the recorder stores
// them: times in UTC to the second, absent values NULL.
func appendRow(args []any, cur *municipality.Current, in *inquiry.Inquiry, now time.Time) []any {
	var duration, referred any
	if in.DurationSeconds != nil {
		duration = *in.DurationSeconds
	}
	if in.ReferredTo != "" {
		referred = in.ReferredTo
	}
	return append(args, cur.Municipality, cur.ID, in.OccurredAt.UTC().Truncate(time.Second),
		in.Channel, in.Type, in.Direction, in.Area, in.Department,
		in.ResolvedFirstContact, in.Guided, in.Assisted, in.Exempt, duration,
		in.Source, now, in.Test, referred)
}
