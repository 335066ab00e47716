package store_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// A transaction whose context ends while it runs says so: database/sql
// rolls it back and the next statement fails with "statement is closed"
// or "transaction has already been committed or rolled back", and a
// caller that stopped the work on purpose must still see
// context.Canceled (the demo's interrupted start once failed on this).
func TestInTx_ACancelledTransactionSaysSo(t *testing.T) {
	db := storetest.Open(t)
	ctx, cancel := context.WithCancel(context.Background())
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(context.Background(), `SELECT 1`)
		if err != nil {
			return err
		}
		cancel()
		// database/sql rolls the transaction back in the background once
		// the context has ended; the statement prepared in it then fails
		// with an error of its own, not the context's.
		for i := 0; i < 100; i++ {
			if _, err = stmt.ExecContext(context.Background()); err != nil {
				return err
			}
			time.Sleep(10 * time.Millisecond)
		}
		return errors.New("the transaction outlived its context")
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("InTx after its context ended: %v, want context.Canceled", err)
	}
	// Without an ended context the error is the work's own.
	own := errors.New("the work's own failure")
	if err := db.InTx(context.Background(), func(*sql.Tx) error { return own }); !errors.Is(err, own) || errors.Is(err, context.Canceled) {
		t.Errorf("InTx with a failing function: %v", err)
	}
}
