package store

import (
	"database/sql"
	"fmt"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// openPostgres opens a PostgreSQL connection pool through pgx.
func openPostgres(dsn string) (*DB, error) {
	sqlDB, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", Redact(dsn), err)
	}
	// Idle connections are kept up to the bound, so that a burst of
	// requests does not open and close connections (database/sql keeps two
	// by default); each instance on one PostgreSQL may hold
	// postgresMaxOpen of its max_connections (100 by default).
	sqlDB.SetMaxOpenConns(postgresMaxOpen)
	sqlDB.SetMaxIdleConns(postgresMaxOpen)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	sqlDB.SetConnMaxLifetime(time.Hour)
	return &DB{DB: sqlDB, Engine: Postgres, dsn: Redact(dsn)}, nil
}

// postgresMaxOpen bounds one instance's connections.
const postgresMaxOpen = 20

// migrationLockID is the PostgreSQL advisory lock that serialises migrations
// between instances starting at the same time ("kanal" in ASCII).
const migrationLockID = 0x6b616e616c
