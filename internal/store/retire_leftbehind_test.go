package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
)

// A retirement stopped between the detach and the drop of a month's
// partition leaves the month's table in the schema. Run again — with the
// same boundary or a later one — the retirement drops such a table, and
// only such a table: one of a month at or after the boundary, one of
// another name and one of the same name in another schema stay.
func TestRetireInquiries_DropsTablesAnInterruptedRetirementLeftBehind(t *testing.T) {
	db := retireFixture(t)
	if db.Engine != store.Postgres {
		t.Skip("partitions are PostgreSQL's")
	}
	ctx := context.Background()
	now := time.Date(2014, 4, 1, 8, 0, 0, 0, time.UTC)
	var schema string
	if err := db.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		t.Fatal(err)
	}
	archive := schema + "_archive"
	t.Cleanup(func() {
		if _, err := db.ExecContext(context.Background(), `DROP SCHEMA IF EXISTS `+archive+` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", archive, err)
		}
	})
	must := func(q string) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// The boundary March 2013 recorded, January detached, then the
	// process stopped. March (the boundary's own month) is detached too,
	// and an operator keeps copies under another name and in another
	// schema.
	must(`INSERT INTO inquiry_retirements (retired_before, retired_at) VALUES ('2013-03', now())`)
	must(`ALTER TABLE inquiries DETACH PARTITION inquiries_2013_01`)
	must(`ALTER TABLE inquiries DETACH PARTITION inquiries_2013_03`)
	must(`CREATE TABLE inquiries_2013_01_copy AS SELECT * FROM inquiries_2013_01`)
	must(`CREATE SCHEMA ` + archive)
	must(`CREATE TABLE ` + archive + `.inquiries_2013_01 AS SELECT * FROM inquiries_2013_01`)
	must(`CREATE TABLE ` + archive + `.inquiries_2013_02 AS SELECT * FROM inquiries_2013_02`)

	tables := func(schema string) []string {
		t.Helper()
		rows, err := db.QueryContext(ctx, `SELECT relname FROM pg_class
			WHERE relkind = 'r' AND relname LIKE 'inquiries\_%' AND relnamespace = $1::regnamespace ORDER BY relname`, schema)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				t.Fatal(err)
			}
			out = append(out, name)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}

	r, err := db.RetireInquiries(ctx, civil.Month{Year: 2013, Month: time.March}, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Moved || !slices.Equal(r.Partitions, []civil.Month{{Year: 2013, Month: 2}}) ||
		!slices.Equal(r.LeftBehind, []civil.Month{{Year: 2013, Month: 1}}) {
		t.Errorf("the same boundary again: %+v, want February's partition and January's table left behind dropped", r)
	}
	if got, want := tables(schema), []string{"inquiries_2013_01_copy", "inquiries_2013_03", "inquiries_2013_04"}; !slices.Equal(got, want) {
		t.Errorf("tables in the schema %q, want %q", got, want)
	}
	if got, want := tables(archive), []string{"inquiries_2013_01", "inquiries_2013_02"}; !slices.Equal(got, want) {
		t.Errorf("tables in the other schema %q, want %q", got, want)
	}

	// A later boundary drops March's table left behind too, with April's
	// partition.
	r, err = db.RetireInquiries(ctx, civil.Month{Year: 2013, Month: time.May}, now)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Moved || !slices.Equal(r.Partitions, []civil.Month{{Year: 2013, Month: 4}}) ||
		!slices.Equal(r.LeftBehind, []civil.Month{{Year: 2013, Month: 3}}) {
		t.Errorf("a later boundary: %+v, want April's partition and March's table left behind dropped", r)
	}
	if got, want := tables(schema), []string{"inquiries_2013_01_copy"}; !slices.Equal(got, want) {
		t.Errorf("tables in the schema %q, want %q", got, want)
	}
	if got, want := tables(archive), []string{"inquiries_2013_01", "inquiries_2013_02"}; !slices.Equal(got, want) {
		t.Errorf("tables in the other schema %q, want %q", got, want)
	}
}
