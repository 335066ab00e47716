// Package ingest reads inquiries that other systems report — one JSON
// object, NDJSON in bulk, or a CSV file — into checked inquiries, with every
// problem named by line (or row) and field. The same field names are the
// JSON keys and the CSV columns.
package ingest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Fields are the record fields, in the order of a CSV file's columns.
var Fields = []string{"id", "occurred_at", "channel", "type", "direction", "area", "department",
	"resolved_first_contact", "guided", "assisted", "exempt", "duration_seconds", "referred_to"}

// Record is one reported inquiry as sent: every field as text, so that a
// wrong value is reported by field rather than failing the whole line.
type Record map[string]string

// Problem is what is wrong with a record: its line (NDJSON) or row (CSV),
// the field, a text key and its arguments.
type Problem struct {
	Line  int
	ID    string
	Field string
	Key   string
	Args  []any
}

// Line is one record and where it stood.
type Line struct {
	N      int
	Record Record
	// Problem is set when the line could not be read at all.
	Problem *Problem
}

// Options say how records become inquiries.
type Options struct {
	Source string
	Test   bool
	// Window is the span the inquiries may be dated in: the recorder's
	// (inquiry.Recorder.Window).
	Window inquiry.Window
	// Spreadsheet reads values as a case worker writes them in a
	// spreadsheet, besides the API's: names for ids ("Telefon" for phone,
	// an area's title, "til kommunen" for inbound) and times without an
	// offset in Danish time (31-03-2014 10:15). The CSV import sets it.
	Spreadsheet bool
}

// Prepare turns records into checked inquiries. Each line yields either an
// inquiry or its problems; nothing is dropped silently.
func Prepare(s *strategy.Strategy, lines []Line, opt Options) ([]inquiry.Inquiry, []Problem) {
	var out []inquiry.Inquiry
	var problems []Problem
	for _, l := range lines {
		if l.Problem != nil {
			problems = append(problems, *l.Problem)
			continue
		}
		in, probs := toInquiry(s, l, opt)
		if len(probs) > 0 {
			problems = append(problems, probs...)
			continue
		}
		out = append(out, in)
	}
	return out, problems
}

func toInquiry(s *strategy.Strategy, l Line, opt Options) (inquiry.Inquiry, []Problem) {
	r := l.Record
	if opt.Spreadsheet {
		r = byName(s, r)
	}
	var probs []Problem
	add := func(field, key string, args ...any) {
		probs = append(probs, Problem{Line: l.N, ID: r["id"], Field: field, Key: key, Args: args})
	}
	// Text that is not valid UTF-8, or holds control characters, is named
	// first and not repeated in any answer: PostgreSQL would refuse it
	// where SQLite stores it, and an answer cannot show it.
	id := r["id"]
	if inquiry.CheckText("id", id) != nil {
		id = ""
	}
	for _, f := range Fields {
		if e := inquiry.CheckText(f, r[f]); e != nil {
			probs = append(probs, Problem{Line: l.N, ID: id, Field: f, Key: e.Rule, Args: e.Args})
		}
	}
	if len(probs) > 0 {
		return inquiry.Inquiry{}, probs
	}
	in := inquiry.Inquiry{
		Channel: r["channel"], Type: r["type"], Direction: r["direction"], Area: r["area"], Department: r["department"],
		ReferredTo: r["referred_to"], ExternalID: r["id"], Source: opt.Source, Test: opt.Test,
	}
	switch at := strings.TrimSpace(r["occurred_at"]); {
	case at == "":
		add("occurred_at", "ingest.required", "occurred_at")
	default:
		t, ok := parseTime(at, opt.Spreadsheet)
		switch {
		case !ok:
			add("occurred_at", "ingest.bad_time", at)
		case t.IsZero():
			// The zero instant reads as "no time" further on.
			add("occurred_at", inquiry.RuleTooEarly, at, civil.DateOf(opt.Window.From).String())
		default:
			in.OccurredAt = t
		}
	}
	for _, f := range []struct {
		name string
		dst  *bool
	}{{"resolved_first_contact", &in.ResolvedFirstContact}, {"guided", &in.Guided}, {"assisted", &in.Assisted}, {"exempt", &in.Exempt}} {
		v, ok := parseBool(r[f.name])
		if !ok {
			add(f.name, "ingest.bad_bool", r[f.name])
		}
		*f.dst = v
	}
	if d := strings.TrimSpace(r["duration_seconds"]); d != "" {
		n, err := strconv.Atoi(d)
		if err != nil {
			add("duration_seconds", "ingest.bad_integer", d)
		} else {
			in.DurationSeconds = &n
		}
	}
	if len(probs) > 0 {
		return in, probs
	}
	for _, e := range inquiry.Check(s, opt.Window, &in) {
		add(e.Field, e.Rule, e.Args...)
	}
	return in, probs
}

// parseBool reads a flag: empty is false; true/false, 1/0 and ja/nej.
func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "false", "0", "nej", "no":
		return false, true
	case "true", "1", "ja", "yes":
		return true, true
	}
	return false, false
}

// String shows a problem for logs and tests.
func (p Problem) String() string {
	return fmt.Sprintf("%d: %s: %s %v", p.Line, p.Field, p.Key, p.Args)
}
