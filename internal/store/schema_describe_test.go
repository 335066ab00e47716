package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/store"
)

// describeSchema puts a migrated database's schema into lines that do not
// depend on the engine, one fact a line, sorted, each starting with its
// table:
//
//	inquiries: column area text not null
//	inquiries: column test boolean not null default false
//	inquiries: primary key (id)
//	inquiries: unique (municipality_id, id)
//	inquiries: foreign key (municipality_id) references municipalities (id)
//	inquiries: checks 2
//	inquiries: index inquiries_demo (municipality_id, occurred_at) where source = 'demo'
//	audit_events: append-only
//
// Column kinds are text, integer (any width), boolean, timestamp, real and
// bytes; a type Kanal does not use (PostgreSQL's timestamp without time
// zone, say) is written as "unknown …" so that it never matches. CHECK
// constraints are counted, not compared: the engines spell them too
// differently. An index made for a primary key or UNIQUE constraint is
// described as the constraint, without its name, which the engines choose
// differently. A table is append-only when triggers without conditions
// refuse every UPDATE and DELETE — and on PostgreSQL also TRUNCATE, which
// SQLite does not have; a trigger of any other shape is named as one that
// guards nothing known, so two engines' triggers can only match as guards.
func describeSchema(t *testing.T, db *store.DB) []string {
	t.Helper()
	var (
		lines []string
		err   error
	)
	if db.Engine == store.Postgres {
		lines, err = describePostgres(context.Background(), db)
	} else {
		lines, err = describeSQLite(context.Background(), db)
	}
	if err != nil {
		t.Fatalf("describe the %s schema: %v", db.Engine, err)
	}
	sort.Strings(lines)
	return lines
}

// column is one column as both engines can state it.
type column struct {
	name, kind string
	notNull    bool
	dflt       sql.NullString
}

func (c column) line(table string) string {
	s := table + ": column " + c.name + " " + c.kind
	if c.notNull {
		s += " not null"
	}
	if c.dflt.Valid {
		s += " default " + normalDefault(c.kind, c.dflt.String)
	}
	return s
}

// triggerEvents collects what a table's append-only triggers refuse.
type triggerEvents map[string]map[string]bool

func (te triggerEvents) add(table, event string) {
	if te[table] == nil {
		te[table] = map[string]bool{}
	}
	te[table][event] = true
}

// lines says "append-only" for a table whose triggers refuse every event in
// all, and names the refused events otherwise.
func (te triggerEvents) lines(all ...string) []string {
	var out []string
	for table, events := range te {
		complete := true
		for _, e := range all {
			complete = complete && events[e]
		}
		if complete && len(events) == len(all) {
			out = append(out, table+": append-only")
			continue
		}
		for e := range events {
			out = append(out, table+": refuses "+e)
		}
	}
	return out
}

