package ingest_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/ingest"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// A file headed the Danish way, with the strategy's names and Danish
// dates, gives the same inquiries as the file headed with the API's field
// names and ids.
func TestCSV_DanishHeadingsNamesAndDatesReadAsTheFieldsAndIDs(t *testing.T) {
	danish := "Tidspunkt;Kanal;Henvendelsestype;Retning;Område;Afdeling;Straksafklaret;Varighed i sekunder;Nummer\n" +
		"31-03-2014 10:15;Telefon;Interaktion;til kommunen;Flytteanmeldelse;;ja;240;r1\n" +
		"31.03.2014 10:16:30;telefon;interaction;ind;23.05.10;;nej;;r2\n"
	english := "occurred_at,channel,type,direction,area,department,resolved_first_contact,duration_seconds,id\n" +
		"2014-03-31T10:15:00+02:00,phone,interaction,inbound,flytning,,true,240,r1\n" +
		"2014-03-31T08:16:30Z,phone,interaction,inbound,flytning,,false,,r2\n"
	s := dragoer(t)
	read := func(file string) []string {
		t.Helper()
		lines, err := ingest.ParseCSV(strings.NewReader(file))
		if err != nil {
			t.Fatal(err)
		}
		ins, probs := ingest.Prepare(s, lines, ingest.Options{Source: "import", Window: window, Spreadsheet: true})
		if len(probs) > 0 {
			t.Fatalf("problems: %v", probs)
		}
		var out []string
		for _, in := range ins {
			out = append(out, in.ExternalID+" "+in.OccurredAt.UTC().Format(time.RFC3339)+" "+in.Channel+" "+in.Type+" "+
				in.Direction+" "+in.Area+" "+in.Department+" "+map[bool]string{true: "resolved"}[in.ResolvedFirstContact])
		}
		return out
	}
	da, en := read(danish), read(english)
	want := []string{
		"r1 2014-03-31T08:15:00Z phone interaction inbound flytning borgerbutikken resolved",
		"r2 2014-03-31T08:16:30Z phone interaction inbound flytning borgerbutikken ",
	}
	if strings.Join(da, "|") != strings.Join(want, "|") || strings.Join(en, "|") != strings.Join(want, "|") {
		t.Errorf("Danish file:  %q\nEnglish file: %q\nwant         %q", da, en, want)
	}
	// The API keeps to its own format: no names, no dates without an offset.
	lines, _ := ingest.ParseCSV(strings.NewReader(danish))
	if _, probs := ingest.Prepare(s, lines, ingest.Options{Source: "api:x", Window: window}); len(probs) == 0 {
		t.Error("names and Danish dates were taken without Spreadsheet")
	}
}

// The template has every column with the language's heading and one row,
// which is skipped as an example; the same row without the mark is a
// valid inquiry.
func TestTemplate_HeadingsAndAnExampleThatIsSkipped(t *testing.T) {
	s := dragoer(t)
	for _, lang := range locale.Languages {
		l := locale.New(lang)
		file := string(ingest.Template(l, s))
		if !strings.HasPrefix(file, "\ufeff") {
			t.Errorf("%s: no byte order mark for Excel", lang)
		}
		head, _, _ := strings.Cut(strings.TrimPrefix(file, "\ufeff"), "\r\n")
		wantHead := map[string]string{
			locale.Danish:  "nummer;tidspunkt;kanal;henvendelsestype;retning;område;afdeling;straksafklaret;guidet til selvbetjening;medbetjening;fritaget;varighed i sekunder;henvist til",
			locale.English: "id;occurred_at;channel;type;direction;area;department;resolved_first_contact;guided;assisted;exempt;duration_seconds;referred_to",
		}[lang]
		if head != wantHead {
			t.Errorf("%s: headings %q, want %q", lang, head, wantHead)
		}
		f, err := ingest.ReadCSV(strings.NewReader(file))
		if err != nil || len(f.Lines) != 0 || len(f.Examples) != 1 || f.Examples[0] != 2 {
			t.Fatalf("%s: %+v %v; want the example row 2 skipped", lang, f, err)
		}
		unmarked := strings.Replace(file, "\r\n"+map[string]string{locale.Danish: "eksempel", locale.English: "example"}[lang]+";", "\r\nr1;", 1)
		lines, err := ingest.ParseCSV(strings.NewReader(unmarked))
		if err != nil || len(lines) != 1 {
			t.Fatalf("%s: %v %v", lang, lines, err)
		}
		ins, probs := ingest.Prepare(s, lines, ingest.Options{Source: "import", Window: window, Spreadsheet: true})
		if len(probs) > 0 || len(ins) != 1 || ins[0].Channel != "phone" || ins[0].Direction != strategy.Inbound {
			t.Errorf("%s: the example row as an inquiry: %+v %v", lang, ins, probs)
		}
	}
}

