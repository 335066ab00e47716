package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/locale"
)

// MaxLineBytes bounds an NDJSON line: the longest accepted is one byte
// shorter, plus its newline. (A CSV file is bounded by the upload's size.)
const MaxLineBytes = 64 << 10

// ParseJSON reads one JSON object.
func ParseJSON(data []byte) []Line {
	return []Line{parseObject(1, data)}
}

// ParseNDJSON reads newline-delimited JSON: one object per line. Blank lines
// are skipped; a line that is not an object is reported by its number.
func ParseNDJSON(r io.Reader) ([]Line, error) {
	br := bufio.NewReader(r)
	skipBOM(br)
	sc := bufio.NewScanner(br)
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
			return lines, &FileError{Line: n + 1, Key: "ingest.ndjson_too_long", Args: []any{n + 1, MaxLineBytes}}
		}
		return lines, err
	}
	return lines, nil
}

// parseObject reads one JSON object whose values are strings, numbers,
// booleans or null; it reports unknown fields and values of the wrong kind
// by field.
func parseObject(n int, data []byte) Line {
	// encoding/json would read bytes that are not UTF-8 as U+FFFD and so
	// store something other than what was sent.
	if !utf8.Valid(data) {
		return Line{N: n, Problem: &Problem{Line: n, Key: "ingest.json_not_utf8"}}
	}
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
	f, err := ReadCSV(r)
	return f.Lines, err
}

// CSV is a CSV file as read: its rows, the headings it gave the fields,
// and the rows of the template's example that it still holds.
type CSV struct {
	Lines []Line
	// Headings are the columns' headings as the file writes them, by
	// field: "tidspunkt" or "occurred_at".
	Headings map[string]string
	// Examples are the numbers of the rows marked as an example (the
	// template's row whose number is "eksempel" or "example"): they are
	// skipped, not imported.
	Examples []int
}

// exampleIDs mark the template's example row in the id column.
var exampleIDs = []string{"eksempel", "example"}

// ReadCSV reads a CSV file as ParseCSV does. The headings may be the field
// names or the Danish headings (see Heading), in any mix.
func ReadCSV(r io.Reader) (CSV, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return CSV{}, err
	}
	lines, headings, examples, err := parseCSV(data)
	return CSV{Lines: lines, Headings: headings, Examples: examples}, err
}

func parseCSV(data []byte) ([]Line, map[string]string, []int, error) {
	if err := checkEncoding(data); err != nil {
		return nil, nil, nil, err
	}
	br := bufio.NewReader(bytes.NewReader(data))
	skipBOM(br)
	head, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, nil, nil, err
	}
	// The header is the first line that is not empty: encoding/csv skips
	// empty lines, and the separator must be seen in the header.
	first, _, _ := bytes.Cut(bytes.TrimLeft(head, "\r\n"), []byte("\n"))
	cr := csv.NewReader(br)
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, nil, &FileError{Line: 1, Key: "ingest.csv_empty"}
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		p := csvProblem(pe)
		return nil, nil, nil, &FileError{Line: p.Line, Key: p.Key, Args: p.Args}
	}
	if err != nil {
		return nil, nil, nil, err
	}
	headerLine, _ := cr.FieldPos(0)
	columns := make([]string, len(header))
	headings := map[string]string{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		f := fieldOf(h)
		if f == "" {
			return nil, nil, nil, &FileError{Line: headerLine, Key: "ingest.unknown_column", Args: []any{h, strings.Join(Fields, ", ")}}
		}
		if _, twice := headings[f]; twice {
			return nil, nil, nil, &FileError{Line: headerLine, Key: "ingest.column_twice", Args: []any{h}}
		}
		headings[f] = h
		columns[i] = f
	}
	var lines []Line
	var examples []int
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return lines, headings, examples, nil
		}
		if err != nil {
			if errors.As(err, &pe) {
				// The reader goes on at the next line: the rows after a
				// stray quote are read, not dropped unreported.
				p := csvProblem(pe)
				lines = append(lines, Line{N: p.Line, Problem: &p})
				continue
			}
			return lines, headings, examples, err
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
		if slices.Contains(exampleIDs, strings.ToLower(strings.TrimSpace(rec["id"]))) {
			examples = append(examples, line)
			continue
		}
		lines = append(lines, Line{N: line, Record: rec})
	}
}

// csvProblem names what encoding/csv could not read, in words a
// spreadsheet user can act on.
func csvProblem(pe *csv.ParseError) Problem {
	p := Problem{Line: pe.StartLine}
	switch {
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine:
		p.Key, p.Args = "ingest.csv_open_quote", []any{pe.StartLine, pe.Line}
	case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
		p.Key = "ingest.csv_quote"
	default:
		p.Key, p.Args = "ingest.bad_csv", []any{pe.Err.Error()}
	}
	return p
}

// checkEncoding refuses a file that is not UTF-8 as a whole, naming the
// encoding it most likely is and the row of its first foreign byte: rows
// that happen to be plain ASCII would otherwise be stored and the rest
// refused, and importing the corrected file again would count the rows
// without ids twice.
func checkEncoding(data []byte) error {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) ||
		(len(data) >= 2 && (data[0] == 0 || data[1] == 0)) {
		return &FileError{Line: 1, Key: "ingest.csv_utf16"}
	}
	if utf8.Valid(data) {
		return nil
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return &FileError{Line: 1 + bytes.Count(data[:i], []byte("\n")), Key: "ingest.csv_not_utf8"}
		}
		i += size
	}
	return nil
}

// skipBOM drops a byte order mark (Excel's "CSV UTF-8" writes one): it is
// no part of the first column or object.
func skipBOM(br *bufio.Reader) {
	if bom, _ := br.Peek(len("\ufeff")); string(bom) == "\ufeff" {
		br.Discard(len(bom))
	}
}

// FileError is a file that cannot be read at all: a CSV file that is empty,
// not UTF-8, or whose header cannot be read or names an unknown or repeated
// column, or NDJSON with a line too long to read. Key and Args are its
// message in the translation catalogue.
type FileError struct {
	Line int
	Key  string
	Args []any
}

func (e *FileError) Error() string {
	return fmt.Sprintf("row %d: %s", e.Line, locale.New(locale.English).T(e.Key, e.Args...))
}
