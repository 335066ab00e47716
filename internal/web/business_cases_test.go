package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/businesscase"
)

// businessCase saves a case of the area with the worked example of
// docs/business-case.md as its one scenario, and returns its number.
func (ts *testServer) businessCase(t *testing.T, m, area string) string {
	t.Helper()
	c, err := businesscase.New(ts.db, nil).Save(context.Background(), businesscase.Case{Municipality: m, Area: area,
		Title: "Selvbetjening for " + area, Solution: "Eksempelløsning", Scenarios: []businesscase.Scenario{{Name: "Forventet",
			Chosen: true, Input: businesscase.Input{Volume: 4000, Shift: 0.6, PriceOld: 75, PriceNew: 20, Investment: 300000,
				RunningPerYear: 40000, Years: 5, DiscountRate: 0.04}}}}, audit.System)
	if err != nil {
		t.Fatal(err)
	}
	return strconv.FormatInt(c.ID, 10)
}

// apiPost sends JSON with a key.
func (ts *testServer) apiPost(t *testing.T, key, path, body string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	return do(t, ts.client(t, ""), req)
}

// The API works the docs' worked example out (computed by hand there):
// whole kroner, payback to two decimals, null payback when the net is not
// positive, an input out of range 422 at its field, and another
// municipality 404.
func TestBusinessCaseAPI_WorkedExampleRoundingNullPaybackAndFields(t *testing.T) {
	ts := newTestServer(t, true)
	key, _ := ts.addKey(t, "dragoer", "bc", false, auth.Read)
	const path = "/api/v1/business-case?municipality=dragoer"
	r := ts.apiPost(t, key, path, `{"volume":4000,"shift":0.6,"price_old":75,"price_new":20,"investment":300000,"running_per_year":40000,"years":5,"discount_rate":0.04}`)
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(r.body), &got); err != nil {
		t.Fatal(err)
	}
	for field, want := range map[string]float64{"gross_per_year": 132000, "net_per_year": 92000, "npv": 109568, "payback_years": 3.26, "moved_volume": 2400} {
		if got[field] != want {
			t.Errorf("%s = %v, want %v", field, got[field], want)
		}
	}
	if years, _ := got["years"].([]any); len(years) != 5 {
		t.Errorf("years: %v, want 5 rows", got["years"])
	}

	// 15 % moves: net −7 000, no payback (null, present), NPV −331 163.
	r = ts.apiPost(t, key, path, `{"volume":4000,"shift":0.15,"price_old":75,"price_new":20,"investment":300000,"running_per_year":40000,"years":5,"discount_rate":0.04}`)
	if r.status != http.StatusOK || !strings.Contains(r.body, `"payback_years":null`) || !strings.Contains(r.body, `"npv":-331163`) ||
		!strings.Contains(r.body, `"net_per_year":-7000`) {
		t.Errorf("no payback: %d %s", r.status, r.body)
	}

	for _, c := range []struct{ body, field string }{
		{`{"volume":1,"shift":1.5,"price_old":1,"price_new":1,"investment":1,"running_per_year":1,"years":5,"discount_rate":0.04}`, "shift"},
		{`{"volume":1,"shift":0.5,"price_old":1,"price_new":1,"investment":1,"running_per_year":1,"years":0,"discount_rate":0.04}`, "years"},
		{`{"volume":1,"shift":0.5,"price_old":-1,"price_new":1,"investment":1,"running_per_year":1,"years":3,"discount_rate":0.04}`, "price_old"},
		{`{"volume":1,"shift":0.5,"price_old":1,"price_new":1,"investment":1,"running_per_year":1,"years":3,"discount_rate":-0.1}`, "discount_rate"},
	} {
		r := ts.apiPost(t, key, path, c.body)
		var e struct {
			Error struct{ Code, Field, Message string } `json:"error"`
		}
		json.Unmarshal([]byte(r.body), &e)
		if r.status != http.StatusUnprocessableEntity || e.Error.Field != c.field || e.Error.Code != "invalid" || e.Error.Message == "" {
			t.Errorf("%s: %d %s, want 422 at %s", c.body, r.status, r.body, c.field)
		}
	}
	if r := ts.apiPost(t, key, path, `{"volume":1,"unknown":2}`); r.status != http.StatusBadRequest {
		t.Errorf("an unknown field: %d, want 400", r.status)
	}
	if r := ts.apiPost(t, key, "/api/v1/business-case?municipality=taarnby", `{}`); r.status != http.StatusNotFound {
		t.Errorf("another municipality: %d, want 404", r.status)
	}
}

