package strategy_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

func presetData(t *testing.T, id string) []byte {
	t.Helper()
	for _, p := range strategies.Presets() {
		if strings.Contains(p.Name, id) {
			return p.Data
		}
	}
	t.Fatalf("no preset %s", id)
	return nil
}

// edit reads a preset, applies change and loads the result as a file is
// loaded; it fails the test when the result does not load.
func edit(t *testing.T, id string, change func(d *strategy.Document)) (*strategy.Strategy, string) {
	t.Helper()
	d, err := strategy.ReadDocument(id+".yaml", presetData(t, id))
	if err != nil {
		t.Fatal(err)
	}
	change(d)
	data, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	s, err := strategy.Parse(id+".yaml", data)
	if err != nil {
		t.Fatalf("the edited document does not load: %v\n%s", err, data)
	}
	return s, string(data)
}

// Written out unedited, each preset loads as the same strategy: the form's
// round trip through the node tree loses nothing the loader reads.
func TestDocument_UneditedLoadsAsTheSameStrategy(t *testing.T) {
	for _, id := range []string{"dragoer", "taarnby"} {
		want := preset(t, id)
		got, _ := edit(t, id, func(*strategy.Document) {})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the document written out loads differently", id)
		}
	}
}

// Dragør's 2015 share changed from 50 to 55: the loaded strategy differs
// in that value only, and the comments elsewhere are still there.
func TestDocument_SetValueChangesOneValueAndKeepsTheComments(t *testing.T) {
	got, text := edit(t, "dragoer", func(d *strategy.Document) {
		if err := d.SetValue(strategy.Path{"targets", 0, "shares", "2015"}, "55"); err != nil {
			t.Fatal(err)
		}
	})
	want := preset(t, "dragoer")
	want.Targets[0].Shares[2015] = 55
	if !reflect.DeepEqual(got, want) {
		t.Errorf("shares %v, want 2015 at 55 and nothing else changed", got.Targets[0].Shares)
	}
	for _, comment := range []string{"# Dragør Kommune's channel strategy 2012–2015", `# "… sker gennem digital selvbetjening"`, "# the strategy names no waste area"} {
		if !strings.Contains(text, comment) {
			t.Errorf("the comment %q is lost", comment)
		}
	}
}

// A text that looks like a number stays a text; a number field's "30 %" is
// refused by the loader at its path, with the file's rule.
func TestDocument_TextStaysTextAndANumberIsTheLoadersToJudge(t *testing.T) {
	got, _ := edit(t, "dragoer", func(d *strategy.Document) {
		if err := d.SetText(strategy.Path{"areas", 0, "title"}, "2015"); err != nil {
			t.Fatal(err)
		}
	})
	if got.Areas[0].Title != "2015" {
		t.Errorf("title %q", got.Areas[0].Title)
	}
	d, err := strategy.ReadDocument("dragoer.yaml", presetData(t, "dragoer"))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SetValue(strategy.Path{"targets", 0, "shares", "2015"}, "30 %"); err != nil {
		t.Fatal(err)
	}
	data, _ := d.Bytes()
	_, err = strategy.Parse("form", data)
	var inv *strategy.Invalid
	if !errors.As(err, &inv) || len(inv.Problems) != 1 || inv.Problems[0].Rule != strategy.RuleNotNumber ||
		inv.Problems[0].Path.String() != "targets[0].shares.2015" {
		t.Errorf("got %v, want one not_number problem at targets[0].shares.2015", err)
	}
}

