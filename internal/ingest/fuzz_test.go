package ingest_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/ingest"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The fuzz tests below check the package's promise — nothing accepted is
// ever dropped, nothing is counted twice, every problem is named by line
// and shown in Danish — on arbitrary input. The corpus found by fuzzing is
// kept in testdata/fuzz/<name>. Run one at a time (minimizing each new
// input for at most 5s keeps the fuzzer fuzzing):
//
//	go test ./internal/ingest -run '^$' -fuzz '^FuzzParseNDJSON$' -fuzztime 60s -fuzzminimizetime 5s -parallel 1
//	go test ./internal/ingest -run '^$' -fuzz '^FuzzParseCSV$' -fuzztime 60s -fuzzminimizetime 5s -parallel 1
//	go test ./internal/ingest -run '^$' -fuzz '^FuzzRoundTripCSV$' -fuzztime 60s -fuzzminimizetime 5s -parallel 1

// sampleNDJSON is the batch of TestNDJSON_EachLineAnInquiryOrItsProblems.
const sampleNDJSON = `{"id": "a1", "occurred_at": "2014-03-31T10:15:00+02:00", "channel": "phone", "type": "interaction", "direction": "inbound", "area": "23.05.10", "resolved_first_contact": true, "duration_seconds": 240}

{"occurred_at": "2014-03-31T10:20:00+02:00", "channel": "fax", "type": "interaction", "direction": "inbound", "area": "flytning"}
not json
{"occurred_at": "2014-03-31T10:20:00+02:00", "chanel": "phone"}
{"occurred_at": "yesterday", "channel": "phone", "type": "interaction", "direction": "inbound", "area": "flytning", "guided": "perhaps", "duration_seconds": 1.5}
{"occurred_at": "2099-01-01T00:00:00Z", "channel": "phone", "type": "transaction", "direction": "inbound", "area": "32.03.04", "assisted": true}
`

// FuzzParseNDJSON: the lines ParseNDJSON returns are exactly the input's
// non-blank lines, up to a line too long to read (which is the error); a
// line read as a record is the same record when written back as JSON; and
// Prepare accounts for every line (see checkPrepared).
func FuzzParseNDJSON(f *testing.F) {
	f.Add([]byte(sampleNDJSON))
	f.Add([]byte(strings.ReplaceAll(sampleNDJSON, "\n", "\r\n")))
	f.Add([]byte("\ufeff" + sampleNDJSON))
	f.Add([]byte(""))
	f.Add([]byte("\n \n\t\r\n"))
	f.Add([]byte(`{"id": "x", "occurred_at": "2014-03-31T08:00:00Z", "channel": "self_service", "type": "transaction", "direction": "inbound", "area": "sundhedskort", "assisted": true}`)) // no final newline
	f.Add([]byte("null\n[]\n[1]\n\"text\"\n42\n{}\n{\"id\": {\"x\": 1}}\n{\"guided\": [true]}\n"))
	f.Add([]byte("{\"id\": 1e400}\n{\"id\": -0, \"duration_seconds\": 1.50E+2}\n{\"id\": \"a\", \"id\": null}\n"))
	f.Add([]byte("{\"\\u0069d\": \"\\u00e6\\ud800\\n\", \"area\": \"\xff\xfe\"}\n{\"ID\": \"a\"}\n"))
	f.Add([]byte("{\"occurred_at\": \"2014-03-31T10:15:00+02:00\", \"channel\": \"%s%!d\", \"id\": \"%v\"}\n"))
	f.Add([]byte("{\"id\": \"" + strings.Repeat("x", 5000) + "\"}\n{}\n")) // lines at the limit: TestParse_LinesAtTheLimit
	s := dragoer(f)
	f.Fuzz(func(t *testing.T, data []byte) { checkNDJSON(t, s, data) })
}

