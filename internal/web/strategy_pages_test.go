package web

import (
	"regexp"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/browsertest"
)

// section returns the HTML of the page's section labelled by id.
func section(t *testing.T, body, id string) string {
	t.Helper()
	start := strings.Index(body, `<section aria-labelledby="`+id+`"`)
	if start < 0 {
		t.Fatalf("the page has no section %q", id)
	}
	end := strings.Index(body[start:], "</section>")
	return body[start : start+end]
}

// row returns the table row that holds needle.
func row(t *testing.T, html, needle string) string {
	t.Helper()
	i := strings.Index(html, needle)
	if i < 0 {
		t.Fatalf("no row holds %q", needle)
	}
	start := strings.LastIndex(html[:i], "<tr>")
	end := strings.Index(html[i:], "</tr>")
	return html[start : i+end]
}

const badge = `<span class="badge">Eksempel</span>`

var tags = regexp.MustCompile(`<[^>]+>`)

// text is HTML without its tags and with white space folded.
func text(html string) string {
	return strings.Join(strings.Fields(tags.ReplaceAllString(html, " ")), " ")
}

// Tårnby: "Prioritering 1. Selvbetjening — kommunens hjemmeside 2. Telefon
// 3. E-mail / Papirpost (digital post) 4. Personlig henvendelse". The
// strategy page shows the order as a numbered list with the strategy's
// words; Dragør states no order and shows none.
func TestStrategyPage_ShowsTheRankedChannelOrder(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, operator)
	order := section(t, ts.get(t, c, "/m/taarnby").body, "order")
	items := regexp.MustCompile(`<li>([^<]*)</li>`).FindAllStringSubmatch(order, -1)
	want := []string{"Selvbetjening, Hjemmeside", "Telefon", "E-mail, Papirpost, Digital Post", "Personlig henvendelse"}
	if len(items) != len(want) {
		t.Fatalf("order list %v, want %v", items, want)
	}
	for i, w := range want {
		if items[i][1] != w {
			t.Errorf("rank %d = %q, want %q", i+1, items[i][1], w)
		}
	}
	if !strings.Contains(order, "<ol>") || !strings.Contains(order, "4. Personlig henvendelse") {
		t.Errorf("the order is not a numbered list with the strategy's words:\n%s", order)
	}
	if body := ts.get(t, c, "/m/dragoer").body; strings.Contains(body, `aria-labelledby="order"`) {
		t.Error("Dragør's page shows a channel order its strategy does not state")
	}
}

// "Kontaktcentret har åbent mandag – torsdag fra 8-22 og fredag fra 8-18."
// The channels page shows borger.dk's contact centre, Udbetaling Danmark,
// borger.dk and Virk.dk as referrals, apart from the municipality's
// channels and their opening hours, saying they are not its channels.
func TestChannelsPage_ReferralsApartFromTheMunicipalitysChannels(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, operator)
	body := ts.get(t, c, "/m/taarnby/channels").body
	referrals := section(t, body, "referrals")
	if !strings.Contains(text(referrals), "Disse steder er ikke kommunens kanaler.") {
		t.Errorf("the referrals do not say they are not the municipality's channels:\n%s", text(referrals))
	}
	centre := text(row(t, referrals, "Borger.dk's kontaktcenter"))
	for _, want := range []string{"tlf. 1881", "man.–tors. 08:00–22:00", "fre. 08:00–18:00", "Hvor borgeren skal henvende sig"} {
		if !strings.Contains(centre, want) {
			t.Errorf("contact centre row %q lacks %q", centre, want)
		}
	}
	udk := row(t, referrals, "Udbetaling Danmark")
	if !strings.Contains(udk, "Folkepension") || !strings.Contains(udk, "Boligydelse") || !strings.Contains(udk, badge) {
		t.Errorf("Udbetaling Danmark's row (an example in Tårnby) lacks its areas or the mark:\n%s", text(udk))
	}
	for _, name := range []string{"Borger.dk</th>", "Virk.dk"} {
		row(t, referrals, name)
	}
	for _, own := range []string{section(t, body, "channels"), section(t, body, "hours")} {
		if strings.Contains(own, "1881") || strings.Contains(own, "22:00") {
			t.Errorf("the municipality's own channels or hours hold the contact centre:\n%s", text(own))
		}
	}
	en := ts.get(t, c, "/m/taarnby/channels", "Accept-Language", "en").body
	if !strings.Contains(text(en), "These places are not the municipality's channels.") {
		t.Error("the English page does not say the referrals are not the municipality's channels")
	}
}

