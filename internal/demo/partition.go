package demo

import (
	"context"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
)

// ensurePartition makes the month's partition of PostgreSQL's inquiries
// table before Load writes into it, as the recorder does (nothing on
// SQLite).
func ensurePartition(ctx context.Context, db *store.DB, m civil.Month) error {
	return db.EnsureInquiryPartitions(ctx, m)
}
