package web

import (
	"html"
	"net/http"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/locale"
)

// While the first start writes the earlier years of the demo data, every
// page of the municipality says which years are still to come, in the
// page's language; the other municipality's pages do not, and once the
// years are written the notice is gone.
func TestLayout_SaysWhichDemoYearsAreStillBeingWritten(t *testing.T) {
	pending := &demo.Pending{}
	pending.Set("dragoer", demo.Years{2014, 2013, 2012})
	ts := newTestServer(t, true, func(o *Options, _ string) { o.DemoPending = pending })
	ts.seed(t, "dragoer", 2015, 2015, 0.01)
	da, en := locale.New(locale.Danish), locale.New(locale.English)
	c := ts.client(t, operator)
	has := func(path, text string) bool {
		t.Helper()
		c := c
		if strings.Contains(path, "lang=en") { // a client of its own: the language is remembered
			c = ts.client(t, operator)
		}
		r := ts.get(t, c, path)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", path, r.status)
		}
		return strings.Contains(html.UnescapeString(r.body), text)
	}
	for _, p := range []string{"/m/dragoer", "/m/dragoer/figures", "/m/dragoer/figures?year=2013", "/m/dragoer/areas"} {
		if want := da.T("demo.pending", "2012–2014"); !has(p, want) {
			t.Errorf("%s does not say %q", p, want)
		}
	}
	if want := en.T("demo.pending", "2012–2014"); !has("/m/dragoer/figures?lang=en", want) {
		t.Errorf("the English figures page does not say %q", want)
	}
	if has("/m/taarnby", da.T("demo.pending", "2012–2014")) {
		t.Error("Tårnby's page speaks of Dragør's demo years")
	}

	pending.Set("dragoer", demo.Years{2012})
	if want := da.T("demo.pending", "2012"); !has("/m/dragoer/figures", want) {
		t.Errorf("with one year left the figures page does not say %q", want)
	}
	pending.Set("dragoer", nil)
	if has("/m/dragoer/figures", strings.SplitN(da.T("demo.pending", "2012"), "2012", 2)[0]) {
		t.Error("the notice stays after the years are written")
	}
	if !has("/m/dragoer/figures", da.T("figures.demo")) {
		t.Error("the demo banner went with the notice")
	}

	// When the writing fails, the pages stop promising the years and say
	// what brings them.
	pending.Set("dragoer", demo.Years{2013, 2012})
	pending.Stop()
	if want := da.T("demo.pending_stopped", "2012–2013"); !has("/m/dragoer/figures", want) {
		t.Errorf("after a failure the figures page does not say %q", want)
	}
	if has("/m/dragoer/figures", da.T("demo.pending", "2012–2013")) {
		t.Error("after a failure the page still says the years are being written")
	}
}
