package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// An answer page may have an English version ("English optional"): staff
// write it beside the Danish one, half of it is refused at its field, and
// the portal shows it to English readers; a page without one shows its
// Danish text to them, marked as Danish and saying so.
func TestAnswers_EnglishVersionForEnglishReaders(t *testing.T) {
	ts := newTestServer(t, true)
	staff := ts.client(t, dragoerStaff)

	r := ts.post(t, staff, "/m/dragoer/answers/flytning", url.Values{"title": {"Sådan melder du flytning"},
		"body": {"Meld flytning senest 5 dage efter."}, "title_en": {"How to report a move"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `<a href="#body_en">`) {
		t.Fatalf("an English title without its answer: %d, want 422 linking the English answer", r.status)
	}
	r = ts.post(t, staff, "/m/dragoer/answers/flytning", url.Values{"title": {"Sådan melder du flytning"},
		"body": {"Meld flytning senest 5 dage efter."}, "title_en": {"How to report a move"},
		"body_en": {"Report your move no later than 5 days after."}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("saving with English: %d", r.status)
	}
	saveAnswer(t, ts, staff, "pas", "Nyt pas", "Bestil pas i Borgerservice.")

	anon := ts.client(t, "")
	for _, c := range []struct {
		path       string
		want, none []string
	}{
		{"/borger/dragoer/svar/flytning?lang=en", []string{"<h1>How to report a move", "Report your move no later than 5 days after."},
			[]string{"Meld flytning", "only available in Danish"}},
		{"/borger/dragoer/svar/flytning?lang=da", []string{"<h1>Sådan melder du flytning", "Meld flytning senest 5 dage efter."},
			[]string{"How to report"}},
		{"/borger/dragoer/svar/pas?lang=en", []string{`<h1 lang="da">Nyt pas`, "This answer is only available in Danish.",
			`<div class="answer-text" lang="da">`}, nil},
	} {
		r := ts.get(t, anon, c.path)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", c.path, r.status)
		}
		for _, w := range c.want {
			if !strings.Contains(r.body, w) {
				t.Errorf("%s lacks %q", c.path, w)
			}
		}
		for _, n := range c.none {
			if strings.Contains(r.body, n) {
				t.Errorf("%s shows %q", c.path, n)
			}
		}
	}
	// The English words find the page too.
	if r := ts.get(t, anon, "/borger/dragoer/svar?q=report+move&lang=en"); !strings.Contains(r.body, "/borger/dragoer/svar/flytning") {
		t.Error("Find svar does not find the page by its English words")
	}
}
