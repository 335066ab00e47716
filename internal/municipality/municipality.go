// Package municipality owns the municipalities of one installation and the
// versions of their strategies. Loading a changed strategy document makes a
// new version; versions are never changed, so every inquiry keeps pointing
// at the strategy it was recorded under.
package municipality

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// ErrNotFound is returned for a municipality that does not exist or has no
// strategy yet.
var ErrNotFound = errors.New("municipality not found")

// Municipality is one tenant of the installation.
type Municipality struct {
	ID   string
	Name string
	// ShareComparison lets the other municipalities of the installation
	// that share theirs see this one's figures beside their own.
	ShareComparison bool
}

// Version is one loaded strategy document.
type Version struct {
	ID           int64
	Municipality string
	Number       int
	SHA256       string
	SourceName   string
	LoadedAt     time.Time
}

// Current is a municipality's newest strategy version, parsed.
type Current struct {
	Version
	Strategy *strategy.Strategy
}

// Registry reads and writes municipalities and strategy versions.
type Registry struct {
	db *store.DB
	// parsed caches strategies by version id; versions never change, so the
	// cache is safe across instances sharing one database.
	parsed sync.Map

	// newest remembers each municipality's newest version for
	// store.CacheFor, for Current: a version loaded through another
	// instance on the same database is in force everywhere within it,
	// one loaded through this database handle at once.
	mu     sync.Mutex
	newest map[string]newestRead
}

// newestRead is a municipality's newest version as read, and when.
type newestRead struct {
	v Version
	// read is when the read began; epoch is the database handle's count of
	// loaded versions then (store.DB.Epoch).
	read  time.Time
	epoch uint64
}

// versionsTable is the table whose changes Current's cache must see.
const versionsTable = "strategy_versions"

// NewRegistry returns a registry on db.
func NewRegistry(db *store.DB) *Registry { return &Registry{db: db, newest: map[string]newestRead{}} }

// Load validates a strategy document and stores it as the municipality's
// newest version, creating the municipality if it is new, and audits both
// in the same transaction. A document equal to the newest version stores
// nothing; created tells which happened. An invalid document returns
// *strategy.Invalid and stores nothing.
func (r *Registry) Load(ctx context.Context, actor audit.Actor, sourceName string, data []byte) (v Version, created bool, err error) {
	s, err := strategy.Parse(sourceName, data)
	if err != nil {
		return Version{}, false, err
	}
	return r.store(ctx, actor, sourceName, data, s, nil)
}

// store writes a parsed document as Load does. then, if not nil, runs in
// the same transaction with the version stored or found equal, so that
// what belongs to the version (a KLE check) is stored with it or not at
// all.
func (r *Registry) store(ctx context.Context, actor audit.Actor, sourceName string, data []byte, s *strategy.Strategy,
	then func(tx *sql.Tx, v Version) error) (v Version, created bool, err error) {
	// Every registry over this handle reads the newest version again —
	// after the commit, so that no read begun before it is kept afterwards.
	defer r.db.Changed(versionsTable)
	if then == nil {
		then = func(*sql.Tx, Version) error { return nil }
	}
	sum := sha256.Sum256(data)
	v = Version{Municipality: s.Municipality.ID, SHA256: hex.EncodeToString(sum[:]), SourceName: sourceName, LoadedAt: time.Now().UTC().Truncate(time.Second)}
	err = r.db.InTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE municipalities SET name = $1 WHERE id = $2`, s.Municipality.Name, v.Municipality)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO municipalities (id, name, created_at) VALUES ($1, $2, $3)`,
				v.Municipality, s.Municipality.Name, v.LoadedAt); err != nil {
				return err
			}
			if err := audit.Record(ctx, tx, v.Municipality, actor, audit.MunicipalityAdded, s.Municipality.Name, ""); err != nil {
				return err
			}
		}
		newest, err := newestVersion(ctx, tx, v.Municipality)
		switch {
		case errors.Is(err, ErrNotFound):
		case err != nil:
			return err
		case newest.SHA256 == v.SHA256:
			v = newest
			return then(tx, v)
		}
		v.Number = newest.Number + 1
		created = true
		if err := tx.QueryRowContext(ctx, `INSERT INTO strategy_versions
			(municipality_id, version, sha256, source_name, document, loaded_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			v.Municipality, v.Number, v.SHA256, sourceName, string(data), v.LoadedAt).Scan(&v.ID); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, v.Municipality, actor, audit.StrategyLoaded, fmt.Sprintf("version %d", v.Number), sourceName); err != nil {
			return err
		}
		return then(tx, v)
	})
	if err != nil {
		return Version{}, false, fmt.Errorf("store strategy for %s: %w", v.Municipality, err)
	}
	r.parsed.Store(v.ID, s)
	return v, created, nil
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func newestVersion(ctx context.Context, q querier, municipality string) (Version, error) {
	v := Version{Municipality: municipality}
	err := q.QueryRowContext(ctx, `SELECT id, version, sha256, source_name, loaded_at
		FROM strategy_versions WHERE municipality_id = $1 ORDER BY version DESC LIMIT 1`, municipality).
		Scan(&v.ID, &v.Number, &v.SHA256, &v.SourceName, &v.LoadedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return v, ErrNotFound
	}
	return v, err
}

// List returns every municipality, by name.
func (r *Registry) List(ctx context.Context) ([]Municipality, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT id, name, share_comparison FROM municipalities ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("list municipalities: %w", err)
	}
	defer rows.Close()
	var out []Municipality
	for rows.Next() {
		var m Municipality
		if err := rows.Scan(&m.ID, &m.Name, &m.ShareComparison); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SetShareComparison says whether the municipality shares its figures for
// comparison, and audits the choice.
func (r *Registry) SetShareComparison(ctx context.Context, actor audit.Actor, id string, share bool) error {
	return r.db.InTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE municipalities SET share_comparison = $1 WHERE id = $2`, share, id)
		if err != nil {
			return fmt.Errorf("set comparison sharing of %s: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%w: %q", ErrNotFound, id)
		}
		return audit.Record(ctx, tx, id, actor, audit.ComparisonShared, fmt.Sprint(share), "")
	})
}

