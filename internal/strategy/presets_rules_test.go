package strategy_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Tårnby: "Prioritering 1. Selvbetjening — kommunens hjemmeside 2. Telefon
// 3. E-mail / Papirpost (digital post) 4. Personlig henvendelse". The order
// is a ranked list, and the inquiry types' default channels do not put
// personal attendance above e-mail, paper or Digital Post.
func TestPresets_TaarnbyChannelOrder(t *testing.T) {
	s := preset(t, "taarnby")
	if s.ChannelOrder == nil {
		t.Fatal("Tårnby's preset states no channel order")
	}
	want := [][]string{{"self_service", "website"}, {"phone"}, {"email", "letter", "digital_post"}, {"in_person"}}
	if len(s.ChannelOrder.Ranks) != len(want) {
		t.Fatalf("ranks %v, want %v", s.ChannelOrder.Ranks, want)
	}
	for i := range want {
		if !equal(s.ChannelOrder.Ranks[i], want[i]) {
			t.Errorf("rank %d = %v, want %v", i+1, s.ChannelOrder.Ranks[i], want[i])
		}
	}
	if !strings.Contains(s.ChannelOrder.Text, "4. Personlig henvendelse") {
		t.Errorf("order text %q is not the strategy's", s.ChannelOrder.Text)
	}
	// Position in a priority: 0 primary, 1 secondary, 2 inappropriate.
	position := func(p strategy.Priority, c string) (int, bool) {
		for i, l := range [][]string{p.Primary, p.Secondary, p.Inappropriate} {
			if contains(l, c) {
				return i, true
			}
		}
		return 0, false
	}
	for _, typ := range s.InquiryTypes {
		for dir, p := range map[string]strategy.Priority{"inbound": typ.Inbound, "outbound": typ.Outbound} {
			personal, ok := position(p, strategy.InPerson)
			if !ok {
				continue
			}
			for _, written := range []string{strategy.Email, strategy.Letter, strategy.DigitalPost} {
				if other, ok := position(p, written); ok && personal < other {
					t.Errorf("%s %s: personal attendance stands above %s", typ.ID, dir, written)
				}
			}
		}
	}
	if _, ok := preset(t, "dragoer").ChannelOrder.Rank(strategy.Phone); ok {
		t.Error("Dragør's strategy states no ranked order; its preset must not invent one")
	}
}

// The order must name known channels, each once, and no rank may be empty.
func TestValidate_ChannelOrder(t *testing.T) {
	for name, c := range map[string]struct{ old, new, rule, at string }{
		"unknown channel": {"    - [phone]\n", "    - [phone, fax]\n", strategy.RuleUnknownChannel, "[phone, fax]"},
		"channel twice":   {"    - [phone]\n", "    - [phone, website]\n", strategy.RuleChannelTwice, "[phone, website]"},
		"no text":         {"  text: 1. Selvbetjening", "  txt: 1. Selvbetjening", strategy.RuleRequired, "  txt: 1. Selvbetjening"},
	} {
		t.Run(name, func(t *testing.T) {
			doc := strings.Replace(minimal(t), c.old, c.new, 1)
			assertRuleAt(t, doc, c.rule, c.at)
		})
	}
}

// "Kontaktcentret har åbent mandag – torsdag fra 8-22 og fredag fra 8-18."
// The contact centre at 1881 is borger.dk's, not Tårnby's phone: it is a
// referral with those hours, and the municipality's own phone is not open
// at 21:30 on a Thursday.
func TestPresets_TaarnbyContactCentreIsAReferral(t *testing.T) {
	s := preset(t, "taarnby")
	at := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, strategy.Location)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	r, ok := s.Referral("kontaktcenter-1881")
	if !ok || r.Contact != "tlf. 1881" || r.Example {
		t.Fatalf("no referral to borger.dk's contact centre at tlf. 1881 in Tårnby's own words: %+v", r)
	}
	for when, open := range map[string]bool{
		"2017-03-02 21:30": true,  // Thursday evening
		"2017-03-02 22:00": false, // closes at 22
		"2017-03-02 07:59": false,
		"2017-03-03 17:59": true, // Friday
		"2017-03-03 18:30": false,
		"2017-03-04 10:00": false, // Saturday
		"2017-12-25 10:00": false, // Christmas Day, a Monday
		"2017-04-13 10:00": false, // Maundy Thursday
	} {
		if got := r.IsOpen(at(when)); got != open {
			t.Errorf("1881 open at %s = %v, want %v", when, got, open)
		}
	}
	if s.IsOpen(strategy.Phone, at("2017-03-02 21:30")) {
		t.Error("the municipality's own phone is open at 21:30 on a Thursday: 1881 is still modelled as its phone")
	}
	for _, oh := range s.OpeningHours {
		if strings.Contains(oh.Location, "1881") {
			t.Errorf("opening_hours still hold 1881 as a location of the municipality's %s", oh.Channel)
		}
	}
	if !strings.Contains(r.HelpsWith, "hvor borgeren skal henvende sig") && !strings.Contains(r.HelpsWith, "Hvor borgeren skal henvende sig") {
		t.Errorf("1881 helps with %q, not in the strategy's words", r.HelpsWith)
	}
}