// checkNDJSON checks FuzzParseNDJSON's properties on one input.
func checkNDJSON(t *testing.T, s *strategy.Strategy, data []byte) {
	t.Helper()
	lines, err := ingest.ParseNDJSON(bytes.NewReader(data))
	physical := physicalLines(data)
	stop := len(physical) + 1 // the first line too long to read, if any
	for i, l := range physical {
		if len(l) > ingest.MaxLineBytes || len(l) == ingest.MaxLineBytes && !bytes.HasSuffix(l, []byte("\n")) {
			stop = i + 1
			break
		}
	}
	switch {
	case stop <= len(physical) && err == nil:
		t.Fatalf("line %d of %d bytes was read", stop, len(physical[stop-1]))
	case stop <= len(physical) && !tooLongAt(err, stop):
		t.Fatalf("line %d is too long, but the error is %v", stop, err)
	case stop > len(physical) && err != nil:
		t.Fatalf("unexpected error: %v", err)
	}
	var want []int
	for i, l := range physical[:stop-1] {
		if len(bytes.TrimSpace(l)) > 0 {
			want = append(want, i+1)
		}
	}
	if got := lineNumbers(lines); !slices.Equal(got, want) {
		t.Fatalf("lines %v were read; the non-blank lines are %v", got, want)
	}
	// A JSON string of invalid UTF-8 grows to U+FFFD, 1 byte to 3.
	checkLines(t, lines, 3*len(data))
	for _, l := range lines {
		if l.Record == nil {
			continue
		}
		b, err := json.Marshal(l.Record)
		if err != nil {
			t.Fatal(err)
		}
		again := ingest.ParseJSON(b)
		if len(again) != 1 || again[0].Problem != nil || !maps.Equal(again[0].Record, l.Record) {
			t.Fatalf("line %d: %v written as %s is read back as %+v", l.N, l.Record, b, again)
		}
	}
	checkPrepared(t, s, lines)
}

// FuzzParseCSV: a file is refused as a whole (for its header) or every
// row after the header that is not blank is one line, a record or a
// problem; rows are numbered by the physical line they start on; and
// Prepare accounts for every line (see checkPrepared).
func FuzzParseCSV(f *testing.F) {
	example, err := os.ReadFile("../../docs/examples/inquiries.csv")
	if err != nil {
		f.Fatal(err)
	}
	const header = "occurred_at;channel;type;direction;area;resolved_first_contact;id\n"
	const row = "2014-03-31T10:15:00+02:00;phone;information;inbound;23.05.10;ja;r1\n"
	f.Add(example)
	f.Add(bytes.ReplaceAll(example, []byte(";"), []byte(",")))
	f.Add(bytes.ReplaceAll(example, []byte("\n"), []byte("\r\n")))
	f.Add([]byte("\ufeff" + header + row + "\n" +
		"2014-03-31T10:16:00+02:00;phone;information;inbound;99.99.99;nej;r2\n" +
		"2014-03-31T10:17:00+02:00;phone;information\n" + // wrong column count
		"\"2014-03-31T10:18:00+02:00\";\"in_person\";\"information\";\"inbound\";\"flytning\";\"\";\"r4\"\n"))
	f.Add([]byte(""))
	f.Add([]byte("\ufeff"))
	f.Add([]byte(header))
	f.Add([]byte(strings.TrimSuffix(header, "\n")))
	f.Add([]byte("\n\r\n" + header + row))                                                                           // blank lines before the header
	f.Add([]byte(header + row + " \n\t\r\n\r\n;\n\u00a0\n" + row))                                                   // blank and nearly blank rows
	f.Add([]byte(header + "\"2014-03-31T10:15:00+02:00\";phone;information;inbound;23.05.10;ja;\"r\n1\n\"\n" + row)) // a quoted field with newlines
	f.Add([]byte(header + "2014-03-31T10:15:00+02:00;phone;information;inbound;23.05.10;ja;" + strings.Repeat("x", 5000) + "\n" + row))
	f.Add([]byte(header + "a;b;c;d;e;f;g;h\n" + row))                                // too many columns
	f.Add([]byte("channel,area\n\"a\"b\",x\nphone,flytning\n"))                      // a bare quote, then a good row
	f.Add([]byte("channel,area\na\"b,x\nphone,flytning\n"))                          // a bare quote in an unquoted field
	f.Add([]byte("channel;area\n\"phone;flytning\nphone;flytning\n"))                // a quote never closed
	f.Add([]byte("channel;area\n\"phone\" ;flytning\r\nphone;\"flyt\r\nning\"\r\n")) // text after a closing quote
	f.Add([]byte("occurred_at,chanel\n"))
	f.Add([]byte("channel,channel\n"))
	f.Add([]byte("id\na,b\nc;d\n"))
	s := dragoer(f)
	f.Fuzz(func(t *testing.T, data []byte) { checkCSV(t, s, data) })
}

