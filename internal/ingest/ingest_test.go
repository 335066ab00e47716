package ingest_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/ingest"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

func dragoer(t testing.TB) *strategy.Strategy {
	t.Helper()
	p, err := strategies.Parsed()
	if err != nil {
		t.Fatal(err)
	}
	return p["dragoer"]
}

var now = time.Date(2014, 3, 31, 12, 0, 0, 0, time.UTC)

// window is the recorder's window on the day above: from 1 January 2007
// (Dragør's strategy starts in 2012) to five minutes after now.
var window = inquiry.Window{From: time.Date(2007, 1, 1, 0, 0, 0, 0, strategy.Location), To: now.Add(inquiry.MaxFuture)}

func TestNDJSON_EachLineAnInquiryOrItsProblems(t *testing.T) {
	body := `{"id": "a1", "occurred_at": "2014-03-31T10:15:00+02:00", "channel": "phone", "type": "interaction", "direction": "inbound", "area": "23.05.10", "resolved_first_contact": true, "duration_seconds": 240}

{"occurred_at": "2014-03-31T10:20:00+02:00", "channel": "fax", "type": "interaction", "direction": "inbound", "area": "flytning"}
not json
{"occurred_at": "2014-03-31T10:20:00+02:00", "chanel": "phone"}
{"occurred_at": "yesterday", "channel": "phone", "type": "interaction", "direction": "inbound", "area": "flytning", "guided": "perhaps", "duration_seconds": 1.5}
{"occurred_at": "2099-01-01T00:00:00Z", "channel": "phone", "type": "transaction", "direction": "inbound", "area": "32.03.04", "assisted": true}
`
	lines, err := ingest.ParseNDJSON(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	ins, probs := ingest.Prepare(dragoer(t), lines, ingest.Options{Source: "api:test", Window: window})
	if len(ins) != 1 || ins[0].ExternalID != "a1" || ins[0].Area != "flytning" || !ins[0].ResolvedFirstContact || *ins[0].DurationSeconds != 240 {
		t.Fatalf("accepted %+v", ins)
	}
	want := map[string]bool{
		"3/channel": true, "4/": true, "5/chanel": true,
		"6/occurred_at": true, "6/guided": true, "6/duration_seconds": true,
		"7/occurred_at": true,
	}
	got := map[string]bool{}
	for _, p := range probs {
		got[strconv.Itoa(p.Line)+"/"+p.Field] = true
		if msg := locale.New("da").T(p.Key, p.Args...); strings.Contains(msg, "%!") || msg == p.Key {
			t.Errorf("problem %v renders badly: %q", p, msg)
		}
	}
	for k := range want {
		if !got[k] {
			t.Errorf("no problem at line/field %s; got %v", k, probs)
		}
	}
}

func TestJSON_OneObject(t *testing.T) {
	lines := ingest.ParseJSON([]byte(`{
		"occurred_at": "2014-03-31T08:00:00Z", "channel": "self_service", "type": "transaction",
		"direction": "inbound", "area": "sundhedskort", "assisted": true}`))
	ins, probs := ingest.Prepare(dragoer(t), lines, ingest.Options{Source: "api:test", Window: window})
	if len(probs) != 0 || len(ins) != 1 || !ins[0].Assisted || ins[0].Department != "borgerbutikken" {
		t.Errorf("%+v %v", ins, probs)
	}
}

func TestCSV_SemicolonsRowNumbersAndDanishFlags(t *testing.T) {
	file := "\ufeffoccurred_at;channel;type;direction;area;resolved_first_contact;id\n" +
		"2014-03-31T10:15:00+02:00;phone;information;inbound;23.05.10;ja;r1\n" +
		"\n" +
		"2014-03-31T10:16:00+02:00;phone;information;inbound;99.99.99;nej;r2\n" +
		"2014-03-31T10:17:00+02:00;phone;information\n" +
		"\"2014-03-31T10:18:00+02:00\";\"in_person\";\"information\";\"inbound\";\"flytning\";\"\";\"r4\"\n"
	lines, err := ingest.ParseCSV(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	ins, probs := ingest.Prepare(dragoer(t), lines, ingest.Options{Source: "import", Window: window})
	if len(ins) != 2 || !ins[0].ResolvedFirstContact || ins[1].ExternalID != "r4" {
		t.Errorf("accepted %+v", ins)
	}
	if len(probs) != 2 || probs[0].Line != 4 || probs[0].Field != "area" || probs[1].Line != 5 || probs[1].Key != "ingest.column_count" {
		t.Errorf("problems %v", probs)
	}
}

func TestCSV_HeaderProblemsStopTheFile(t *testing.T) {
	for _, file := range []string{"", "occurred_at,chanel\n", "channel,channel\n"} {
		_, err := ingest.ParseCSV(strings.NewReader(file))
		var fe *ingest.FileError
		if !errors.As(err, &fe) || fe.Line != 1 {
			t.Errorf("%q: %v", file, err)
		}
	}
}

func TestCSV_QuoteProblemsNameTheRowsAndReadOn(t *testing.T) {
	file := "id;occurred_at;channel;type;direction;area\n" +
		"r1;2014-03-31T09:02:00+02:00;phone;interaction;inbound;28.09.40\n" +
		"r2 24\" skærm;2014-03-31T09:05:00+02:00;phone;information;inbound;23.05.10\n" +
		"r3;2014-03-31T10:12:00+02:00;self_service;transaction;inbound;23.05.10\n" +
		"\"r4;2014-03-31T10:12:00+02:00;self_service;transaction;inbound;23.05.10\n" +
		"r5;2014-03-31T10:12:00+02:00;self_service;transaction;inbound;23.05.10\"x\n" +
		"r6;2014-03-31T10:12:00+02:00;self_service;transaction;inbound;23.05.10\n"
	lines, err := ingest.ParseCSV(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range lines {
		if l.Problem != nil {
			got = append(got, locale.New("da").T(l.Problem.Key, l.Problem.Args...))
		} else {
			got = append(got, l.Record["id"])
		}
	}
	want := []string{"r1", "Et anførselstegn", "r3", "række 5–6 er læst som én værdi", "r6"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("line %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestNDJSON_ByteOrderMark(t *testing.T) {
	lines, err := ingest.ParseNDJSON(strings.NewReader("\ufeff{\"id\": \"a\"}\n"))
	if err != nil || len(lines) != 1 || lines[0].Record["id"] != "a" {
		t.Errorf("%+v %v", lines, err)
	}
}

// A file that is not UTF-8 is refused whole, at the row of its first
// foreign byte, with the encoding it most likely is.
func TestCSV_NotUTF8IsRefusedWithTheEncodingToSaveIn(t *testing.T) {
	for _, c := range []struct {
		file string
		line int
		key  string
	}{
		{"id;area\nr1;flytning\nr2;b\xf8rn\nr3;\xe6ldre\n", 3, "ingest.csv_not_utf8"},
		{"id;omr\xe5de\n", 1, "ingest.csv_not_utf8"},
		{"\xff\xfei\x00d\x00\n\x00", 1, "ingest.csv_utf16"},
		{"\xfe\xff\x00i\x00d\x00\n", 1, "ingest.csv_utf16"},
		{"i\x00d\x00;\x00", 1, "ingest.csv_utf16"}, // UTF-16 without a byte order mark
	} {
		lines, err := ingest.ParseCSV(strings.NewReader(c.file))
		var fe *ingest.FileError
		if !errors.As(err, &fe) || fe.Line != c.line || fe.Key != c.key || len(lines) != 0 {
			t.Errorf("%q: %v %v, want %s at row %d", c.file, lines, err, c.key, c.line)
		}
	}
}

// JSON that is not UTF-8 is named by its line rather than read with
// U+FFFD in place of what was sent.
func TestNDJSON_ALineThatIsNotUTF8IsNamed(t *testing.T) {
	body := `{"id": "ok", "occurred_at": "2014-03-31T10:15:00+02:00", "channel": "phone", "type": "information", "direction": "inbound", "area": "flytning"}` + "\n" +
		"{\"id\": \"s\xf8g\", \"occurred_at\": \"2014-03-31T10:15:00+02:00\", \"channel\": \"phone\", \"type\": \"information\", \"direction\": \"inbound\", \"area\": \"flytning\"}\n"
	lines, err := ingest.ParseNDJSON(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	ins, probs := ingest.Prepare(dragoer(t), lines, ingest.Options{Source: "api:test", Window: window})
	if len(ins) != 1 || ins[0].ExternalID != "ok" || len(probs) != 1 || probs[0].Line != 2 || probs[0].Key != "ingest.json_not_utf8" {
		t.Errorf("%+v %v", ins, probs)
	}
}