// Both presets refer to Udbetaling Danmark for pension and housing benefit
// (Dragør: "Med overdragelsen af visse kommunale opgaver til statslige
// centre, Udbetaling Danmark …"), to borger.dk, and Tårnby to Virk.dk
// ("Fakta information … hentes i størst muligt omfang fra Borger.dk og
// Virk.dk"); no referral is a channel of the municipality's.
func TestPresets_Referrals(t *testing.T) {
	for _, id := range []string{"dragoer", "taarnby"} {
		s := preset(t, id)
		for _, ref := range []string{"udbetaling-danmark", "borger-dk", "virk-dk", "kontaktcenter-1881"} {
			r, ok := s.Referral(ref)
			if !ok {
				t.Errorf("%s: no referral %s", id, ref)
				continue
			}
			if _, clash := s.Channel(r.ID); clash {
				t.Errorf("%s: referral %s is also a channel", id, ref)
			}
		}
		for _, area := range []string{"folkepension", "boligydelse"} {
			a, _ := s.Area(area)
			if r, ok := s.ReferralFor(a); !ok || r.ID != "udbetaling-danmark" {
				t.Errorf("%s %s: referral %v, want Udbetaling Danmark", id, area, r)
			}
		}
	}
	// What each strategy does not name is an example.
	for id, examples := range map[string][]string{
		"dragoer": {"kontaktcenter-1881", "virk-dk"},
		"taarnby": {"udbetaling-danmark"},
	} {
		s := preset(t, id)
		for _, r := range s.Referrals {
			if got, want := r.Example, contains(examples, r.ID); got != want {
				t.Errorf("%s referral %s: example = %v, want %v", id, r.ID, got, want)
			}
		}
	}
}

// Referrals are checked like the rest: hours like opening hours, known
// areas, a web address, an id that is no channel's.
func TestValidate_Referrals(t *testing.T) {
	for name, c := range map[string]struct{ old, new, rule, at string }{
		"bad hours":     {`to: "22:00"`, `to: "07:00"`, strategy.RuleHoursOrder, `to: "07:00"`},
		"bad day":       {"      - days: [mon, tue, wed, thu]\n        from: \"08:00\"\n        to: \"22:00\"", "      - days: [man]\n        from: \"08:00\"\n        to: \"22:00\"", strategy.RuleBadDay, "[man]"},
		"bad url":       {"    url: https://www.borger.dk/\n    helps_with", "    url: borger.dk\n    helps_with", strategy.RuleBadURL, "url: borger.dk"},
		"no helps_with": {"    helps_with: Selvbetjening.\n", "", strategy.RuleRequired, "  - id: borger-dk"},
	} {
		t.Run(name, func(t *testing.T) {
			assertRuleAt(t, strings.Replace(minimal(t), c.old, c.new, 1), c.rule, c.at)
		})
	}
}

// Tårnby's text names no service areas, departments but its libraries,
// closing days or a year for "ca. 80 %"; Dragør's names its areas but no
// KLE numbers, SB levels, response times, readiness or logins, and no
// waste area. Each such value is marked as an example in the file.
// Expectations by hand from the list.
func TestPresets_InventedValuesAreMarkedAsExamples(t *testing.T) {
	taarnby := preset(t, "taarnby")
	for _, a := range taarnby.Areas {
		if !a.Example {
			t.Errorf("Tårnby area %s is not marked as an example; the strategy names no areas", a.ID)
		}
	}
	for _, d := range taarnby.Departments {
		if want := d.ID != "biblioteker"; d.Example != want {
			t.Errorf("Tårnby department %s: example = %v, want %v", d.ID, d.Example, want)
		}
	}
	if tx := target(t, taarnby, strategy.MeasureTransactionDigital); !tx.IsExample("years") || tx.IsExample("shares") {
		t.Errorf("the 80 %% target's year must be an example and its share not: %v", tx.Examples)
	}

	dragoer := preset(t, "dragoer")
	for _, id := range []string{"dragoer", "taarnby"} {
		s := preset(t, id)
		if waste, _ := s.Area("affald"); !waste.Example {
			t.Errorf("%s: the waste area is not marked as an example", id)
		}
		if !s.Holidays.ClosedExample || strings.Join(s.Holidays.Closed, ",") != "06-05,12-24,12-31" {
			t.Errorf("%s: closing days %v, example %v; want 5 June, 24 and 31 December as examples", id, s.Holidays.Closed, s.Holidays.ClosedExample)
		}
	}
	for _, a := range dragoer.Areas {
		fields := []string{"kle", "title", "digital_readiness"}
		if a.ResponseDays != nil {
			fields = append(fields, "response_days")
		}
		if a.SelfService != nil {
			fields = append(fields, "sb_level", "login", "url")
		}
		for _, f := range fields {
			if !a.IsExample(f) {
				t.Errorf("Dragør area %s: %s is not marked as an example", a.ID, f)
			}
		}
	}
	for _, d := range dragoer.Departments {
		if want := d.ID != "borgerbutikken"; d.Example != want {
			t.Errorf("Dragør department %s: example = %v, want %v", d.ID, d.Example, want)
		}
	}
	// Dragør's note said the transfer to Udbetaling Danmark was complete in
	// 2012; the strategy says only "Med overdragelsen …". The areas now
	// carry the strategy's sentence, and the referral the dates with their
	// source.
	for _, id := range []string{"folkepension", "boligydelse"} {
		a, _ := dragoer.Area(id)
		if !strings.HasPrefix(a.Note, "Med overdragelsen af visse kommunale opgaver til statslige centre, Udbetaling Danmark") {
			t.Errorf("Dragør %s's note %q is not the strategy's sentence", id, a.Note)
		}
	}
	if r, _ := dragoer.Referral("udbetaling-danmark"); !strings.Contains(r.Note, "1. marts 2013") || !strings.Contains(r.Note, "ATP") {
		t.Errorf("Udbetaling Danmark's dates are not given with their source: %q", r.Note)
	}
}

