package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// MaxLineBytes is the longest NDJSON line or CSV row accepted.
const MaxLineBytes = 64 << 10

// ParseJSON reads one JSON object.
func ParseJSON(data []byte) []Line {
	return []Line{parseObject(1, data)}
}

// ParseNDJSON reads newline-delimited JSON: one object per line. Blank lines
// are skipped; a line that is not an object is reported by its number.
func ParseNDJSON(r io.Reader) ([]Line, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	var lines []Line
	n := 0
	for sc.Scan() {
		n++
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		lines = append(lines, parseObject(n, text))
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return lines, fmt.Errorf("line %d is longer than %d bytes", n+1, MaxLineBytes)
		}
		return lines, err
	}
	return lines, nil
}

// parseObject reads one JSON object whose values are strings, numbers,
// booleans or null; it reports unknown fields and values of the wrong kind
// by field.
func parseObject(n int, data []byte) Line {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return Line{N: n, Problem: &Problem{Line: n, Key: "ingest.bad_json", Args: []any{jsonMessage(err)}}}
	}
	rec := Record{}
	for k, v := range raw {
		if !known(k) {
			return Line{N: n, Problem: &Problem{Line: n, Field: k, Key: "ingest.unknown_field", Args: []any{k, strings.Join(Fields, ", ")}}}
		}
		var value any
		if err := json.Unmarshal(v, &value); err != nil {
			return Line{N: n, Problem: &Problem{Line: n, Field: k, Key: "ingest.bad_json", Args: []any{jsonMessage(err)}}}
		}
		switch value := value.(type) {
		case nil:
		case string:
			rec[k] = value
		case bool:
			rec[k] = strconv.FormatBool(value)
		case float64:
			rec[k] = strings.TrimSpace(string(v))
		default:
			return Line{N: n, Problem: &Problem{Line: n, Field: k, Key: "ingest.want_value", Args: []any{k}}}
		}
	}
	return Line{N: n, Record: rec}
}

func jsonMessage(err error) string {
	return strings.TrimPrefix(err.Error(), "json: ")
}

func known(field string) bool {
	for _, f := range Fields {
		if f == field {
			return true
		}
	}
	return false
}

// ParseCSV reads a CSV file whose first row names the columns (the record
// fields, in any order; unknown columns are an error). The separator is a
// comma or, as Danish spreadsheets write, a semicolon. Rows are numbered as
// a spreadsheet shows them: the header is row 1.
func ParseCSV(r io.Reader) ([]Line, error) {
	br := bufio.NewReader(r)
	head, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	first, _, _ := bytes.Cut(head, []byte("\n"))
	cr := csv.NewReader(br)
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("the file is empty; the first row must name the columns")
	}
	if err != nil {
		return nil, fmt.Errorf("row 1: %w", err)
	}
	columns := make([]string, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !known(h) {
			return nil, &HeaderError{Column: h, Known: strings.Join(Fields, ", ")}
		}
		if seen[h] {
			return nil, &HeaderError{Column: h, Duplicate: true}
		}
		seen[h] = true
		columns[i] = h
	}
	var lines []Line
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return lines, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				lines = append(lines, Line{N: pe.StartLine, Problem: &Problem{Line: pe.StartLine, Key: "ingest.bad_csv", Args: []any{pe.Err.Error()}}})
				if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
					return lines, nil // the rest of the file cannot be trusted to line up
				}
				continue
			}
			return lines, err
		}
		line, _ := cr.FieldPos(0)
		if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
			continue
		}
		if len(row) != len(columns) {
			lines = append(lines, Line{N: line, Problem: &Problem{Line: line, Key: "ingest.column_count", Args: []any{len(row), len(columns)}}})
			continue
		}
		rec := make(Record, len(row))
		for i, v := range row {
			if v != "" {
				rec[columns[i]] = v
			}
		}
		lines = append(lines, Line{N: line, Record: rec})
	}
}

// HeaderError is a CSV header that names an unknown or repeated column.
type HeaderError struct {
	Column    string
	Known     string
	Duplicate bool
}

func (e *HeaderError) Error() string {
	if e.Duplicate {
		return fmt.Sprintf("row 1: the column %q appears twice", e.Column)
	}
	return fmt.Sprintf("row 1: unknown column %q; the columns are %s", e.Column, e.Known)
}
