package strategy_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

func minimal(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("testdata/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestParse_MinimalIsValid(t *testing.T) {
	s, err := strategy.Parse("minimal.yaml", []byte(minimal(t)))
	if err != nil {
		t.Fatalf("minimal.yaml should be valid: %v", describe(err))
	}
	if s.Municipality.ID != "testkommune" || len(s.Areas) != 2 || len(s.Targets) != 3 {
		t.Errorf("decoded wrongly: %+v", s.Municipality)
	}
}

// describe lists an error's problems, for test failure messages.
func describe(err error) string {
	var inv *strategy.Invalid
	if !errors.As(err, &inv) {
		return err.Error()
	}
	var b strings.Builder
	for _, p := range inv.Problems {
		b.WriteString("\n  " + p.Location() + ": " + locale.New("en").T(p.Rule, p.Args...))
	}
	return b.String()
}

// Each case breaks the minimal document in one way: it replaces the first
// occurrence of old with new (or the whole document with doc), and expects
// the rule to be reported on the line where at first appears in the broken
// document.
var ruleCases = []struct {
	rule     string
	old, new string
	doc      string
	at       string
}{
	{rule: strategy.RuleSyntax, doc: "%YAML 1.1\n%YAML 1.1\n---\nmunicipality: {}\n", at: "%YAML 1.1\n---"},
	{rule: strategy.RuleYAMLExpectedKey, old: "  name: Testkommune", new: " name: Testkommune", at: " name: Testkommune"},
	{rule: strategy.RuleYAMLExpectedItem, old: "    digital_readiness: medium", new: "   digital_readiness: medium", at: "   digital_readiness: medium"},
	{rule: strategy.RuleYAMLExpectedValue, old: "title: Pas", new: "title: ]", at: "title: ]"},
	{rule: strategy.RuleYAMLUnclosedList, old: "  from: 2012", new: "  from: [2012", at: "from: [2012"},
	{rule: strategy.RuleYAMLUnclosedFields, old: "  from: 2012", new: "  from: {2012", at: "from: {2012"},
	{rule: strategy.RuleYAMLUnclosedQuote, old: "vision: De", new: "vision: 'De", at: "vision: 'De"},
	{rule: strategy.RuleYAMLColon, old: "vision: De,", new: "vision: De:", at: "vision: De:"},
	{rule: strategy.RuleYAMLMissingColon, old: "vision: De", new: "vision De", at: "vision De"},
	{rule: strategy.RuleYAMLDash, old: "vision: De", new: "vision: - De", at: "vision: - De"},
	{rule: strategy.RuleYAMLTab, old: "  from: 2012", new: "\tfrom: 2012", at: "\tfrom"},
	{rule: strategy.RuleYAMLBadChar, old: "title: Pas", new: "title: @Pas", at: "@Pas"},
	{rule: strategy.RuleYAMLEscape, old: `kle: "23.09.02"`, new: `kle: "23\.09.02"`, at: `"23\.09.02"`},
	{rule: strategy.RuleYAMLBlockHeader, old: "vision: De", new: "vision: |De", at: "vision: |De"},
	{rule: strategy.RuleAlias, old: "title: Pas", new: "title: & Pas", at: "title: & Pas"},
	{rule: strategy.RuleYAMLTag, old: "title: Pas", new: "title: !x!y Pas", at: "!x!y"},
	{rule: strategy.RuleYAMLControlChar, old: "title: Pas", new: "title: P\x07s", at: "P\x07s"},
	{rule: strategy.RuleYAMLNotUTF8, old: "title: Pas", new: "title: P\xe5s", at: "P\xe5s"},
	{rule: strategy.RuleEmpty, doc: "# nothing here\n"},
	{rule: strategy.RuleManyDocuments, old: "holidays:", new: "---\nmunicipality: {}\nholidays:", at: "---"},
	{rule: strategy.RuleAlias, old: "vision: De, der kan selv, skal selv.", new: "vision: &v De, der kan selv, skal selv.\ntitle: *v", at: "vision: &v"},
	{rule: strategy.RuleUnknownField, old: "  name: Testkommune", new: "  name: Testkommune\n  nmae: x", at: "nmae"},
	{rule: strategy.RuleDuplicateKey, old: "vision: De", new: "vision: A\nvision: De", at: "vision: De"},
	{rule: strategy.RuleWantMapping, old: "municipality:\n  id: testkommune\n  name: Testkommune", new: "municipality: testkommune", at: "municipality:"},
	{rule: strategy.RuleWantList, old: "types: [transaction]", new: "types: transaction", at: "types: transaction"},
	{rule: strategy.RuleWantValue, old: "title: Pas", new: "title: [Pas]", at: "title: [Pas]"},
	{rule: strategy.RuleNotInteger, old: "sb_level: 3\n      login", new: "sb_level: tre\n      login", at: "sb_level: tre"},
	{rule: strategy.RuleNotNumber, old: "dkk: 75", new: `dkk: "75 kr."`, at: "75 kr."},
	{rule: strategy.RuleNotBool, old: "borger_dk: true", new: "borger_dk: ja", at: "borger_dk: ja"},

	{rule: strategy.RuleRequired, old: "  name: Testkommune\n", new: "", at: "  id: testkommune"},
	{rule: strategy.RuleRequired, old: "    response_days: 5\n", new: "", at: "  - id: flytning"},
	{rule: strategy.RuleBadID, old: "id: testkommune", new: "id: Test Kommune", at: "Test Kommune"},
	{rule: strategy.RuleDuplicateID, old: "  - id: borgerservice\n    name: Borgerservice", new: "  - id: borgerservice\n    name: Borgerservice\n  - id: borgerservice\n    name: Igen", at: "  - id: borgerservice\n    name: Igen"},
	{rule: strategy.RuleBadPeriod, old: "to: 2015", new: "to: 2011", at: "to: 2011"},
	{rule: strategy.RuleBadLogo, old: "  name: Testkommune\n", new: "  name: Testkommune\n  logo: https://www.test.dk/logo.png\n", at: "logo: https://"},
	{rule: strategy.RuleBadLogo, old: "  name: Testkommune\n", new: "  name: Testkommune\n  logo: data:image/gif;base64,R0lGODlhAQABAAAAACw=\n", at: "logo: data:image/gif"},
	{rule: strategy.RuleBadLogo, old: "  name: Testkommune\n", new: "  name: Testkommune\n  logo: data:image/png;base64,ikke base64!\n", at: "logo: data:image/png"},
	// 12345675 fails the modulus-11 check; 1234567 is seven digits.
	{rule: strategy.RuleBadCVR, old: "  name: Testkommune\n", new: "  name: Testkommune\n  cvr: \"12345675\"\n", at: "cvr: \"12345675\""},
	{rule: strategy.RuleBadCVR, old: "  name: Testkommune\n", new: "  name: Testkommune\n  cvr: \"1234567\"\n", at: "cvr: \"1234567\""},

	{rule: strategy.RuleBadKind, old: "kind: oral", new: "kind: spoken", at: "kind: spoken"},
	{rule: strategy.RuleUnknownChannel, old: "secondary: [phone]\n      inappropriate: [email, letter, in_person]", new: "secondary: [fone]\n      inappropriate: [email, letter, in_person]", at: "[fone]"},
	{rule: strategy.RuleUnknownType, old: "types: [information, transaction]", new: "types: [information, transaktion]", at: "transaktion]"},
	{rule: strategy.RuleNoPrimary, old: "    outbound:\n      primary: [website]", new: "    outbound:\n      secondary: [website]", at: "secondary: [website]"},
	{rule: strategy.RulePrimaryInappropriate, old: "inappropriate: [email, letter, in_person]", new: "inappropriate: [email, letter, website]", at: "inappropriate: [email, letter, website]"},
	{rule: strategy.RuleChannelTwice, old: "secondary: [phone]\n", new: "secondary: [phone, phone]\n", at: "[phone, phone]"},
	{rule: strategy.RuleWrongDirection, old: "    outbound:\n      primary: [website]", new: "    outbound:\n      primary: [email]", at: "primary: [email]"},

	{rule: strategy.RuleUnknownDepartment, old: "department: borgerservice\n    types: [transaction]", new: "department: teknik\n    types: [transaction]", at: "department: teknik"},
	{rule: strategy.RuleBadKLE, old: `kle: "23.09.02"`, new: `kle: "23.9.2"`, at: "23.9.2"},
	{rule: strategy.RuleDuplicateKLE, old: `kle: "23.09.02"`, new: `kle: "23.05.10"`, at: "kle: \"23.05.10\"\n    title: Pas"},
	{rule: strategy.RuleNoTypes, old: "types: [transaction]", new: "types: []", at: "types: []"},
	{rule: strategy.RuleTypeNotHandled, old: "      transaction:\n        primary: [in_person]", new: "      information:\n        primary: [in_person]", at: "      information:"},
	{rule: strategy.RuleMandatoryNeedsTx, old: "types: [information, transaction]", new: "types: [information]", at: "      law: CPR"},
	{rule: strategy.RuleMandatoryNotDigital, old: "    mandatory_digital:", new: "    channels:\n      transaction:\n        primary: [in_person]\n        secondary: [phone]\n    mandatory_digital:", at: "      law: CPR"},
	{rule: strategy.RuleExemptionNotSecondary, old: "exemption_channel: in_person", new: "exemption_channel: email", at: "exemption_channel: email"},
	{rule: strategy.RuleBadDate, old: `since: "2012-12-01"`, new: `since: "1. december 2012"`, at: "1. december 2012"},
	{rule: strategy.RuleBadSBLevel, old: "sb_level: 3\n      login", new: "sb_level: 7\n      login", at: "sb_level: 7"},
	{rule: strategy.RuleBadLogin, old: "login: nemid", new: "login: password", at: "login: password"},
	{rule: strategy.RuleBadURL, old: "url: https://www.borger.dk/", new: "url: www.borger.dk", at: "url: www.borger.dk"},
	{rule: strategy.RuleBadResponseDays, old: "response_days: 10", new: "response_days: -1", at: "response_days: -1"},
	{rule: strategy.RuleBadRetentionDays, old: "response_days: 10", new: "response_days: 10\n    retention_days: 0", at: "retention_days: 0"},
	{rule: strategy.RuleBadRetentionDays, old: "response_days: 10", new: "response_days: 10\n    retention_days: 3651", at: "retention_days: 3651"},
	{rule: strategy.RuleBadReadiness, old: "digital_readiness: medium", new: "digital_readiness: great", at: "digital_readiness: great"},
	{rule: strategy.RuleBadWave, old: "wave: 1", new: "wave: 5", at: "wave: 5"},
	{rule: strategy.RuleBadExampleField, old: "examples: [kle, sb_level]", new: "examples: [kle, colour]", at: "examples: [kle, colour]"},
	{rule: strategy.RuleBadSearchWord, old: "title: Pas\n", new: "title: Pas\n    search_words: [pasfoto, \"  \"]\n", at: "\"  \"]"},
	{rule: strategy.RuleBadSearchWord, old: "title: Pas\n", new: "title: Pas\n    search_words: [" + strings.Repeat("pas", 14) + "]\n", at: strings.Repeat("pas", 14)},
	{rule: strategy.RuleBadCaseWord, old: "title: Pas\n", new: "title: Pas\n    case_words: [mit pas, \"  \"]\n", at: "\"  \"]"},
	{rule: strategy.RuleBadCaseWord, old: "title: Pas\n", new: "title: Pas\n    case_words: [" + strings.Repeat("pas", 14) + "]\n", at: strings.Repeat("pas", 14)},
	{rule: strategy.RuleDuplicateCaseWord, old: "title: Pas\n", new: "title: Pas\n    case_words: [mit pas, Mit Pas]\n", at: "Mit Pas]"},
	{rule: strategy.RuleDuplicateSearchWord, old: "title: Pas\n", new: "title: Pas\n    search_words: [rejsepas, pasfoto, Rejsepas]\n", at: "Rejsepas]"},
	{rule: strategy.RuleDuplicateSearchWord, old: "title: Pas\n", new: "title: Pas\n    search_words: [kørekort, koerekort]\n", at: "koerekort]"},
	{rule: strategy.RuleBadHaveReady, old: "title: Pas\n", new: "title: Pas\n    have_ready: [Dit gamle pas, \"  \"]\n", at: "\"  \"]"},
	{rule: strategy.RuleBadHaveReady, old: "title: Pas\n", new: "title: Pas\n    have_ready: [" + strings.Repeat("pasfoto ", 16) + "]\n", at: strings.Repeat("pasfoto ", 16)},
	{rule: strategy.RuleBadHaveReady, old: "title: Pas\n", new: "title: Pas\n    have_ready: [\"Pasfoto\\nog gammelt pas\"]\n", at: "\"Pasfoto"},
	{rule: strategy.RuleOtherTwice, old: "    referral: borger-dk\n  - id: pas\n", new: "    referral: borger-dk\n    other: true\n  - id: pas\n    other: true\n", at: "    other: true\n    kle: \"23.09.02\""},
	{rule: strategy.RuleRequired, old: "    kle: \"23.09.02\"\n", new: "", at: "  - id: pas"},
	{rule: strategy.RuleBadExampleField, old: "examples: [years]", new: "examples: [year]", at: "examples: [year]"},
	{rule: strategy.RuleUnknownReferral, old: "referral: borger-dk", new: "referral: borgerdk", at: "referral: borgerdk"},

	{rule: strategy.RuleOrderEmptyRank, old: "    - [phone]\n", new: "    - []\n", at: "    - []\n"},
	{rule: strategy.RuleOrderContradicted, old: "    - [digital_post, in_person]\n    - [email, letter]", new: "    - [digital_post, email]\n    - [in_person, letter]", at: "secondary: [phone, in_person]"},
	{rule: strategy.RuleReferralIsChannel, old: "  - id: kontaktcenter", new: "  - id: phone", at: "  - id: phone\n    name: Kontaktcenter"},
	{rule: strategy.RuleReferralUnreachable, old: "    contact: tlf. 1881\n", new: "", at: "  - id: kontaktcenter"},

	{rule: strategy.RuleNegativePrice, old: "dkk: 75", new: "dkk: -75", at: "dkk: -75"},
	{rule: strategy.RuleNoSource, old: "source: Eksempel", new: `source: ""`, at: `source: ""`},
	{rule: strategy.RuleSBLevelNotSelfSvc, old: "    - channel: in_person\n      dkk: 75", new: "    - channel: in_person\n      sb_level: 2\n      dkk: 75", at: "sb_level: 2"},
	{rule: strategy.RuleDuplicatePrice, old: "    - channel: phone\n      type: information", new: "    - channel: in_person\n      dkk: 80\n      source: igen\n    - channel: phone\n      type: information", at: "    - channel: in_person\n      dkk: 80"},
	{rule: strategy.RuleBadCurrency, old: "currency: DKK", new: "currency: EUR", at: "currency: EUR"},
	{rule: strategy.RuleBadPriceYear, old: "year: 2011", new: "year: 11", at: "year: 11"},

	{rule: strategy.RuleBadMeasure, old: "measure: inbound_digital_share", new: "measure: digital_share", at: "measure: digital_share"},
	{rule: strategy.RuleBadDirection, old: "direction: reduce", new: "direction: down", at: "direction: down"},
	{rule: strategy.RuleShareRange, old: "2015: 50", new: "2015: 150", at: "2015: 150"},
	{rule: strategy.RuleYearOutside, old: "2012: 30", new: "2011: 30", at: "2011: 30"},
	{rule: strategy.RuleYearOutside, old: "deadline: 2012", new: "deadline: 2020", at: "deadline: 2020"},
	{rule: strategy.RuleNoShares, old: "    shares:\n      2012: 30\n      2015: 50\n", new: "", at: "  - id: digitale-henvendelser"},
	{rule: strategy.RuleNoDeadline, old: "    deadline: 2012\n", new: "", at: "  - id: nemid"},
	{rule: strategy.RuleUnknownArea, old: "    measure: login_where_validation_needed\n", new: "    measure: login_where_validation_needed\n    area: \"99.99.99\"\n", at: "99.99.99"},
	{rule: strategy.RuleUnknownArea, old: "areas: [flytning]", new: "areas: [flyting]", at: "areas: [flyting]"},
	{rule: strategy.RuleMeasureType, old: "  - id: information\n    name: Information", new: "  - id: oplysning\n    name: Oplysning\n    description: Kommunens egen type.", at: "measure: expensive_information_share"},

	{rule: strategy.RuleBadDay, old: "days: [fri]", new: "days: [fredag]", at: "[fredag]"},
	{rule: strategy.RuleBadTime, old: `to: "13:00"`, new: `to: "1 pm"`, at: "1 pm"},
	{rule: strategy.RuleHoursOrder, old: `to: "13:00"`, new: `to: "07:00"`, at: `to: "07:00"`},
	{rule: strategy.RuleHoursOverlap, old: "days: [fri]", new: "days: [thu]", at: "days: [thu]\n"},
	{rule: strategy.RuleBadCalendar, old: "calendar: dk", new: "calendar: se", at: "calendar: se"},
	{rule: strategy.RuleBadClosedDay, old: `"2014-12-31"`, new: `"2014-13-31"`, at: "2014-13-31"},
	{rule: strategy.RuleCallbackRange, old: "calendar: dk", new: "calendar: dk\ncallback:\n  slot_minutes: 15\n  calls_per_slot: 0\n  erase_after_days: 7", at: "calls_per_slot: 0"},
}

func TestValidate_EveryRuleHasAFailingExample(t *testing.T) {
	base := minimal(t)
	covered := map[string]bool{}
	for _, c := range ruleCases {
		t.Run(c.rule+"/"+strings.ReplaceAll(c.new, "\n", " "), func(t *testing.T) {
			doc := c.doc
			if doc == "" {
				if !strings.Contains(base, c.old) {
					t.Fatalf("minimal.yaml has no %q", c.old)
				}
				doc = strings.Replace(base, c.old, c.new, 1)
			}
			_, err := strategy.Parse("broken.yaml", []byte(doc))
			var inv *strategy.Invalid
			if !errors.As(err, &inv) {
				t.Fatalf("want *Invalid with %s, got %v", c.rule, err)
			}
			wantLine := 1
			if c.at != "" {
				wantLine = strings.Count(doc[:strings.Index(doc, c.at)], "\n") + 1
			}
			for _, p := range inv.Problems {
				if p.Rule == c.rule {
					if p.Pos.Line != wantLine {
						t.Errorf("%s reported at line %d, want %d (%q)", c.rule, p.Pos.Line, wantLine, c.at)
					}
					if p.File != "broken.yaml" || p.Pos.Col < 1 {
						t.Errorf("bad location %s", p.Location())
					}
					return
				}
			}
			t.Errorf("want %s, got:%s", c.rule, describe(err))
		})
		covered[c.rule] = true
	}
	for _, rule := range allRules {
		if !covered[rule] {
			t.Errorf("no failing example for %s", rule)
		}
	}
}

// allRules lists every rule constant; TestRules_HaveMessages keeps it
// complete by checking the catalogue's strategy keys against it.
var allRules = []string{
	strategy.RuleSyntax, strategy.RuleEmpty, strategy.RuleManyDocuments, strategy.RuleAlias, strategy.RuleUnknownField,
	strategy.RuleDuplicateKey, strategy.RuleWantMapping, strategy.RuleWantList, strategy.RuleWantValue,
	strategy.RuleNotInteger, strategy.RuleNotNumber, strategy.RuleNotBool,
	strategy.RuleYAMLExpectedKey, strategy.RuleYAMLExpectedItem, strategy.RuleYAMLExpectedValue,
	strategy.RuleYAMLUnclosedList, strategy.RuleYAMLUnclosedFields, strategy.RuleYAMLUnclosedQuote,
	strategy.RuleYAMLColon, strategy.RuleYAMLMissingColon, strategy.RuleYAMLDash, strategy.RuleYAMLTab,
	strategy.RuleYAMLBadChar, strategy.RuleYAMLEscape, strategy.RuleYAMLBlockHeader, strategy.RuleYAMLTag, strategy.RuleYAMLControlChar,
	strategy.RuleYAMLNotUTF8,
	strategy.RuleRequired, strategy.RuleBadID, strategy.RuleDuplicateID, strategy.RuleBadPeriod, strategy.RuleBadLogo, strategy.RuleBadCVR,
	strategy.RuleBadKind, strategy.RuleUnknownChannel, strategy.RuleUnknownType,
	strategy.RuleNoPrimary, strategy.RulePrimaryInappropriate, strategy.RuleChannelTwice, strategy.RuleWrongDirection,
	strategy.RuleUnknownDepartment, strategy.RuleBadKLE, strategy.RuleDuplicateKLE, strategy.RuleNoTypes,
	strategy.RuleTypeNotHandled, strategy.RuleMandatoryNeedsTx, strategy.RuleMandatoryNotDigital,
	strategy.RuleExemptionNotSecondary, strategy.RuleBadDate, strategy.RuleBadSBLevel, strategy.RuleBadLogin,
	strategy.RuleBadURL, strategy.RuleBadResponseDays, strategy.RuleBadRetentionDays, strategy.RuleBadReadiness,
	strategy.RuleBadWave, strategy.RuleBadExampleField, strategy.RuleUnknownReferral,
	strategy.RuleBadSearchWord, strategy.RuleDuplicateSearchWord, strategy.RuleBadHaveReady, strategy.RuleOtherTwice,
	strategy.RuleBadCaseWord, strategy.RuleDuplicateCaseWord,
	strategy.RuleOrderEmptyRank, strategy.RuleOrderContradicted, strategy.RuleReferralIsChannel, strategy.RuleReferralUnreachable,
	strategy.RuleBadPriceYear, strategy.RuleMeasureType,
	strategy.RuleNegativePrice, strategy.RuleNoSource, strategy.RuleSBLevelNotSelfSvc, strategy.RuleDuplicatePrice,
	strategy.RuleBadCurrency, strategy.RuleBadMeasure, strategy.RuleBadDirection, strategy.RuleShareRange,
	strategy.RuleYearOutside, strategy.RuleNoShares, strategy.RuleNoDeadline, strategy.RuleUnknownArea,
	strategy.RuleBadDay, strategy.RuleBadTime, strategy.RuleHoursOrder, strategy.RuleHoursOverlap,
	strategy.RuleBadCalendar, strategy.RuleBadClosedDay,
	strategy.RuleCallbackRange,
}

func TestRules_HaveMessages(t *testing.T) {
	listed := map[string]bool{}
	for _, r := range allRules {
		listed[r] = true
		if !locale.Has(r) {
			t.Errorf("no message for %s in the catalogue", r)
		}
	}
	for _, k := range locale.Keys() {
		if strings.HasPrefix(k, "strategy.") && !listed[k] && isRuleKey(k) {
			t.Errorf("catalogue has %s, which allRules does not list", k)
		}
	}
}

func isRuleKey(k string) bool {
	// Page texts about the strategy share the prefix; rule keys are the
	// ones without a further dot-separated part used by the pages.
	switch k {
	case "strategy.meta", "strategy.download", "strategy.source", "strategy.vision", "strategy.principles",
		"strategy.targets", "strategy.types":
		return false
	}
	return !strings.HasPrefix(k, "strategy.targets.") && !strings.HasPrefix(k, "strategy.types.")
}

// Every message must take exactly the arguments its rule gives it.
func TestRules_MessagesFormatCleanly(t *testing.T) {
	base := minimal(t)
	for _, c := range ruleCases {
		doc := c.doc
		if doc == "" {
			doc = strings.Replace(base, c.old, c.new, 1)
		}
		_, err := strategy.Parse("broken.yaml", []byte(doc))
		var inv *strategy.Invalid
		if !errors.As(err, &inv) {
			continue // reported by TestValidate_EveryRuleHasAFailingExample
		}
		for _, p := range inv.Problems {
			for _, lang := range locale.Languages {
				msg := locale.New(lang).T(p.Rule, p.Args...)
				if strings.Contains(msg, "%!") || msg == p.Rule {
					t.Errorf("%s in %s formats badly: %q (args %v)", p.Rule, lang, msg, p.Args)
				}
			}
		}
	}
}

func TestParse_ReportsEveryProblemNotJustTheFirst(t *testing.T) {
	doc := strings.Replace(minimal(t), "kind: oral", "kind: spoken", 1)
	doc = strings.Replace(doc, `kle: "23.09.02"`, `kle: "23.9.2"`, 1)
	doc = strings.Replace(doc, "2015: 50", "2015: 150", 1)
	_, err := strategy.Parse("broken.yaml", []byte(doc))
	var inv *strategy.Invalid
	if !errors.As(err, &inv) || len(inv.Problems) != 3 {
		t.Fatalf("want 3 problems, got %v", describe(err))
	}
	for i := 1; i < len(inv.Problems); i++ {
		if inv.Problems[i].Pos.Line < inv.Problems[i-1].Pos.Line {
			t.Errorf("problems not sorted by position: %v", describe(err))
		}
	}
}

func TestParse_ColumnPointsAtTheValue(t *testing.T) {
	doc := strings.Replace(minimal(t), "secondary: [phone]\n", "secondary: [phone, fone]\n", 1)
	_, err := strategy.Parse("x.yaml", []byte(doc))
	var inv *strategy.Invalid
	if !errors.As(err, &inv) {
		t.Fatal(err)
	}
	line := strings.Split(doc, "\n")[inv.Problems[0].Pos.Line-1]
	if col := inv.Problems[0].Pos.Col; !strings.HasPrefix(line[col-1:], "fone") {
		t.Errorf("column %d points at %q, want the unknown channel", col, line[col-1:])
	}
}
