package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/kanaltest"
)

// "Give each area search words (synonyms) in the strategy, edited by the
// department" (issue 13): a department's manager edits the search words of
// the own department's areas — stored as the next version with who and
// why — and no other area's; front-line staff edit none; the strategy
// group any area's. The area page offers the form to those who may use it.
func TestSearchWords_EditedByTheDepartmentsManager(t *testing.T) {
	ts := newTestServer(t, true)
	manager := ts.client(t, dragoerManager) // Borgerbutikken's manager
	const own = "/m/dragoer/strategy/edit/areas/flytning/search-words"
	r := ts.saveForm(t, manager, own, func(f url.Values) {
		f.Set("f-areas-0-search_words", "adresse\r\nflytte\r\nny bolig")
		f.Set("reason", "Ordene borgerne bruger ved skranken")
	})
	if r.status != http.StatusSeeOther {
		t.Fatalf("the manager's save: %d\n%s", r.status, text(r.body))
	}
	cur := kanaltest.Current(t, ts.registry, "dragoer")
	if a, _ := cur.Strategy.Area("flytning"); !slices.Equal(a.SearchWords, []string{"adresse", "flytte", "ny bolig"}) {
		t.Errorf("search words %v", a.SearchWords)
	}
	notes, err := ts.registry.Notes(context.Background(), "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := notes[cur.ID]; !ok || n.By != dragoerManager || n.Reason != "Ordene borgerne bruger ved skranken" {
		t.Errorf("the new version's note: %+v, want the manager and the reason", notes[cur.ID])
	}
	if page := ts.get(t, manager, "/m/dragoer/areas/flytning"); !strings.Contains(page.body, `href="`+own+`"`) {
		t.Error("the area page does not offer its manager the search words form")
	}

	const other = "/m/dragoer/strategy/edit/areas/dagtilbud/search-words" // Børn og skole's
	if r := ts.get(t, manager, other); r.status != http.StatusForbidden {
		t.Errorf("another department's area: %d, want 403", r.status)
	}
	if r := ts.post(t, manager, other, url.Values{"version": {"2"}, "f-areas-0-search_words": {"vuggestue"}, "reason": {"x"}}); r.status != http.StatusForbidden {
		t.Errorf("saving another department's area: %d, want 403", r.status)
	}
	if page := ts.get(t, manager, "/m/dragoer/areas/dagtilbud"); strings.Contains(page.body, "/search-words") {
		t.Error("another department's area page offers the manager the form")
	}
	if r := ts.get(t, ts.client(t, dragoerStaff), own); r.status != http.StatusForbidden {
		t.Errorf("front-line staff: %d, want 403", r.status)
	}
	group := ts.client(t, dragoerGroup)
	r = ts.saveForm(t, group, other, func(f url.Values) {
		for k := range f {
			if strings.HasSuffix(k, "-search_words") {
				f.Set(k, "vuggestue\r\nbørnehave")
			}
		}
		f.Set("reason", "Strategigruppen")
	})
	if r.status != http.StatusSeeOther {
		t.Fatalf("the strategy group's save: %d\n%s", r.status, text(r.body))
	}
	if a, _ := kanaltest.Current(t, ts.registry, "dragoer").Strategy.Area("dagtilbud"); !slices.Equal(a.SearchWords, []string{"vuggestue", "børnehave"}) {
		t.Errorf("dagtilbud's search words %v", a.SearchWords)
	}
}
