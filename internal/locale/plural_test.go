package locale

import (
	"regexp"
	"strings"
	"testing"
)

// Counts agree with their number in both languages; the expectations are
// written out by hand.
func TestCount_OneAndTheOthers(t *testing.T) {
	da, en := New(Danish), New(English)
	cases := []struct{ got, want string }{
		{da.Count("cli.count.problems", 1), "1 fejl"},
		{da.Count("cli.count.problems", 2), "2 fejl"},
		{en.Count("cli.count.problems", 1), "1 problem"},
		{en.Count("cli.count.problems", 2), "2 problems"},
		{da.Count("cli.count.areas", 1), "1 område"},
		{da.Count("cli.count.areas", 0), "0 områder"},
		{en.Count("cli.count.areas", 1), "1 service area"},
		{en.Count("cli.count.areas", 12), "12 service areas"},
		{da.Count("cli.count.channels", 1), "1 kanal"},
		{en.Count("cli.count.channels", 7), "7 channels"},
		{da.Count("cli.count.targets", 1), "1 mål"},
		{en.Count("cli.count.targets", 1), "1 target"},
		{en.Count("cli.count.targets", 3), "3 targets"},
		{da.Count("cli.count.inquiries", 1), "1 henvendelse"},
		{da.Count("cli.count.inquiries", 12345), "12.345 henvendelser"},
		{en.Count("cli.count.inquiries", 1), "1 inquiry"},
		{en.Count("cli.count.inquiries", 12345), "12,345 inquiries"},
		{da.Count("cli.count.rows", 1), "1 række"},
		{da.Count("cli.count.rows", 0), "0 rækker"},
		{en.Count("cli.count.rows", 1), "1 row"},
		{da.Count("cli.count.cells", 1), "1 celle"},
		{en.Count("cli.count.cells", 1001), "1,001 cells"},
		{da.Count("cli.count.working_days", 1), "1 arbejdsdag"},
		{da.Count("cli.count.working_days", 5), "5 arbejdsdage"},
		{en.Count("cli.count.working_days", 1), "1 working day"},
		{en.Plural("cli.import.already", 1, "1"), "1 was there already"},
		{en.Plural("cli.import.already", 2, "2"), "2 were there already"},
		{da.Plural("cli.rollup.differ", 1, "dragoer", "1"), "dragoer: 1 celle afviger fra en ny optælling (gemt ≠ optalt); ret med kanal rollup rebuild:\n"},
		{en.Plural("cli.rollup.differ", 1, "dragoer", "1"), "dragoer: 1 cell differs from a recount (stored ≠ recounted); repair with kanal rollup rebuild:\n"},
		{en.Plural("cli.rollup.differ", 3, "dragoer", "3"), "dragoer: 3 cells differ from a recount (stored ≠ recounted); repair with kanal rollup rebuild:\n"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// Every command-line text with a singular form has a plural form, and the
// other way round (other subjects use .one for other things).
func TestCatalogue_PluralsComeInPairs(t *testing.T) {
	for key := range catalogue {
		if !strings.HasPrefix(key, "cli.") {
			continue
		}
		if base, ok := strings.CutSuffix(key, ".one"); ok && !Has(base+".other") {
			t.Errorf("%s has no %s.other", key, base)
		}
		if base, ok := strings.CutSuffix(key, ".other"); ok && !Has(base+".one") {
			t.Errorf("%s has no %s.one", key, base)
		}
	}
}

// pluralNoun is a number put straight before a noun in the plural, which
// reads wrongly for 1 ("1 problems", "1 rækker").
var pluralNoun = regexp.MustCompile(`%(\[\d+\])?[ds] (problems|service areas|areas|channels|targets|inquiries|information inquiries|prices|rows|cells|days|working days|områder|kanaler|henvendelser|informationshenvendelser|priser|rækker|celler|arbejdsdage|dage)\b`)

// notCounts are texts where a value stands before a plural noun but is
// not a count that can be 1: a type's name ("information inquiries"), or a
// response time outside 0–365.
var notCounts = map[string]bool{"strategy.measure_type": true, "strategy.bad_response_days": true}

// Kanal counts through Printer.Count or a text's .one and .other forms,
// never with a number put before a fixed plural: on the command line and
// on every page.
func TestCatalogue_CountsAgreeWithTheirNumber(t *testing.T) {
	for key, m := range catalogue {
		if strings.HasSuffix(key, ".other") || notCounts[key] {
			continue
		}
		for _, text := range []string{m.da, m.en} {
			if bad := pluralNoun.FindString(text); bad != "" {
				t.Errorf("%s: %q does not agree with a count of 1; use Printer.Count", key, bad)
			}
		}
	}
}
