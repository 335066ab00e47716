package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/callback"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Callback booking: the portal's page at /borger/{m}/tilbagering and the
// staff's day list at /m/{m}/callbacks.

// serverNow is the test server's clock, which stands at the test's start
// (newTestServer).
func serverNow(now *func() time.Time) serverOption {
	return func(o *Options, _ string) { *now = o.Now }
}

// callbacksAt is the domain's callbacks on the server's database at the
// time now.
func (ts *testServer) callbacksAt(now time.Time) *callback.Callbacks {
	return callback.New(ts.db, inquiry.NewRecorder(ts.db), func() time.Time { return now })
}

// bookCallback books the first free slot for an area of the municipality
// and returns the callback.
func (ts *testServer) bookCallback(t *testing.T, now time.Time, m, area, phone string) *callback.Callback {
	t.Helper()
	cur := kanaltest.Current(t, ts.registry, m)
	days, err := ts.callbacksAt(now).Open(context.Background(), cur)
	if err != nil || len(days) == 0 {
		t.Fatalf("no slot to book: %v", err)
	}
	k, err := ts.callbacksAt(now).Book(context.Background(), cur, callback.Booking{Area: area, Slot: days[0].Slots[0].Start, Phone: phone})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

var slotRadio = regexp.MustCompile(`<input class="form-radio" type="radio" id="([^"]+)" name="slot" value="([^"]+)"`)

// nextSaturday10 is 10:00 Danish time on the first Saturday after t.
func nextSaturday10(t time.Time) time.Time {
	d := civil.DateOf(t).AddDays(1)
	for d.Start().Weekday() != time.Saturday {
		d = d.AddDays(1)
	}
	return time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, civil.Location)
}