// Every value a preset marks as an example is shown as one, in text, on
// each page that shows it: the strategy page (the 80 % target's year), the
// areas list (each area's example values named), the area pages (a badge
// beside each value, or a notice for an area that is an example as a
// whole), the departments, and the channels page (the closing days 5 June,
// 24 and 31 December, and referrals).
func TestPages_EveryExampleValueIsShownAsOne(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, operator)

	target := row(t, ts.get(t, c, "/m/taarnby").body, "Digitale ansøgninger og anmeldelser")
	if !strings.Contains(target, `<span class="badge">Eksempel: årstal</span>`) {
		t.Errorf("the 80 %% target's year is not marked as an example:\n%s", target)
	}

	for _, id := range []string{"dragoer", "taarnby"} {
		cur, err := ts.registry.Current(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		st := cur.Strategy
		list := ts.get(t, c, "/m/"+id+"/areas").body
		for _, d := range st.Departments {
			dt := regexp.MustCompile(`<dt>` + regexp.QuoteMeta(d.Name) + `( <span class="badge">Eksempel</span>)?</dt>`).FindStringSubmatch(list)
			if dt == nil || (dt[1] != "") != d.Example {
				t.Errorf("%s department %s: marked %v, want %v", id, d.ID, dt != nil && dt[1] != "", d.Example)
			}
		}
		for i := range st.Areas {
			a := &st.Areas[i]
			r := row(t, list, `/areas/`+a.ID+`"`)
			cells := regexp.MustCompile(`(?s)<td>(.*?)</td>`).FindAllStringSubmatch(r, -1)
			examples := cells[len(cells)-1][1]
			if a.HasExamples() != strings.HasPrefix(examples, badge) {
				t.Errorf("%s %s: examples cell %q", id, a.ID, examples)
			}
			page := ts.get(t, c, "/m/"+id+"/areas/"+a.ID).body
			if a.Example {
				if !strings.Contains(page, `<p class="notice">`+badge+` Strategien nævner ikke dette område.`) {
					t.Errorf("%s %s: the page does not say the whole area is an example", id, a.ID)
				}
				continue
			}
			checkFieldBadges(t, id, a.ID, page, a.Examples)
		}
	}

	for id, days := range map[string][]string{"dragoer": {"5. juni (lukket)", "24. december (lukket)", "31. december (lukket)"},
		"taarnby": {"5. juni (lukket)", "24. december (lukket)", "31. december (lukket)"}} {
		hours := section(t, ts.get(t, c, "/m/"+id+"/channels").body, "hours")
		for _, d := range days {
			if strings.Count(hours, d+" "+badge) == 0 {
				t.Errorf("%s: closing day %q is not marked as an example", id, d)
			}
		}
		if strings.Contains(hours, "(Juledag) "+badge) {
			t.Errorf("%s: a public holiday is marked as an example", id)
		}
	}
	dragoerReferrals := section(t, ts.get(t, c, "/m/dragoer/channels").body, "referrals")
	if !strings.Contains(row(t, dragoerReferrals, "Borger.dk's kontaktcenter"), badge) {
		t.Error("Dragør's contact centre, which its strategy does not name, is not marked as an example")
	}
}