func describeSQLite(ctx context.Context, db *store.DB) ([]string, error) {
	var lines []string
	tables, err := queryPairs(ctx, db, `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return nil, err
	}
	for _, tbl := range tables {
		table, createSQL := tbl[0], tbl[1]
		lines = append(lines, table+": table")
		cols, pk, err := sqliteColumns(ctx, db, table)
		if err != nil {
			return nil, err
		}
		for _, c := range cols {
			lines = append(lines, c.line(table))
		}
		if len(pk) > 0 {
			lines = append(lines, table+": primary key ("+strings.Join(pk, ", ")+")")
		}
		lines = append(lines, fmt.Sprintf("%s: checks %d", table, countChecks(createSQL)))
		more, err := sqliteIndexes(ctx, db, table)
		if err != nil {
			return nil, err
		}
		lines = append(lines, more...)
		more, err = sqliteForeignKeys(ctx, db, table)
		if err != nil {
			return nil, err
		}
		lines = append(lines, more...)
	}
	views, err := queryPairs(ctx, db, `SELECT name, '' FROM sqlite_master WHERE type = 'view'`)
	if err != nil {
		return nil, err
	}
	for _, v := range views {
		lines = append(lines, v[0]+": view")
	}
	triggers, err := queryPairs(ctx, db, `SELECT tbl_name, name || ' ' || sql FROM sqlite_master WHERE type = 'trigger'`)
	if err != nil {
		return nil, err
	}
	refused := triggerEvents{}
	for _, tr := range triggers {
		table := tr[0]
		name, def, _ := strings.Cut(tr[1], " ")
		m := sqliteGuard.FindStringSubmatch(strings.Join(strings.Fields(def), " "))
		if m == nil || !strings.EqualFold(m[1], name) || !strings.EqualFold(m[3], table) {
			lines = append(lines, table+": trigger "+name+" guards nothing known")
			continue
		}
		refused.add(table, strings.ToLower(m[2]))
	}
	return append(lines, refused.lines("delete", "update")...), nil
}

// sqliteGuard is the one shape of an SQLite append-only trigger: before an
// UPDATE or DELETE of the whole table, without a condition, abort.
var sqliteGuard = regexp.MustCompile(`(?i)^CREATE TRIGGER "?(\w+)"? BEFORE (UPDATE|DELETE) ON "?(\w+)"? BEGIN SELECT RAISE\(ABORT, '[^']*'\); END;?$`)

func sqliteColumns(ctx context.Context, db *store.DB, table string) ([]column, []string, error) {
	rows, err := db.QueryContext(ctx, `SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info($1)`, table)
	if err != nil {
		return nil, nil, fmt.Errorf("columns of %s: %w", table, err)
	}
	defer rows.Close()
	var (
		cols []column
		pks  = map[int]string{}
		decl = map[string]string{}
	)
	for rows.Next() {
		var (
			c       column
			typ     string
			notNull bool
			pk      int
		)
		if err := rows.Scan(&c.name, &typ, &notNull, &c.dflt, &pk); err != nil {
			return nil, nil, fmt.Errorf("columns of %s: %w", table, err)
		}
		c.kind, c.notNull = sqliteKind(typ), notNull
		decl[c.name] = strings.ToUpper(typ)
		if pk > 0 {
			pks[pk] = c.name
		}
		cols = append(cols, c)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("columns of %s: %w", table, err)
	}
	pk := make([]string, len(pks))
	for i, name := range pks {
		pk[i-1] = name
	}
	// A lone INTEGER PRIMARY KEY is the rowid, which is never NULL. Any
	// other primary key column takes NULL unless it says NOT NULL — an old
	// SQLite bug kept for compatibility
	// (https://www.sqlite.org/lang_createtable.html#the_primary_key) — so it
	// is described as it is.
	if len(pk) == 1 && decl[pk[0]] == "INTEGER" {
		for i := range cols {
			if cols[i].name == pk[0] {
				cols[i].notNull = true
			}
		}
	}
	return cols, pk, nil
}

func sqliteKind(declared string) string {
	switch strings.ToUpper(strings.TrimSpace(declared)) {
	case "TEXT":
		return "text"
	case "INTEGER", "BIGINT", "INT", "SMALLINT":
		return "integer"
	case "BOOLEAN":
		return "boolean"
	case "TIMESTAMP":
		return "timestamp"
	case "REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT":
		return "real"
	case "BLOB":
		return "bytes"
	}
	return "unknown " + strings.ToLower(declared)
}

func sqliteIndexes(ctx context.Context, db *store.DB, table string) ([]string, error) {
	type index struct {
		name, origin    string
		unique, partial bool
	}
	var list []index
	rows, err := db.QueryContext(ctx, `SELECT name, "unique", origin, partial FROM pragma_index_list($1)`, table)
	if err != nil {
		return nil, fmt.Errorf("indexes of %s: %w", table, err)
	}
	for rows.Next() {
		var ix index
		if err := rows.Scan(&ix.name, &ix.unique, &ix.origin, &ix.partial); err != nil {
			rows.Close()
			return nil, fmt.Errorf("indexes of %s: %w", table, err)
		}
		list = append(list, ix)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("indexes of %s: %w", table, err)
	}
	var lines []string
	for _, ix := range list {
		cols, err := queryStrings(ctx, db, `SELECT COALESCE(name, '<expression>') FROM pragma_index_info($1) ORDER BY seqno`, ix.name)
		if err != nil {
			return nil, fmt.Errorf("index %s: %w", ix.name, err)
		}
		on := "(" + strings.Join(cols, ", ") + ")"
		switch ix.origin {
		case "pk":
			continue // described with the columns
		case "u":
			lines = append(lines, table+": unique "+on)
			continue
		}
		line := table + ": index " + ix.name + " " + on
		if ix.unique {
			line += " unique"
		}
		if ix.partial {
			var def string
			if err := db.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE type = 'index' AND name = $1`, ix.name).Scan(&def); err != nil {
				return nil, fmt.Errorf("index %s: %w", ix.name, err)
			}
			at := strings.LastIndex(strings.ToUpper(def), " WHERE ")
			if at < 0 {
				return nil, fmt.Errorf("index %s is partial, but its definition has no WHERE: %s", ix.name, def)
			}
			line += " where " + normalPredicate(def[at+len(" WHERE "):])
		}
		lines = append(lines, line)
	}
	return lines, nil
}

func sqliteForeignKeys(ctx context.Context, db *store.DB, table string) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, "table", "from", COALESCE("to", '<primary key>') FROM pragma_foreign_key_list($1) ORDER BY id, seq`, table)
	if err != nil {
		return nil, fmt.Errorf("foreign keys of %s: %w", table, err)
	}
	defer rows.Close()
	type key struct {
		parent   string
		from, to []string
	}
	keys := map[int]*key{}
	for rows.Next() {
		var (
			id               int
			parent, from, to string
		)
		if err := rows.Scan(&id, &parent, &from, &to); err != nil {
			return nil, fmt.Errorf("foreign keys of %s: %w", table, err)
		}
		if keys[id] == nil {
			keys[id] = &key{parent: parent}
		}
		keys[id].from = append(keys[id].from, from)
		keys[id].to = append(keys[id].to, to)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("foreign keys of %s: %w", table, err)
	}
	var lines []string
	for _, k := range keys {
		lines = append(lines, foreignKeyLine(table, k.from, k.parent, k.to))
	}
	return lines, nil
}

func foreignKeyLine(table string, from []string, parent string, to []string) string {
	return table + ": foreign key (" + strings.Join(from, ", ") + ") references " + parent + " (" + strings.Join(to, ", ") + ")"
}

// countChecks counts the CHECK constraints in an SQLite CREATE TABLE
// statement, outside its comments and string literals.
func countChecks(create string) int {
	var b strings.Builder
	for i := 0; i < len(create); i++ {
		switch {
		case strings.HasPrefix(create[i:], "--"):
			end := strings.IndexByte(create[i:], '\n')
			if end < 0 {
				i = len(create)
			} else {
				i += end
			}
		case create[i] == '\'':
			end := strings.IndexByte(create[i+1:], '\'')
			if end < 0 {
				i = len(create)
			} else {
				i += end + 1
			}
			b.WriteString("''")
		default:
			b.WriteByte(create[i])
		}
	}
	return len(checkKeyword.FindAllString(b.String(), -1))
}

var checkKeyword = regexp.MustCompile(`(?i)\bCHECK\s*\(`)

func describePostgres(ctx context.Context, db *store.DB) ([]string, error) {
	var lines []string
	// A partition is described by its partitioned table, not as a table
	// of its own.
	tables, err := queryPairs(ctx, db, `SELECT c.oid::text, c.relname FROM pg_class c
		WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v') AND NOT c.relispartition`)
	if err != nil {
		return nil, err
	}
	refused := triggerEvents{}
	for _, tbl := range tables {
		oid, table := tbl[0], tbl[1]
		var kind string
		if err := db.QueryRowContext(ctx, `SELECT relkind::text FROM pg_class WHERE oid = $1::oid`, oid).Scan(&kind); err != nil {
			return nil, fmt.Errorf("%s: %w", table, err)
		}
		if kind == "v" {
			lines = append(lines, table+": view")
			continue
		}
		lines = append(lines, table+": table")
		if kind == "p" {
			var key string
			if err := db.QueryRowContext(ctx, `SELECT lower(pg_get_partkeydef($1::oid))`, oid).Scan(&key); err != nil {
				return nil, fmt.Errorf("%s: %w", table, err)
			}
			lines = append(lines, table+": partitioned by "+key)
		}
		cols, err := postgresColumns(ctx, db, oid, table)
		if err != nil {
			return nil, err
		}
		for _, c := range cols {
			lines = append(lines, c.line(table))
		}
		more, err := postgresConstraints(ctx, db, oid, table)
		if err != nil {
			return nil, err
		}
		lines = append(lines, more...)
		more, err = postgresIndexes(ctx, db, oid, table)
		if err != nil {
			return nil, err
		}
		lines = append(lines, more...)
		more, err = postgresTriggers(ctx, db, oid, table, refused)
		if err != nil {
			return nil, err
		}
		lines = append(lines, more...)
	}
	return append(lines, refused.lines("delete", "truncate", "update")...), nil
}

func postgresColumns(ctx context.Context, db *store.DB, oid, table string) ([]column, error) {
	rows, err := db.QueryContext(ctx, `SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
		FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
		WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped`, oid)
	if err != nil {
		return nil, fmt.Errorf("columns of %s: %w", table, err)
	}
	defer rows.Close()
	var cols []column
	for rows.Next() {
		var (
			c   column
			typ string
		)
		if err := rows.Scan(&c.name, &typ, &c.notNull, &c.dflt); err != nil {
			return nil, fmt.Errorf("columns of %s: %w", table, err)
		}
		c.kind = postgresKind(typ)
		cols = append(cols, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("columns of %s: %w", table, err)
	}
	return cols, nil
}

func postgresKind(typ string) string {
	switch typ {
	case "text":
		return "text"
	case "smallint", "integer", "bigint":
		return "integer"
	case "boolean":
		return "boolean"
	case "timestamp with time zone":
		return "timestamp"
	case "real", "double precision":
		return "real"
	case "bytea":
		return "bytes"
	}
	return "unknown " + typ
}

// columnList is a PostgreSQL expression for the names of the columns of
// relation rel numbered in the array keys, in their order, as "a, b".
func columnList(rel, keys string) string {
	return `(SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(` + keys + `) WITH ORDINALITY k(num, ord)
		JOIN pg_attribute a ON a.attrelid = ` + rel + ` AND a.attnum = k.num)`
}

func postgresConstraints(ctx context.Context, db *store.DB, oid, table string) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT con.contype::text, COALESCE(`+columnList("con.conrelid", "con.conkey")+`, ''),
		COALESCE(con.confrelid::regclass::text, ''), COALESCE(`+columnList("con.confrelid", "con.confkey")+`, '')
		FROM pg_constraint con WHERE con.conrelid = $1::oid`, oid)
	if err != nil {
		return nil, fmt.Errorf("constraints of %s: %w", table, err)
	}
	defer rows.Close()
	var (
		lines  []string
		checks int
	)
	for rows.Next() {
		var kind, cols, parent, parentCols string
		if err := rows.Scan(&kind, &cols, &parent, &parentCols); err != nil {
			return nil, fmt.Errorf("constraints of %s: %w", table, err)
		}
		switch kind {
		case "p":
			lines = append(lines, table+": primary key ("+cols+")")
		case "u":
			lines = append(lines, table+": unique ("+cols+")")
		case "f":
			lines = append(lines, foreignKeyLine(table, []string{cols}, parent, []string{parentCols}))
		case "c":
			checks++
		default:
			lines = append(lines, table+": constraint of kind "+kind+" ("+cols+")")
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("constraints of %s: %w", table, err)
	}
	return append(lines, fmt.Sprintf("%s: checks %d", table, checks)), nil
}

func postgresIndexes(ctx context.Context, db *store.DB, oid, table string) ([]string, error) {
	// Indexes that back a constraint are described as the constraint.
	rows, err := db.QueryContext(ctx, `SELECT ic.relname, i.indisunique, COALESCE(pg_get_expr(i.indpred, i.indrelid), ''),
		(SELECT string_agg(pg_get_indexdef(i.indexrelid, k, true), ', ' ORDER BY k) FROM generate_series(1, i.indnatts) k)
		FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
		WHERE i.indrelid = $1::oid
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid)`, oid)
	if err != nil {
		return nil, fmt.Errorf("indexes of %s: %w", table, err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var (
			name, pred, cols string
			unique           bool
		)
		if err := rows.Scan(&name, &unique, &pred, &cols); err != nil {
			return nil, fmt.Errorf("indexes of %s: %w", table, err)
		}
		line := table + ": index " + name + " (" + cols + ")"
		if unique {
			line += " unique"
		}
		if pred != "" {
			line += " where " + normalPredicate(pred)
		}
		lines = append(lines, line)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("indexes of %s: %w", table, err)
	}
	return lines, nil
}

// postgresGuard is the one shape of the function behind a PostgreSQL
// append-only trigger: raise, whatever the row.
var postgresGuard = regexp.MustCompile(`(?is)^\s*BEGIN\s+RAISE\s+EXCEPTION\s+'[^']*'(\s*,\s*\w+)*\s*;\s*END;?\s*$`)

// The bits of pg_trigger.tgtype.
const (
	pgTriggerBefore   = 1 << 1
	pgTriggerDelete   = 1 << 3
	pgTriggerUpdate   = 1 << 4
	pgTriggerTruncate = 1 << 5
)

func postgresTriggers(ctx context.Context, db *store.DB, oid, table string, refused triggerEvents) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT t.tgname, t.tgtype, t.tgenabled IN ('O', 'A') AND t.tgqual IS NULL AND cardinality(t.tgattr::int2[]) = 0,
		p.prosrc FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
		WHERE t.tgrelid = $1::oid AND NOT t.tgisinternal`, oid)
	if err != nil {
		return nil, fmt.Errorf("triggers of %s: %w", table, err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var (
			name, body string
			typ        int
			always     bool
		)
		if err := rows.Scan(&name, &typ, &always, &body); err != nil {
			return nil, fmt.Errorf("triggers of %s: %w", table, err)
		}
		if !always || typ&pgTriggerBefore == 0 || !postgresGuard.MatchString(body) {
			lines = append(lines, table+": trigger "+name+" guards nothing known")
			continue
		}
		for bit, event := range map[int]string{pgTriggerDelete: "delete", pgTriggerUpdate: "update", pgTriggerTruncate: "truncate"} {
			if typ&bit != 0 {
				refused.add(table, event)
			}
		}
		if typ&^(pgTriggerBefore|pgTriggerDelete|pgTriggerUpdate|pgTriggerTruncate|1) != 0 {
			lines = append(lines, table+": trigger "+name+" also fires on insert or instead")
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("triggers of %s: %w", table, err)
	}
	return lines, nil
}

// normalDefault writes a column default the same way for both engines:
// without PostgreSQL's casts and parentheses, in lower case outside string
// literals, and a boolean as true or false (SQLite stores FALSE as 0).
func normalDefault(kind, d string) string {
	d = strings.TrimSpace(castSuffix.ReplaceAllString(d, ""))
	for strings.HasPrefix(d, "(") && strings.HasSuffix(d, ")") {
		d = strings.TrimSpace(d[1 : len(d)-1])
	}
	if !strings.HasPrefix(d, "'") {
		d = strings.ToLower(d)
	}
	if kind == "boolean" {
		switch d {
		case "0":
			return "false"
		case "1":
			return "true"
		}
	}
	return d
}

// normalPredicate writes a partial index's condition the same way for both
// engines: without PostgreSQL's casts and outer parentheses, with single
// spaces.
func normalPredicate(p string) string {
	p = strings.Join(strings.Fields(castSuffix.ReplaceAllString(p, "")), " ")
	for strings.HasPrefix(p, "(") && strings.HasSuffix(p, ")") {
		p = strings.TrimSpace(p[1 : len(p)-1])
	}
	return p
}

// castSuffix is PostgreSQL's cast after a literal or column, as in
// 'demo'::text.
var castSuffix = regexp.MustCompile(`::(text|character varying|smallint|integer|bigint|boolean|timestamp with time zone)\b`)

func queryPairs(ctx context.Context, db *store.DB, q string) ([][2]string, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", q, err)
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var p [2]string
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, fmt.Errorf("%s: %w", q, err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", q, err)
	}
	return out, nil
}

func queryStrings(ctx context.Context, db *store.DB, q string, args ...any) ([]string, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
