package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// registerForm is a valid entry for Dragør's example waste area: on
// borger.dk and delivering to the back-end system.
func registerForm(version string) url.Values {
	return url.Values{"version": {version}, "supplier": {"Leverandør (demo)"}, "url": {"https://affald.example.dk/tilmeld"},
		"sb_level": {"3"}, "login": {"national"}, "borger_dk": {"yes"}, "integration": {"backend"},
		"cost": {"24.000"}, "started": {"120"}, "completed": {"100"}, "counts_year": {"2014"}}
}

// Dragør's preset prefilled: 8 areas with a solution, each checked for the
// national login (every one handles transactions), borger.dk and
// integration — 24 checks; the example waste area (SB level 1, not on
// borger.dk) fails "Alle kommunale selvbetjeningsløsninger skal være
// integreret på borger.dk fra 2012" and "Udfasning af blanketter, der ikke
// har integration til back-end systemer". Saving it on borger.dk with
// back-end integration flips both.
func TestRegisterPages_ListChecksAndSavingFlipsThem(t *testing.T) {
	ts := newTestServer(t, true)
	group := ts.client(t, dragoerGroup)
	for lang, want := range map[string][]string{
		"da": {"Ikke opfyldt: 2 af 24 kontroller", "Alle kommunale selvbetjeningsløsninger skal være integreret på borger.dk fra 2012.",
			"Udfasning af blanketter, der ikke har integration til back-end systemer", "Fra strategifilen – ikke gemt i registret"},
		"en": {"Not met: 2 of 24 checks", "Not met by 1 solution.", "Read from the SB level"},
	} {
		r := ts.get(t, group, "/m/dragoer/register?lang="+lang)
		if r.status != http.StatusOK {
			t.Fatalf("%s: status %d", lang, r.status)
		}
		for _, w := range want {
			if !strings.Contains(r.body, w) {
				t.Errorf("%s: register lacks %q", lang, w)
			}
		}
	}
	if r := ts.get(t, group, "/m/dragoer/register/affald?lang=en"); r.status != http.StatusOK || !strings.Contains(r.body, "Nothing is saved yet") {
		t.Fatalf("entry: %d", r.status)
	}
	r := ts.post(t, group, "/m/dragoer/register/affald", registerForm("0"))
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/m/dragoer/register/affald?saved=1" {
		t.Fatalf("save: %d %s\n%s", r.status, r.header.Get("Location"), r.body)
	}
	r = ts.get(t, group, "/m/dragoer/register/affald?saved=1&lang=da")
	for _, w := range []string{"Gemt som version 1.", "Registrets oplysninger, version 1.", "Strategifilen siger SB-niveau 1", strings.ToLower(dragoerGroup)} {
		if !strings.Contains(r.body, w) {
			t.Errorf("saved entry lacks %q", w)
		}
	}
	r = ts.get(t, group, "/m/dragoer/register?lang=da")
	for _, w := range []string{"Ikke opfyldt: 0 af 24 kontroller", "Leverandør (demo)", "24.000 kr.", "120 / 100", "Indtastet for 2014"} {
		if !strings.Contains(r.body, w) {
			t.Errorf("register after saving lacks %q", w)
		}
	}
	var events int
	if err := ts.db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM audit_events
		WHERE municipality_id = 'dragoer' AND action = 'register_changed' AND target = 'affald'`).Scan(&events); err != nil {
		t.Fatal(err)
	}
	if events != 1 {
		t.Errorf("%d audit events, want 1", events)
	}
	// A second form filled from version 0 is stale.
	if r := ts.post(t, group, "/m/dragoer/register/affald?lang=da", registerForm("0")); r.status != http.StatusConflict || !strings.Contains(r.body, "En anden har gemt området") {
		t.Errorf("stale save: %d", r.status)
	}
}

// Tårnby: "Digitalisering skal ske på SB niveau 1 for at være effektiv."
// Its example housing-deposit loan is at SB level 0 and fails; Tårnby
// states no login, borger.dk or integration rule.
func TestRegisterPages_TaarnbyChecksTheMinimumLevel(t *testing.T) {
	ts := newTestServer(t, true)
	r := ts.get(t, ts.client(t, taarnbyGroup), "/m/taarnby/register")
	for _, w := range []string{"Digitalisering skal ske på SB niveau 1 for at være effektiv.", "Ikke opfyldt af 1 løsning."} {
		if !strings.Contains(r.body, w) {
			t.Errorf("Tårnby's register lacks %q", w)
		}
	}
	for _, w := range []string{"borger.dk fra 2012", "Udfasning af blanketter"} {
		if strings.Contains(r.body, w) {
			t.Errorf("Tårnby's register shows Dragør's rule %q", w)
		}
	}
}

// A manager (Borgerbutikken, the strategy's first department) sees and
// edits the own department's areas only.
func TestRegisterPages_ManagerSeesTheOwnDepartment(t *testing.T) {
	ts := newTestServer(t, true)
	manager := ts.client(t, dragoerManager)
	r := ts.get(t, manager, "/m/dragoer/register")
	if r.status != http.StatusOK || !strings.Contains(r.body, `id="area-flytning"`) || strings.Contains(r.body, `id="area-dagtilbud"`) {
		t.Fatalf("manager's register: %d, flytning %v, dagtilbud %v", r.status, strings.Contains(r.body, `id="area-flytning"`), strings.Contains(r.body, `id="area-dagtilbud"`))
	}
	// The department filter cannot widen it.
	if r := ts.get(t, manager, "/m/dragoer/register?department=boern-skole"); strings.Contains(r.body, `id="area-dagtilbud"`) {
		t.Error("the filter shows the manager another department's area")
	}
	if r := ts.get(t, manager, "/m/dragoer/register/dagtilbud"); r.status != http.StatusForbidden {
		t.Errorf("another department's entry: %d, want 403", r.status)
	}
	if r := ts.post(t, manager, "/m/dragoer/register/dagtilbud", registerForm("0")); r.status != http.StatusForbidden {
		t.Errorf("saving another department's entry: %d, want 403", r.status)
	}
	if r := ts.post(t, manager, "/m/dragoer/register/flytning", registerForm("0")); r.status != http.StatusSeeOther {
		t.Errorf("saving the own department's entry: %d", r.status)
	}
	// The strategy group's filter narrows to a department.
	r = ts.get(t, ts.client(t, dragoerGroup), "/m/dragoer/register?department=boern-skole")
	if !strings.Contains(r.body, `id="area-dagtilbud"`) || strings.Contains(r.body, `id="area-flytning"`) {
		t.Error("the department filter does not narrow the register")
	}
}

// Every field's error is named and linked, in both languages.
func TestRegisterPages_FormErrorsNameTheirFields(t *testing.T) {
	ts := newTestServer(t, true)
	group := ts.client(t, dragoerGroup)
	bad := registerForm("0")
	bad.Set("url", "http://affald.example.dk/")
	bad.Set("sb_level", "7")
	bad.Set("cost", "-5")
	bad.Set("started", "5")
	bad.Set("completed", "6")
	bad.Set("counts_year", "sidste år")
	for lang, want := range map[string][]string{
		"da": {"Adressen skal begynde med https://", "SB-niveauet skal være 0–4", "Prisen kan ikke være negativ",
			"Der kan ikke være flere gennemførte end påbegyndte", "Året skal være et årstal"},
		"en": {"The address must start with https://", "The SB level must be 0–4", "The cost cannot be negative",
			"Completed cannot be more than started", "The year must be a year"},
	} {
		r := ts.post(t, group, "/m/dragoer/register/affald?lang="+lang, bad)
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("%s: status %d", lang, r.status)
		}
		for _, w := range want {
			if !strings.Contains(r.body, w) {
				t.Errorf("%s: lacks %q", lang, w)
			}
		}
		for _, field := range []string{"url", "sb_level", "cost", "completed", "counts_year"} {
			if !strings.Contains(r.body, `href="#`+field+`"`) || !strings.Contains(r.body, `id="`+field+`-error"`) {
				t.Errorf("%s: %s's error is not linked to its field", lang, field)
			}
		}
		if !strings.Contains(r.body, `value="sidste år"`) {
			t.Errorf("%s: the form does not keep what was typed", lang)
		}
	}
	bad = registerForm("0")
	bad.Set("started", "-1")
	if r := ts.post(t, group, "/m/dragoer/register/affald?lang=da", bad); !strings.Contains(r.body, "Tallet kan ikke være negativt") || !strings.Contains(r.body, `href="#started"`) {
		t.Error("a negative count is not refused at its field")
	}
	var n int
	if err := ts.db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM register_entries`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d entries saved from bad forms", n)
	}
}
