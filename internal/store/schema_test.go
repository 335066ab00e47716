package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

var updateSchema = flag.Bool("update-schema", false,
	"write testdata/schema.txt from a run with SQLite and PostgreSQL (KANAL_TEST_DB) whose schemas match")

// schemaSnapshot is the schema both engines reach, as describeSchema puts
// it, with the migration files it was verified from.
const schemaSnapshot = "testdata/schema.txt"

const schemaSnapshotHeader = `# The schema both engines reach through their migrations, as
# describeSchema (schema_describe_test.go) puts it. Written by
# TestSchema_EnginesMatch from a run with SQLite and PostgreSQL whose schemas
# matched, never by hand:
#   KANAL_TEST_DB=postgres://… go test ./internal/store -run TestSchema_EnginesMatch -update-schema
# A run with SQLite alone compares SQLite's schema with it, and refuses it
# when the migration files are not the ones it was verified from. Lines
# "ENGINE only: …" are the differences engineDifferences (schema_test.go)
# lists on purpose.
`

// engineDifferences are the lines in which the engines' schemas differ on
// purpose; everything else must be the same. PostgreSQL's inquiries table
// is partitioned by month (migration 0010): a primary key on a partitioned
// table must include the partition key, and PostgreSQL before 17 has no
// identity column on one, so the id comes from a sequence. SQLite's table
// is not partitioned. Each line must be there: a difference listed here
// that the schema lacks fails the test, as does one not listed.
var engineDifferences = map[store.Engine][]string{
	store.SQLite: {
		"inquiries: column id integer not null",
		"inquiries: primary key (id)",
	},
	store.Postgres: {
		"inquiries: partitioned by range (occurred_at)",
		"inquiries: column id integer not null default nextval('inquiries_id'::regclass)",
		"inquiries: primary key (id, occurred_at)",
	},
}

// splitEngine takes an engine's listed differences out of its description.
func splitEngine(t *testing.T, engine store.Engine, lines []string) (common, own []string) {
	t.Helper()
	for _, l := range lines {
		if slices.Contains(engineDifferences[engine], l) {
			own = append(own, string(engine)+" only: "+l)
		} else {
			common = append(common, l)
		}
	}
	if len(own) != len(engineDifferences[engine]) {
		t.Fatalf("%s schema has %q of its listed differences %q", engine, own, engineDifferences[engine])
	}
	return common, own
}

// Every migration exists for both engines under the same name: a change
// made for one engine only cannot land as a number the other lacks.
func TestMigrations_SameFilesForBothEngines(t *testing.T) {
	sqlite, postgres := migrationFiles(t, store.SQLite), migrationFiles(t, store.Postgres)
	if len(sqlite) < 8 {
		t.Fatalf("%d SQLite migrations, want at least the 8 that have landed", len(sqlite))
	}
	if !slices.Equal(sqlite, postgres) {
		t.Errorf("the engines' migrations differ:\nsqlite   %v\npostgres %v", sqlite, postgres)
	}
}

