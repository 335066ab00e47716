package face

import (
	"net/url"
	"testing"

	"github.com/kanal-dk/kanal/internal/store"
)

// plainQuery may only spare the parsing of queries the parsing would find
// to be text.
func TestPlainQuery(t *testing.T) {
	for raw, want := range map[string]bool{
		"": true,
		"area=23.05.10&type=transaction&channel=letter&at=2013-03-05T10:00:00%2B01:00": true,
		"q=gult+kort": true,
		"q=%7E%20":    true,
		"q=%00":       false,
		"q=%1f":       false,
		"q=%7F":       false,
		"q=%C3%A6":    false, // æ: text, but left to the parser
		"q=\x01":      false,
		"q=\xc3\xa6":  false,
		"q=%zz":       false,
		"q=%4":        false,
		"q=%":         false,
	} {
		if got := plainQuery(raw); got != want {
			t.Errorf("plainQuery(%q) = %v, want %v", raw, got, want)
		}
	}
}

func FuzzPlainQuery(f *testing.F) {
	for _, s := range []string{"a=b", "at=2013%2B01", "q=%00", "q=%C3%A6", "%%", "a=%4g"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if !plainQuery(raw) {
			return
		}
		vs, err := url.ParseQuery(raw)
		if err != nil {
			t.Fatalf("plainQuery(%q) but the query does not parse: %v", raw, err)
		}
		if !valuesAreText(vs, store.CheckText) {
			t.Fatalf("plainQuery(%q) but its values are not text", raw)
		}
	})
}