// All four waves of mandatory digital self-service were in force in
// 2016–2018; Tårnby's preset has areas of each, with the law's bill number
// and wave. Expectations by hand from the bills on ft.dk.
func TestPresets_TaarnbyHasTheFourWaves(t *testing.T) {
	s := preset(t, "taarnby")
	want := map[string]struct {
		wave  int
		bill  string
		since string
	}{
		"flytning":           {1, "L 159 2011-12", "2012-12-01"},
		"dagtilbud":          {1, "L 159 2011-12", "2012-12-01"},
		"fripladstilskud":    {2, "L 198 2012-13", "2013-12-01"},
		"laegevalg":          {2, "L 198 2012-13", "2013-12-01"},
		"adressebeskyttelse": {2, "L 198 2012-13", "2013-12-01"},
		"byggetilladelse":    {3, "L 158 2013-14", "2014-12-01"},
		"beboerindskud":      {3, "L 158 2013-14", "2014-12-01"},
		"bopaelsattest":      {3, "L 158 2013-14", "2014-12-01"},
		"sygedagpenge":       {4, "L 140 2014-15", "2015-12-01"},
		"helbredstillaeg":    {4, "L 140 2014-15", "2015-12-01"},
	}
	waves := map[int]bool{}
	for id, w := range want {
		a, ok := s.Area(id)
		if !ok || a.Mandatory == nil {
			t.Errorf("no mandatory area %s", id)
			continue
		}
		m := a.Mandatory
		if m.Wave != w.wave || !strings.Contains(m.Law, w.bill) || m.Since != w.since {
			t.Errorf("%s: wave %d, law %q, since %s; want wave %d, %s, %s", id, m.Wave, m.Law, m.Since, w.wave, w.bill, w.since)
		}
		if w.wave > 1 && !a.IsExample("since") {
			t.Errorf("%s: the date of wave %d was not read in the law and must be marked as an example", id, w.wave)
		}
		if !a.IsMandatoryOn(civil.Date{Year: 2016, Month: time.January, Day: 1}) {
			t.Errorf("%s is not mandatory in Tårnby's period", id)
		}
		waves[m.Wave] = true
	}
	if len(waves) != 4 {
		t.Errorf("waves %v, want all four", waves)
	}
}

// "Digitalisering skal ske på SB niveau 1 for at være effektiv." Tårnby's
// preset holds the rule with its sentence; levels 0–4 are accepted.
func TestPresets_TaarnbyMinimumSBLevel(t *testing.T) {
	s := preset(t, "taarnby")
	if m := s.MinimumSBLevel; m == nil || m.Level != 1 || m.Text != "Digitalisering skal ske på SB niveau 1 for at være effektiv." {
		t.Fatalf("minimum SB level %+v", m)
	}
	if preset(t, "dragoer").MinimumSBLevel != nil {
		t.Error("Dragør's strategy sets no minimum SB level")
	}
	for level, ok := range map[string]bool{"0": true, "4": true, "5": false, "-1": false} {
		doc := strings.Replace(minimal(t), "minimum_sb_level:\n  level: 1", "minimum_sb_level:\n  level: "+level, 1)
		_, err := strategy.Parse("sb.yaml", []byte(doc))
		if (err == nil) != ok {
			t.Errorf("minimum level %s: valid = %v, want %v:%s", level, err == nil, ok, describe(err))
		}
	}
}

// assertRuleAt parses doc and expects rule reported on the line where at
// first appears.
func assertRuleAt(t *testing.T, doc, rule, at string) {
	t.Helper()
	if !strings.Contains(doc, at) {
		t.Fatalf("document has no %q", at)
	}
	_, err := strategy.Parse("broken.yaml", []byte(doc))
	var inv *strategy.Invalid
	if !errors.As(err, &inv) {
		t.Fatalf("want %s, got %v", rule, err)
	}
	want := strings.Count(doc[:strings.Index(doc, at)], "\n") + 1
	for _, p := range inv.Problems {
		if p.Rule == rule {
			if p.Pos.Line != want {
				t.Errorf("%s at line %d, want %d", rule, p.Pos.Line, want)
			}
			return
		}
	}
	t.Errorf("want %s, got:%s", rule, describe(err))
}
