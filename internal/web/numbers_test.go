package web

import (
	"net/http"
	"strings"
	"testing"
)

// The page, the council's report and the exports write a figure with one
// formatter. 1 digital of 16 inquiries is 6,25 %: one decimal rounds half
// away from zero to 6,3 % (never half to even, 6,2 %); an export keeps
// two decimals.
func TestNumbers_OneFormatterForPageReportAndExport(t *testing.T) {
	ts := newTestServer(t, true)
	var batch = inbound(1, "flytning", "", "self_service")
	batch = append(batch, inbound(15, "flytning", "", "in_person")...)
	ts.record(t, "dragoer", batch)
	c, english := ts.client(t, dragoerGroup), ts.client(t, dragoerGroup)

	if r := ts.get(t, c, "/m/dragoer/figures?period=year&year=2014"); r.status != http.StatusOK ||
		!strings.Contains(r.body, `<p class="figure-value">6,3 %</p>`) {
		t.Errorf("the page (%d) does not show 6,3 %%", r.status)
	}
	if r := ts.get(t, english, "/m/dragoer/figures?period=year&year=2014&lang=en"); !strings.Contains(r.body, `<p class="figure-value">6.3 %</p>`) {
		t.Errorf("the English page does not show 6.3 %%")
	}
	if r := ts.get(t, c, "/m/dragoer/figures/report?year=2014&format=html"); r.status != http.StatusOK ||
		!strings.Contains(r.body, "I 2014 kom 6,3 % af de 16 henvendelser") {
		t.Errorf("the council report (%d) does not say 6,3 %% of 16", r.status)
	}
	r := ts.get(t, c, "/m/dragoer/figures/export?period=year&year=2014&table=key-figures&format=csv")
	if !strings.Contains(r.body, ";6,25 %;1;16") {
		t.Errorf("the export does not hold 6,25 %% of 16:\n%s", r.body)
	}
}
