package strategy_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

func emneplan(t *testing.T) *strategy.Emneplan {
	t.Helper()
	f, err := os.Open("testdata/kle-emneplan-excerpt.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	plan, err := strategy.ReadEmneplan(f)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// The reader takes numbers and titles from all three levels of the plan,
// and the date a number went out of use.
func TestReadEmneplan_AllLevels(t *testing.T) {
	plan := emneplan(t)
	if plan.Published != "2016-01-01" || plan.Len() != 6 {
		t.Errorf("published %q with %d numbers, want 2016-01-01 with 6 (23, 23.05, 23.05.04, 23.05.10, 23.09, 23.09.02)", plan.Published, plan.Len())
	}
	for number, title := range map[string]string{"23": "Testhovedgruppe", "23.05": "Testgruppe", "23.05.10": "Anmeldelse af   flytning"} {
		if s, ok := plan.Subject(number); !ok || s.Title != title {
			t.Errorf("%s = %+v, want title %q", number, s, title)
		}
	}
	if s, _ := plan.Subject("23.09.02"); s.Expired != "2014-01-01" {
		t.Errorf("23.09.02 expired %q, want 2014-01-01", s.Expired)
	}
}

func TestReadEmneplan_RefusesOtherFiles(t *testing.T) {
	for name, doc := range map[string]string{
		"another root":   `<Emneplan><Hovedgruppe><HovedgruppeNr>23</HovedgruppeNr></Hovedgruppe></Emneplan>`,
		"no numbers":     `<KLE-Emneplan><UdgivelsesDato>2016-01-01</UdgivelsesDato></KLE-Emneplan>`,
		"not XML":        `municipality: {id: x}`,
		"unknown coding": `<?xml version="1.0" encoding="EBCDIC"?><KLE-Emneplan/>`,
	} {
		if _, err := strategy.ReadEmneplan(strings.NewReader(doc)); err == nil {
			t.Errorf("%s: read as an emneplan", name)
		}
	}
}

// An emneplan saved as ISO-8859-1 reads as well; ø is the byte 0xF8.
func TestReadEmneplan_Latin1(t *testing.T) {
	doc := []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><KLE-Emneplan><Hovedgruppe><HovedgruppeNr>02</HovedgruppeNr><HovedgruppeTitel>Byggeri og bolig\xf8</HovedgruppeTitel></Hovedgruppe></KLE-Emneplan>")
	plan, err := strategy.ReadEmneplan(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := plan.Subject("02"); s.Title != "Byggeri og boligø" {
		t.Errorf("title %q", s.Title)
	}
}

// Every area's KLE number must be in the plan (an error otherwise, at the
// number's file:line:col); a title other than the plan's, or a number gone
// out of use, is a warning. Expectations by hand from minimal.yaml (lines
// 81 and 100 hold the two KLE numbers, 82 and 101 the titles) and the
// fixture's comment.
func TestCheckKLE_NumbersTitlesAndExpiry(t *testing.T) {
	data := []byte(minimal(t))
	s, err := strategy.Parse("minimal.yaml", data)
	if err != nil {
		t.Fatal(describe(err))
	}
	var got []string
	for _, p := range strategy.CheckKLE("minimal.yaml", data, s, emneplan(t)) {
		got = append(got, p.Location()+": "+locale.New(locale.English).T(p.Rule, p.Args...)+warn(p.Warning))
	}
	sameLines(t, got, []string{
		`minimal.yaml:82:12: warning: the title "Flytteanmeldelse" is not the subject plan's title for 23.05.10, which is "Anmeldelse af   flytning" (warning)`,
		`minimal.yaml:100:10: warning: the KLE number 23.09.02 has gone out of the subject plan (2014-01-01) (warning)`,
	})

	// A number not in the plan is an error; "PAS" and "Pas" are the same
	// title, so no title warning there.
	doc := strings.Replace(minimal(t), `kle: "23.09.02"`, `kle: "99.99.99"`, 1)
	s, err = strategy.Parse("other.yaml", []byte(doc))
	if err != nil {
		t.Fatal(describe(err))
	}
	got = got[:0]
	for _, p := range strategy.CheckKLE("other.yaml", []byte(doc), s, emneplan(t)) {
		got = append(got, p.Location()+": "+locale.New(locale.Danish).T(p.Rule, p.Args...)+warn(p.Warning))
	}
	sameLines(t, got, []string{
		`other.yaml:82:12: advarsel: titlen "Flytteanmeldelse" er ikke emneplanens titel for 23.05.10, som er "Anmeldelse af   flytning" (warning)`,
		`other.yaml:100:10: KLE-nummeret "99.99.99" findes ikke i KL's KLE-emneplan (udgivet 2016-01-01)`,
	})
}

func warn(w bool) string {
	if w {
		return " (warning)"
	}
	return ""
}
