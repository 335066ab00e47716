package ingest

import (
	"strings"

	"github.com/kanal-dk/kanal/internal/locale"
)

// danishHeadings are the Danish column headings of a CSV file, by field:
// what a case worker writes at the top of a spreadsheet. A file may use
// them or the field names (the API's JSON keys), or mix them.
var danishHeadings = map[string]string{
	"id":                     "nummer",
	"occurred_at":            "tidspunkt",
	"channel":                "kanal",
	"type":                   "henvendelsestype",
	"direction":              "retning",
	"area":                   "område",
	"department":             "afdeling",
	"resolved_first_contact": "straksafklaret",
	"guided":                 "guidet til selvbetjening",
	"assisted":               "medbetjening",
	"exempt":                 "fritaget",
	"duration_seconds":       "varighed i sekunder",
	"referred_to":            "henvist til",
}

// otherHeadings are further ways a heading is written: without æ, ø and å,
// as some systems export, and a few words a spreadsheet uses.
var otherHeadings = map[string]string{
	"omraade":         "area",
	"omrade":          "area",
	"type":            "type",
	"varighed":        "duration_seconds",
	"guidet":          "guided",
	"straksafklaring": "resolved_first_contact",
	"henvisning":      "referred_to",
}

// fieldOf is the field a heading names, or "" for an unknown heading.
// Headings are read without regard to case and surrounding spaces.
func fieldOf(heading string) string {
	h := strings.ToLower(strings.TrimSpace(heading))
	if known(h) {
		return h
	}
	for f, da := range danishHeadings {
		if h == da {
			return f
		}
	}
	return otherHeadings[h]
}

// Heading is a field's column heading in the language: the Danish heading
// in Danish ("tidspunkt"), the field name in English ("occurred_at").
func Heading(l locale.Printer, field string) string {
	if l.Lang() == locale.Danish {
		if h, ok := danishHeadings[field]; ok {
			return h
		}
	}
	return field
}

// Headings are every field's heading in the language, in the order of
// Fields.
func Headings(l locale.Printer) []string {
	out := make([]string, len(Fields))
	for i, f := range Fields {
		out[i] = Heading(l, f)
	}
	return out
}
