package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// showStrategy prints a strategy version for people: every section of the
// document, channel ids resolved to names, and every value the file marks
// as an example followed by "(eksempel)", as the pages mark it "Eksempel".
func showStrategy(w io.Writer, tr locale.Printer, cur *municipality.Current) {
	s := cur.Strategy
	fmt.Fprintf(w, "%s – %s\n", s.Municipality.Name, s.Title)
	fmt.Fprintf(w, tr.T("cli.show.version"), cur.Number, cur.LoadedAt.Format("2006-01-02 15:04 MST"), cur.SourceName, cur.SHA256[:12])
	fmt.Fprintf(w, tr.T("cli.show.period"), s.Period.From, s.Period.To)

	heading(w, tr.T("strategy.vision"))
	fmt.Fprintf(w, "  %s\n", s.Vision)
	if len(s.Principles) > 0 {
		heading(w, tr.T("strategy.principles"))
		for _, p := range s.Principles {
			fmt.Fprintf(w, "  - %s\n", p)
		}
	}

	if o := describe.NewOrder(s); o != nil {
		heading(w, tr.T("order.title"))
		for i, rank := range o.Ranks {
			fmt.Fprintf(w, "  %d. %s\n", i+1, strings.Join(rank, ", "))
		}
		fmt.Fprintf(w, "  %s: %s\n", tr.T("order.caption"), o.Text)
	}
	if m := describe.NewMinimumSB(s); m != nil {
		heading(w, tr.T("sb_minimum.title"))
		fmt.Fprintf(w, "  %d: %s\n", m.Level, m.Text)
	}

	heading(w, tr.T("strategy.targets"))
	for _, t := range s.Targets {
		v := describe.NewTarget(s, tr, t)
		area := ""
		if v.Area != "" {
			area = " (" + v.Area + ")"
		}
		example := ""
		if v.Examples != "" {
			example = " (" + strings.ToLower(tr.T("example.of", v.Examples)) + ")"
		}
		fmt.Fprintf(w, "  %s%s: %s%s\n", v.Measure, area, v.Goal, example)
	}

	heading(w, tr.T("channels.list"))
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for _, c := range s.Channels {
		var traits []string
		traits = append(traits, strings.ToLower(tr.T("kind."+c.Kind)))
		if c.Digital {
			traits = append(traits, tr.T("cli.show.digital"))
		}
		if c.Inbound {
			traits = append(traits, strings.ToLower(tr.T("direction.inbound")))
		}
		if c.Outbound {
			traits = append(traits, strings.ToLower(tr.T("direction.outbound")))
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", c.ID, c.Name, strings.Join(traits, ", "))
	}
	tw.Flush()

	heading(w, tr.T("strategy.types"))
	for _, id := range s.Types() {
		t, _ := s.InquiryType(id)
		fmt.Fprintf(w, "  %s\n", describe.TypeLabel(s, tr, id))
		fmt.Fprintf(w, "    %s: %s\n", tr.T("direction.inbound"), priorityLine(tr, describe.NewPriority(s, t.Inbound)))
		fmt.Fprintf(w, "    %s: %s\n", tr.T("direction.outbound"), priorityLine(tr, describe.NewPriority(s, t.Outbound)))
	}

	heading(w, tr.T("areas.departments"))
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for _, d := range s.Departments {
		fmt.Fprintf(tw, "  %s\t%s%s\n", d.ID, d.Name, exampleMark(tr, d.Example))
	}
	tw.Flush()

	heading(w, tr.T("areas.title"))
	for i := range s.Areas {
		showArea(w, tr, s, &s.Areas[i])
	}

	heading(w, tr.T("channels.hours"))
	for _, oh := range s.OpeningHours {
		h := describe.NewHours(s, tr, oh)
		example := ""
		if h.Example {
			example = " (" + strings.ToLower(tr.T("ui.example")) + ")"
		}
		fmt.Fprintf(w, "  %s, %s%s: %s\n", h.Channel, h.Location, example, strings.Join(h.Lines, "; "))
	}
	if len(s.Holidays.Closed) > 0 {
		fmt.Fprintf(w, "  %s: %s%s\n", tr.T("channels.closed"), strings.Join(s.Holidays.Closed, ", "), exampleMark(tr, s.Holidays.ClosedExample))
	}

	heading(w, tr.T("referrals.title"))
	fmt.Fprintf(w, "  %s\n", tr.T("referrals.lead"))
	for _, r := range describe.Referrals(s, tr) {
		fmt.Fprintf(w, "  %s%s", r.Name, exampleMark(tr, r.Example))
		for _, c := range []string{r.Contact, r.URL} {
			if c != "" {
				fmt.Fprintf(w, ", %s", c)
			}
		}
		hours := tr.T("referrals.always")
		if len(r.Hours) > 0 {
			hours = strings.Join(r.Hours, "; ")
		}
		fmt.Fprintf(w, "\n    %s: %s\n    %s: %s\n", tr.T("referrals.hours"), hours, tr.T("referrals.helps_with"), r.HelpsWith)
		if len(r.Areas) > 0 {
			fmt.Fprintf(w, "    %s: %s\n", tr.T("referrals.areas"), strings.Join(r.Areas, ", "))
		}
	}

	heading(w, tr.T("channels.prices"))
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", tr.T("channels.name"), tr.T("ui.type"), tr.T("channels.sb_level"),
		tr.T("channels.dkk"), tr.T("ui.example"), tr.T("channels.source"))
	for _, p := range s.Prices.Entries {
		v := describe.NewPrice(s, tr, p)
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", v.Channel, v.Type, v.SBLevel, v.DKK, describe.YesNo(tr, v.Example), v.Source)
	}
	tw.Flush()
}