// An import's problems read as sentences with the row, the column as the
// file heads it, and the strategy's names: never an id, a catalogue key
// or an ISO date. Each expectation is written by hand.
func TestExplainer_NamesRowColumnAndTheStrategysWords(t *testing.T) {
	s := dragoer(t)
	file := "tidspunkt;kanal;henvendelsestype;retning;område;afdeling;medbetjening;varighed i sekunder\n" +
		"31-03-2014 10:15;fax;Information;ind;flytteanmeldelse;;;\n" +
		"i går;Telefon;Information;ind;flytteanmeldelse;;;\n" +
		"31-03-2014 10:15;Hjemmeside;Information;sidelæns;Flytteanmeldelse;;;\n" +
		"31-03-2014 10:15;Telefon;Information;ind;flytteanmeldelse;;ja;-5\n" +
		"01-04-1990 10:15;Telefon;Information;ind;flytteanmeldelse;ingen;;\n" +
		"31-03-2014 10:15;Telefon;Information;ind;\n"
	f, err := ingest.ReadCSV(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	_, probs := ingest.Prepare(s, f.Lines, ingest.Options{Source: "import", Window: window, Spreadsheet: true})
	e := ingest.Explainer{L: locale.New(locale.Danish), Strategy: s, Headings: f.Headings}
	var got []string
	for _, p := range probs {
		got = append(got, e.Problem(p))
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"Række 2, kolonnen »kanal«: »fax« er ikke en af kommunens kanaler. Skriv en af disse: Digital selvbetjening, Hjemmeside,",
		"Række 3, kolonnen »tidspunkt«: »i går« er ikke en dato med klokkeslæt. Skriv fx 31-03-2014 10:15.",
		"Række 4, kolonnen »retning«: »sidelæns« er ikke en retning. Skriv »til kommunen« eller »fra kommunen«.",
		"Række 5, kolonnen »medbetjening«: Medbetjening kan kun registreres på selvbetjening, ikke på »Telefon«.",
		"Række 5, kolonnen »varighed i sekunder«: Varigheden på -5 sekunder er negativ.",
		"Række 6, kolonnen »tidspunkt«: Tidspunktet 1. april 1990 kl. 10:15 ligger før 1. januar 2007",
		"Række 6, kolonnen »afdeling«: »ingen« er ikke en afdeling i strategien. Skriv en af disse: ",
		"Række 7: Rækken har 5 kolonner, men overskriften har 8.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in:\n%s", want, all)
		}
	}
	for _, bad := range []string{"phone", "inquiry.", "ingest.", "1990-04-01", "in_person", "borgerbutikken", "»Flytteanmeldelse« er ikke"} {
		if strings.Contains(all, bad) {
			t.Errorf("the problems show %q:\n%s", bad, all)
		}
	}
	// A column that is missing is named, in the reader's language.
	_, probs = ingest.Prepare(s, []ingest.Line{{N: 2, Record: ingest.Record{"occurred_at": "31-03-2014 10:15"}}},
		ingest.Options{Source: "import", Window: window, Spreadsheet: true})
	if msg := (ingest.Explainer{L: locale.New(locale.English), Strategy: s, Headings: map[string]string{"occurred_at": "tidspunkt"}}).Problem(probs[0]); !strings.Contains(msg, `Row 2, column "direction": The file has no column "direction", which must be filled in on every row.`) {
		t.Errorf("a missing column: %q", msg)
	}
	// An unknown heading names the headings to use.
	_, err = ingest.ReadCSV(strings.NewReader("tidspunkt;farve\n"))
	var fe *ingest.FileError
	if !errors.As(err, &fe) {
		t.Fatalf("unknown heading: %v", err)
	}
	if msg := e.File(fe); !strings.Contains(msg, "Række 1: Kolonnen »farve« kendes ikke. Kolonnerne kan hedde: nummer, tidspunkt, kanal,") {
		t.Errorf("unknown heading: %q", msg)
	}
}
