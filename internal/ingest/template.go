package ingest

import (
	"bytes"
	"encoding/csv"
	"fmt"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Template is a CSV file to fill in and import: every column with the
// language's heading, and one row that shows how a case worker writes an
// inquiry — the strategy's own names for channel, type and area, a Danish
// date — marked as an example in the number column, so that importing the
// template as it is stores nothing. It is written the way Excel on a
// Danish PC reads it at once: UTF-8 with a byte order mark, semicolons.
func Template(l locale.Printer, s *strategy.Strategy) []byte {
	example := map[string]string{
		"id":                     exampleIDs[0],
		"occurred_at":            fmt.Sprintf("31-03-%d 10:15", s.Period.From),
		"direction":              l.T("ingest.template.inbound"),
		"resolved_first_contact": l.T("ingest.template.yes"),
		"guided":                 l.T("ingest.template.no"),
		"assisted":               l.T("ingest.template.no"),
		"exempt":                 l.T("ingest.template.no"),
		"duration_seconds":       "240",
	}
	if l.Lang() == locale.English {
		example["id"] = exampleIDs[1]
	}
	channel := exampleChannel(s)
	if channel != nil {
		example["channel"] = channel.Name
	}
	for _, t := range s.InquiryTypes {
		for _, a := range s.Areas {
			if a.Handles(t.ID) && !a.Other {
				example["type"], example["area"] = t.Name, a.Title
				break
			}
		}
		if example["area"] != "" {
			break
		}
	}
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.Comma = ';'
	w.UseCRLF = true
	row := make([]string, len(Fields))
	for i, f := range Fields {
		row[i] = example[f]
	}
	w.Write(Headings(l))
	w.Write(row)
	w.Flush()
	return b.Bytes()
}

// exampleChannel is the first spoken channel taking inquiries to the
// municipality (the phone, in the presets), or else the first channel
// taking them.
func exampleChannel(s *strategy.Strategy) *strategy.Channel {
	var first *strategy.Channel
	for i := range s.Channels {
		c := &s.Channels[i]
		if !c.Inbound {
			continue
		}
		if c.Kind == strategy.KindOral {
			return c
		}
		if first == nil {
			first = c
		}
	}
	return first
}