// A field missing on the way is added; a list entry past the end is not.
func TestDocument_SetAddsMissingFieldsButNoListEntries(t *testing.T) {
	got, _ := edit(t, "dragoer", func(d *strategy.Document) {
		if err := d.SetValue(strategy.Path{"targets", 0, "shares", "2013"}, "40"); err != nil {
			t.Fatal(err)
		}
	})
	if got.Targets[0].Shares[2013] != 40 {
		t.Errorf("shares %v, want 2013 added at 40", got.Targets[0].Shares)
	}
	d, _ := strategy.ReadDocument("dragoer.yaml", presetData(t, "dragoer"))
	if err := d.SetText(strategy.Path{"targets", 99, "text"}, "x"); !errors.Is(err, strategy.ErrNoSuchPath) {
		t.Errorf("setting target 99: %v, want ErrNoSuchPath", err)
	}
}

// Unmarking takes away the one marker that covered the value: a field of
// an area's examples, the list once empty, and for an area that is an
// example as a whole, every field but the one edited.
func TestDocument_UnmarkField(t *testing.T) {
	got, _ := edit(t, "dragoer", func(d *strategy.Document) {
		d.UnmarkField(strategy.Path{"areas", 0}, "search_words")
	})
	want := preset(t, "dragoer").Areas[0].Examples
	want = slices.DeleteFunc(slices.Clone(want), func(f string) bool { return f == "search_words" })
	if !slices.Equal(got.Areas[0].Examples, want) || got.Areas[0].IsExample("search_words") || !got.Areas[0].IsExample("kle") {
		t.Errorf("examples %v, want %v", got.Areas[0].Examples, want)
	}

	s := preset(t, "dragoer")
	waste := slices.IndexFunc(s.Areas, func(a strategy.Area) bool { return a.ID == "affald" })
	got, text := edit(t, "dragoer", func(d *strategy.Document) {
		d.UnmarkField(strategy.Path{"areas", waste}, "search_words")
	})
	a := got.Areas[waste]
	if a.Example || a.IsExample("search_words") || !a.IsExample("title") || !a.IsExample("kle") {
		t.Errorf("the waste area: example %v, examples %v; want every field an example but its search words", a.Example, a.Examples)
	}
	if strings.Contains(text, "example: true # the strategy names no waste area") {
		t.Error("the whole-area marker is still there")
	}

	got, _ = edit(t, "taarnby", func(d *strategy.Document) {
		for i := range preset(t, "taarnby").Targets {
			d.UnmarkField(strategy.Path{"targets", i}, "years")
			d.UnmarkField(strategy.Path{"targets", i}, "shares")
		}
	})
	for _, tg := range got.Targets {
		if tg.IsExample("years") || tg.IsExample("shares") {
			t.Errorf("target %s still has examples %v", tg.ID, tg.Examples)
		}
	}
}

// Delete leaves a field out; Append adds a list entry at the end.
func TestDocument_DeleteAndAppend(t *testing.T) {
	s := preset(t, "dragoer")
	ex := slices.IndexFunc(s.Prices.Entries, func(p strategy.Price) bool { return p.Example })
	got, _ := edit(t, "dragoer", func(d *strategy.Document) {
		d.Delete(strategy.Path{"prices", "entries", ex, "example"})
		hours := strategy.Path{"opening_hours", 0, "hours"}
		i, err := d.Append(hours, "from", "18:00", "to", "19:00")
		if err != nil {
			t.Fatal(err)
		}
		if err := d.SetStrings(hours.With(i, "days"), []string{"sat"}); err != nil {
			t.Fatal(err)
		}
	})
	if got.Prices.Entries[ex].Example {
		t.Error("the price's example marker is still there")
	}
	h := got.OpeningHours[0].Hours
	if len(h) != len(s.OpeningHours[0].Hours)+1 || h[len(h)-1].From != "18:00" || !slices.Equal(h[len(h)-1].Days, []string{"sat"}) {
		t.Errorf("hours %v, want a Saturday 18:00–19:00 added", h)
	}
}

// changedLines is the lines a unified diff of a and b removes and adds.
func changedLines(t *testing.T, a, b string) []string {
	t.Helper()
	diff, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{A: difflib.SplitLines(a), B: difflib.SplitLines(b)})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(diff, "\n") {
		if (strings.HasPrefix(l, "-") || strings.HasPrefix(l, "+")) && !strings.HasPrefix(l, "---") && !strings.HasPrefix(l, "+++") {
			out = append(out, l)
		}
	}
	return out
}