// A manager makes a case for the own department's area with two
// scenarios through the form and sees it side by side; another
// department's area is refused; the strategy group approves, in both
// languages, and the exports hold the figures. Dragør: "Afdelingerne
// skal, forud for anskaffelse af en digital selvbetjeningsløsning,
// udarbejde en business case."
func TestBusinessCasePages_ManagerMakesTwoScenariosGroupApproves(t *testing.T) {
	ts := newTestServer(t, true)
	manager, group := ts.client(t, dragoerManager), ts.client(t, dragoerGroup)

	r := ts.get(t, manager, "/m/dragoer/business-cases/new?area=flytning")
	if r.status != http.StatusOK || !strings.Contains(r.body, `id="s0-volume"`) || !strings.Contains(r.body, `id="s2-name"`) {
		t.Fatalf("new form: %d\n%s", r.status, r.body)
	}
	if r := ts.get(t, manager, "/m/dragoer/business-cases/new?area=byggetilladelse"); r.status != http.StatusForbidden {
		t.Errorf("another department's area: %d, want 403", r.status)
	}

	form := url.Values{"area": {"flytning"}, "title": {"Digital flytning"}, "solution": {"Flyt selv"}, "chosen": {"0"},
		"s0-name": {"Forventet"}, "s0-volume": {"4.000"}, "s0-shift": {"60"}, "s0-price_old": {"75"}, "s0-sb_level": {"3"},
		"s0-price_new": {""}, "s0-investment": {"300.000"}, "s0-running_per_year": {"40.000"}, "s0-years": {"5"}, "s0-discount_rate": {"4"},
		"s1-name": {"Lav"}, "s1-volume": {"4000"}, "s1-shift": {"15"}, "s1-price_old": {"75"}, "s1-price_new": {"20"},
		"s1-investment": {"300000"}, "s1-running_per_year": {"40000"}, "s1-years": {"5"}, "s1-discount_rate": {"4,0"}}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("s1-shift", "150")
	r = ts.post(t, manager, "/m/dragoer/business-cases", bad)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `href="#s1-shift"`) {
		t.Fatalf("a shift of 150 %%: %d, want 422 linking s1-shift\n%s", r.status, r.body)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM business_cases`); n != 0 {
		t.Fatalf("a refused case stored %d cases", n)
	}
	r = ts.post(t, manager, "/m/dragoer/business-cases", form)
	loc := r.header.Get("Location")
	if r.status != http.StatusSeeOther || !strings.HasSuffix(loc, "?done=saved") {
		t.Fatalf("save: %d %s\n%s", r.status, loc, r.body)
	}
	path := strings.TrimSuffix(loc, "?done=saved")
	r = ts.get(t, manager, loc)
	// The hand-worked example: NPV 109 568 kr., payback 3,26; the low
	// scenario −331 163 kr. and no payback; the empty new price is the
	// strategy's 20 kr. at SB level 3.
	for _, want := range []string{"109.568 kr.", "3,26", "−331.163 kr.", "Ingen (nettoeffekten er ikke positiv)", "Forventet (valgt)", "132.000 kr.", `id="side-by-side"`} {
		if !strings.Contains(strings.ReplaceAll(r.body, "-331.163", "−331.163"), want) {
			t.Errorf("the case's page lacks %q", want)
		}
	}
	if strings.Contains(r.body, `action="`+path+`/approve"`) {
		t.Errorf("a manager is offered the approval")
	}

	// The manager's list has it; the group approves the version it saw.
	if r := ts.get(t, manager, "/m/dragoer/business-cases"); !strings.Contains(r.body, "Digital flytning") || !strings.Contains(r.body, "109.568 kr.") {
		t.Errorf("the list lacks the case\n%s", r.body)
	}
	if r := ts.post(t, manager, path+"/approve", url.Values{"version": {"1"}}); r.status != http.StatusForbidden {
		t.Errorf("a manager approves: %d, want 403", r.status)
	}
	r = ts.post(t, group, path+"/approve", url.Values{"version": {"1"}})
	if r.status != http.StatusSeeOther || !strings.HasSuffix(r.header.Get("Location"), "?done=approved") {
		t.Fatalf("approve: %d %s", r.status, r.header.Get("Location"))
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM audit_events WHERE action = $1`, audit.BusinessCaseApproved); n != 1 {
		t.Errorf("%d approvals audited, want 1", n)
	}
	r = ts.get(t, group, path+"?lang=en")
	if r.status != http.StatusOK || !strings.Contains(r.body, "DKK 109,568") || !strings.Contains(r.body, "Approved") {
		t.Errorf("the English page: %d\n%s", r.status, r.body)
	}

	// A new version is saved and needs a new approval.
	form.Set("title", "Digital flytning 2")
	if r := ts.post(t, manager, path, form); r.status != http.StatusSeeOther {
		t.Fatalf("save version 2: %d\n%s", r.status, r.body)
	}
	r = ts.get(t, group, path+"?lang=da")
	if !strings.Contains(r.body, "Ikke godkendt") || !strings.Contains(r.body, `name="version" value="2"`) {
		t.Errorf("version 2 is shown approved or not offered for approval")
	}

	// The exports: the workbook holds the NPV as a number, the PDF is one.
	code, _, body := ts.raw(t, group, path+"/export.xlsx")
	if code != http.StatusOK {
		t.Fatalf("xlsx: %d", code)
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range rows {
		if len(row) > 1 && row[0] == "Nutidsværdi" && row[1] == "109568" {
			found = true
		}
	}
	if !found {
		t.Errorf("the workbook has no NPV row of 109568: %v", rows)
	}
	if code, _, body := ts.raw(t, group, path+"/export.pdf"); code != http.StatusOK || !bytes.HasPrefix(body, []byte("%PDF")) {
		t.Errorf("pdf: %d %.10q", code, body)
	}
	// Tårnby's strategy group does not find Dragør's case.
	if r := ts.get(t, ts.client(t, taarnbyGroup), fmt.Sprintf("/m/taarnby/business-cases/%s", strings.TrimPrefix(path, "/m/dragoer/business-cases/"))); r.status != http.StatusNotFound {
		t.Errorf("Tårnby reads Dragør's case: %d", r.status)
	}
}

// The scenario page shows Dragør's target years, 2012 and 2015, in both
// languages, and a chosen area's shift raises the share.
func TestBusinessCaseScenario_TargetYearsInBothLanguages(t *testing.T) {
	ts := newTestServer(t, true)
	ts.businessCase(t, "dragoer", "flytning")
	group := ts.client(t, dragoerGroup)
	for _, lang := range []string{"", "?lang=en"} {
		r := ts.get(t, group, "/m/dragoer/business-cases/scenario"+lang)
		if r.status != http.StatusOK || !strings.Contains(r.body, `<th scope="row">2012</th>`) || !strings.Contains(r.body, `<th scope="row">2015</th>`) ||
			!strings.Contains(r.body, `id="area-flytning"`) {
			t.Errorf("scenario %q: %d\n%s", lang, r.status, r.body)
		}
	}
	r := ts.get(t, group, "/m/dragoer/business-cases/scenario?year=2011&area=flytning&shift-flytning=abc")
	if r.status != http.StatusOK || !strings.Contains(r.body, `href="#shift-flytning"`) {
		t.Errorf("a shift that is no number: %d, want the problem linked", r.status)
	}
}
