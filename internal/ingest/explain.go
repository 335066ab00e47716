package ingest

import (
	"fmt"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Explainer puts an import's problems into words a case worker can act
// on: the row, the column as the file names it, what is wrong in the
// strategy's own names (Telefon, not phone) and what to write instead.
// The API answers with the shorter texts of the catalogue keys themselves.
type Explainer struct {
	L        locale.Printer
	Strategy *strategy.Strategy
	// Headings are the file's headings by field (ImportResult.Headings).
	Headings map[string]string
}

// Problem is one problem as a sentence that names its row and column.
func (e Explainer) Problem(p Problem) string {
	what := e.what(p)
	if p.Field == "" || p.Field == "source" {
		return e.L.T("ingest.explain.row", p.Line, what)
	}
	return e.L.T("ingest.explain.row_column", p.Line, e.column(p.Field), what)
}

// column is a field's column as the file heads it, or in the reader's
// language when the file has no such column.
func (e Explainer) column(field string) string {
	if h, ok := e.Headings[field]; ok {
		return h
	}
	return Heading(e.L, field)
}

func (e Explainer) what(p Problem) string {
	l, s := e.L, e.Strategy
	arg := func(i int) string {
		if i < len(p.Args) {
			return fmt.Sprint(p.Args[i])
		}
		return ""
	}
	num := func(i int) string {
		if i < len(p.Args) {
			if n, ok := p.Args[i].(int); ok {
				return l.Int(int64(n))
			}
		}
		return arg(i)
	}
	key := p.Key
	if key == inquiry.RuleBadDirection && strings.TrimSpace(arg(0)) == "" {
		key = inquiry.RuleRequired // the check names an empty direction as a wrong one
	}
	switch key {
	case "ingest.required", inquiry.RuleRequired:
		if _, ok := e.Headings[p.Field]; !ok {
			return l.T("ingest.explain.no_column", Heading(l, p.Field))
		}
		return l.T("ingest.explain.required")
	case "ingest.bad_time":
		return l.T("ingest.explain.bad_time", arg(0))
	case "ingest.bad_bool":
		return l.T("ingest.explain.bad_bool", arg(0))
	case "ingest.bad_integer":
		return l.T("ingest.explain.bad_integer", arg(0))
	case "ingest.column_count":
		return l.T("ingest.explain.column_count", num(0), num(1))
	case inquiry.RuleUnknownChannel:
		return l.T("ingest.explain.unknown_channel", arg(0), e.channels())
	case inquiry.RuleWrongDirection:
		if arg(1) == strategy.Outbound {
			return l.T("ingest.explain.wrong_direction_outbound", e.channel(arg(0)))
		}
		return l.T("ingest.explain.wrong_direction_inbound", e.channel(arg(0)))
	case inquiry.RuleUnknownType:
		return l.T("ingest.explain.unknown_type", arg(0), e.types())
	case inquiry.RuleBadDirection:
		return l.T("ingest.explain.bad_direction", arg(0))
	case inquiry.RuleUnknownArea:
		return l.T("ingest.explain.unknown_area", arg(0))
	case inquiry.RuleTypeNotHandled:
		return l.T("ingest.explain.type_not_handled", e.area(arg(0)), e.typ(arg(1)))
	case inquiry.RuleUnknownDept:
		var names []string
		for _, d := range s.Departments {
			names = append(names, d.Name)
		}
		return l.T("ingest.explain.unknown_department", arg(0), strings.Join(names, ", "))
	case inquiry.RuleAssistedNotSS:
		return l.T("ingest.explain.assisted", e.channel(arg(0)))
	case inquiry.RuleNegativeDur:
		return l.T("ingest.explain.negative_duration", num(0))
	case inquiry.RuleLongDuration:
		return l.T("ingest.explain.long_duration", num(0), num(1))
	case inquiry.RuleTooEarly:
		t, _ := time.Parse(time.RFC3339, arg(0))
		d, _ := civil.ParseDate(arg(1))
		return l.T("ingest.explain.too_early", l.DateTime(t), l.Date(d))
	case inquiry.RuleRetired:
		t, _ := time.Parse(time.RFC3339, arg(0))
		m, _ := civil.ParseMonth(arg(1))
		return l.T("ingest.explain.retired", l.DateTime(t), l.Month(m))
	case inquiry.RuleFuture:
		t, _ := time.Parse(time.RFC3339, arg(0))
		return l.T("ingest.explain.future", l.DateTime(t))
	case inquiry.RuleNotUTF8:
		return l.T("ingest.explain.not_utf8")
	case inquiry.RuleControlChar:
		return l.T("ingest.explain.control_char", arg(1))
	case inquiry.RuleTooLong:
		return l.T("ingest.explain.too_long", num(1))
	case inquiry.RuleUnknownReferral:
		var names []string
		for _, r := range s.Referrals {
			names = append(names, r.Name)
		}
		if len(names) == 0 {
			return l.T("ingest.explain.no_referrals", arg(0))
		}
		return l.T("ingest.explain.unknown_referral", arg(0), strings.Join(names, ", "))
	case inquiry.RuleReferralOutbound:
		return l.T("ingest.explain.referral_outbound")
	}
	return l.T(p.Key, p.Args...)
}

func (e Explainer) channel(id string) string {
	return describe.ChannelNames(e.Strategy, []string{id})[0]
}

func (e Explainer) channels() string {
	var names []string
	for _, c := range e.Strategy.Channels {
		names = append(names, c.Name)
	}
	return strings.Join(names, ", ")
}

func (e Explainer) typ(id string) string {
	if t, ok := e.Strategy.InquiryType(id); ok {
		return t.Name
	}
	return id
}

func (e Explainer) types() string {
	var names []string
	for _, t := range e.Strategy.InquiryTypes {
		names = append(names, t.Name)
	}
	return strings.Join(names, ", ")
}

func (e Explainer) area(id string) string {
	if a, ok := e.Strategy.Area(id); ok {
		return a.Title
	}
	return id
}

// File is a file that cannot be read at all, in words: an unknown column
// is told with the headings of the reader's language.
func (e Explainer) File(fe *FileError) string {
	what := e.L.T(fe.Key, fe.Args...)
	switch fe.Key {
	case "ingest.unknown_column":
		what = e.L.T("ingest.explain.unknown_column", fe.Args[0], strings.Join(Headings(e.L), ", "))
	case "ingest.csv_empty":
		what = e.L.T("ingest.explain.csv_empty")
	}
	return e.L.T("ingest.explain.row", fe.Line, what)
}
