package web

import (
	"context"
	"fmt"
	"html"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/browsertest"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// checkDragoerKLE stores a KLE check of Dragør's preset, as `kanal
// strategy load --kle kle-test.xml dragoer.yaml` does, against a plan made
// for the test: it holds every number of the preset with the preset's
// title, except that its title for 23.05.10 is "Anmeldelse af flytning"
// and 23.09.02 (Pas) went out of use on 2014-01-01. It is not KL's
// content, and the numbers sit under one group whatever their own, which
// the reader of the plan does not mind.
func checkDragoerKLE(t *testing.T, ts *testServer) {
	t.Helper()
	doc := kanaltest.PresetDocument(t, "dragoer")
	s, err := strategy.Parse("dragoer.yaml", doc)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("<KLE-Emneplan><UdgivelsesDato>2024-05-01</UdgivelsesDato><Hovedgruppe><HovedgruppeNr>00</HovedgruppeNr>" +
		"<HovedgruppeTitel>Test</HovedgruppeTitel><Gruppe><GruppeNr>00.00</GruppeNr><GruppeTitel>Test</GruppeTitel>")
	for _, a := range s.Areas {
		title, admin := a.Title, ""
		switch a.KLE {
		case "23.05.10":
			title = "Anmeldelse af flytning"
		case "23.09.02":
			admin = "<EmneAdministrativInfo><Historisk><UdgaaetDato>2014-01-01</UdgaaetDato></Historisk></EmneAdministrativInfo>"
		}
		fmt.Fprintf(&b, "<Emne><EmneNr>%s</EmneNr><EmneTitel>%s</EmneTitel>%s</Emne>", a.KLE, html.EscapeString(title), admin)
	}
	b.WriteString("</Gruppe></Hovedgruppe></KLE-Emneplan>")
	plan, err := strategy.ReadEmneplan(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	_, created, _, err := ts.registry.LoadChecked(context.Background(), audit.Actor{Name: "cli:anna"}, "dragoer.yaml", doc,
		plan, filepath.Join(t.TempDir(), "kle-test.xml"))
	if err != nil || created {
		t.Fatalf("check of the loaded preset: created=%v err=%v", created, err)
	}
}

// Issue 10: "say on the areas page whether a number was checked". After
// load --kle, Dragør's areas page, each area's page and the strategy page
// say that version 1's numbers were checked against the named plan, and
// each area says what the check found for it; Tårnby, never checked, says
// in words that its numbers are not.
func TestAreasPages_SayWhetherTheKLENumbersWereChecked(t *testing.T) {
	ts := newTestServer(t, true)
	checkDragoerKLE(t, ts)
	c := ts.client(t, operator)

	list := html.UnescapeString(ts.get(t, c, "/m/dragoer/areas").body)
	if !strings.Contains(text(list), "KLE-numrene i version 1 er kontrolleret mod KLE-emneplanen kle-test.xml (udgivet 1. maj 2024) den ") ||
		!strings.Contains(text(list), " af anna (kommandolinjen). Alle numre findes i emneplanen (12 KLE-numre, 2 advarsler)") {
		t.Errorf("Dragør's areas page does not name the check:\n%s", text(list))
	}
	const checked = "Kontrolleret mod KLE-emneplanen kle-test.xml (udgivet 1. maj 2024)"
	if n := strings.Count(list, "<td>"+checked); n != 12 {
		t.Errorf("%d of Dragør's 12 areas say they were checked", n)
	}
	if r := row(t, list, `/areas/flytning"`); !strings.Contains(r, "<td>"+checked+"<br><strong>Advarsel: emneplanens titel for 23.05.10 er »Anmeldelse af flytning«</strong></td>") {
		t.Errorf("flytning's row: %s", r)
	}
	if r := row(t, list, `/areas/pas"`); !strings.Contains(r, "<td>"+checked+"<br><strong>Advarsel: 23.09.02 er udgået af emneplanen (1. januar 2014)</strong></td>") {
		t.Errorf("pas's row: %s", r)
	}
	if strings.Contains(list, "ikke kontrolleret") || strings.Contains(list, "Ikke kontrolleret") {
		t.Error("Dragør's checked version is said to be unchecked somewhere")
	}

	area := text(html.UnescapeString(ts.get(t, c, "/m/dragoer/areas/flytning").body))
	if !strings.Contains(area, "KLE-kontrol KLE-nummeret er kontrolleret mod KLE-emneplanen kle-test.xml (udgivet 1. maj 2024) den ") ||
		!strings.Contains(area, "Advarsel: emneplanens titel for 23.05.10 er »Anmeldelse af flytning«") {
		t.Errorf("flytning's page:\n%s", area)
	}
	en := text(html.UnescapeString(ts.get(t, c, "/m/dragoer/areas/byggetilladelse", "Accept-Language", "en").body))
	if !strings.Contains(en, "KLE check The KLE number was checked against the KLE subject plan kle-test.xml (released 1 May 2024) on ") ||
		strings.Contains(en, "Warning: the subject plan") {
		t.Errorf("byggetilladelse's page in English:\n%s", en)
	}
	if strategyPage := text(html.UnescapeString(ts.get(t, c, "/m/dragoer").body)); !strings.Contains(strategyPage,
		"KLE-numrene i version 1 er kontrolleret mod KLE-emneplanen kle-test.xml (udgivet 1. maj 2024)") {
		t.Errorf("the strategy page does not summarise the check:\n%s", strategyPage)
	}

	taarnby := html.UnescapeString(ts.get(t, c, "/m/taarnby/areas").body)
	if !strings.Contains(text(taarnby), "KLE-numrene i version 1 er ikke kontrolleret mod KL's KLE-emneplan. Kontrollér dem med kanal strategy load --kle FIL") {
		t.Errorf("Tårnby's areas page does not say its numbers are unchecked:\n%s", text(taarnby))
	}
	if strings.Contains(taarnby, "kontrolleret mod KLE-emneplanen") || strings.Count(taarnby, "<td>Ikke kontrolleret mod KL's KLE-emneplan</td>") != 19 {
		t.Errorf("Tårnby's 19 areas do not each say they are unchecked")
	}
	if area := text(html.UnescapeString(ts.get(t, c, "/m/taarnby/areas/pas", "Accept-Language", "en").body)); !strings.Contains(area,
		"KLE check The KLE number of this version is not checked against KL's KLE subject plan.") {
		t.Errorf("Tårnby's pas page in English:\n%s", area)
	}
}

// A check belongs to the version it checked: a new version loaded without
// the plan shows its numbers as unchecked, although the one before was.
func TestAreasPages_ANewVersionIsUncheckedUntilChecked(t *testing.T) {
	ts := newTestServer(t, true)
	checkDragoerKLE(t, ts)
	doc := kanaltest.PresetDocument(t, "dragoer")
	changed := strings.Replace(string(doc), "title: Pas\n", "title: Pas og rejsedokumenter\n", 1)
	if changed == string(doc) {
		t.Fatal("the preset has no title Pas to change")
	}
	if _, created, err := ts.registry.Load(context.Background(), audit.System, "dragoer-2.yaml", []byte(changed)); err != nil || !created {
		t.Fatalf("version 2: created=%v err=%v", created, err)
	}
	c := ts.client(t, operator)
	list := html.UnescapeString(ts.get(t, c, "/m/dragoer/areas", "Accept-Language", "en").body)
	if !strings.Contains(text(list), "The KLE numbers of version 2 are not checked against KL's KLE subject plan.") ||
		strings.Contains(list, "Checked against") {
		t.Errorf("version 2 of Dragør is shown as checked:\n%s", text(list))
	}
}

// The pages with a stored check — the summary, the column and the
// warnings in words — pass axe-core's WCAG 2.1 AA rules at a laptop's and
// a phone's size, in both languages.
func TestBrowser_KLECheckPagesPassAxeAtBothSizes(t *testing.T) {
	ts := newTestServer(t, true)
	checkDragoerKLE(t, ts)
	ctx := browsertest.New(t)
	signIn(t, ctx, ts, operator)
	for _, path := range []string{"/m/dragoer", "/m/dragoer/areas", "/m/dragoer/areas/flytning", "/m/dragoer/areas/pas"} {
		for _, lang := range []string{"da", "en"} {
			visit(t, ctx, ts.URL+path+"?lang="+lang)
			axeAtBothSizes(t, ctx)
		}
	}
}
