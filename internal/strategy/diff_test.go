package strategy_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// changes writes a comparison as lines "path: old → new", by hand-readable
// expectations.
func changes(cs []strategy.Change) []string {
	var out []string
	for _, c := range cs {
		kind := map[strategy.ChangeKind]string{strategy.Changed: "", strategy.Added: "added ", strategy.Removed: "removed "}[c.Kind]
		out = append(out, fmt.Sprintf("%s%s: %q → %q", kind, c.Path, c.Old, c.New))
	}
	return out
}

func TestCompare_SameStrategyHasNoChanges(t *testing.T) {
	for _, id := range []string{"dragoer", "taarnby"} {
		if cs := strategy.Compare(preset(t, id), preset(t, id)); len(cs) != 0 {
			t.Errorf("%s: %v", id, changes(cs))
		}
	}
}

func TestCompare_NamesEachChangedValue(t *testing.T) {
	old, new := preset(t, "dragoer"), preset(t, "dragoer")
	new.Targets[0].Shares[2015] = 55
	new.Targets[0].Shares[2013] = 40
	new.Areas[0].SearchWords = append(slices.Clone(new.Areas[0].SearchWords), "flyt")
	ex := slices.IndexFunc(new.Prices.Entries, func(p strategy.Price) bool { return p.Example })
	new.Prices.Entries[ex].Example = false
	days := 10
	new.Areas[0].ResponseDays = &days
	new.Areas[0].Mandatory = nil
	sameLines(t, changes(strategy.Compare(old, new)), []string{
		`areas.flytning.mandatory_digital.law: "CPR-lovens § 12, stk. 3 (lov om overgang til obligatorisk digital selvbetjening, L 159 2011-12, bølge 1)" → ""`,
		`areas.flytning.mandatory_digital.since: "2012-12-01" → ""`,
		`areas.flytning.mandatory_digital.exemption_channel: "in_person" → ""`,
		`areas.flytning.mandatory_digital.wave: "1" → ""`,
		`areas.flytning.response_days: "5" → "10"`,
		`areas.flytning.search_words: "adresse, adresseændring, ny adresse, folkeregister" → "adresse, adresseændring, ny adresse, folkeregister, flyt"`,
		fmt.Sprintf(`prices.entries.%s.example: "true" → ""`, priceKey(old.Prices.Entries[ex])),
		`targets.digitale-henvendelser.shares.2013: "" → "40"`,
		`targets.digitale-henvendelser.shares.2015: "50" → "55"`,
	})
}

func priceKey(p strategy.Price) string {
	key := p.Channel + "|" + p.Type + "|"
	if p.SBLevel != nil {
		key += fmt.Sprint(*p.SBLevel)
	}
	return key
}

// Entries are matched by what names them: an area moved in the list is no
// change, one added or removed is one change with its label.
func TestCompare_MatchesEntriesByTheirIDs(t *testing.T) {
	old, new := preset(t, "dragoer"), preset(t, "dragoer")
	slices.Reverse(new.Areas)
	if cs := strategy.Compare(old, new); len(cs) != 0 {
		t.Errorf("reordered areas: %v", changes(cs))
	}
	gone := new.Areas[0]
	new.Areas = new.Areas[1:]
	added := strategy.Area{ID: "ny", KLE: "00.01", Title: "Nyt område"}
	new.Areas = append(new.Areas, added)
	got := changes(strategy.Compare(old, new))
	want := []string{
		fmt.Sprintf(`removed areas.%s: %q → ""`, gone.ID, strategy.AreaLabel(gone.KLE, gone.Title)),
		`added areas.ny: "" → "00.01 Nyt område"`,
	}
	sameLines(t, got, want)
	if c := strategy.Compare(old, new); !strings.Contains(fmt.Sprint(c[1].Path[1]), "ny") || c[1].Path[1].(strategy.Item).Label != "00.01 Nyt område" {
		t.Errorf("the added area's item is %#v", c[1].Path[1])
	}
}

// The line diff shows the one line changed, however the file loaded whole
// was laid out: both sides are written out alike first.
func TestLineDiff_ShowsOnlyTheChangedLines(t *testing.T) {
	old := presetData(t, "dragoer")
	new := []byte(strings.Replace(string(old), "      2015: 50\n", "      2015: 55\n", 1))
	diff, err := strategy.LineDiff("version 1", old, "version 2", new)
	if err != nil {
		t.Fatal(err)
	}
	var changed []string
	for _, l := range strings.Split(diff, "\n") {
		if (strings.HasPrefix(l, "-") || strings.HasPrefix(l, "+")) && !strings.HasPrefix(l, "---") && !strings.HasPrefix(l, "+++") {
			changed = append(changed, l)
		}
	}
	sameLines(t, changed, []string{"-      2015: 50", "+      2015: 55"})
	if !strings.HasPrefix(diff, "--- version 1\n+++ version 2\n") {
		t.Errorf("the diff begins %q", diff[:min(len(diff), 40)])
	}
}
