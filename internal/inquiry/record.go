package inquiry

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
)

// Recorder stores inquiries. Every path that registers inquiries — the
// staff console, the API, CSV import and the demo data — goes through it,
// and every stored inquiry is counted in the rollups in the same
// transaction.
type Recorder struct {
	db *store.DB
	// HistoryYears is how many years before its strategy's first year an
	// inquiry may be dated (DefaultHistoryYears unless set).
	HistoryYears int
	// Now is the clock inquiries are checked against; tests set it.
	Now func() time.Time

	// partitions are the months known to have a partition of PostgreSQL's
	// inquiries table (see store.EnsureInquiryPartitions).
	partitions struct {
		sync.Mutex
		known map[civil.Month]bool
	}
	// retired is the start of the first month whose raw inquiries are
	// kept, and when it was read (retired.go).
	retired struct {
		sync.Mutex
		start, read time.Time
	}
}

// NewRecorder returns a recorder on db.
func NewRecorder(db *store.DB) *Recorder {
	return &Recorder{db: db, HistoryYears: DefaultHistoryYears, Now: time.Now}
}

// Window is the span of time the municipality's inquiries may be dated in,
// now.
func (r *Recorder) Window(cur *municipality.Current) Window {
	w := WindowFor(cur.Strategy, r.HistoryYears, r.Now())
	w.Retired = r.retiredStart()
	return w
}

// Check checks an inquiry as Record will: against the municipality's
// current strategy and window.
func (r *Recorder) Check(cur *municipality.Current, in *Inquiry) []FieldError {
	return Check(cur.Strategy, r.Window(cur), in)
}

// Result says what became of a batch.
type Result struct {
	// Recorded is how many inquiries were stored now; IDs are their row
	// ids, in no particular order.
	Recorded int
	IDs      []int64
	// Duplicates were sent before (the same sender id from the same source)
	// and are not stored again.
	Duplicates int
}

// ErrIdempotencyConflict is returned when an Idempotency-Key comes again
// with a different request.
var ErrIdempotencyConflict = errors.New("the idempotency key was used before for a different request")

const insertColumns = `municipality_id, strategy_version_id, occurred_at, channel, type, direction, area, department,
	resolved_first_contact, guided, assisted, exempt, duration_seconds, source, external_id, recorded_at, test, desk, referred_to`

const columnsPerRow = 19

// Record checks every inquiry against the strategy version and stores the
// batch in one transaction: all of it or, on any error, none of it. When
// Record returns nil the batch is durably committed.
func (r *Recorder) Record(ctx context.Context, cur *municipality.Current, batch []Inquiry) (Result, error) {
	if err := r.checkAll(cur, batch); err != nil {
		return Result{}, err
	}
	var res Result
	err := r.inPartitions(ctx, batch, func() error {
		return r.db.InTx(ctx, func(tx *sql.Tx) error {
			var err error
			res, err = r.record(ctx, tx, cur, batch)
			return err
		})
	})
	return res, err
}

// RecordOnce records a batch sent with an idempotency key. The first time,
// the batch is recorded and answer's response is remembered with it, in the
// same transaction; a repeat of the same request gets the remembered
// response and records nothing.
//
// The key is claimed first, with an insert that does nothing on conflict:
// when two instances get the same key at once, the second insert waits for
// the first transaction and then finds its row (or, if the first rolled
// back, claims the key itself), so a retry race is answered with the
// replay, never with a duplicate-key error.
func (r *Recorder) RecordOnce(ctx context.Context, cur *municipality.Current, source, key, requestHash string,
	batch []Inquiry, answer func(Result) (string, error)) (response string, replayed bool, err error) {
	if err := r.checkAll(cur, batch); err != nil {
		return "", false, err
	}
	for _, s := range []string{source, key} {
		if err := store.CheckText(s); err != nil {
			return "", false, fmt.Errorf("idempotency key or source: %w", err)
		}
	}
	err = r.inPartitions(ctx, batch, func() error {
		return r.db.InTx(ctx, func(tx *sql.Tx) error {
			var err error
			response, replayed, err = r.recordOnce(ctx, tx, cur, source, key, requestHash, batch, answer)
			return err
		})
	})
	return response, replayed, err
}