// checkFieldBadges finds, on an area's page, the value of each field the
// file marks and checks that a badge follows it.
func checkFieldBadges(t *testing.T, municipality, area, page string, fields []string) {
	t.Helper()
	// The label before each field's value on the area page.
	labels := map[string]string{
		"department": "<dt>Afdeling</dt>", "digital_readiness": "<dt>Målgruppens digitale parathed</dt>",
		"response_days": "<dt>Svartid (arbejdsdage)</dt>", "law": "<dt>Lovgrundlag</dt>", "since": "<dt>Gældende fra</dt>",
		"wave": "<dt>Bølge</dt>", "exemption_channel": "<dt>Kanal for fritagne borgere</dt>", "url": "<dt>Adresse</dt>",
		"sb_level": "<dt>SB-niveau</dt>", "login": "<dt>Login</dt>", "borger_dk": "<dt>Tilgængelig via borger.dk</dt>",
		"search_words": "<dt>Søgeord</dt>", "have_ready": "<dt>Det skal borgeren have klar</dt>",
	}
	for _, f := range fields {
		switch f {
		case "kle":
			if !regexp.MustCompile(`<span class="kle">[0-9.]+</span> ` + badge).MatchString(page) {
				t.Errorf("%s %s: the KLE number is not marked as an example", municipality, area)
			}
		case "title":
			h1 := page[strings.Index(page, "<h1>"):strings.Index(page, "</h1>")]
			if !strings.HasSuffix(h1, badge) {
				t.Errorf("%s %s: the title is not marked as an example: %s", municipality, area, h1)
			}
		default:
			label, ok := labels[f]
			if !ok {
				t.Errorf("%s %s: the test does not know where the page shows %s", municipality, area, f)
				continue
			}
			i := strings.Index(page, label)
			if i < 0 {
				t.Errorf("%s %s: the page does not show %s", municipality, area, f)
				continue
			}
			dd := page[i : i+strings.Index(page[i:], "</dd>")]
			if !strings.HasSuffix(dd, badge) {
				t.Errorf("%s %s: %s is not marked as an example: %s", municipality, area, f, dd)
			}
		}
	}
}

// "Digitalisering skal ske på SB niveau 1 for at være effektiv." The areas
// list and the area's page warn in words where a solution is below the
// level; Dragør, without a minimum, warns about none. Expectations by hand:
// in Tårnby's preset only lån til beboerindskud has SB level 0.
func TestAreasPage_WarnsBelowTheMinimumSBLevel(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, operator)
	list := ts.get(t, c, "/m/taarnby/areas").body
	const warning = "Advarsel: SB-niveau 0 er under strategiens mindste niveau 1"
	if n := strings.Count(list, "Advarsel: SB-niveau"); n != 1 {
		t.Errorf("%d warnings on Tårnby's areas, want 1", n)
	}
	if !strings.Contains(row(t, list, `/areas/beboerindskud"`), "<strong>"+warning+"</strong>") {
		t.Error("lån til beboerindskud (SB level 0) carries no warning")
	}
	if !strings.Contains(text(list), "Strategien: »Digitalisering skal ske på SB niveau 1 for at være effektiv.«") {
		t.Error("the areas page does not quote the strategy's rule")
	}
	if !strings.Contains(ts.get(t, c, "/m/taarnby/areas/beboerindskud").body, "<strong>"+warning+"</strong>") {
		t.Error("the area's page carries no warning")
	}
	if strings.Contains(ts.get(t, c, "/m/dragoer/areas").body, "Advarsel: SB-niveau") {
		t.Error("Dragør's strategy sets no minimum level, yet an area is warned about")
	}
}

// The area for what no other area covers has no KLE number: its page is
// titled by its name alone, not with a space where the number would be.
func TestAreaPage_TheOtherAreaIsTitledByItsName(t *testing.T) {
	ts := newTestServer(t, true)
	body := ts.get(t, ts.client(t, operator), "/m/dragoer/areas/andet").body
	if !strings.Contains(body, "<title>Andet / ukendt område – ") {
		t.Errorf("the title is not the area's name: %s", firstLine(body[strings.Index(body, "<title>"):]))
	}
}

// The strategy, areas, area and channels pages with what issue 10 added to
// them (the ranked order, example marks, the SB warning, referrals) pass
// axe-core's WCAG 2.1 AA rules at a laptop's and a phone's size, in both
// languages.
func TestBrowser_StrategyPagesPassAxeAtBothSizes(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := browsertest.New(t)
	signIn(t, ctx, ts, operator)
	for _, path := range []string{"/m/taarnby", "/m/taarnby/areas", "/m/taarnby/areas/beboerindskud",
		"/m/taarnby/areas/folkepension", "/m/dragoer/areas", "/m/dragoer/areas/byggetilladelse", "/m/taarnby/channels",
		"/m/dragoer/channels"} {
		for _, lang := range []string{"da", "en"} {
			visit(t, ctx, ts.URL+path+"?lang="+lang)
			axeAtBothSizes(t, ctx)
		}
	}
}
