package ingest

import (
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// spreadsheetTimes are the ways a spreadsheet writes a day and a time of
// day without a zone, read as Danish time: 31-03-2014 10:15 (Excel on a
// Danish PC), 31.03.2014 10:15 and 2014-03-31 10:15, with or without
// seconds.
var spreadsheetTimes = []string{
	"2-1-2006 15:04", "2-1-2006 15:04:05", "2.1.2006 15:04", "2.1.2006 15:04:05",
	"2006-1-2 15:04", "2006-1-2 15:04:05", "2006-1-2T15:04", "2006-1-2T15:04:05",
}

// parseTime reads a time with its offset (RFC 3339, as the API takes it)
// or, from a spreadsheet, as Danish time in one of spreadsheetTimes.
func parseTime(s string, spreadsheet bool) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	if !spreadsheet {
		return time.Time{}, false
	}
	for _, layout := range spreadsheetTimes {
		if t, err := time.ParseInLocation(layout, s, civil.Location); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// directions are the words a case worker writes for the two directions.
var directions = map[string]string{
	"ind": strategy.Inbound, "indgående": strategy.Inbound, "til kommunen": strategy.Inbound, "in": strategy.Inbound,
	"to the municipality": strategy.Inbound,
	"ud":                  strategy.Outbound, "udgående": strategy.Outbound, "fra kommunen": strategy.Outbound, "out": strategy.Outbound,
	"from the municipality": strategy.Outbound,
}

// byName replaces the names a spreadsheet writes — "Telefon", "Flytning",
// "til kommunen" — with the strategy's ids, where a value is not an id
// already. A value that names nothing is left as it is, for the check to
// name.
func byName(s *strategy.Strategy, r Record) Record {
	out := make(Record, len(r))
	for k, v := range r {
		out[k] = v
	}
	name := func(field string, ids, names []string) {
		v := strings.TrimSpace(out[field])
		if v == "" {
			return
		}
		for i := range ids {
			if v == ids[i] {
				return
			}
		}
		for i := range names {
			if strings.EqualFold(v, strings.TrimSpace(names[i])) {
				out[field] = ids[i]
				return
			}
		}
	}
	var ids, names []string
	for _, c := range s.Channels {
		ids, names = append(ids, c.ID), append(names, c.Name)
	}
	name("channel", ids, names)
	ids, names = nil, nil
	for _, t := range s.InquiryTypes {
		ids, names = append(ids, t.ID), append(names, t.Name)
	}
	name("type", ids, names)
	ids, names = nil, nil
	for _, a := range s.Areas {
		ids, names = append(ids, a.ID), append(names, a.Title)
	}
	name("area", ids, names)
	ids, names = nil, nil
	for _, d := range s.Departments {
		ids, names = append(ids, d.ID), append(names, d.Name)
	}
	name("department", ids, names)
	ids, names = nil, nil
	for _, ref := range s.Referrals {
		ids, names = append(ids, ref.ID), append(names, ref.Name)
	}
	name("referred_to", ids, names)
	if d, ok := directions[strings.ToLower(strings.TrimSpace(out["direction"]))]; ok {
		out["direction"] = d
	}
	return out
}