// checkCSV checks FuzzParseCSV's properties on one input.
func checkCSV(t *testing.T, s *strategy.Strategy, data []byte) {
	t.Helper()
	lines, err := ingest.ParseCSV(bytes.NewReader(data))
	if err != nil {
		// Only a file without a usable header is refused, and as a whole.
		var fe *ingest.FileError
		if len(lines) > 0 || !errors.As(err, &fe) || !locale.Has(fe.Key) {
			t.Fatalf("refused with %d lines: %v", len(lines), err)
		}
		return
	}
	checkLines(t, lines, len(data))
	got := lineNumbers(lines)
	physical := physicalLines(data)
	if len(got) > 0 && (got[0] < 2 || got[len(got)-1] > len(physical)) {
		t.Fatalf("rows %v in a file of %d lines", got, len(physical))
	}
	// encoding/csv, reading on after every error, says where rows
	// start; the separator is one of the two.
	if comma, semicolon := csvRows(data, ','), csvRows(data, ';'); !slices.Equal(got, comma) && !slices.Equal(got, semicolon) {
		t.Fatalf("rows %v were read; with commas the rows are %v, with semicolons %v", got, comma, semicolon)
	}
	// Without quotes a row is a physical line: every line after the
	// header that is not blank must be there.
	if !bytes.Contains(data, []byte(`"`)) {
		var want []int
		header := 0
		for i, l := range physical {
			switch {
			case len(bytes.TrimSpace(l)) == 0:
			case header == 0:
				header = i + 1
			default:
				want = append(want, i+1)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("rows %v were read; the non-blank lines after the header %d are %v", got, header, want)
		}
	}
	checkPrepared(t, s, lines)
}

// tooLongAt reports whether err says that line n is too long to read.
func tooLongAt(err error, n int) bool {
	var fe *ingest.FileError
	return errors.As(err, &fe) && fe.Key == "ingest.ndjson_too_long" && fe.Line == n &&
		slices.Equal(fe.Args, []any{n, ingest.MaxLineBytes})
}

// TestParse_LinesAtTheLimit checks the fuzz properties on lines around
// MaxLineBytes: inputs this large slow the fuzzer down too much to be
// seeds.
func TestParse_LinesAtTheLimit(t *testing.T) {
	s := dragoer(t)
	for _, n := range []int{ingest.MaxLineBytes - 2, ingest.MaxLineBytes - 1, ingest.MaxLineBytes, ingest.MaxLineBytes + 1} {
		for _, end := range []string{"\n", "\r\n", ""} {
			long := `{"id": "` + strings.Repeat("x", n-10) + `"}`
			checkNDJSON(t, s, []byte("{}\n"+long+end))
			checkNDJSON(t, s, []byte("{}\n"+long+end+"\n{}\n"))
			checkNDJSON(t, s, []byte(strings.Repeat(" ", n)+end+"{}"))
			checkCSV(t, s, []byte("id,channel\n"+strings.Repeat("x", n)+",phone"+end+"a,b\n"))
		}
	}
}

// FuzzRoundTripCSV writes fuzzed rows with encoding/csv — commas or
// semicolons, LF or CRLF, with or without a byte order mark and empty
// lines before the header — and checks that ParseCSV recognises the
// separator and reads back every row, as written, at the line it starts
// on. columns picks the columns from ingest.Fields by bit (bit 15 reverses
// their order); cells holds the values, separated by NUL.
func FuzzRoundTripCSV(f *testing.F) {
	f.Add(true, false, false, uint8(0), uint16(0x0fff), strings.Join([]string{
		"tlf-2014-0001", "2014-03-31T09:02:00+02:00", "phone", "interaction", "inbound", "28.09.40", "", "ja", "nej", "nej", "nej", "210",
		"skr-2014-0003", "2014-03-31T11:02:00+02:00", "in_person", "transaction", "inbound", "flytning", "", "nej", "nej", "nej", "ja", "600"}, "\x00"))
	f.Add(false, true, true, uint8(0), uint16(0x803e), "2014-03-31T09:02:00+02:00\x00phone\x00interaction\x00inbound\x0028.09.40")
	f.Add(true, true, false, uint8(0), uint16(0x0003), "a;b\x00c,d\x00\"e\"\x00f\ng\x00 h\x00i\r\nj\x00k\rl\x00\\.\x00\x00\x00")
	f.Add(false, false, true, uint8(0), uint16(0x0005), "\ufeffx\x00a\r\r\nb\x00\n\x00\r\x00#c\x00;\x00,")
	s := dragoer(f)
	f.Fuzz(func(t *testing.T, semicolon, crlf, bom bool, empty uint8, columns uint16, cells string) {
		var cols []string
		for i, name := range ingest.Fields {
			if columns&(1<<i) != 0 {
				cols = append(cols, name)
			}
		}
		if len(cols) < 2 {
			return // a header of one column has no separator to recognise
		}
		if columns&(1<<15) != 0 {
			slices.Reverse(cols)
		}
		var file bytes.Buffer
		if bom {
			file.WriteString("\ufeff")
		}
		for range empty % 4 {
			if crlf {
				file.WriteString("\r")
			}
			file.WriteString("\n")
		}
		w := csv.NewWriter(&file)
		if semicolon {
			w.Comma = ';'
		}
		w.UseCRLF = crlf
		w.Write(cols)
		w.Flush()
		var want []ingest.Line
		values := strings.Split(cells, "\x00")
		for len(values) > 0 && len(want) < 100 {
			row := make([]string, len(cols))
			n := copy(row, values)
			values = values[n:]
			line := bytes.Count(file.Bytes(), []byte("\n")) + 1
			if err := w.Write(row); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			rec := ingest.Record{}
			for i, v := range row {
				// encoding/csv reads a CRLF in a value back as LF;
				// with UseCRLF it writes no CR of a value at all.
				v = strings.ReplaceAll(v, "\r\n", "\n")
				if crlf {
					v = strings.ReplaceAll(v, "\r", "")
				}
				if v != "" {
					rec[cols[i]] = v
				}
			}
			want = append(want, ingest.Line{N: line, Record: rec})
		}
		data := file.Bytes()
		lines, err := ingest.ParseCSV(bytes.NewReader(data))
		if !utf8.Valid(data) {
			// A file that is not UTF-8 is refused whole, at the row of its
			// first foreign byte.
			var fe *ingest.FileError
			if !errors.As(err, &fe) || fe.Key != "ingest.csv_not_utf8" || len(lines) != 0 {
				t.Fatalf("%q is not UTF-8 but reads as %v, %v", data, lines, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("%q: %v", data, err)
		}
		if !slices.EqualFunc(lines, want, func(a, b ingest.Line) bool {
			return a.N == b.N && a.Problem == nil && maps.Equal(a.Record, b.Record)
		}) {
			t.Fatalf("%q is read as\n%v, not\n%v", data, lines, want)
		}
		checkPrepared(t, s, lines)
	})
}

// physicalLines splits data after each newline, as an editor numbers lines.
func physicalLines(data []byte) [][]byte {
	lines := bytes.SplitAfter(data, []byte("\n"))
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func lineNumbers(lines []ingest.Line) []int {
	var ns []int
	for _, l := range lines {
		ns = append(ns, l.N)
	}
	return ns
}

// csvRows lists the lines on which encoding/csv, reading data with the
// separator sep and going on after every error, starts a row after the
// header that is not blank (one field of white space).
func csvRows(data []byte, sep rune) []int {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sep
	r.FieldsPerRecord = -1
	if _, err := r.Read(); err != nil {
		return nil
	}
	var rows []int
	for {
		row, err := r.Read()
		var pe *csv.ParseError
		switch {
		case errors.Is(err, io.EOF):
			return rows
		case errors.As(err, &pe):
			rows = append(rows, pe.StartLine)
		case err != nil:
			panic(err) // a bytes.Reader does not fail
		case len(row) == 1 && strings.TrimSpace(row[0]) == "":
		default:
			line, _ := r.FieldPos(0)
			rows = append(rows, line)
		}
	}
}

// checkLines checks what a parser returned: each line is a record or a
// problem, never both or neither; line numbers increase; a record has
// only known fields, and all its values together are at most
// maxValueBytes long. (An empty value is kept from JSON, left out from
// CSV; both read as a missing field.)
func checkLines(t *testing.T, lines []ingest.Line, maxValueBytes int) {
	t.Helper()
	last, total := 0, 0
	for _, l := range lines {
		if (l.Problem == nil) == (l.Record == nil) {
			t.Fatalf("line %+v is not either a record or a problem", l)
		}
		if l.N <= last {
			t.Fatalf("line %d after line %d", l.N, last)
		}
		last = l.N
		if l.Problem != nil && l.Problem.Line != l.N {
			t.Fatalf("line %d has the problem of line %d", l.N, l.Problem.Line)
		}
		for k, v := range l.Record {
			if !slices.Contains(ingest.Fields, k) {
				t.Fatalf("line %d: record %v has the field %q = %q", l.N, l.Record, k, v)
			}
			total += len(v)
		}
	}
	if total > maxValueBytes {
		t.Fatalf("%d bytes of values from %d bytes of input", total, maxValueBytes)
	}
}

// textID is the id a problem names: the record's, unless it is not text
// that can be shown.
func textID(r ingest.Record) string {
	if inquiry.CheckText("id", r["id"]) != nil {
		return ""
	}
	return r["id"]
}

// checkPrepared runs Prepare and checks that it accounts for every line
// once. Prepare does not say which line an inquiry came from, but it keeps
// the order: the accepted inquiries must be, one for one and in order, the
// lines that no problem names. So with P the set of lines named by a
// problem, len(accepted) + |P| == len(lines), each problem names one of the
// lines, and the k-th inquiry carries the id, channel, type and direction
// of the k-th line outside P. Every problem must render in Danish.
func checkPrepared(t *testing.T, s *strategy.Strategy, lines []ingest.Line) {
	t.Helper()
	accepted, probs := ingest.Prepare(s, lines, ingest.Options{Source: "fuzz", Window: window})
	byN := map[int]ingest.Line{}
	for _, l := range lines {
		byN[l.N] = l
	}
	rejected := map[int]int{} // problems by line
	last := 0
	for _, p := range probs {
		l, ok := byN[p.Line]
		switch {
		case !ok:
			t.Fatalf("problem %v names no line", p)
		case p.Line < last:
			t.Fatalf("problem %v after one of line %d", p, last)
		case l.Record != nil && p.ID != textID(l.Record):
			t.Fatalf("problem %v does not name its record's id %q", p, l.Record["id"])
		case p.Field != "" && !slices.Contains(ingest.Fields, p.Field) && p.Key != "ingest.unknown_field":
			t.Fatalf("problem %v names a field that is not one", p)
		}
		last = p.Line
		rejected[p.Line]++
		if rejected[p.Line] > len(ingest.Fields) {
			t.Fatalf("line %d has more than %d problems", p.Line, len(ingest.Fields))
		}
		checkRenders(t, p)
	}
	k := 0
	for _, l := range lines {
		if rejected[l.N] > 0 {
			continue
		}
		if l.Problem != nil {
			t.Fatalf("line %d: %v is not reported", l.N, l.Problem)
		}
		if k == len(accepted) {
			t.Fatalf("line %d is neither accepted nor rejected: %v", l.N, l.Record)
		}
		in, r := accepted[k], l.Record
		if in.ExternalID != r["id"] || in.Channel != r["channel"] || in.Type != r["type"] || in.Direction != r["direction"] || in.Source != "fuzz" {
			t.Fatalf("inquiry %d, %+v, is not line %d, %v", k, in, l.N, r)
		}
		k++
	}
	if k != len(accepted) {
		t.Fatalf("%d inquiries from %d lines without problems", len(accepted), k)
	}
}

var danish = locale.New(locale.Danish)

// checkRenders checks that a problem's text exists and that its arguments
// fit it. fmt's complaints ("%!d(string=…)", "%!(EXTRA …)") depend on the
// arguments' number and types only, so the check renders with every text
// argument replaced: a reported value may itself contain "%!".
func checkRenders(t *testing.T, p ingest.Problem) {
	t.Helper()
	if !locale.Has(p.Key) {
		t.Fatalf("problem %v has no text", p)
	}
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		if _, ok := a.(string); ok {
			a = "x"
		}
		args[i] = a
	}
	if msg := danish.T(p.Key, args...); strings.Contains(msg, "%!") || len(args) == 0 && strings.Contains(msg, "%") {
		t.Fatalf("problem %v renders as %q", p, msg)
	}
	danish.T(p.Key, p.Args...) // what the user sees must not panic either
}