// recordOnce is RecordOnce's transaction.
func (r *Recorder) recordOnce(ctx context.Context, tx *sql.Tx, cur *municipality.Current, source, key, requestHash string,
	batch []Inquiry, answer func(Result) (string, error)) (response string, replayed bool, err error) {
	claim, err := tx.ExecContext(ctx, `INSERT INTO ingest_batches
			(municipality_id, source, idempotency_key, request_sha256, response, created_at) VALUES ($1, $2, $3, $4, '', $5)
			ON CONFLICT (municipality_id, source, idempotency_key) DO NOTHING`,
		cur.Municipality, source, key, requestHash, time.Now().UTC())
	if err != nil {
		return "", false, err
	}
	if n, err := claim.RowsAffected(); err != nil {
		return "", false, err
	} else if n == 0 {
		var hash string
		err := tx.QueryRowContext(ctx, `SELECT request_sha256, response FROM ingest_batches
				WHERE municipality_id = $1 AND source = $2 AND idempotency_key = $3`, cur.Municipality, source, key).Scan(&hash, &response)
		if err != nil {
			return "", false, err
		}
		if hash != requestHash {
			return "", false, ErrIdempotencyConflict
		}
		return response, true, nil
	}
	res, err := r.record(ctx, tx, cur, batch)
	if err != nil {
		return "", false, err
	}
	if response, err = answer(res); err != nil {
		return "", false, err
	}
	_, err = tx.ExecContext(ctx, `UPDATE ingest_batches SET response = $1
			WHERE municipality_id = $2 AND source = $3 AND idempotency_key = $4`, response, cur.Municipality, source, key)
	return response, false, err
}

// checkAll refuses a batch with an inquiry that breaks a rule. Callers
// check each inquiry first and pass only the good ones; this is the guard
// that nothing unchecked reaches the database.
func (r *Recorder) checkAll(cur *municipality.Current, batch []Inquiry) error {
	w := r.Window(cur)
	for i := range batch {
		if errs := Check(cur.Strategy, w, &batch[i]); len(errs) > 0 {
			if errs[0].Rule == RuleRetired {
				return &RetiredError{Index: i + 1, Before: civil.DateOf(w.Retired).YearMonth()}
			}
			// The values stay out of the message: it may reach a log.
			return fmt.Errorf("inquiry %d: %s: %s", i+1, errs[0].Field, errs[0].Rule)
		}
	}
	return nil
}

// record stores checked inquiries and counts the new ones.
func (r *Recorder) record(ctx context.Context, tx *sql.Tx, cur *municipality.Current, batch []Inquiry) (Result, error) {
	var res Result
	if err := r.checkRetired(ctx, tx, batch); err != nil {
		return res, err
	}
	// The same sender id twice in one batch is one inquiry.
	seen := map[[2]string]bool{}
	rows := make([]Inquiry, 0, len(batch))
	for _, in := range batch {
		if in.ExternalID != "" {
			k := [2]string{in.Source, in.ExternalID}
			if seen[k] {
				res.Duplicates++
				continue
			}
			seen[k] = true
		}
		rows = append(rows, in)
	}
	now := time.Now().UTC().Truncate(time.Second)
	counts := rollup.Counts{}
	per := r.db.RowsPerStatement()
	for start := 0; start < len(rows); start += per {
		part := rows[start:min(start+per, len(rows))]
		ids, stored, err := r.insert(ctx, tx, cur, part, now)
		if err != nil {
			return res, fmt.Errorf("record inquiries for %s: %w", cur.Municipality, err)
		}
		res.IDs = append(res.IDs, ids...)
		for _, in := range part {
			if in.ExternalID != "" && !stored[[2]string{in.Source, in.ExternalID}] {
				res.Duplicates++
				continue
			}
			res.Recorded++
			if !in.Test {
				counts.Add(cellOf(cur, in), flagsOf(in), in.DurationSeconds, 1)
			}
		}
	}
	if err := rollup.Apply(ctx, r.db, tx, counts); err != nil {
		return res, err
	}
	return res, nil
}

