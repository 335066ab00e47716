package store

import (
	"database/sql"
	"fmt"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// openPostgres opens a PostgreSQL connection pool through pgx.
func openPostgres(dsn string) (*DB, error) {
	sqlDB, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", Redact(dsn), err)
	}
	sqlDB.SetMaxOpenConns(20)
	return &DB{DB: sqlDB, Engine: Postgres, dsn: Redact(dsn)}, nil
}

// migrationLockID is the PostgreSQL advisory lock that serialises migrations
// between instances starting at the same time ("kanal" in ASCII).
const migrationLockID = 0x6b616e616c
