package strategy_test

import (
	"slices"
	"testing"

	"github.com/kanal-dk/kanal/internal/strategy"
)

func areaIDs(as []*strategy.Area) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

// The words people say at the counter find the area by its search words —
// the words of issue 13 that found nothing by title: "skrald", "adresse",
// "gult kort", "børnehave", "vuggestue" — in any case and spelled with ae,
// oe, aa; every word of the query must be found.
func TestFindAreas_BySearchWords(t *testing.T) {
	for _, id := range []string{"dragoer", "taarnby"} {
		s := preset(t, id)
		for q, want := range map[string]string{
			"skrald": "affald", "Storskrald": "affald", "adresse": "flytning", "gult kort": "sundhedskort",
			"GULE KORT": "sundhedskort", "børnehave": "dagtilbud", "boernehave": "dagtilbud", "vuggestue": "dagtilbud",
			"boligstøtte": "boligydelse", "ved ikke": "andet",
		} {
			if got := areaIDs(s.FindAreas(q)); !slices.Contains(got, want) {
				t.Errorf("%s: %q finds %v, want %s among them", id, q, got, want)
			}
		}
		// "gult" and "kort" are both needed: "blåt kort" is the EU card's.
		if got := areaIDs(s.FindAreas("gult kort")); len(got) != 1 {
			t.Errorf("%s: \"gult kort\" finds %v, want the health card alone", id, got)
		}
		if got := s.FindAreas("skrald kørekort"); len(got) != 0 {
			t.Errorf("%s: two words of two areas find %v", id, areaIDs(got))
		}
	}
}

// An area found by its number, title or id comes before one found only by a
// search word, so that Enter (the first) chooses the likeliest: in Tårnby
// "adresse" is in the title of Navne- og adressebeskyttelse and a search
// word of Flytteanmeldelse and of Bopælsattest, which come before it in the
// strategy.
func TestFindAreas_TitleBeforeSearchWord(t *testing.T) {
	s := preset(t, "taarnby")
	got := areaIDs(s.FindAreas("adresse"))
	want := []string{"adressebeskyttelse", "flytning", "bopaelsattest"}
	if !slices.Equal(got, want) {
		t.Errorf("\"adresse\" finds %v, want %v", got, want)
	}
}

// Every preset has one area for what no area fits, Kanal's own: marked as
// an example (the strategies name none), without a KLE number, and not
// found by an empty reference.
func TestPresets_HaveOneOtherArea(t *testing.T) {
	for _, id := range []string{"dragoer", "taarnby"} {
		s := preset(t, id)
		a, ok := s.OtherArea()
		if !ok || a.ID != "andet" || !a.Example || a.KLE != "" || a.Title != "Andet / ukendt område" {
			t.Fatalf("%s: the other area is %+v (%v)", id, a, ok)
		}
		if got, ok := s.Area(""); ok {
			t.Errorf("%s: the empty reference finds %s", id, got.ID)
		}
		if len(a.Types) != len(s.Types()) {
			t.Errorf("%s: the other area handles %v, want every type %v", id, a.Types, s.Types())
		}
		for i := range s.Areas {
			if b := &s.Areas[i]; len(b.SearchWords) == 0 || !b.IsExample("search_words") {
				t.Errorf("%s: %s has search words %v, example=%v", id, b.ID, b.SearchWords, b.IsExample("search_words"))
			}
		}
	}
}