func cellOf(cur *municipality.Current, in Inquiry) rollup.Cell {
	return rollup.Cell{Municipality: cur.Municipality, Version: cur.ID, Day: civil.DateOf(in.OccurredAt),
		Area: in.Area, Department: in.Department, Channel: in.Channel, Type: in.Type, Direction: in.Direction}
}

func flagsOf(in Inquiry) rollup.Flags {
	return rollup.Flags{Resolved: in.ResolvedFirstContact, Guided: in.Guided, Assisted: in.Assisted, Exempt: in.Exempt,
		Referred: in.ReferredTo != ""}
}

// insert stores rows, skipping those whose sender id was stored before. It
// returns the ids of the stored rows and which sender ids were stored.
//
// A sender id is claimed in inquiry_external_ids first, with an insert that
// does nothing on conflict: an id stored before, or claimed by a
// transaction that commits first, is not claimed again, and its row is
// not stored (a claim whose transaction rolls back is free again). The
// claim is a table of its own because PostgreSQL's inquiries table is
// partitioned by month and a unique index there would have to include the
// time (migration 0010).
func (r *Recorder) insert(ctx context.Context, tx *sql.Tx, cur *municipality.Current, rows []Inquiry, now time.Time) ([]int64, map[[2]string]bool, error) {
	if r.db.Engine == store.Postgres {
		return r.insertPostgres(ctx, tx, cur, rows, now)
	}
	stored, err := r.claim(ctx, tx, cur, rows)
	if err != nil {
		return nil, nil, err
	}
	args := make([]any, 0, len(rows)*columnsPerRow)
	n := 0
	for _, in := range rows {
		if in.ExternalID != "" && !stored[[2]string{in.Source, in.ExternalID}] {
			continue
		}
		args = appendRow(args, cur, &in, now)
		n++
	}
	if n == 0 {
		return nil, stored, nil
	}
	q := "INSERT INTO inquiries (" + insertColumns + ") VALUES " + r.db.ValuesList(n, columnsPerRow) + ` RETURNING id`
	result, err := r.query(ctx, tx, q, n == r.db.RowsPerStatement(), args...)
	if err != nil {
		return nil, nil, err
	}
	defer result.Close()
	var ids []int64
	for result.Next() {
		var id int64
		if err := result.Scan(&id); err != nil {
			return nil, nil, err
		}
		ids = append(ids, id)
	}
	if err := result.Err(); err != nil {
		return nil, nil, err
	}
	if len(ids) != n {
		return nil, nil, fmt.Errorf("stored %d of %d inquiries", len(ids), n)
	}
	return ids, stored, nil
}

// query runs q in tx. A statement the recorder sends over and over —
// a full part's, often true — goes through the statement the database
// handle keeps prepared, so that SQLite does not parse thousands of
// placeholders again for every batch (PostgreSQL's driver keeps its
// statements prepared itself).
func (r *Recorder) query(ctx context.Context, tx *sql.Tx, q string, often bool, args ...any) (*sql.Rows, error) {
	if !often || r.db.Engine != store.SQLite {
		return tx.QueryContext(ctx, q, args...)
	}
	st, err := r.db.Prepared(ctx, q)
	if err != nil {
		return nil, err
	}
	return tx.StmtContext(ctx, st).QueryContext(ctx, args...)
}

