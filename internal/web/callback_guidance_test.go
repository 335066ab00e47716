package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
)

// Where the guidance offers a callback (the phone closed, Dragør's phone
// channel offering callback), the API's answer and the staff console link
// to the booking page for the area; Tårnby's phone offers no callback and
// gets no link.
func TestGuidance_CallbackLinksToTheBookingPage(t *testing.T) {
	sp := loadSpec(t)
	// Saturday 5 December 2026, 10:00: the phone is closed.
	saturday := time.Date(2026, 12, 5, 10, 0, 0, 0, civil.Location)
	ts := newTestServer(t, true, func(o *Options, _ string) { o.Now = func() time.Time { return saturday } })
	for _, c := range []struct {
		m, query string
		offered  bool
		url      string
	}{
		{"dragoer", "area=28.09.40&type=interaction&at=2013-03-09T10:00:00%2B01:00", true, "/borger/dragoer/tilbagering?area=dagtilbud"},
		{"dragoer", "area=28.09.40&type=interaction&at=2013-03-05T10:00:00%2B01:00", false, ""},
		{"taarnby", "area=28.09.40&type=transaction&at=2017-03-04T10:00:00%2B01:00", false, ""},
	} {
		secret, _ := ts.addKey(t, c.m, "Telefoni "+c.query, false, auth.Read)
		r := sp.call(t, ts, "GET", "/api/v1/guidance?municipality="+c.m+"&"+c.query, secret, "", "")
		var got struct {
			Offered bool   `json:"callback_offered"`
			URL     string `json:"callback_url"`
		}
		if err := json.Unmarshal([]byte(r.body), &got); err != nil || r.status != http.StatusOK {
			t.Fatalf("%s %s: %d %v %s", c.m, c.query, r.status, err, r.body)
		}
		if got.Offered != c.offered || got.URL != c.url {
			t.Errorf("%s %s: callback_offered %v callback_url %q, want %v %q", c.m, c.query, got.Offered, got.URL, c.offered, c.url)
		}
	}
	console := ts.get(t, ts.client(t, dragoerStaff), "/m/dragoer/console?area=dagtilbud&type=interaction")
	if !strings.Contains(console.body, `<a href="/borger/dragoer/tilbagering?area=dagtilbud">Bestil et opkald</a>`) {
		t.Errorf("the console offers no booking link:\n%s", text(console.body))
	}
	// The link opens the booking page with the area chosen.
	page := ts.get(t, ts.client(t, ""), "/borger/dragoer/tilbagering?area=dagtilbud")
	if page.status != http.StatusOK || !strings.Contains(page.body, `<option value="dagtilbud" selected>`) {
		t.Errorf("the booking page: %d", page.status)
	}
}