// Both engines end their migrations with the same tables, columns (by
// kind, nullability and default), keys, indexes and append-only triggers.
// With KANAL_TEST_DB set the two live schemas are compared with each other
// and with testdata/schema.txt; without it SQLite's live schema is
// compared with testdata/schema.txt, which must have been verified against
// PostgreSQL from the very migration files in the tree.
func TestSchema_EnginesMatch(t *testing.T) {
	ctx := context.Background()
	sqliteDB, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "kanal.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer sqliteDB.Close()
	if _, err := sqliteDB.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	sqliteAll := describeSchema(t, sqliteDB)
	requireKnownFacts(t, "sqlite", sqliteAll)
	sqlite, sqliteOwn := splitEngine(t, store.SQLite, sqliteAll)

	hashes := []string{migrationHash(t, store.SQLite), migrationHash(t, store.Postgres)}
	data, err := os.ReadFile(schemaSnapshot)
	if err != nil && !(*updateSchema && os.IsNotExist(err)) {
		t.Fatal(err)
	}
	snapHashes, snapshot, snapshotOwn := parseSnapshot(string(data))

	if os.Getenv(storetest.EnvDB) == "" {
		if *updateSchema {
			t.Fatalf("-update-schema needs KANAL_TEST_DB: %s is written only when PostgreSQL's schema matches SQLite's", schemaSnapshot)
		}
		if !slices.Equal(snapHashes, hashes) {
			t.Fatalf("the migration files changed since %s was verified against PostgreSQL (%v, now %v): "+
				"run this test with KANAL_TEST_DB=postgres://… and -update-schema", schemaSnapshot, snapHashes, hashes)
		}
		if d := schemaDiff("sqlite", sqlite, "postgres as in "+schemaSnapshot, snapshot); d != "" {
			t.Fatalf("SQLite's schema differs from PostgreSQL's:\n%s", d)
		}
		if d := schemaDiff("sqlite", sqliteOwn, schemaSnapshot, snapshotOwn[store.SQLite]); d != "" {
			t.Fatalf("SQLite's own lines differ from those in %s:\n%s", schemaSnapshot, d)
		}
		t.Logf("compared with PostgreSQL's schema as recorded in %s; set KANAL_TEST_DB to compare with a live one", schemaSnapshot)
		return
	}

	pgDB := storetest.Open(t)
	postgresAll := describeSchema(t, pgDB)
	requireKnownFacts(t, "postgres", postgresAll)
	postgres, postgresOwn := splitEngine(t, store.Postgres, postgresAll)
	want := renderSnapshot(hashes, sqlite, append(postgresOwn, sqliteOwn...))
	if d := schemaDiff("sqlite", sqlite, "postgres", postgres); d != "" {
		t.Fatalf("the engines' schemas differ:\n%s", d)
	}
	if *updateSchema {
		if err := os.MkdirAll(filepath.Dir(schemaSnapshot), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(schemaSnapshot, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(data) != want {
		t.Fatalf("%s is out of date (migrations %v, now %v; description differs: %q): "+
			"run this test with -update-schema and commit the file",
			schemaSnapshot, snapHashes, hashes, schemaDiff("now", sqlite, schemaSnapshot, snapshot))
	}
}

// requireKnownFacts checks a description against facts about Kanal's
// schema written by hand from the migrations, so that a describer that
// sees nothing cannot make two engines match.
func requireKnownFacts(t *testing.T, engine string, lines []string) {
	t.Helper()
	for _, fact := range []string{
		"audit_events: append-only",
		"issued_reports: append-only",
		"kle_checks: append-only",
		"kle_check_areas: append-only",
		"inquiries: column occurred_at timestamp not null",
		"inquiries: column duration_seconds integer",
		"inquiries: column test boolean not null default false",
		"inquiries: checks 2",
		"inquiry_external_ids: primary key (municipality_id, source, external_id)",
		"inquiries: column external_id text",
		"inquiries: index inquiries_demo (municipality_id, occurred_at) where source = 'demo'",
		"inquiries: foreign key (municipality_id, strategy_version_id) references strategy_versions (municipality_id, id)",
		"issued_reports: column pdf bytes not null",
		"municipalities: column share_comparison boolean not null default false",
		"users: unique (email)",
		"inquiry_counts: primary key (municipality_id, day, area, department, channel, type, direction, strategy_version_id)",
	} {
		if !slices.Contains(lines, fact) {
			t.Errorf("%s schema lacks %q; it has:\n%s", engine, fact, strings.Join(lines, "\n"))
		}
	}
}

// The describer itself, on a small schema whose description is written
// here by hand, on the engine the suite runs on.
func TestDescribeSchema_HandWrittenSchema(t *testing.T) {
	db, err := store.Open(context.Background(), storetest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ddl := map[store.Engine]string{
		store.SQLite: `
CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);
CREATE TABLE things (
    parent_id INTEGER NOT NULL REFERENCES parent (id),
    name      TEXT NOT NULL,
    note      TEXT, -- CHECK (in a comment, not counted)
    n         BIGINT NOT NULL DEFAULT 0 CHECK (n >= 0),
    done      BOOLEAN NOT NULL DEFAULT FALSE,
    at        TIMESTAMP NOT NULL,
    ratio     REAL,
    label     TEXT NOT NULL DEFAULT 'check (not counted either)',
    body      BLOB NOT NULL,
    PRIMARY KEY (parent_id, name)
);
CREATE UNIQUE INDEX things_note ON things (note) WHERE note IS NOT NULL;
CREATE INDEX things_at ON things (parent_id, at);
CREATE TRIGGER things_no_update BEFORE UPDATE ON things BEGIN SELECT RAISE(ABORT, 'no'); END;
CREATE TRIGGER things_no_delete BEFORE DELETE ON things BEGIN SELECT RAISE(ABORT, 'no'); END;
CREATE TRIGGER parent_guard BEFORE DELETE ON parent WHEN OLD.id = 1 BEGIN SELECT RAISE(ABORT, 'no'); END;
CREATE TABLE notes (key TEXT PRIMARY KEY, body TEXT NOT NULL, stamp TIMESTAMPTZ);
CREATE TRIGGER notes_no_update BEFORE UPDATE ON notes BEGIN SELECT RAISE(ABORT, 'no'); END;
`,
		store.Postgres: `
CREATE TABLE parent (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code TEXT NOT NULL UNIQUE);
CREATE TABLE things (
    parent_id BIGINT NOT NULL REFERENCES parent (id),
    name      TEXT NOT NULL,
    note      TEXT,
    n         BIGINT NOT NULL DEFAULT 0 CHECK (n >= 0),
    done      BOOLEAN NOT NULL DEFAULT FALSE,
    at        TIMESTAMPTZ NOT NULL,
    ratio     REAL,
    label     TEXT NOT NULL DEFAULT 'check (not counted either)',
    body      BYTEA NOT NULL,
    PRIMARY KEY (parent_id, name)
);
CREATE UNIQUE INDEX things_note ON things (note) WHERE note IS NOT NULL;
CREATE INDEX things_at ON things (parent_id, at);
CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% refuses', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER things_no_change BEFORE UPDATE OR DELETE ON things FOR EACH ROW EXECUTE FUNCTION refuse();
CREATE TRIGGER things_no_truncate BEFORE TRUNCATE ON things FOR EACH STATEMENT EXECUTE FUNCTION refuse();
CREATE TRIGGER parent_guard BEFORE DELETE ON parent FOR EACH ROW WHEN (OLD.id = 1) EXECUTE FUNCTION refuse();
CREATE TABLE notes (key TEXT PRIMARY KEY, body TEXT NOT NULL, stamp TIMESTAMP);
CREATE TRIGGER notes_no_update BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION refuse();
`,
	}
	if _, err := db.Exec(ddl[db.Engine]); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"parent: table",
		"parent: column code text not null",
		"parent: column id integer not null",
		"parent: primary key (id)",
		"parent: unique (code)",
		"parent: checks 0",
		"parent: trigger parent_guard guards nothing known",
		"things: table",
		"things: column parent_id integer not null",
		"things: column name text not null",
		"things: column note text",
		"things: column n integer not null default 0",
		"things: column done boolean not null default false",
		"things: column at timestamp not null",
		"things: column ratio real",
		"things: column label text not null default 'check (not counted either)'",
		"things: column body bytes not null",
		"things: primary key (parent_id, name)",
		"things: foreign key (parent_id) references parent (id)",
		"things: checks 1",
		"things: index things_note (note) unique where note IS NOT NULL",
		"things: index things_at (parent_id, at)",
		"things: append-only",
		"notes: table",
		"notes: column body text not null",
		"notes: primary key (key)",
		"notes: checks 0",
		"notes: refuses update",
	}
	// SQLite lets NULL into a primary key that is not the rowid and
	// knows no TIMESTAMPTZ; PostgreSQL's TIMESTAMP has no time zone. Each
	// is described as it is, so that it cannot match the other engine.
	if db.Engine == store.SQLite {
		want = append(want, "notes: column key text", "notes: column stamp unknown timestamptz")
	} else {
		want = append(want, "notes: column key text not null", "notes: column stamp unknown timestamp without time zone")
	}
	got := describeSchema(t, db)
	slices.Sort(want)
	if d := schemaDiff("described", got, "written by hand", want); d != "" {
		t.Errorf("%s:\n%s", db.Engine, d)
	}
}

// schemaDiff names the lines only one side has, or returns "".
func schemaDiff(aName string, a []string, bName string, b []string) string {
	var out strings.Builder
	for _, l := range a {
		if !slices.Contains(b, l) {
			out.WriteString("only " + aName + ": " + l + "\n")
		}
	}
	for _, l := range b {
		if !slices.Contains(a, l) {
			out.WriteString("only " + bName + ": " + l + "\n")
		}
	}
	if len(a) != len(b) && out.Len() == 0 {
		out.WriteString("the same lines, a different number of times\n")
	}
	return out.String()
}

// migrationFiles names an engine's migration files in order.
func migrationFiles(t *testing.T, engine store.Engine) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("migrations", string(engine), "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	slices.Sort(names)
	return names
}

// migrationHash is "ENGINE NNNN sha256:HEX" over an engine's migration
// files, names and contents.
func migrationHash(t *testing.T, engine store.Engine) string {
	t.Helper()
	h := sha256.New()
	names := migrationFiles(t, engine)
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join("migrations", string(engine), name))
		if err != nil {
			t.Fatal(err)
		}
		h.Write([]byte(name + "\x00"))
		h.Write(data)
		h.Write([]byte{0})
	}
	last := "none"
	if len(names) > 0 {
		last, _, _ = strings.Cut(names[len(names)-1], "_")
	}
	return string(engine) + " " + last + " sha256:" + hex.EncodeToString(h.Sum(nil))
}

func renderSnapshot(hashes, lines, own []string) string {
	var b strings.Builder
	b.WriteString(schemaSnapshotHeader)
	for _, h := range hashes {
		b.WriteString("migrations " + h + "\n")
	}
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	for _, l := range own {
		b.WriteString(l + "\n")
	}
	return b.String()
}

func parseSnapshot(s string) (hashes, lines []string, own map[store.Engine][]string) {
	own = map[store.Engine][]string{}
	for _, l := range strings.Split(s, "\n") {
		engine, _, _ := strings.Cut(l, " only: ")
		switch {
		case l == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "migrations "):
			hashes = append(hashes, strings.TrimPrefix(l, "migrations "))
		case engine == string(store.SQLite) || engine == string(store.Postgres):
			own[store.Engine(engine)] = append(own[store.Engine(engine)], l)
		default:
			lines = append(lines, l)
		}
	}
	return hashes, lines, own
}
