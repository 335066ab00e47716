package strategy

import (
	"math"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/cvr"
)

var (
	idPattern  = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
	klePattern = regexp.MustCompile(`^[0-9]{2}\.[0-9]{2}(\.[0-9]{2})?$`)
)

// Validate checks the strategy against every rule in rules.go and returns
// the problems with their paths into the document. An empty result means the
// strategy can be used.
func (s *Strategy) Validate() []Problem {
	v := &validator{s: s, channels: map[string]*Channel{}}
	v.header()
	v.channelList()
	v.inquiryTypes()
	v.departments()
	v.areas()
	v.prices()
	v.targets()
	v.openingHours()
	v.holidays()
	v.channelOrder()
	v.referrals()
	v.minimumSBLevel()
	v.formsWithoutIntegration()
	v.callback()
	return v.probs
}

type validator struct {
	s        *Strategy
	probs    []Problem
	channels map[string]*Channel
}

func (v *validator) add(path Path, rule string, args ...any) {
	v.probs = append(v.probs, Problem{Path: path, Rule: rule, Args: args})
}

func (v *validator) required(path Path, field string, value string) bool {
	if strings.TrimSpace(value) == "" {
		v.add(path.with(field), RuleRequired, field)
		return false
	}
	return true
}

// id checks a required, well-formed id that is unique among seen.
func (v *validator) id(path Path, id string, seen map[string]bool) {
	if !v.required(path, "id", id) {
		return
	}
	switch {
	case !idPattern.MatchString(id):
		v.add(path.with("id"), RuleBadID, id)
	case seen[id]:
		v.add(path.with("id"), RuleDuplicateID, id)
	}
	seen[id] = true
}

func (v *validator) header() {
	m := Path{"municipality"}
	if v.required(m, "id", v.s.Municipality.ID) && !idPattern.MatchString(v.s.Municipality.ID) {
		v.add(m.with("id"), RuleBadID, v.s.Municipality.ID)
	}
	v.required(m, "name", v.s.Municipality.Name)
	if logo := v.s.Municipality.Logo; logo != "" && !LogoOK(logo) {
		v.add(m.with("logo"), RuleBadLogo, MaxLogoKB)
	}
	if n := v.s.Municipality.CVR; n != "" {
		if _, err := cvr.Parse(n); err != nil {
			v.add(m.with("cvr"), RuleBadCVR, n)
		}
	}
	v.required(nil, "vision", v.s.Vision)
	p := v.s.Period
	switch {
	case p.From == 0:
		v.add(Path{"period", "from"}, RuleRequired, "from")
	case p.To == 0:
		v.add(Path{"period", "to"}, RuleRequired, "to")
	case p.To < p.From:
		v.add(Path{"period", "to"}, RuleBadPeriod, p.From, p.To)
	}
}

var channelKinds = []string{KindSelfService, KindWritten, KindOral, KindPersonal}

func (v *validator) channelList() {
	if len(v.s.Channels) == 0 {
		v.add(Path{"channels"}, RuleRequired, "channels")
	}
	seen := map[string]bool{}
	for i := range v.s.Channels {
		c := &v.s.Channels[i]
		p := Path{"channels", i}
		v.id(p, c.ID, seen)
		v.required(p, "name", c.Name)
		if v.required(p, "kind", c.Kind) && !contains(channelKinds, c.Kind) {
			v.add(p.with("kind"), RuleBadKind, c.Kind)
		}
		v.channels[c.ID] = c
	}
}