// Current returns the municipality's newest strategy version, parsed. The
// newest version is read from the database at most once per
// store.CacheFor (see Registry).
func (r *Registry) Current(ctx context.Context, id string) (*Current, error) {
	v, err := r.newestCached(ctx, id)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, fmt.Errorf("%w: %q", ErrNotFound, id)
		}
		return nil, fmt.Errorf("read strategy of %s: %w", id, err)
	}
	s, err := r.strategy(ctx, v)
	if err != nil {
		return nil, err
	}
	return &Current{Version: v, Strategy: s}, nil
}

// newestCached is newestVersion, remembered for store.CacheFor unless a
// version is loaded through this database handle meanwhile. A
// municipality without a version is not remembered.
func (r *Registry) newestCached(ctx context.Context, id string) (Version, error) {
	start, epoch := time.Now(), r.db.Epoch(versionsTable)
	r.mu.Lock()
	n, ok := r.newest[id]
	r.mu.Unlock()
	if ok && n.epoch == epoch && start.Sub(n.read) < store.CacheFor && !start.Before(n.read) {
		return n.v, nil
	}
	v, err := newestVersion(ctx, preparedQuerier{r.db}, id)
	if err != nil {
		return v, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if old, ok := r.newest[id]; !ok || !old.read.After(start) {
		r.newest[id] = newestRead{v: v, read: start, epoch: epoch}
	}
	return v, nil
}

// preparedQuerier runs the newest-version query as a prepared statement:
// it runs on every request that needs the strategy, once a second.
type preparedQuerier struct{ db *store.DB }

func (q preparedQuerier) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return q.db.QueryRowPrepared(ctx, query, args...)
}

// strategy returns the parsed document of a version.
func (r *Registry) strategy(ctx context.Context, v Version) (*strategy.Strategy, error) {
	if s, ok := r.parsed.Load(v.ID); ok {
		return s.(*strategy.Strategy), nil
	}
	var doc string
	if err := r.db.QueryRowContext(ctx, `SELECT document FROM strategy_versions WHERE id = $1`, v.ID).Scan(&doc); err != nil {
		return nil, fmt.Errorf("read strategy version %d of %s: %w", v.Number, v.Municipality, err)
	}
	s, err := strategy.Parse(v.SourceName, []byte(doc))
	if err != nil {
		// Stored versions were valid when loaded; a newer kanal may be stricter.
		return nil, fmt.Errorf("strategy version %d of %s no longer validates; load a corrected strategy with 'kanal strategy load': %w", v.Number, v.Municipality, err)
	}
	r.parsed.Store(v.ID, s)
	return s, nil
}

// Versions lists a municipality's strategy versions, newest first.
func (r *Registry) Versions(ctx context.Context, id string) ([]Version, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT id, version, sha256, source_name, loaded_at
		FROM strategy_versions WHERE municipality_id = $1 ORDER BY version DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("list strategy versions of %s: %w", id, err)
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		v := Version{Municipality: id}
		if err := rows.Scan(&v.ID, &v.Number, &v.SHA256, &v.SourceName, &v.LoadedAt); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Document returns a stored strategy version and its document as loaded.
func (r *Registry) Document(ctx context.Context, id string, number int) (Version, []byte, error) {
	v := Version{Municipality: id, Number: number}
	var doc string
	err := r.db.QueryRowContext(ctx, `SELECT id, sha256, source_name, loaded_at, document
		FROM strategy_versions WHERE municipality_id = $1 AND version = $2`, id, number).
		Scan(&v.ID, &v.SHA256, &v.SourceName, &v.LoadedAt, &doc)
	if errors.Is(err, sql.ErrNoRows) {
		return v, nil, fmt.Errorf("%w: %q version %d", ErrNotFound, id, number)
	}
	if err != nil {
		return v, nil, fmt.Errorf("read strategy version %d of %s: %w", number, id, err)
	}
	return v, []byte(doc), nil
}