// insertPostgres is insert in one statement for PostgreSQL: the rows
// travel as one array per column, the sender ids are claimed in a
// data-modifying WITH, and only rows without a sender id or with one
// claimed now are stored. PostgreSQL parses and plans it once, whatever
// the number of rows, instead of binding 19 values a row.
func (r *Recorder) insertPostgres(ctx context.Context, tx *sql.Tx, cur *municipality.Current, rows []Inquiry, now time.Time) ([]int64, map[[2]string]bool, error) {
	n := len(rows)
	var (
		occurred                            = make([]time.Time, n)
		channel, typ, direction, area, dept = make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		resolved, guided, assisted, exempt  = make([]bool, n), make([]bool, n), make([]bool, n), make([]bool, n)
		test                                = make([]bool, n)
		duration                            = make([]*int, n)
		source                              = make([]string, n)
		external, desk, referred            = make([]*string, n), make([]*string, n), make([]*string, n)
		withID                              int
	)
	for i := range rows {
		in := &rows[i]
		occurred[i] = in.OccurredAt.UTC().Truncate(time.Second)
		channel[i], typ[i], direction[i], area[i], dept[i] = in.Channel, in.Type, in.Direction, in.Area, in.Department
		resolved[i], guided[i], assisted[i], exempt[i], test[i] = in.ResolvedFirstContact, in.Guided, in.Assisted, in.Exempt, in.Test
		duration[i] = in.DurationSeconds
		source[i] = in.Source
		external[i], desk[i], referred[i] = nullableText(in.ExternalID), nullableText(in.Desk), nullableText(in.ReferredTo)
		if in.ExternalID != "" {
			withID++
		}
	}
	result, err := tx.QueryContext(ctx, `WITH r AS (
		SELECT * FROM unnest($4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
			$10::boolean[], $11::boolean[], $12::boolean[], $13::boolean[], $14::bigint[], $15::text[], $16::text[],
			$17::boolean[], $18::text[], $19::text[])
			AS r (occurred_at, channel, type, direction, area, department, resolved_first_contact, guided, assisted,
				exempt, duration_seconds, source, external_id, test, desk, referred_to)
	), claimed AS (
		INSERT INTO inquiry_external_ids (municipality_id, source, external_id)
		SELECT $1, source, external_id FROM r WHERE external_id IS NOT NULL
		ON CONFLICT DO NOTHING RETURNING source, external_id
	)
	INSERT INTO inquiries (`+insertColumns+`)
	SELECT $1, $2, occurred_at, channel, type, direction, area, department, resolved_first_contact, guided, assisted,
		exempt, duration_seconds, source, external_id, $3, test, desk, referred_to
	FROM r WHERE external_id IS NULL OR (source, external_id) IN (SELECT source, external_id FROM claimed)
	RETURNING id, source, external_id`,
		cur.Municipality, cur.ID, now, occurred, channel, typ, direction, area, dept,
		resolved, guided, assisted, exempt, duration, source, external, test, desk, referred)
	if err != nil {
		return nil, nil, err
	}
	defer result.Close()
	ids := make([]int64, 0, n)
	stored := map[[2]string]bool{}
	for result.Next() {
		var id int64
		var src string
		var ext sql.NullString
		if err := result.Scan(&id, &src, &ext); err != nil {
			return nil, nil, err
		}
		ids = append(ids, id)
		if ext.Valid {
			stored[[2]string{src, ext.String}] = true
		}
	}
	if err := result.Err(); err != nil {
		return nil, nil, err
	}
	if want := n - withID + len(stored); len(ids) != want {
		return nil, nil, fmt.Errorf("stored %d of %d inquiries", len(ids), want)
	}
	return ids, stored, nil
}