func (v *validator) knownChannels() string {
	ids := make([]string, 0, len(v.channels))
	for id := range v.channels {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return strings.Join(ids, ", ")
}

// channel checks a reference to a channel; usable, when not empty, is the
// direction it must serve.
func (v *validator) channel(path Path, id, direction string) {
	c, ok := v.channels[id]
	switch {
	case !ok:
		v.add(path, RuleUnknownChannel, id, v.knownChannels())
	case direction == Inbound && !c.Inbound, direction == Outbound && !c.Outbound:
		v.add(path, RuleWrongDirection, id, direction)
	}
}

// references checks that every channel p names exists and, for primary and
// secondary channels, serves the direction.
func (v *validator) references(path Path, p Priority, direction string) {
	for _, l := range p.lists() {
		usable := direction
		if l.name == "inappropriate" {
			usable = ""
		}
		for j, id := range l.ids {
			v.channel(path.with(l.name, j), id, usable)
		}
	}
}

// conflicts checks a complete priority (an inquiry type's defaults, or an
// area's override merged with them): it must name a primary channel and must
// not list a channel twice.
func (v *validator) conflicts(path Path, p Priority) {
	if len(p.Primary) == 0 {
		v.add(path.with("primary"), RuleNoPrimary)
	}
	listed := map[string]string{}
	for _, l := range p.lists() {
		for j, id := range l.ids {
			first, twice := listed[id]
			switch {
			case twice && first == "primary" && l.name == "inappropriate":
				v.add(path.with(l.name, j), RulePrimaryInappropriate, id)
			case twice:
				v.add(path.with(l.name, j), RuleChannelTwice, id)
			default:
				listed[id] = l.name
			}
		}
	}
}

// inquiryTypes checks the types the strategy defines. A strategy uses a
// non-empty subset of the known types (Tårnby defines information and
// transaction only: "Informationshenvendelser er de henvendelser, som ikke
// vedrører en konkret sag" and "Transaktionshenvendelser er de henvendelser
// der vedrører en konkret sag …"), or types of its own; an own type has no
// meaning Kanal knows, so the strategy must describe it.
func (v *validator) inquiryTypes() {
	if len(v.s.InquiryTypes) == 0 {
		v.add(Path{"inquiry_types"}, RuleRequired, "inquiry_types")
	}
	seen := map[string]bool{}
	for i := range v.s.InquiryTypes {
		t := &v.s.InquiryTypes[i]
		p := Path{"inquiry_types", i}
		v.id(p, t.ID, seen)
		v.required(p, "name", t.Name)
		if t.ID != "" && !contains(TypeIDs, t.ID) {
			v.required(p, "description", t.Description)
		}
		for _, dir := range Directions {
			prio := t.Inbound
			if dir == Outbound {
				prio = t.Outbound
			}
			v.references(p.with(dir), prio, dir)
			v.conflicts(p.with(dir), prio)
		}
	}
}

// definedTypes lists the strategy's inquiry type ids for messages.
func (v *validator) definedTypes() string {
	if len(v.s.InquiryTypes) == 0 {
		return "–"
	}
	return strings.Join(v.s.Types(), ", ")
}

// typeRef checks a reference to an inquiry type: it must be one the
// strategy defines. at is where to report it.
func (v *validator) typeRef(at Path, typ string) bool {
	if _, ok := v.s.InquiryType(typ); ok {
		return true
	}
	v.add(at, RuleUnknownType, typ, v.definedTypes())
	return false
}

func (v *validator) departments() {
	seen := map[string]bool{}
	for i := range v.s.Departments {
		d := &v.s.Departments[i]
		p := Path{"departments", i}
		v.id(p, d.ID, seen)
		v.required(p, "name", d.Name)
	}
}

var readiness = []string{ReadinessHigh, ReadinessMedium, ReadinessLow}

func (v *validator) areas() {
	ids := map[string]bool{}
	kles := map[string]bool{}
	other := "" // the first area marked other
	for i := range v.s.Areas {
		a := &v.s.Areas[i]
		p := Path{"areas", i}
		v.id(p, a.ID, ids)
		// The area for what fits no task may have no KLE number to give.
		if !(a.Other && a.KLE == "") && v.required(p, "kle", a.KLE) {
			switch {
			case !klePattern.MatchString(a.KLE):
				v.add(p.with("kle"), RuleBadKLE, a.KLE)
			case kles[a.KLE]:
				v.add(p.with("kle"), RuleDuplicateKLE, a.KLE)
			}
			kles[a.KLE] = true
		}
		v.required(p, "title", a.Title)
		if v.required(p, "department", a.Department) {
			if _, ok := v.s.Department(a.Department); !ok {
				v.add(p.with("department"), RuleUnknownDepartment, a.Department)
			}
		}
		v.areaTypes(p, a)
		v.overrides(p.with("channels"), a, a.Channels, Inbound)
		v.overrides(p.with("outbound_channels"), a, a.OutboundChannels, Outbound)
		v.mandatory(p, a)
		v.selfService(p, a)
		if a.ResponseDays == nil && a.Handles(Transaction) {
			v.add(p.with("response_days"), RuleRequired, "response_days")
		}
		if a.ResponseDays != nil && (*a.ResponseDays < 0 || *a.ResponseDays > 365) {
			v.add(p.with("response_days"), RuleBadResponseDays, *a.ResponseDays)
		}
		if a.RetentionDays != nil && (*a.RetentionDays < 1 || *a.RetentionDays > MaxRetentionDays) {
			v.add(p.with("retention_days"), RuleBadRetentionDays, *a.RetentionDays, MaxRetentionDays)
		}
		if v.required(p, "digital_readiness", a.DigitalReadiness) && !contains(readiness, a.DigitalReadiness) {
			v.add(p.with("digital_readiness"), RuleBadReadiness, a.DigitalReadiness)
		}
		if a.Referral != "" {
			if _, ok := v.s.Referral(a.Referral); !ok {
				v.add(p.with("referral"), RuleUnknownReferral, a.Referral, v.knownReferrals())
			}
		}
		v.searchWords(p.with("search_words"), a.SearchWords)
		v.haveReady(p.with("have_ready"), a.HaveReady)
		v.caseWords(p.with("case_words"), a.CaseWords)
		if a.Other {
			if other != "" {
				v.add(p.with("other"), RuleOtherTwice, other)
			} else {
				other = a.ID
			}
		}
		v.exampleFields(p.with("examples"), a.Examples, AreaExampleFields)
	}
}

// maxSearchWord is the longest search word, in characters: a word or a
// short phrase, not a description.
const maxSearchWord = 40

// searchWords checks an area's search words: each a word or a short phrase,
// none given twice (as the search sees them: case and æ/ae alike).
func (v *validator) searchWords(p Path, words []string) {
	seen := map[string]bool{}
	for i, w := range words {
		switch f := fold(w); {
		case f == "" || utf8.RuneCountInString(w) > maxSearchWord || strings.ContainsAny(w, "|\n\t"):
			v.add(p.with(i), RuleBadSearchWord, w, maxSearchWord)
		case seen[f]:
			v.add(p.with(i), RuleDuplicateSearchWord, w)
		default:
			seen[f] = true
		}
	}
}

// maxHaveReady is the longest entry of an area's have_ready list, in
// characters: a short line a citizen reads in a list, not a paragraph.
const maxHaveReady = 120

// haveReady checks what a citizen should have ready: each entry a short
// line of text.
func (v *validator) haveReady(p Path, items []string) {
	for i, s := range items {
		if strings.TrimSpace(s) == "" || utf8.RuneCountInString(s) > maxHaveReady || strings.ContainsAny(s, "\n\t") {
			v.add(p.with(i), RuleBadHaveReady, s, maxHaveReady)
		}
	}
}

// exampleFields checks that every name in examples is one of allowed.
func (v *validator) exampleFields(p Path, examples, allowed []string) {
	for i, f := range examples {
		if !contains(allowed, f) {
			v.add(p.with(i), RuleBadExampleField, f, strings.Join(allowed, ", "))
		}
	}
}

func (v *validator) areaTypes(p Path, a *Area) {
	if len(a.Types) == 0 {
		v.add(p.with("types"), RuleNoTypes)
	}
	seen := map[string]bool{}
	for j, t := range a.Types {
		switch {
		case !v.typeRef(p.with("types", j), t):
		case seen[t]:
			v.add(p.with("types", j), RuleDuplicateID, t)
		}
		seen[t] = true
	}
}

// overrides checks an area's per-type channel overrides, and the priorities
// they produce once merged with the inquiry types' defaults.
func (v *validator) overrides(p Path, a *Area, overrides map[string]Priority, direction string) {
	for _, typ := range sortedKeys(overrides) {
		at := p.with(typ)
		switch {
		case !v.typeRef(p.with(Key(typ)), typ):
		case !a.Handles(typ):
			v.add(p.with(Key(typ)), RuleTypeNotHandled, typ)
		default:
			v.references(at, overrides[typ], direction)
			v.conflicts(at, v.s.Priority(a, typ, direction))
		}
	}
}

func (v *validator) mandatory(p Path, a *Area) {
	m := a.Mandatory
	if m == nil {
		return
	}
	p = p.with("mandatory_digital")
	v.required(p, "law", m.Law)
	if m.Since != "" && !isDate(m.Since) {
		v.add(p.with("since"), RuleBadDate, m.Since)
	}
	exemption := v.required(p, "exemption_channel", m.ExemptionChannel)
	if exemption {
		v.channel(p.with("exemption_channel"), m.ExemptionChannel, Inbound)
	}
	if m.Wave != 0 && (m.Wave < 1 || m.Wave > 4) {
		v.add(p.with("wave"), RuleBadWave, m.Wave)
	}
	if !a.Handles(Transaction) {
		v.add(p, RuleMandatoryNeedsTx)
		return
	}
	prio := v.s.Priority(a, Transaction, Inbound)
	for _, id := range prio.Primary {
		if c, ok := v.channels[id]; ok && !c.Digital {
			v.add(p, RuleMandatoryNotDigital, id)
		}
	}
	// Exempted citizens use the secondary channel the department chose for
	// them (Dragør: "en sekundær kanal til de tilfælde, hvor der dispenseres").
	if exemption && !contains(prio.Secondary, m.ExemptionChannel) {
		v.add(p.with("exemption_channel"), RuleExemptionNotSecondary, m.ExemptionChannel)
	}
}

var logins = []string{LoginNone, LoginNational, LoginNemID, LoginMitID}

func (v *validator) selfService(p Path, a *Area) {
	ss := a.SelfService
	if ss == nil {
		return
	}
	p = p.with("self_service")
	if v.required(p, "url", ss.URL) && !isWebURL(ss.URL) {
		v.add(p.with("url"), RuleBadURL, ss.URL)
	}
	switch {
	case ss.SBLevel == nil:
		v.add(p.with("sb_level"), RuleRequired, "sb_level")
	case *ss.SBLevel < 0 || *ss.SBLevel > 4:
		v.add(p.with("sb_level"), RuleBadSBLevel, *ss.SBLevel)
	}
	if v.required(p, "login", ss.Login) && !contains(logins, ss.Login) {
		v.add(p.with("login"), RuleBadLogin, ss.Login)
	}
}

func (v *validator) prices() {
	if c := v.s.Prices.Currency; c != "" && c != "DKK" {
		v.add(Path{"prices", "currency"}, RuleBadCurrency, c)
	}
	// The price level's year; KL's figures in the strategies are from 2011
	// and 2012, so anything before 1990 or after 2100 is a typing error.
	if y := v.s.Prices.Year; y != 0 && (y < 1990 || y > 2100) {
		v.add(Path{"prices", "year"}, RuleBadPriceYear, y)
	}
	if h := v.s.Prices.StaffHourDKK; h != nil && (*h < 0 || math.IsNaN(*h) || math.IsInf(*h, 0)) {
		v.add(Path{"prices", "staff_hour_dkk"}, RuleNegativePrice, *h)
	}
	seen := map[string]bool{}
	for i, pr := range v.s.Prices.Entries {
		p := Path{"prices", "entries", i}
		if v.required(p, "channel", pr.Channel) {
			v.channel(p.with("channel"), pr.Channel, "")
		}
		if pr.Type != "" {
			v.typeRef(p.with("type"), pr.Type)
		}
		if pr.SBLevel != nil {
			if c, ok := v.channels[pr.Channel]; ok && c.Kind != KindSelfService {
				v.add(p.with("sb_level"), RuleSBLevelNotSelfSvc)
			} else if *pr.SBLevel < 0 || *pr.SBLevel > 4 {
				v.add(p.with("sb_level"), RuleBadSBLevel, *pr.SBLevel)
			}
		}
		switch {
		case pr.DKK == nil:
			v.add(p.with("dkk"), RuleRequired, "dkk")
		case *pr.DKK < 0 || math.IsNaN(*pr.DKK) || math.IsInf(*pr.DKK, 0):
			v.add(p.with("dkk"), RuleNegativePrice, *pr.DKK)
		}
		if strings.TrimSpace(pr.Source) == "" {
			v.add(p.with("source"), RuleNoSource)
		}
		key := pr.Channel + "|" + pr.Type + "|"
		if pr.SBLevel != nil {
			key += strconv.Itoa(*pr.SBLevel)
		}
		if seen[key] {
			v.add(p, RuleDuplicatePrice)
		}
		seen[key] = true
	}
}

var (
	measures        = []string{MeasureInboundDigital, MeasureOutboundDigitalPost, MeasureTransactionDigital, MeasureExpensiveInformation, MeasureNemIDWhereValidated, MeasureLinkedFromBorgerDK}
	targetDirection = []string{AtLeast, AtMost, Reduce}
)

func (v *validator) targets() {
	seen := map[string]bool{}
	period := v.s.Period
	for i := range v.s.Targets {
		t := &v.s.Targets[i]
		p := Path{"targets", i}
		v.id(p, t.ID, seen)
		if v.required(p, "measure", t.Measure) && !contains(measures, t.Measure) {
			v.add(p.with("measure"), RuleBadMeasure, t.Measure)
		}
		if t.Direction != "" && !contains(targetDirection, t.Direction) {
			v.add(p.with("direction"), RuleBadDirection, t.Direction)
		}
		if t.Area != "" {
			if _, ok := v.s.Area(t.Area); !ok {
				v.add(p.with("area"), RuleUnknownArea, t.Area)
			}
		}
		for _, year := range sortedKeys(t.Shares) {
			share := t.Shares[year]
			if !(share >= 0 && share <= 100) {
				v.add(p.with("shares", strconv.Itoa(year)), RuleShareRange, share)
			}
			if !period.Contains(year) {
				v.add(p.with("shares", Key(strconv.Itoa(year))), RuleYearOutside, year, period.From, period.To)
			}
		}
		switch {
		case !contains(measures, t.Measure):
		case t.IsShare() && t.Direction != Reduce && len(t.Shares) == 0:
			v.add(p.with("shares"), RuleNoShares)
		case !t.IsShare() && t.Deadline == 0:
			v.add(p.with("deadline"), RuleNoDeadline)
		}
		if t.Deadline != 0 && !period.Contains(t.Deadline) {
			v.add(p.with("deadline"), RuleYearOutside, t.Deadline, period.From, period.To)
		}
		v.targetDefinition(p, t)
	}
}

// targetDefinition checks what a share counts: the channels of its
// numerator (counts) and denominator (of), and its inquiry types. A measure
// that counts a known type by default (transaction_digital_share counts
// transactions) needs the strategy to define that type or to name others.
func (v *validator) targetDefinition(p Path, t *Target) {
	for _, list := range []struct {
		name string
		ids  []string
	}{{"counts", t.Counts}, {"of", t.Of}} {
		seen := map[string]bool{}
		for j, id := range list.ids {
			switch {
			case v.channels[id] == nil:
				v.add(p.with(list.name, j), RuleUnknownChannel, id, v.knownChannels())
			case seen[id]:
				v.add(p.with(list.name, j), RuleChannelTwice, id)
			}
			seen[id] = true
		}
	}
	seen := map[string]bool{}
	for j, typ := range t.Types {
		switch {
		case !v.typeRef(p.with("types", j), typ):
		case seen[typ]:
			v.add(p.with("types", j), RuleDuplicateID, typ)
		}
		seen[typ] = true
	}
	if len(t.Types) == 0 {
		for _, typ := range DefaultTypes(t.Measure) {
			if _, ok := v.s.InquiryType(typ); !ok {
				v.add(p.with("measure"), RuleMeasureType, t.Measure, typ)
			}
		}
	}
	v.exampleFields(p.with("examples"), t.Examples, TargetExampleFields)
}

type interval struct{ from, to int }

func (v *validator) openingHours() {
	open := map[string][]interval{} // channel|location|day
	for i, oh := range v.s.OpeningHours {
		p := Path{"opening_hours", i}
		if v.required(p, "channel", oh.Channel) {
			v.channel(p.with("channel"), oh.Channel, "")
		}
		v.hours(p, oh.Channel+"|"+oh.Location, oh.Hours, open)
	}
}

// hours checks a list of opening intervals; place names the channel and
// location (or referral) whose intervals must not overlap, and open holds
// the intervals seen so far per place and day.
func (v *validator) hours(p Path, place string, hours []Hours, open map[string][]interval) {
	for j, h := range hours {
		hp := p.with("hours", j)
		from, okFrom := parseClock(h.From)
		to, okTo := parseClock(h.To)
		if !okFrom {
			v.add(hp.with("from"), RuleBadTime, h.From)
		}
		if !okTo {
			v.add(hp.with("to"), RuleBadTime, h.To)
		}
		if okFrom && okTo && to <= from {
			v.add(hp.with("to"), RuleHoursOrder, h.From, h.To)
			okTo = false
		}
		if len(h.Days) == 0 {
			v.add(hp.with("days"), RuleRequired, "days")
		}
		for k, day := range h.Days {
			if _, ok := weekdays[day]; !ok {
				v.add(hp.with("days", k), RuleBadDay, day)
				continue
			}
			if !okFrom || !okTo {
				continue
			}
			key := place + "|" + day
			for _, o := range open[key] {
				if from < o.to && o.from < to {
					v.add(hp.with("days", k), RuleHoursOverlap, day, h.From, h.To, clock(o.from), clock(o.to))
				}
			}
			open[key] = append(open[key], interval{from, to})
		}
	}
}

func (v *validator) holidays() {
	switch v.s.Holidays.Calendar {
	case "", CalendarDK, CalendarNone:
	default:
		v.add(Path{"holidays", "calendar"}, RuleBadCalendar, v.s.Holidays.Calendar)
	}
	for i, d := range v.s.Holidays.Closed {
		if _, _, _, ok := parseClosedDay(d); !ok {
			v.add(Path{"holidays", "closed", i}, RuleBadClosedDay, d)
		}
	}
}

func isDate(s string) bool {
	_, err := civil.ParseDate(s)
	return err == nil
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func sortedKeys[K int | string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}
