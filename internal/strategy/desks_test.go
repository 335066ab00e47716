package strategy_test

import (
	"testing"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// The desks are the staffed inbound channels at the locations of the
// opening hours, once each; a strategy without opening hours gets the
// phone and personal attendance.
func TestDesks_StaffedChannelsAtTheirLocations(t *testing.T) {
	s := preset(t, "dragoer")
	got := s.Desks()
	want := []strategy.Desk{
		{Key: "in_person|Rådhuset, Borgerbutikken", Channel: strategy.InPerson},
		{Key: "phone|Rådhuset, omstillingen", Channel: strategy.Phone},
	}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i].Key != want[i].Key || got[i].Channel != want[i].Channel || got[i].Label == "" {
			t.Errorf("desk %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	s.OpeningHours = nil
	got = s.Desks()
	if len(got) != 2 || got[0].Key != strategy.Phone || got[1].Key != strategy.InPerson {
		t.Errorf("without opening hours: %+v", got)
	}
}

// An area is found by a word of its title or id in any case, with æ, ø, å
// typed as ae, oe, aa, or by the start of its KLE number.
func TestFindAreas_ByWordOrKLE(t *testing.T) {
	s := preset(t, "dragoer")
	ids := func(as []*strategy.Area) map[string]bool {
		out := map[string]bool{}
		for _, a := range as {
			out[a.KLE] = true
		}
		return out
	}
	for q, kle := range map[string]string{
		"flyt": "23.05.10", "FLYTTE": "23.05.10", " 23.05": "23.05.10",
		"kørekort": "23.09.04", "koerekort": "23.09.04", "28.09": "28.09.40", "dagtilbud": "28.09.40",
	} {
		if got := ids(s.FindAreas(q)); !got[kle] {
			t.Errorf("%q does not find %s: %v", q, kle, got)
		}
	}
	if got := s.FindAreas("ingen sådan ting"); len(got) != 0 {
		t.Errorf("found %d areas for nonsense", len(got))
	}
	if got := s.FindAreas(""); len(got) != len(s.Areas) {
		t.Errorf("the empty query finds %d of %d", len(got), len(s.Areas))
	}
	if got := s.FindAreas("05.10"); len(got) != 0 {
		t.Errorf("the middle of a KLE number finds %d areas", len(got))
	}
}

// An area is named by its KLE number and title; the area for what no
// other area covers has no number and is named by its title alone, with
// no space before it.
func TestAreaLabel_NumberAndTitleOrTitleAlone(t *testing.T) {
	if got := strategy.AreaLabel("23.05.10", "Flytteanmeldelse"); got != "23.05.10 Flytteanmeldelse" {
		t.Errorf("%q", got)
	}
	if got := strategy.AreaLabel("", "Andet / ukendt område"); got != "Andet / ukendt område" {
		t.Errorf("%q", got)
	}
}
