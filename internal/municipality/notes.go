package municipality

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// A version stored from the strategy forms carries who stored it and why
// (migration 0011): the strategy group are not developers, and a version
// that says only "loaded" tells the next reader nothing. A file loaded
// whole has no note; who loaded it is in the audit log.

// Note is who stored a version from the forms, and the reason they gave.
type Note struct {
	By, Reason string
}

var (
	// ErrStale is returned when the version an edit began from is no
	// longer the newest: storing it would undo the versions in between.
	ErrStale = errors.New("the strategy has a newer version than the one the edit began from")
	// ErrNoReason is returned for an edit without a reason.
	ErrNoReason = errors.New("an edited strategy needs a reason")
)

// Edit stores an edited document as the version after base, with the
// actor and the reason, audited as any load is, in one transaction. The
// document is parsed and validated exactly as Load does; an invalid one
// returns *strategy.Invalid and stores nothing. When base is no longer the
// newest version, or the document equals it, nothing is stored and Edit
// returns ErrStale.
func (r *Registry) Edit(ctx context.Context, actor audit.Actor, base int, sourceName, reason string, data []byte) (Version, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return Version{}, ErrNoReason
	}
	if err := store.CheckLines(reason); err != nil {
		return Version{}, fmt.Errorf("the reason: %w", err)
	}
	s, err := strategy.Parse(sourceName, data)
	if err != nil {
		return Version{}, err
	}
	v, _, err := r.store(ctx, actor, sourceName, data, s, func(tx *sql.Tx, v Version) error {
		// store found the document equal to the newest version, or made
		// the one after the newest: either way only base+1 is this edit.
		if v.Number != base+1 {
			return ErrStale
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO strategy_version_notes
			(strategy_version_id, municipality_id, written_by, reason) VALUES ($1, $2, $3, $4)`,
			v.ID, v.Municipality, actor.Name, reason)
		return err
	})
	return v, err
}

// Notes returns the notes of a municipality's versions, by version id.
func (r *Registry) Notes(ctx context.Context, id string) (map[int64]Note, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT strategy_version_id, written_by, reason
		FROM strategy_version_notes WHERE municipality_id = $1`, id)
	if err != nil {
		return nil, fmt.Errorf("read the notes of the strategy versions of %s: %w", id, err)
	}
	defer rows.Close()
	notes := map[int64]Note{}
	for rows.Next() {
		var v int64
		var n Note
		if err := rows.Scan(&v, &n.By, &n.Reason); err != nil {
			return nil, fmt.Errorf("read the notes of the strategy versions of %s: %w", id, err)
		}
		notes[v] = n
	}
	return notes, rows.Err()
}
