package api

import (
	"net/url"
	"testing"
)

// FuzzMayHave guards the shortcut of the key check: when mayHave says a
// query cannot hold a parameter, parsing the query finds no value for it,
// so a ?municipality= of another municipality can never slip past the
// check unparsed.
func FuzzMayHave(f *testing.F) {
	for _, seed := range []string{
		"", "municipality=taarnby", "area=flytning&type=transaction", "municipalit%79=taarnby",
		"municipality", "a=1&municipality=x", "municipality=&municipality=taarnby", "x;municipality=taarnby",
		"%6Dunicipality=taarnby", "municipality+=x", "at=2013-03-05T10:00:00%2B01:00&area=flytning",
		"&&municipality=taarnby&", "municipality=taarnby;x=1",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if mayHave(raw, "municipality") {
			return
		}
		q, _ := url.ParseQuery(raw)
		if v := q.Get("municipality"); v != "" {
			t.Errorf("mayHave(%q) = false, but the query holds municipality=%q", raw, v)
		}
	})
}

func TestMayHave_FindsTheParameterHoweverItIsWritten(t *testing.T) {
	for _, raw := range []string{"municipality=taarnby", "a=1&municipality=taarnby", "municipalit%79=taarnby", "%6Dunicipality=x"} {
		if !mayHave(raw, "municipality") {
			t.Errorf("mayHave(%q) = false", raw)
		}
	}
	for _, raw := range []string{"", "area=flytning&type=transaction", "at=2013-03-05T10:00:00%2B01:00&area=flytning"} {
		if mayHave(raw, "municipality") {
			t.Errorf("mayHave(%q) = true; the guidance query needs no parsing for the check", raw)
		}
	}
}