func TestCallbackPage_BooksASlotWithoutTheCSRFToken(t *testing.T) {
	var now func() time.Time
	ts := newTestServer(t, true, serverNow(&now))
	c := ts.client(t, "")
	page := ts.get(t, c, "/borger/dragoer/tilbagering?area=23.05.10")
	if page.status != http.StatusOK {
		t.Fatalf("GET: %d", page.status)
	}
	citizenLayout(t, "tilbagering", page)
	for _, want := range []string{"<fieldset", "<legend class=\"form-label\">", `name="phone"`, `<option value="flytning" selected>`, "Telefonens åbningstid"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	radios := slotRadio.FindAllStringSubmatch(page.body, -1)
	if len(radios) == 0 {
		t.Fatal("the page offers no slot")
	}
	slot := radios[0][2]
	start, err := time.Parse(time.RFC3339, slot)
	if err != nil {
		t.Fatalf("slot value %q: %v", slot, err)
	}
	// The values the page offers are slots as the domain computes them.
	if _, err := callback.SlotAt(kanaltest.Current(t, ts.registry, "dragoer").Strategy, start, now()); err != nil {
		t.Errorf("the page offers %s: %v", slot, err)
	}
	r := ts.post(t, c, "/borger/dragoer/tilbagering", url.Values{"area": {"flytning"}, "slot": {slot}, "phone": {"+45 23 45 67 89"}})
	if r.status != http.StatusOK {
		t.Fatalf("POST: %d\n%s", r.status, text(r.body))
	}
	body := text(r.body)
	local := start.In(civil.Location)
	for _, want := range []string{"Vi ringer dig op", "den " + strconv.Itoa(local.Day()) + ".", "kl. " + local.Format("15.04") + "–", "på 23 45 67 89", "Flytteanmeldelse", "7 dage"} {
		if !strings.Contains(body, want) {
			t.Errorf("the receipt lacks %q:\n%s", want, body)
		}
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM callbacks WHERE municipality_id = 'dragoer' AND phone = '23456789' AND area = 'flytning'`); n != 1 {
		t.Errorf("%d bookings stored", n)
	}
	// Another site's form is refused by the cross-origin protection.
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/borger/dragoer/tilbagering",
		strings.NewReader(url.Values{"area": {"flytning"}, "slot": {slot}, "phone": {"23456789"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if r := do(t, c, req); r.status != http.StatusForbidden {
		t.Errorf("a cross-site post: %d, want 403", r.status)
	}
}

func TestCallbackPage_RefusesWith422NamingTheField(t *testing.T) {
	var clock func() time.Time
	ts := newTestServer(t, true, serverNow(&clock))
	c := ts.client(t, "")
	now := clock()
	good := callback.Days(kanaltest.Current(t, ts.registry, "dragoer").Strategy, now)[0].Slots[0].Start.Format(time.RFC3339)
	for _, tc := range []struct {
		name       string
		form       url.Values
		want       []string
		wantStored int
	}{
		{"a Saturday, outside the phone's hours", url.Values{"area": {"flytning"}, "slot": {nextSaturday10(now).Format(time.RFC3339)}, "phone": {"23456789"}},
			[]string{"uden for telefonens åbningstid", "man.–ons. 09:00–15:00", `href="#slot-`}, 0},
		{"a time that is no time", url.Values{"area": {"flytning"}, "slot": {"i morgen"}, "phone": {"23456789"}},
			[]string{"Tidspunktet kan ikke læses"}, 0},
		{"no time chosen", url.Values{"area": {"flytning"}, "phone": {"23456789"}}, []string{"Vælg et tidspunkt."}, 0},
		{"a phone number of 7 digits", url.Values{"area": {"flytning"}, "slot": {good}, "phone": {"2345678"}},
			[]string{"dansk telefonnummer med 8 cifre", `href="#cb-phone"`, `aria-invalid="true"`}, 0},
		{"an unknown area", url.Values{"area": {"nej"}, "slot": {good}, "phone": {"23456789"}}, []string{"Vælg et område fra listen."}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ts.post(t, c, "/borger/dragoer/tilbagering", tc.form)
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("%d, want 422", r.status)
			}
			for _, want := range tc.want {
				if !strings.Contains(r.body, want) {
					t.Errorf("the page lacks %q:\n%s", want, text(r.body))
				}
			}
			// What the citizen wrote is kept.
			if p := tc.form.Get("phone"); !strings.Contains(r.body, `value="`+p+`"`) {
				t.Errorf("the phone %q is not kept", p)
			}
		})
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM callbacks`); n != 0 {
		t.Errorf("%d refused bookings stored", n)
	}
}

func TestCallbackStaff_DayListAuditedDoneRegistersNoAnswerTriesAgain(t *testing.T) {
	var now func() time.Time
	ts := newTestServer(t, true, serverNow(&now))
	a := ts.bookCallback(t, now(), "dragoer", "flytning", "23456789")
	b := ts.bookCallback(t, now(), "dragoer", "flytning", "31323334")
	day := civil.DateOf(a.Start)
	c := ts.client(t, dragoerStaff)
	list := ts.get(t, c, "/m/dragoer/callbacks?day="+day.String())
	if list.status != http.StatusOK {
		t.Fatalf("list: %d", list.status)
	}
	body := text(list.body)
	for _, want := range []string{"23 45 67 89", "31 32 33 34", "Flytteanmeldelse", "Bestilt"} {
		if !strings.Contains(body, want) {
			t.Errorf("the list lacks %q", want)
		}
	}
	events := ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.CallbacksViewed})
	if len(events) != 1 || events[0].Target != day.String() || events[0].Actor != dragoerStaff || strings.Contains(events[0].Detail, "2345") {
		t.Errorf("audit: %+v, want one view of %s", events, day)
	}
	// Another day with no callbacks shows no number and is not audited.
	ts.get(t, c, "/m/dragoer/callbacks?day="+day.AddDays(-1).String())
	if n := len(ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.CallbacksViewed})); n != 1 {
		t.Errorf("%d audit events after an empty day", n)
	}

	done := ts.post(t, c, "/m/dragoer/callbacks/"+strconv.FormatInt(a.ID, 10)+"/done", url.Values{"type": {strategy.Interaction}})
	if done.status != http.StatusSeeOther || !strings.Contains(done.header.Get("Location"), "saved=done") {
		t.Fatalf("done: %d %s", done.status, done.header.Get("Location"))
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = 'dragoer' AND channel = 'phone' AND direction = 'outbound'
		AND type = 'interaction' AND area = 'flytning' AND source = 'callback'`); n != 1 {
		t.Errorf("%d outbound phone inquiries registered, want 1", n)
	}
	for i, want := range []string{"saved=retry", "saved=not_reached", "saved=closed"} {
		r := ts.post(t, c, "/m/dragoer/callbacks/"+strconv.FormatInt(b.ID, 10)+"/no-answer", nil)
		if r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), want) {
			t.Errorf("no answer %d: %d %s, want %s", i+1, r.status, r.header.Get("Location"), want)
		}
		if i == 0 {
			if after := text(ts.get(t, c, "/m/dragoer/callbacks?day="+day.String()).body); !strings.Contains(after, "2. forsøg") {
				t.Errorf("a callback not answered once is not shown for a second try:\n%s", after)
			}
		}
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE source = 'callback'`); n != 1 {
		t.Errorf("%d inquiries after the no-answers, want still 1", n)
	}
	// The month's counts on the list and the figures page: two booked,
	// one done, one not reached.
	if counts := text(ts.get(t, c, "/m/dragoer/callbacks?day="+day.String()).body); !strings.Contains(counts, "Bestilt 2 Udført 1 Ikke truffet 1") {
		t.Errorf("the list's counts:\n%s", counts)
	}
	m := day.YearMonth()
	fig := text(ts.get(t, ts.client(t, dragoerGroup), "/m/dragoer/figures?from="+m.FirstDay().String()+"&to="+m.LastDay().String()).body)
	if !strings.Contains(fig, "Tilbageringninger i perioden Bestilt 2 Udført 1 Ikke truffet 1") {
		t.Errorf("the figures page's counts:\n%s", fig)
	}
	// Both pages in English.
	if en := text(ts.get(t, c, "/m/dragoer/callbacks?lang=en&day="+day.String()).body); !strings.Contains(en, "Callbacks this month") || !strings.Contains(en, "Not reached") {
		t.Errorf("the English list:\n%s", en)
	}
	if en := ts.get(t, ts.client(t, ""), "/borger/dragoer/tilbagering?lang=en"); !strings.Contains(en.body, `<html lang="en">`) || !strings.Contains(en.body, "When may we call?") {
		t.Errorf("the English booking page:\n%s", text(en.body))
	}
	// Tårnby's staff cannot reach Dragør's callbacks; an auditor has no
	// permission.
	if r := ts.get(t, ts.client(t, dragoerAuditor), "/m/dragoer/callbacks"); r.status != http.StatusForbidden {
		t.Errorf("auditor: %d", r.status)
	}
}

// Bookings are limited per address more strictly than the portal's other
// pages: ten at once, then 429; the booking page itself stays open.
func TestCallbackPage_LimitsBookingsPerAddress(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, "")
	form := url.Values{"area": {"flytning"}, "slot": {"i morgen"}, "phone": {"23456789"}}
	for i := 1; i <= 10; i++ {
		if r := ts.post(t, c, "/borger/dragoer/tilbagering", form); r.status != http.StatusUnprocessableEntity {
			t.Fatalf("post %d: %d, want 422", i, r.status)
		}
	}
	if r := ts.post(t, c, "/borger/dragoer/tilbagering", form); r.status != http.StatusTooManyRequests {
		t.Errorf("post 11: %d, want 429", r.status)
	}
	if r := ts.get(t, c, "/borger/dragoer/tilbagering"); r.status != http.StatusOK {
		t.Errorf("the page after the limit: %d", r.status)
	}
}
