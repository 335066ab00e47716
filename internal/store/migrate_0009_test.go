package store_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// tableRows writes every row of a table as text, in the order of its
// columns, sorted, so that a table can be compared before and after a
// migration without naming its columns.
func tableRows(t *testing.T, db *store.DB, table string) []string {
	t.Helper()
	rows, err := db.Query(`SELECT * FROM ` + table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		values := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range values {
			ptrs[i] = &values[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for i, v := range values {
			if tm, ok := v.(time.Time); ok {
				v = tm.UTC()
			}
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprintf(&b, "%s=%v ", cols[i], v)
		}
		out = append(out, b.String())
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// Migration 0009 makes SQLite's text primary keys refuse NULL, as
// PostgreSQL's always did, by making municipalities, sessions and
// server_secrets again. Every row of every table survives, every table
// that refers to a municipality still does, and the keys still hold.
func TestMigrate0009_PrimaryKeysRefuseNullAndEveryRowStays(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, storetest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	migrateTo(t, db, 8)

	now := time.Date(2014, 4, 1, 8, 0, 0, 0, time.UTC)
	must := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// A row in every table that refers to a municipality, for both of two
	// municipalities, so that each reference must be found again.
	for _, m := range []string{"dragoer", "taarnby"} {
		must(`INSERT INTO municipalities (id, name, created_at, share_comparison) VALUES ($1, $2, $3, $4)`, m, "Kommune "+m, now, m == "taarnby")
		must(`INSERT INTO strategy_versions (municipality_id, version, sha256, source_name, document, loaded_at) VALUES ($1, 1, 'x', 'x.yaml', 'x', $2)`, m, now)
		var version int64
		if err := db.QueryRowContext(ctx, `SELECT id FROM strategy_versions WHERE municipality_id = $1`, m).Scan(&version); err != nil {
			t.Fatal(err)
		}
		must(`INSERT INTO inquiries (municipality_id, strategy_version_id, occurred_at, channel, type, direction, area, department,
			resolved_first_contact, guided, assisted, exempt, duration_seconds, source, external_id, recorded_at, test, desk, referred_to)
			VALUES ($1, $2, $3, 'phone', 'information', 'inbound', 'flytning', 'borgerservice', TRUE, FALSE, FALSE, FALSE, 60, 'console', NULL, $3, FALSE, 'phone|Rådhuset', 'udbetaling-danmark')`, m, version, now)
		must(`INSERT INTO inquiry_counts (municipality_id, strategy_version_id, day, area, department, channel, type, direction,
			inquiries, resolved, guided, assisted, exempt, timed, duration_seconds, referred)
			VALUES ($1, $2, '2014-04-01', 'flytning', 'borgerservice', 'phone', 'information', 'inbound', 1, 1, 0, 0, 0, 1, 60, 1)`, m, version)
		must(`INSERT INTO inquiry_months (municipality_id, month, area, department, channel, type, direction,
			inquiries, resolved, guided, assisted, exempt, timed, duration_seconds, referred)
			VALUES ($1, '2014-04', 'flytning', 'borgerservice', 'phone', 'information', 'inbound', 1, 1, 0, 0, 0, 1, 60, 1)`, m)
		must(`INSERT INTO ingest_batches (municipality_id, source, idempotency_key, request_sha256, response, created_at) VALUES ($1, 'api:Telefoni', 'k1', 'x', '{}', $2)`, m, now)
		must(`INSERT INTO users (municipality_id, email, name, role, created_at) VALUES ($1, $2, 'Anna', 'strategy', $3)`, m, "anna@"+m+".dk", now)
		var user int64
		if err := db.QueryRowContext(ctx, `SELECT id FROM users WHERE email = $1`, "anna@"+m+".dk").Scan(&user); err != nil {
			t.Fatal(err)
		}
		must(`INSERT INTO sessions (id_hash, user_id, municipality_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $4)`, "s-"+m, user, m, now)
		must(`INSERT INTO api_keys (municipality_id, name, prefix, key_hash, permissions, test, created_at, created_by) VALUES ($1, 'Telefoni', 'kanal_live_ab', $2, 'ingest,read', FALSE, $3, 'anna')`, m, "h-"+m, now)
		must(`INSERT INTO audit_events (municipality_id, occurred_at, actor, action, target, detail, remote_addr) VALUES ($1, $2, 'anna', 'apikey.add', 'Telefoni', '', '127.0.0.1')`, m, now)
		must(`INSERT INTO issued_reports (municipality_id, year, lang, issued_at, issued_by, strategy_version_id, strategy_version, pdf, pdf_sha256, html, html_sha256)
			VALUES ($1, 2014, 'da', $2, 'Kanalstrategigruppen', $3, 1, $4, 'p', $5, 'h')`, m, now, version, []byte("%PDF"), []byte("<html>"))
		var check int64
		if err := db.QueryRowContext(ctx, `INSERT INTO kle_checks (municipality_id, strategy_version_id, strategy_version, plan_file, plan_published, checked_at, checked_by, numbers, warnings)
			VALUES ($1, $2, 1, 'kle.xml', '2024-01-01', $3, 'anna', 1, 0) RETURNING id`, m, version, now).Scan(&check); err != nil {
			t.Fatal(err)
		}
		must(`INSERT INTO kle_check_areas (check_id, area_id, kle, plan_title, title_differs, expired) VALUES ($1, 'flytning', '23.05.10', 'Flytning', FALSE, '')`, check)
	}
	must(`INSERT INTO users (municipality_id, email, name, role, created_at) VALUES (NULL, 'drift@kanal.dk', 'Drift', 'operator', $1)`, now)
	must(`INSERT INTO server_secrets (name, secret, created_at) VALUES ('undo', 'hemmelig', $1)`, now)

	tables := []string{"municipalities", "strategy_versions", "inquiries", "inquiry_counts", "inquiry_months", "ingest_batches",
		"users", "sessions", "api_keys", "audit_events", "issued_reports", "kle_checks", "kle_check_areas", "server_secrets"}
	before := map[string][]string{}
	for _, table := range tables {
		before[table] = tableRows(t, db, table)
		if len(before[table]) == 0 {
			t.Fatalf("%s is empty before the migration", table)
		}
	}

	n, err := db.Migrate(ctx)
	if err != nil {
		t.Fatalf("migrate from 0008: %v", err)
	}
	if n < 1 {
		t.Fatalf("migrate from 0008 applied %d migrations", n)
	}
	for _, table := range tables {
		if after := tableRows(t, db, table); !reflect.DeepEqual(after, before[table]) {
			t.Errorf("%s changed:\nbefore %q\nafter  %q", table, before[table], after)
		}
	}

	for _, q := range []string{
		`INSERT INTO municipalities (id, name, created_at) VALUES (NULL, 'Ingen', CURRENT_TIMESTAMP)`,
		`INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES (NULL, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
		`INSERT INTO server_secrets (name, secret, created_at) VALUES (NULL, 'x', CURRENT_TIMESTAMP)`,
	} {
		if _, err := db.ExecContext(ctx, q); err == nil {
			t.Errorf("stored a NULL primary key: %s", q)
		}
	}
	// The keys still hold: a municipality that others refer to cannot go,
	// nothing can refer to one that does not exist, and a name is unique.
	if _, err := db.ExecContext(ctx, `DELETE FROM municipalities WHERE id = 'dragoer'`); err == nil {
		t.Error("deleted a municipality that inquiries refer to")
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO audit_events (municipality_id, occurred_at, actor, action, target, detail, remote_addr)
		VALUES ('ingen', $1, 'x', 'x', 'x', '', '')`, now); err == nil {
		t.Error("stored an audit event of a municipality that does not exist")
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO municipalities (id, name, created_at) VALUES ('dragoer', 'Igen', $1)`, now); err == nil {
		t.Error("stored a second municipality dragoer")
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO server_secrets (name, secret, created_at) VALUES ('undo', 'igen', $1)`, now); err == nil {
		t.Error("stored a second server secret undo")
	}
	// A new municipality takes the default: not shared.
	must(`INSERT INTO municipalities (id, name, created_at) VALUES ('ny', 'Ny Kommune', $1)`, now)
	var shared bool
	if err := db.QueryRowContext(ctx, `SELECT share_comparison FROM municipalities WHERE id = 'ny'`).Scan(&shared); err != nil || shared {
		t.Errorf("a new municipality's share_comparison: %v, %v; want false", shared, err)
	}
	if db.Engine == store.SQLite {
		var problems int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM pragma_foreign_key_check`).Scan(&problems); err != nil {
			t.Fatal(err)
		}
		var integrity string
		if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&integrity); err != nil {
			t.Fatal(err)
		}
		if problems != 0 || integrity != "ok" {
			t.Errorf("after the rebuild: %d foreign key problems, integrity %q", problems, integrity)
		}
	}
}