func nullableText(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// appendRow appends an inquiry's values for insertColumns: times in UTC
// to the second, absent values NULL.
func appendRow(args []any, cur *municipality.Current, in *Inquiry, now time.Time) []any {
	var duration any
	if in.DurationSeconds != nil {
		duration = *in.DurationSeconds
	}
	return append(args, cur.Municipality, cur.ID, in.OccurredAt.UTC().Truncate(time.Second),
		in.Channel, in.Type, in.Direction, in.Area, in.Department,
		in.ResolvedFirstContact, in.Guided, in.Assisted, in.Exempt, duration,
		in.Source, nullable(in.ExternalID), now, in.Test, nullable(in.Desk), nullable(in.ReferredTo))
}

// claim claims the sender ids of rows and returns those claimed now.
func (r *Recorder) claim(ctx context.Context, tx *sql.Tx, cur *municipality.Current, rows []Inquiry) (map[[2]string]bool, error) {
	var args []any
	for _, in := range rows {
		if in.ExternalID != "" {
			args = append(args, cur.Municipality, in.Source, in.ExternalID)
		}
	}
	claimed := map[[2]string]bool{}
	if len(args) == 0 {
		return claimed, nil
	}
	result, err := r.query(ctx, tx, `INSERT INTO inquiry_external_ids (municipality_id, source, external_id) VALUES `+
		r.db.ValuesList(len(args)/3, 3)+` ON CONFLICT DO NOTHING RETURNING source, external_id`, len(args)/3 == r.db.RowsPerStatement(), args...)
	if err != nil {
		return nil, err
	}
	defer result.Close()
	for result.Next() {
		var source, external string
		if err := result.Scan(&source, &external); err != nil {
			return nil, err
		}
		claimed[[2]string{source, external}] = true
	}
	return claimed, result.Err()
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Undo takes back one inquiry registered at the staff console: the raw row
// and its count go in the same transaction. Only a console registration of
// the municipality made after since can be undone.
func (r *Recorder) Undo(ctx context.Context, cur *municipality.Current, id int64, since time.Time) error {
	return r.undo(ctx, cur, id, since, nil)
}

// UndoBy is Undo for a person, whose undo is written to the audit log in
// the same transaction.
func (r *Recorder) UndoBy(ctx context.Context, cur *municipality.Current, id int64, since time.Time, actor audit.Actor) error {
	return r.undo(ctx, cur, id, since, &actor)
}

func (r *Recorder) undo(ctx context.Context, cur *municipality.Current, id int64, since time.Time, actor *audit.Actor) error {
	return r.db.InTx(ctx, func(tx *sql.Tx) error {
		var in Inquiry
		var version int64
		var duration sql.NullInt64
		var referred, external sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT strategy_version_id, occurred_at, area, department, channel, type, direction,
			resolved_first_contact, guided, assisted, exempt, duration_seconds, test, referred_to, external_id
			FROM inquiries WHERE id = $1 AND municipality_id = $2 AND source = $3 AND recorded_at >= $4`,
			id, cur.Municipality, SourceConsole, since.UTC()).Scan(&version, &in.OccurredAt, &in.Area, &in.Department,
			&in.Channel, &in.Type, &in.Direction, &in.ResolvedFirstContact, &in.Guided, &in.Assisted, &in.Exempt, &duration, &in.Test,
			&referred, &external)
		in.ReferredTo = referred.String
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotUndoable
		}
		if err != nil {
			return err
		}
		// The time names the row's partition on PostgreSQL.
		gone, err := tx.ExecContext(ctx, `DELETE FROM inquiries WHERE id = $1 AND occurred_at = $2`, id, in.OccurredAt)
		if err != nil {
			return err
		}
		if n, err := gone.RowsAffected(); err != nil || n != 1 {
			return errors.Join(err, fmt.Errorf("undo inquiry %d: deleted %d rows, want 1", id, n))
		}
		// An undone inquiry's sender id may come again, as when the
		// unique index on inquiries held it.
		if external.Valid {
			if _, err := tx.ExecContext(ctx, `DELETE FROM inquiry_external_ids
				WHERE municipality_id = $1 AND source = $2 AND external_id = $3`, cur.Municipality, SourceConsole, external.String); err != nil {
				return err
			}
		}
		if actor != nil {
			if err := audit.Record(ctx, tx, cur.Municipality, *actor, audit.InquiryUndone, fmt.Sprintf("inquiry %d", id),
				in.Area+", "+in.Channel+", "+in.Type); err != nil {
				return err
			}
		}
		if in.Test {
			return nil
		}
		if duration.Valid {
			d := int(duration.Int64)
			in.DurationSeconds = &d
		}
		cell := cellOf(cur, in)
		cell.Version = version
		counts := rollup.Counts{}
		counts.Add(cell, flagsOf(in), in.DurationSeconds, -1)
		return rollup.Apply(ctx, r.db, tx, counts)
	})
}

// Sources of inquiries.
const (
	SourceConsole = "console"
	SourceImport  = "import"
)

// ErrNotUndoable is returned for an inquiry that cannot be undone.
var ErrNotUndoable = errors.New("the inquiry cannot be undone")

// Count returns how many inquiries a municipality has.
func (r *Recorder) Count(ctx context.Context, municipalityID string) (int64, error) {
	var n int64
	err := r.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = $1`, municipalityID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count inquiries of %s: %w", municipalityID, err)
	}
	return n, nil
}

// HasAny reports whether a municipality has any inquiry from a source.
func (r *Recorder) HasAny(ctx context.Context, municipalityID, source string) (bool, error) {
	var n int
	err := r.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM inquiries
		WHERE municipality_id = $1 AND source = $2 LIMIT 1) AS one`, municipalityID, source).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look for %s inquiries of %s: %w", source, municipalityID, err)
	}
	return n > 0, nil
}

// Find returns one of a municipality's inquiries.
func (r *Recorder) Find(ctx context.Context, municipalityID string, id int64) (Inquiry, error) {
	var in Inquiry
	var duration sql.NullInt64
	var desk, referred sql.NullString
	err := r.db.QueryRowContext(ctx, `SELECT occurred_at, channel, type, direction, area, department,
		resolved_first_contact, guided, assisted, exempt, duration_seconds, source, test, desk, referred_to
		FROM inquiries WHERE id = $1 AND municipality_id = $2`, id, municipalityID).Scan(&in.OccurredAt, &in.Channel, &in.Type,
		&in.Direction, &in.Area, &in.Department, &in.ResolvedFirstContact, &in.Guided, &in.Assisted, &in.Exempt,
		&duration, &in.Source, &in.Test, &desk, &referred)
	if errors.Is(err, sql.ErrNoRows) {
		return in, ErrNotFound
	}
	if duration.Valid {
		d := int(duration.Int64)
		in.DurationSeconds = &d
	}
	in.Desk, in.ReferredTo = desk.String, referred.String
	return in, err
}

// ErrNotFound is returned for an inquiry that does not exist.
var ErrNotFound = errors.New("no such inquiry")

// DeskCount is how many inquiries of a type on a channel a desk
// registered, and how many of them it referred elsewhere.
type DeskCount struct {
	Type, Channel string
	N, Referred   int
}

// DeskCounts counts what a staff console desk registered between from and
// to.
func (r *Recorder) DeskCounts(ctx context.Context, municipalityID, desk string, from, to time.Time) ([]DeskCount, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT type, channel, COUNT(*), COUNT(referred_to) FROM inquiries
		WHERE municipality_id = $1 AND desk = $2 AND source = $3 AND occurred_at >= $4 AND occurred_at < $5
		GROUP BY type, channel ORDER BY type, channel`, municipalityID, desk, SourceConsole, from.UTC(), to.UTC())
	if err != nil {
		return nil, fmt.Errorf("count the desk's inquiries: %w", err)
	}
	defer rows.Close()
	var out []DeskCount
	for rows.Next() {
		var c DeskCount
		if err := rows.Scan(&c.Type, &c.Channel, &c.N, &c.Referred); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