// exampleMark is " (eksempel)" for a value the file marks as an example.
func exampleMark(tr locale.Printer, example bool) string {
	if !example {
		return ""
	}
	return " (" + strings.ToLower(tr.T("ui.example")) + ")"
}

func heading(w io.Writer, title string) {
	fmt.Fprintf(w, "\n%s\n", title)
}

func priorityLine(tr locale.Printer, p describe.Priority) string {
	list := func(names []string) string {
		if len(names) == 0 {
			return "–"
		}
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s %s; %s %s; %s %s",
		strings.ToLower(tr.T("prio.primary")), list(p.Primary),
		strings.ToLower(tr.T("prio.secondary")), list(p.Secondary),
		strings.ToLower(tr.T("prio.inappropriate")), list(p.Inappropriate))
}

func showArea(w io.Writer, tr locale.Printer, s *strategy.Strategy, a *strategy.Area) {
	department := a.Department
	if d, ok := s.Department(a.Department); ok {
		department = d.Name
	}
	fmt.Fprintf(w, "  %s  %s (%s) – %s\n", a.KLE, a.Title, a.ID, department)
	var facts []string
	if ex := describe.AreaExamples(tr, a); ex != "" {
		facts = append(facts, tr.T("example.of", ex))
	}
	facts = append(facts, tr.T("areas.types")+": "+describe.TypeLabels(s, tr, a.Types))
	if m := a.Mandatory; m != nil {
		exemption := describe.ChannelNames(s, []string{m.ExemptionChannel})[0]
		mandatory := fmt.Sprintf(tr.T("cli.show.mandatory"), m.Since, m.Law, exemption)
		if m.Wave != 0 {
			mandatory += "; " + strings.ToLower(tr.T("area.wave_value", m.Wave))
		}
		facts = append(facts, mandatory)
	}
	if ss := a.SelfService; ss != nil && ss.SBLevel != nil {
		facts = append(facts, fmt.Sprintf(tr.T("cli.show.self_service"), ss.URL, *ss.SBLevel, describe.Login(s, tr, ss.Login)))
	}
	if below, warning := describe.BelowMinimum(s, tr, a); below {
		facts = append(facts, warning)
	}
	if r, ok := s.ReferralFor(a); ok {
		facts = append(facts, tr.T("area.referral")+": "+r.Name)
	}
	if a.ResponseDays != nil {
		facts = append(facts, tr.Count("cli.count.working_days", int64(*a.ResponseDays)))
	}
	facts = append(facts, tr.T("areas.readiness")+": "+strings.ToLower(tr.T("readiness."+a.DigitalReadiness)))
	for _, f := range facts {
		fmt.Fprintf(w, "            %s\n", f)
	}
	for _, typ := range a.Types {
		if _, own := a.Channels[typ]; own {
			fmt.Fprintf(w, "            %s, %s: %s\n", describe.TypeLabel(s, tr, typ), strings.ToLower(tr.T("area.own")),
				priorityLine(tr, describe.NewPriority(s, s.Priority(a, typ, strategy.Inbound))))
		}
	}
}