// A form's save keeps the file's layout: written out unedited, a preset is
// the file itself, blank lines and folded texts as they were; with one
// value changed, the line diff between the file and the save is that one
// line, wherever the value is (a number, a text, a folded text's field).
func TestDocument_BytesKeepsTheLayout(t *testing.T) {
	for _, tc := range []struct {
		preset   string
		path     strategy.Path
		value    string
		old, new string
	}{
		{"dragoer", strategy.Path{"targets", 0, "shares", "2015"}, "55", "      2015: 50", "      2015: 55"},
		{"dragoer", strategy.Path{"prices", "year"}, "2014", "  year: 2011", "  year: 2014"},
		{"taarnby", strategy.Path{"areas", 0, "response_days"}, "7", "    response_days: 5", "    response_days: 7"},
		{"taarnby", strategy.Path{"areas", 1, "title"}, "Sundhedskort", "    title: Udstedelse af sundhedskort", "    title: Sundhedskort"},
	} {
		original := string(presetData(t, tc.preset))
		d, err := strategy.ReadDocument(tc.preset+".yaml", []byte(original))
		if err != nil {
			t.Fatal(err)
		}
		unedited, err := d.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if string(unedited) != original {
			t.Errorf("%s written out unedited differs from the file: %v", tc.preset, changedLines(t, original, string(unedited)))
		}
		if tc.path[len(tc.path)-1] == "title" {
			err = d.SetText(tc.path, tc.value)
		} else {
			err = d.SetValue(tc.path, tc.value)
		}
		if err != nil {
			t.Fatal(err)
		}
		edited, err := d.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		sameLines(t, changedLines(t, original, string(edited)), []string{"-" + tc.old, "+" + tc.new})
	}
}

// An entry removed takes its lines and the blank lines before it; one
// added at the end of a list is set off as its neighbours are.
func TestDocument_BytesKeepsTheLayoutAroundEntries(t *testing.T) {
	original := string(presetData(t, "dragoer"))
	s := preset(t, "dragoer")
	d, err := strategy.ReadDocument("dragoer.yaml", []byte(original))
	if err != nil {
		t.Fatal(err)
	}
	last := len(s.Targets) - 1
	d.Delete(strategy.Path{"targets", last})
	if _, err := d.Append(strategy.Path{"targets"}, "id", "ny", "text", "Et nyt mål"); err != nil {
		t.Fatal(err)
	}
	edited, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	var added, removed []string
	for _, l := range changedLines(t, original, string(edited)) {
		if strings.HasPrefix(l, "+") {
			added = append(added, l)
		} else {
			removed = append(removed, l)
		}
	}
	sameLines(t, added, []string{"+  - id: ny", "+    text: Et nyt mål"})
	if len(removed) == 0 || removed[0] != "-  - id: "+s.Targets[last].ID {
		t.Errorf("removed %q, want the last target's lines from its id", removed)
	}
}

// A new entry's id is made from its name, Danish letters written out, and
// is never one in use.
func TestNewID(t *testing.T) {
	taken := func(id string) bool { return id == "faerdselsomraade" || id == "faerdselsomraade-2" || id == "omraade" }
	for _, tc := range []struct{ name, want string }{
		{"Færdselsområde", "faerdselsomraade-3"},
		{"Parkering & Vejen (P-skiver)", "parkering-vejen-p-skiver"},
		{"2015 – ØKONOMI", "omraade-2015-oekonomi"},
		{"…", "omraade-2"},
		{"Et meget langt navn på et område, der bliver ved og ved", "et-meget-langt-navn-paa-et-omraade-der"},
	} {
		if got := strategy.NewID(tc.name, "omraade", taken); got != tc.want {
			t.Errorf("NewID(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
