package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/api"
)

const taarnbyStaff = "medarbejder@taarnby.demo"

// Tårnby has two inquiry types — "Skema 1. Informationshenvendelser er de
// henvendelser, som ikke vedrører en konkret sag." and "Skema 2.
// Transaktionshenvendelser er de henvendelser der vedrører en konkret sag
// …" — and borger.dk's contact centre is not its phone: "Kontaktcentret på
// tlf. 1881 hos Borger.dk" … "har åbent mandag — torsdag fra 8-22 og
// fredag fra 8-18". End to end, on the server's clock at 21:00 on a
// Thursday in 2017: the console offers the two types with their keys,
// refers an information question to 1881 and registers the referral; the
// API takes the two types and referred_to and refuses interaction; the
// guidance API answers the referral; every referral is counted, once.
func TestTwoTypes_ConsoleAPIAndGuidanceEndToEnd(t *testing.T) {
	thursday := time.Date(2017, 3, 2, 21, 0, 0, 0, strategy.Location)
	ts := newTestServer(t, true, func(o *Options, _ string) { o.Now = func() time.Time { return thursday } })
	c := ts.client(t, taarnbyStaff)

	page := ts.get(t, c, "/m/taarnby/console?area=affald&type=information&channel=phone")
	for _, want := range []string{
		`id="type-information" value="information" checked data-key="i"`,
		`id="type-transaction" value="transaction" data-key="t"`,
		"i information, t transaktion (ansøgninger og anmeldelser)",
		"Henvis til Borger.dk's kontaktcenter på tlf. 1881",
		`data-referral="kontaktcenter-1881"`,
		"Har ikke NemID",
	} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the console lacks %q", want)
		}
	}
	for _, unwanted := range []string{"type-interaction", "Ring til os"} {
		if strings.Contains(page.body, unwanted) {
			t.Errorf("the console at 21:00 shows %q", unwanted)
		}
	}

	r := ts.post(t, c, "/m/taarnby/console", url.Values{"area": {"affald"}, "type": {"information"}, "channel": {"phone"},
		"referred_to": {"kontaktcenter-1881"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("register a referral: %d %s", r.status, r.body)
	}
	for form, want := range map[string]string{
		"interaction": `Henvendelsestype: Ukendt henvendelsestype "interaction"; strategiens typer er information, transaction.`,
		"skat":        `Henvist til: Ukendt henvisning "skat"`,
	} {
		v := url.Values{"area": {"affald"}, "type": {"information"}, "channel": {"phone"}}
		if form == "interaction" {
			v.Set("type", form)
		} else {
			v.Set("referred_to", form)
		}
		if r := ts.post(t, c, "/m/taarnby/console", v); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, want) {
			t.Errorf("%s: %d, want 422 with %q", form, r.status, want)
		}
	}
	if r := ts.get(t, c, "/m/taarnby/console?registered=1"); !strings.Contains(r.body, "heraf henvist: 1") ||
		!strings.Contains(r.body, "Henvist til Borger.dk's kontaktcenter.") {
		t.Error("the desk's count and the last registration do not show the referral")
	}

	sp := loadSpec(t)
	secret, _ := ts.addKey(t, "taarnby", "Telefoni", false, auth.Ingest, auth.Read)
	body := `{"id": "t1", "occurred_at": "2017-03-02T11:00:00+01:00", "channel": "phone", "type": "information", "direction": "inbound", "area": "folkepension", "referred_to": "udbetaling-danmark"}
{"id": "t2", "occurred_at": "2017-03-02T11:05:00+01:00", "channel": "self_service", "type": "transaction", "direction": "inbound", "area": "flytning"}
{"id": "t3", "occurred_at": "2017-03-02T11:10:00+01:00", "channel": "phone", "type": "interaction", "direction": "inbound", "area": "flytning"}
`
	r = sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/x-ndjson", body)
	var answer api.IngestAnswer
	if err := json.Unmarshal([]byte(r.body), &answer); err != nil {
		t.Fatalf("%d %s: %v", r.status, r.body, err)
	}
	if answer.Accepted != 2 || answer.Rejected != 1 || len(answer.Errors) != 1 || answer.Errors[0].ID != "t3" ||
		answer.Errors[0].Field != "type" || answer.Errors[0].Code != "unknown_type" {
		t.Errorf("ingest answer %s", r.body)
	}

	r = sp.call(t, ts, "GET", "/api/v1/guidance?area=07.18.06&type=information&channel=phone", secret, "", "")
	var g api.GuidanceAnswer
	if err := json.Unmarshal([]byte(r.body), &g); err != nil || r.status != http.StatusOK {
		t.Fatalf("guidance %d %s: %v", r.status, r.body, err)
	}
	if g.Recommended != "website" || g.Referral == nil || g.Referral.ID != "kontaktcenter-1881" || !g.Referral.Open ||
		g.Referral.Text != "Henvis til Borger.dk's kontaktcenter på tlf. 1881" || g.NationalLogin != "NemID" {
		t.Errorf("guidance at 21:00: %s", r.body)
	}
	// Tårnby's transaction is any inquiry about a concrete case, so a
	// phone call in a mandatory area is not refused: the API says an
	// application must be digital instead.
	r = sp.call(t, ts, "GET", "/api/v1/guidance?area=flytning&type=transaction&channel=phone&at=2017-03-02T11:00:00%2B01:00", secret, "", "")
	var m api.GuidanceAnswer
	if err := json.Unmarshal([]byte(r.body), &m); err != nil || r.status != http.StatusOK || m.Refused || !m.ApplicationDigital {
		t.Errorf("guidance for a phone transaction in a mandatory area: %d %s %v", r.status, r.body, err)
	}
	r = sp.call(t, ts, "GET", "/api/v1/guidance?area=07.18.06&type=interaction", secret, "", "")
	if r.status != http.StatusBadRequest || !strings.Contains(r.body, `"field":"type"`) || !strings.Contains(r.body, "information, transaction") {
		t.Errorf("guidance for interaction: %d %s", r.status, r.body)
	}

	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = 'taarnby' AND referred_to IS NOT NULL`); n != 2 {
		t.Errorf("%d referred inquiries stored, want 2", n)
	}
	stored, err := rollup.Stored(context.Background(), ts.db, "taarnby")
	if err != nil {
		t.Fatal(err)
	}
	var inquiries, referred int64
	for _, tally := range stored {
		inquiries += tally.Inquiries
		referred += tally.Referred
	}
	// By hand: one console registration and two API records, two of them
	// referred.
	if inquiries != 3 || referred != 2 {
		t.Errorf("counted %d inquiries, %d referred; want 3 and 2", inquiries, referred)
	}
	assertCounts(t, ts)
}

// The console names the national login by its own date — NemID in the
// strategies' years, MitID from 2021 — and lacking it exempts no one:
// Dragør takes into account "folk, der ikke kan få digital signatur"
// (under its principles), and the law lets the municipality exempt on
// "særlige forhold". The exemption flag is what staff set, nothing else.
func TestConsole_LoginByDateAndExemptionByStaff(t *testing.T) {
	day := time.Date(2014, 3, 31, 11, 0, 0, 0, strategy.Location)
	ts := newTestServer(t, true, func(o *Options, _ string) { o.Now = func() time.Time { return day } })
	c := ts.client(t, dragoerStaff)
	page := ts.get(t, c, "/m/dragoer/console?area=flytning&type=transaction&channel=letter&no_login=on")
	for _, want := range []string{"Har ikke NemID", "Manglende NemID fritager ikke i sig selv", "kræver NemID, som borgeren ikke har",
		"Guid borgeren til: <strong>Digital selvbetjening</strong>"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the console lacks %q", want)
		}
	}
	if strings.Contains(page.body, "MitID") {
		t.Error("the console speaks of MitID in 2014")
	}
	r := ts.post(t, c, "/m/dragoer/console", url.Values{"area": {"flytning"}, "type": {"transaction"}, "channel": {"in_person"}, "no_login": {"on"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("register: %d", r.status)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE exempt`); n != 0 {
		t.Errorf("%d inquiries marked exempt without staff deciding it", n)
	}
	r = ts.post(t, c, "/m/dragoer/console", url.Values{"area": {"flytning"}, "type": {"transaction"}, "channel": {"in_person"}, "exempt": {"on"}})
	if r.status != http.StatusSeeOther || ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE exempt`) != 1 {
		t.Errorf("the exemption staff set was not registered: %d", r.status)
	}
	assertCounts(t, ts)

	later := newTestServer(t, true, func(o *Options, _ string) {
		o.Now = func() time.Time { return time.Date(2022, 3, 1, 11, 0, 0, 0, strategy.Location) }
	})
	if page := later.get(t, later.client(t, dragoerStaff), "/m/dragoer/console?area=flytning"); !strings.Contains(page.body, "Har ikke MitID") {
		t.Error("in 2022 the console does not say MitID")
	}
}
