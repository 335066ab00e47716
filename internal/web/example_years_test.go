package web

import (
	"net/http"
	"strings"
	"testing"
)

// Tårnby's text gives its target without a year: "forventeligt ca. 80% af
// ansøgninger og anmeldelser - skal kunne kommunikere digitalt". The
// preset's 2018 is an example, and every page that shows the year says so;
// Dragør's years are its own ("30 % ... i 2012 ... 50 % ... i 2015").
func TestFigures_ATargetYearTheStrategyDoesNotStateIsMarked(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "taarnby", 2016, 2018, 0.01)
	ts.seed(t, "dragoer", 2014, 2015, 0.01)
	const mark = "2018 (eksempel – strategien angiver intet år)"
	c := ts.client(t, taarnbyGroup)
	if r := ts.get(t, c, "/m/taarnby/figures?year=2018"); r.status != http.StatusOK || !strings.Contains(r.body, mark) ||
		!strings.Contains(r.body, "Mål 2018 (eksempel): 80 %") {
		t.Errorf("Tårnby's figures page: %d, the year not marked as an example", r.status)
	}
	// Every area of Tårnby's preset is an example (its text names none).
	if r := ts.get(t, c, "/m/taarnby/figures?year=2018"); !strings.Contains(r.body, "Eksempler: disse områder, deres KLE-numre eller titler angiver strategien ikke selv") ||
		!strings.Contains(r.body, "23.05.10 Flytteanmeldelse") {
		t.Errorf("Tårnby's figures page does not say its areas are examples")
	}
	if r := ts.get(t, c, "/m/taarnby/figures/report?year=2018&format=html"); r.status != http.StatusOK || !strings.Contains(r.body, mark) {
		t.Errorf("Tårnby's council report: %d, the year not marked as an example", r.status)
	}
	if r := ts.get(t, ts.client(t, dragoerGroup), "/m/dragoer/figures?year=2015"); r.status != http.StatusOK ||
		strings.Contains(r.body, "eksempel – strategien angiver intet år") || !strings.Contains(r.body, "Mål 2015: 50 %") {
		t.Errorf("Dragør's figures page: %d, its own years shown as examples or missing", r.status)
	}
}
