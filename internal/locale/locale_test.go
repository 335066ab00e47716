package locale

import (
	"fmt"
	"regexp"
	"sort"
	"testing"
)

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// Both languages of a text must exist and take the same arguments.
func TestCatalogue_BothLanguagesTakeTheSameArguments(t *testing.T) {
	for key, m := range catalogue {
		if m.da == "" || m.en == "" {
			t.Errorf("%s: missing a language", key)
			continue
		}
		da, en := verb.FindAllString(m.da, -1), verb.FindAllString(m.en, -1)
		sort.Strings(da)
		sort.Strings(en)
		if len(da) != len(en) {
			t.Errorf("%s: Danish takes %v, English %v", key, da, en)
			continue
		}
		for i := range da {
			if da[i] != en[i] {
				t.Errorf("%s: Danish takes %v, English %v", key, da, en)
				break
			}
		}
	}
}

func TestPrinter(t *testing.T) {
	da, en := New(Danish), New(English)
	cases := []struct{ got, want string }{
		{da.Int(165686), "165.686"},
		{en.Int(165686), "165,686"},
		{da.Int(-1234567), "-1.234.567"},
		{da.Int(999), "999"},
		{da.Decimal(1234.5, 1), "1.234,5"},
		{en.Decimal(1234.5, 2), "1,234.50"},
		{da.Decimal(-0.25, 2), "-0,25"},
		// Hand-worked: half away from zero, no sign on a zero.
		{da.Decimal(-0.4, 0), "0"},
		{en.Decimal(-0.4, 0), "0"},
		{da.Decimal(2.5, 0), "3"},
		{da.Decimal(0.25, 1), "0,3"},
		{da.Decimal(0.05, 1), "0,1"},
		{en.Decimal(1234.5, 1), "1,234.5"},
		{da.Decimal(1e19, 0), "10.000.000.000.000.000.000"},
		{da.T("nav.areas"), "Områder"},
		{en.T("nav.areas"), "Service areas"},
		{da.T("no.such.key"), "no.such.key"},
		{New("fr").Lang(), Danish},
		// A number in a text is written the language's way, whatever the
		// verb, and the caller's arguments are left as they were.
		{da.T("strategy.negative_price", -25.5), "prisen -25,5 kr. er ikke et gyldigt beløb; den skal være 0 eller derover"},
		{en.T("strategy.negative_price", -25.5), "the price -25.5 DKK is not a valid amount; it must be 0 or more"},
		{da.T("strategy.share_range", 112.5), "andelen 112,5 % ligger uden for 0–100 %"},
		{fmt.Sprint(argsAfterT(da)), "[112.5]"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// argsAfterT is the arguments a caller gave T, after T.
func argsAfterT(p Printer) []any {
	args := []any{112.5}
	p.T("strategy.share_range", args...)
	return args
}

func TestMatch(t *testing.T) {
	for header, want := range map[string]string{
		"":                        Danish,
		"en-US,en;q=0.9":          English,
		"da,en-GB;q=0.8":          Danish,
		"de-DE,de;q=0.9,en;q=0.5": English,
		"nb-NO":                   Danish,
		"fr":                      Danish,
	} {
		if got := Match(header); got != want {
			t.Errorf("Match(%q) = %s, want %s", header, got, want)
		}
	}
}
