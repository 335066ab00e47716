package selfservice_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/selfservice"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

func presets(t *testing.T) []*strategy.Strategy {
	t.Helper()
	var out []*strategy.Strategy
	for _, p := range strategies.Presets() {
		s, err := strategy.Parse(p.Name, p.Data)
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		out = append(out, s)
	}
	if len(out) != 2 {
		t.Fatalf("want the Dragør and Tårnby presets, found %d", len(out))
	}
	return out
}

func example(t *testing.T, id string) *selfservice.Form {
	t.Helper()
	for _, f := range selfservice.Examples() {
		if f.ID == id {
			return f
		}
	}
	t.Fatalf("no example form %s", id)
	return nil
}

// Every file in forms/ loads (Examples leaves out one that does not), is
// marked as an example and says so at its top.
func TestExamples_LoadAndAreMarkedAsExamples(t *testing.T) {
	files, _ := filepath.Glob("forms/*.yaml")
	if len(files) != 3 {
		t.Fatalf("%d example files, want 3", len(files))
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := selfservice.Load(name, data)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if !f.Example {
			t.Errorf("%s: not marked example: true", name)
		}
		if !strings.HasPrefix(string(data), "# An example form that Kanal ships, not a municipality's own form") {
			t.Errorf("%s: does not begin with the comment that it is an example", name)
		}
	}
	var ids []string
	for _, f := range selfservice.Examples() {
		ids = append(ids, f.ID)
	}
	slices.Sort(ids)
	if want := []string{"byggeri-spoergsmaal", "dagtilbud", "sundhedskort"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("Examples() = %v, want %v", ids, want)
	}
}

// Every text a citizen reads has its English version.
func TestExamples_EveryTextHasEnglish(t *testing.T) {
	for _, f := range selfservice.Examples() {
		check := func(where, da, en string) {
			if da != "" && en == "" {
				t.Errorf("%s %s: %q has no English", f.ID, where, da)
			}
		}
		check("title", f.Title, f.TitleEN)
		check("intro", f.Intro, f.IntroEN)
		for _, s := range f.Steps {
			check(s.ID, s.Title, s.TitleEN)
			for _, fd := range s.Fields {
				check(fd.ID+" label", fd.Label, fd.LabelEN)
				check(fd.ID+" help", fd.Help, fd.HelpEN)
				for _, o := range fd.Options {
					check(fd.ID+" option "+o.Value, o.Label, o.LabelEN)
				}
			}
		}
	}
}

// Each example is offered in both presets: the strategy has an area with
// the form's KLE number that handles the form's inquiry type.
func TestExamples_OfferedInBothPresets(t *testing.T) {
	c := selfservice.NewCatalogue(selfservice.Examples())
	for _, s := range presets(t) {
		for _, f := range c.Forms() {
			got, area := c.ByID(s, f.ID)
			if got != f || area == nil || area.KLE != f.AreaKLE {
				t.Errorf("%s: ByID(%s) = %v, %v; want the form and area %s", s.Municipality.ID, f.ID, got, area, f.AreaKLE)
				continue
			}
			if got := c.For(s, area.ID); got != f {
				t.Errorf("%s: For(%s) = %v, want %s", s.Municipality.ID, area.ID, got, f.ID)
			}
			if got := c.For(s, f.AreaKLE); got != f {
				t.Errorf("%s: For(%s) = %v, want %s", s.Municipality.ID, f.AreaKLE, got, f.ID)
			}
		}
	}
}

func TestCatalogue_OffersAFormOnlyWhereTheAreaHandlesItsType(t *testing.T) {
	c := selfservice.NewCatalogue(selfservice.Examples())
	s := presets(t)[0]
	a, ok := s.Area("02.34.02")
	if !ok {
		t.Fatal("no area 02.34.02")
	}
	a.Types = []string{strategy.Transaction} // not information, the question form's type
	if f := c.For(s, "02.34.02"); f != nil {
		t.Errorf("For offers %s in an area that takes no information inquiries", f.ID)
	}
	if f, area := c.ByID(s, "byggeri-spoergsmaal"); f != nil || area != nil {
		t.Errorf("ByID offers %v in %v", f, area)
	}
	if f := c.For(s, "99.99.99"); f != nil {
		t.Errorf("For offers %s in an area the strategy does not have", f.ID)
	}
	if f, _ := c.ByID(presets(t)[1], "no-such-form"); f != nil {
		t.Errorf("ByID finds a form that does not exist")
	}
	var none *selfservice.Catalogue
	if none.For(s, "28.09.40") != nil || none.Forms() != nil {
		t.Error("a nil catalogue offers forms")
	}
}

// The forms ask for what the issue names, and a citizen can complete
// them: worked answers pass every step.
func TestExamples_DayCare(t *testing.T) {
	f := example(t, "dagtilbud")
	if f.AreaKLE != "28.09.40" || f.Type != strategy.Transaction || f.Login != selfservice.LoginRequired || len(f.Steps) != 3 {
		t.Fatalf("dagtilbud: %s %s %s, %d steps", f.AreaKLE, f.Type, f.Login, len(f.Steps))
	}
	prefilled(t, f, 0, map[string]string{"navn": "name", "adresse": "address", "cpr": "cpr"})
	if fd, _, _ := f.Field("barnets-cpr"); fd.Kind != selfservice.KindCPR || fd.Prefill != "" || !fd.Required {
		t.Errorf("the child's CPR number: %+v", fd)
	}
	if fd, _, _ := f.Field("start"); fd.Min != "today" || fd.Max != "today+730" {
		t.Errorf("start date bounds %q %q", fd.Min, fd.Max)
	}
	if fd, _, _ := f.Field("pladstype"); optionValues(fd) != "vuggestue boernehave dagpleje" || fd.Kind != selfservice.KindRadio {
		t.Errorf("kinds of place: %s %s", fd.Kind, optionValues(fd))
	}
	if fd, _, _ := f.Field("oensker"); fd.Kind != selfservice.KindTextarea || fd.Required {
		t.Errorf("wishes: %+v", fd)
	}
	if fd, step, _ := f.Field("samtykke"); fd.Kind != selfservice.KindCheckbox || !fd.Required || step != 2 {
		t.Errorf("consent: %+v on step %d", fd, step)
	}
	if fd, _, _ := f.Field("bilag"); !reflect.DeepEqual(fd.Accept, []string{"pdf", "jpg", "png"}) || fd.MaxBytes != 5<<20 || fd.MaxFiles != 3 || fd.Required {
		t.Errorf("attachment: %+v", fd)
	}
	today := civil.NewDate(2026, time.November, 30)
	complete(t, f, today, []selfservice.Answers{
		{"navn": "Ida Hansen", "adresse": "Kirkevej 1\n2791 Dragør", "cpr": "010190-1234"},
		{"barnets-navn": "Ella Hansen", "barnets-cpr": "150825-4321", "start": "2027-01-01", "pladstype": "vuggestue"},
		{"samtykke": "on"},
	})
	if f.CheckFile("bilag", "Udtalelse.PDF", 2<<20) != nil || f.CheckFile("bilag", "udtalelse.docx", 1000) == nil {
		t.Error("the attachment takes a pdf and refuses a docx")
	}
}

func TestExamples_HealthCard(t *testing.T) {
	f := example(t, "sundhedskort")
	if f.AreaKLE != "29.03.04" || f.Type != strategy.Transaction || f.Login != selfservice.LoginRequired || len(f.Steps) != 2 {
		t.Fatalf("sundhedskort: %s %s %s, %d steps", f.AreaKLE, f.Type, f.Login, len(f.Steps))
	}
	prefilled(t, f, 0, map[string]string{"navn": "name", "adresse": "address", "cpr": "cpr"})
	if fd, _, _ := f.Field("aarsag"); optionValues(fd) != "mistet beskadiget nyt-navn andet" || !fd.Required {
		t.Errorf("reasons: %s", optionValues(fd))
	}
	complete(t, f, civil.NewDate(2026, time.November, 30), []selfservice.Answers{
		{"navn": "Ida Hansen", "adresse": "Kirkevej 1\n2791 Dragør", "cpr": "010190-1234"},
		{"aarsag": "mistet"},
	})
}

func TestExamples_BuildingQuestion(t *testing.T) {
	f := example(t, "byggeri-spoergsmaal")
	if f.AreaKLE != "02.34.02" || f.Type != strategy.Information || f.Login != selfservice.LoginNone {
		t.Fatalf("byggeri: %s %s %s", f.AreaKLE, f.Type, f.Login)
	}
	prefilled(t, f, -1, nil)
	for _, id := range []string{"email", "telefon"} {
		if fd, _, _ := f.Field(id); fd.Required || fd.Help == "" {
			t.Errorf("%s: want optional with help text, got %+v", id, fd)
		}
	}
	if fd, _, _ := f.Field("tegninger"); !reflect.DeepEqual(fd.Accept, []string{"pdf"}) || fd.MaxBytes != 10<<20 || fd.MaxFiles != 5 || fd.Required {
		t.Errorf("drawings: %+v", fd)
	}
	complete(t, f, civil.NewDate(2026, time.November, 30), []selfservice.Answers{
		{"ejendom": "Kirkevej 1, 2791 Dragør", "spoergsmaal": "Skal jeg søge om tilladelse til en carport på 30 m²?"},
		{"telefon": "+45 32 12 34 56"},
	})
}

// prefilled checks that exactly the fields in want (id → prefill) are
// prefilled, all on the given step.
func prefilled(t *testing.T, f *selfservice.Form, step int, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for i, s := range f.Steps {
		for _, fd := range s.Fields {
			if fd.Prefill != "" {
				got[fd.ID] = fd.Prefill
				if i != step {
					t.Errorf("%s: %s is prefilled on step %d, want %d", f.ID, fd.ID, i, step)
				}
			}
		}
	}
	if len(want) == 0 && len(got) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: prefilled %v, want %v", f.ID, got, want)
	}
}

// complete checks that the answers pass every step, and that leaving out
// any one required answer fails its step.
func complete(t *testing.T, f *selfservice.Form, today civil.Date, steps []selfservice.Answers) {
	t.Helper()
	if len(steps) != len(f.Steps) {
		t.Fatalf("%s: answers for %d steps, the form has %d", f.ID, len(steps), len(f.Steps))
	}
	for i, a := range steps {
		if errs := f.CheckStep(i, a, today); errs != nil {
			t.Errorf("%s step %d: %+v", f.ID, i, errs)
		}
		for _, fd := range f.Steps[i].Fields {
			if !fd.Required || fd.Kind == selfservice.KindFile {
				continue
			}
			without := selfservice.Answers{}
			for k, v := range a {
				if k != fd.ID {
					without[k] = v
				}
			}
			if errs := f.CheckStep(i, without, today); len(errs) != 1 || errs[0].Field != fd.ID {
				t.Errorf("%s step %d without %s: %+v", f.ID, i, fd.ID, errs)
			}
		}
	}
}

func optionValues(fd *selfservice.Field) string {
	var v []string
	for _, o := range fd.Options {
		v = append(v, o.Value)
	}
	return strings.Join(v, " ")
}
