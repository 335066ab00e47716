package staff

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The four forms: what each shows of the strategy and which example
// marker each value carries. A value the staff change is theirs: the
// marker that covered it goes (strategy.Document.UnmarkField, Unmark),
// and a value they keep can be ticked as their own.

func (s *Pages) showEditTargets(w http.ResponseWriter, r *http.Request) error {
	return s.showEdit(w, r, buildTargets)
}
func (s *Pages) saveEditTargets(w http.ResponseWriter, r *http.Request) error {
	return s.saveEdit(w, r, buildTargets)
}
func (s *Pages) showNewTarget(w http.ResponseWriter, r *http.Request) error {
	if r.URL.Query().Get("measure") == "" {
		return s.chooseMeasure(w, r)
	}
	return s.showEdit(w, r, buildNewTarget)
}
func (s *Pages) saveNewTarget(w http.ResponseWriter, r *http.Request) error {
	if r.URL.Query().Get("measure") == "" {
		// A form sent without its measure goes back to choosing one.
		http.Redirect(w, r, "/m/"+url.PathEscape(r.PathValue("municipality"))+"/strategy/edit/new/target", http.StatusSeeOther)
		return nil
	}
	return s.saveEdit(w, r, buildNewTarget)
}
func (s *Pages) showRemoveTarget(w http.ResponseWriter, r *http.Request) error {
	return s.showEdit(w, r, buildRemoveTarget)
}
func (s *Pages) saveRemoveTarget(w http.ResponseWriter, r *http.Request) error {
	return s.saveEdit(w, r, buildRemoveTarget)
}
func (s *Pages) showEditPrices(w http.ResponseWriter, r *http.Request) error {
	return s.showEdit(w, r, buildPrices)
}
func (s *Pages) saveEditPrices(w http.ResponseWriter, r *http.Request) error {
	return s.saveEdit(w, r, buildPrices)
}
func (s *Pages) showNewPrice(w http.ResponseWriter, r *http.Request) error {
	return s.showEdit(w, r, buildNewPrice)
}
func (s *Pages) saveNewPrice(w http.ResponseWriter, r *http.Request) error {
	return s.saveEdit(w, r, buildNewPrice)
}
func (s *Pages) showRemovePrice(w http.ResponseWriter, r *http.Request) error {
	return s.showEdit(w, r, buildRemovePrice)
}
func (s *Pages) saveRemovePrice(w http.ResponseWriter, r *http.Request) error {
	return s.saveEdit(w, r, buildRemovePrice)
}
func (s *Pages) showEditHours(w http.ResponseWriter, r *http.Request) error {
	return s.showEdit(w, r, buildHours)
}
func (s *Pages) saveEditHours(w http.ResponseWriter, r *http.Request) error {
	return s.saveEdit(w, r, buildHours)
}
func (s *Pages) showEditArea(w http.ResponseWriter, r *http.Request) error {
	return s.showEdit(w, r, buildArea)
}
func (s *Pages) saveEditArea(w http.ResponseWriter, r *http.Request) error {
	return s.saveEdit(w, r, buildArea)
}
func (s *Pages) showNewArea(w http.ResponseWriter, r *http.Request) error {
	return s.showEdit(w, r, buildNewArea)
}
func (s *Pages) saveNewArea(w http.ResponseWriter, r *http.Request) error {
	return s.saveEdit(w, r, buildNewArea)
}
func (s *Pages) showRemoveArea(w http.ResponseWriter, r *http.Request) error {
	return s.showEdit(w, r, buildRemoveArea)
}
func (s *Pages) saveRemoveArea(w http.ResponseWriter, r *http.Request) error {
	return s.saveEdit(w, r, buildRemoveArea)
}
func (s *Pages) showEditSearchWords(w http.ResponseWriter, r *http.Request) error {
	return s.showEdit(w, r, buildSearchWords)
}
func (s *Pages) saveEditSearchWords(w http.ResponseWriter, r *http.Request) error {
	return s.saveEdit(w, r, buildSearchWords)
}

// buildSearchWords: an area's search words alone, the form a department
// manager may use for the own department's areas (and whoever edits the
// strategy for any area), stored as a new version like every other form.
func buildSearchWords(r *http.Request, f *editForm, doc *strategy.Document, st *strategy.Strategy) error {
	l := f.L
	a, ok := st.Area(r.PathValue("area"))
	if !ok {
		return face.ErrNotFound
	}
	if !auth.FromContext(r.Context()).MayEditSearchWords(st.Municipality.ID, a.Department) {
		return face.ErrForbidden
	}
	p := strategy.Path{"areas", slices.IndexFunc(st.Areas, func(x strategy.Area) bool { return x.ID == a.ID })}
	f.Heading = l.T("edit.search_words.title", strategy.AreaLabel(a.KLE, a.Title))
	f.Lead, f.source = l.T("edit.search_words.lead"), "form:areas/"+a.ID+"/search_words"
	words := newField(doc, p.With("search_words"), kindLines, l.T("edit.area.search_words"))
	words.Hint, words.Example = l.T("edit.area.search_words.hint"), a.IsExample("search_words")
	words.unmark = func(d *strategy.Document) error { return d.UnmarkField(p, "search_words") }
	f.Groups = append(f.Groups, &editGroup{ID: "area", Legend: l.T("edit.area.about"), path: p, Fields: []*editField{words}})
	return nil
}

// buildTargets: each target's wording, direction, area, share per year
// of the period or deadline, and what a share counts, out of what and of
// which inquiry types; each with a link to remove it, and one to add a
// target.
func buildTargets(_ *http.Request, f *editForm, doc *strategy.Document, st *strategy.Strategy) error {
	l := f.L
	f.Heading, f.Lead, f.source = l.T("edit.targets.title"), l.T("edit.targets.lead"), "form:targets"
	f.Adds = []editLink{{"/m/" + st.Municipality.ID + "/strategy/edit/new/target", l.T("edit.target.add")}}
	for i := range st.Targets {
		t := &st.Targets[i]
		g := targetGroup(l, doc, st, t, strategy.Path{"targets", i})
		g.Remove = &editLink{"/m/" + st.Municipality.ID + "/strategy/edit/targets/" + t.ID + "/remove", l.T("edit.target.remove", g.Legend)}
		f.Groups = append(f.Groups, g)
	}
	return nil
}

// targetGroup is the fields of the target at p.
func targetGroup(l locale.Printer, doc *strategy.Document, st *strategy.Strategy, t *strategy.Target, p strategy.Path) *editGroup {
	g := &editGroup{ID: fieldID(p), Legend: describe.NewTarget(st, l, *t).Measure, path: p}
	if t.Area != "" {
		if a, ok := st.Area(t.Area); ok {
			g.Legend += " – " + strategy.AreaLabel(a.KLE, a.Title)
		}
	}
	unmarkAs := func(names ...string) func(*strategy.Document) error {
		return func(d *strategy.Document) error {
			for _, name := range names {
				if err := d.UnmarkField(p, name); err != nil {
					return err
				}
			}
			return nil
		}
	}
	text := newField(doc, p.With("text"), kindTextarea, l.T("edit.target.text"))
	area := newField(doc, p.With("area"), kindSelect, l.T("edit.target.area"))
	area.Hint, area.Example, area.unmark = l.T("edit.target.area.hint"), t.IsExample("area"), unmarkAs("area")
	area.Options = []editChoice{{"", l.T("edit.target.area.all")}}
	for _, a := range st.Areas {
		area.Options = append(area.Options, editChoice{a.ID, strategy.AreaLabel(a.KLE, a.Title)})
	}
	g.Fields = append(g.Fields, text, area)
	if !t.IsShare() {
		fd := newField(doc, p.With("deadline"), kindNumber, l.T("edit.target.deadline"))
		fd.Narrow, fd.Example, fd.unmark = true, t.IsExample("deadline"), unmarkAs("deadline")
		g.Fields = append(g.Fields, fd)
		return g
	}
	dir := newField(doc, p.With("direction"), kindSelect, l.T("edit.target.direction"))
	dir.Options = []editChoice{{strategy.AtLeast, l.T("edit.direction.at_least")}, {strategy.AtMost, l.T("edit.direction.at_most")},
		{strategy.Reduce, l.T("edit.direction.reduce")}}
	if dir.Value == "" {
		dir.Options = append([]editChoice{{"", l.T("edit.direction.none")}}, dir.Options...)
	}
	g.Fields = append(g.Fields, dir)
	for year := st.Period.From; year <= st.Period.To; year++ {
		fd := newField(doc, p.With("shares", strconv.Itoa(year)), kindNumber, l.T("edit.target.share", year))
		fd.Suffix, fd.Narrow = "%", true
		fd.Example = t.IsExample("shares") || t.IsExample("years") && fd.Value != ""
		fd.unmark = unmarkAs("shares", "years")
		g.Fields = append(g.Fields, fd)
	}
	g.Hint = l.T("edit.target.shares.hint", st.Period.From, st.Period.To)

	// What the share counts, out of what: the channels in effect are
	// shown, the measure's own where the target names none.
	direction := strategy.Inbound
	if t.Measure == strategy.MeasureOutboundDigitalPost {
		direction = strategy.Outbound
	}
	var channels []editChoice
	for _, c := range st.Channels {
		if direction == strategy.Inbound && c.Inbound || direction == strategy.Outbound && c.Outbound {
			channels = append(channels, editChoice{c.ID, c.Name})
		}
	}
	counts := defaultedList(l, doc, p.With("counts"), l.T("edit.target.counts"), channels, st.TargetCounts(t), strategy.DefaultCounts(t.Measure))
	of := defaultedList(l, doc, p.With("of"), l.T("edit.target.of"), channels, st.TargetOf(t), strategy.DefaultOf(st, t.Measure))
	counts.Example, counts.unmark = t.IsExample("counts"), unmarkAs("counts")
	of.Example, of.unmark = t.IsExample("of"), unmarkAs("of")
	g.Fields = append(g.Fields, counts, of)
	if direction == strategy.Inbound {
		var types []editChoice
		var all []string
		for _, it := range st.InquiryTypes {
			types = append(types, editChoice{it.ID, it.Name})
			all = append(all, it.ID)
		}
		effective, def := st.TargetTypes(t), strategy.DefaultTypes(t.Measure)
		if effective == nil {
			effective = all
		}
		if def == nil {
			def = all
		}
		typ := defaultedList(l, doc, p.With("types"), l.T("edit.target.types"), types, effective, def)
		typ.Example, typ.unmark = t.IsExample("types"), unmarkAs("types")
		g.Fields = append(g.Fields, typ)
	}
	return g
}

// defaultedList is a list of choices that the strategy may leave out for
// a default: the choices in effect are ticked; ticking the default's, or
// none, leaves the list out, and any other choice is written in the
// order of the choices.
func defaultedList(l locale.Printer, doc *strategy.Document, p strategy.Path, label string, options []editChoice, effective, def []string) *editField {
	fd := &editField{ID: fieldID(p), Label: label, Kind: kindChecks, Options: options, path: p}
	for _, o := range options {
		if slices.Contains(effective, o.Value) {
			fd.Checked = append(fd.Checked, o.Value)
		}
	}
	fd.Value = joinLines(fd.Checked)
	fd.original = fd.Value
	var names []string
	for _, o := range options {
		if slices.Contains(def, o.Value) {
			names = append(names, o.Label)
		}
	}
	fd.Hint = l.T("edit.list.default", strings.Join(names, ", "))
	fd.write = func(d *strategy.Document, value string) error {
		chosen := splitLines(value)
		if len(chosen) == 0 || sameSet(chosen, def) {
			d.Delete(p)
			return nil
		}
		return d.SetStrings(p, chosen)
	}
	return fd
}

// Measures a target can have, in the order a new target offers them.
var measures = []string{strategy.MeasureInboundDigital, strategy.MeasureTransactionDigital, strategy.MeasureExpensiveInformation,
	strategy.MeasureOutboundDigitalPost, strategy.MeasureNemIDWhereValidated, strategy.MeasureLinkedFromBorgerDK}

// buildNewTarget: a target of the measure chosen (?measure=), added at
// the end of the targets with an id Kanal makes.
func buildNewTarget(r *http.Request, f *editForm, doc *strategy.Document, st *strategy.Strategy) error {
	l := f.L
	measure := r.URL.Query().Get("measure")
	if !slices.Contains(measures, measure) {
		return face.ErrNotFound
	}
	t := &strategy.Target{Measure: measure}
	p := strategy.Path{"targets", len(st.Targets)}
	g := targetGroup(l, doc, st, t, p)
	f.Heading, f.Lead, f.source = l.T("edit.target.new.title", g.Legend), l.T("edit.target.new.lead"), "form:targets/new"
	f.Groups = []*editGroup{g}
	id := strategy.NewID(strings.ReplaceAll(measure, "_", " "), "maal", func(id string) bool {
		return slices.ContainsFunc(st.Targets, func(t strategy.Target) bool { return t.ID == id })
	})
	f.change = func(d *strategy.Document) error {
		_, err := d.Append(strategy.Path{"targets"}, "id", id, "measure", measure)
		return err
	}
	return nil
}

// buildRemoveTarget: the question whether to remove a target, with the
// reason; a save removes it.
func buildRemoveTarget(r *http.Request, f *editForm, _ *strategy.Document, st *strategy.Strategy) error {
	l := f.L
	i := slices.IndexFunc(st.Targets, func(t strategy.Target) bool { return t.ID == r.PathValue("target") })
	if i < 0 {
		return face.ErrNotFound
	}
	t := describe.NewTarget(st, l, st.Targets[i])
	f.Heading = l.T("edit.target.remove.title", t.Measure)
	f.Lead, f.source = t.Text, "form:targets/"+st.Targets[i].ID+"/remove"
	f.Consequences = []string{l.T("edit.target.remove.what"), l.T("edit.remove.history")}
	f.Submit, f.Danger = l.T("edit.target.remove.submit"), true
	f.change = func(d *strategy.Document) error { d.Delete(strategy.Path{"targets", i}); return nil }
	return nil
}

// buildPrices: the year of the price level, staff time, and each price
// with its source. A price marked an example is one as a whole.
func buildPrices(_ *http.Request, f *editForm, doc *strategy.Document, st *strategy.Strategy) error {
	l := f.L
	f.Heading, f.Lead, f.source = l.T("edit.prices.title"), l.T("edit.prices.lead"), "form:prices"
	general := &editGroup{ID: "prices", Legend: l.T("edit.prices.general"), path: strategy.Path{"prices"}}
	year := newField(doc, strategy.Path{"prices", "year"}, kindNumber, l.T("edit.prices.year"))
	year.Hint, year.Narrow = l.T("edit.prices.year.hint"), true
	staff := newField(doc, strategy.Path{"prices", "staff_hour_dkk"}, kindNumber, l.T("edit.prices.staff_hour"))
	staff.Suffix, staff.Narrow, staff.Example = l.T("edit.unit.dkk"), true, st.Prices.StaffHourDKKExample
	staff.unmark = func(d *strategy.Document) error {
		d.Delete(strategy.Path{"prices", "staff_hour_dkk_example"})
		return nil
	}
	general.Fields = []*editField{year, staff}
	f.Groups = append(f.Groups, general)
	f.Adds = []editLink{{"/m/" + st.Municipality.ID + "/strategy/edit/new/price", l.T("edit.price.add")}}
	for i, pr := range st.Prices.Entries {
		p := strategy.Path{"prices", "entries", i}
		g := &editGroup{ID: fieldID(p), Legend: priceLabel(st, l, pr), Example: pr.Example, path: p}
		g.Remove = &editLink{"/m/" + st.Municipality.ID + "/strategy/edit/prices/" + strconv.Itoa(i+1) + "/remove", l.T("edit.price.remove", g.Legend)}
		g.unmark = func(d *strategy.Document) error { d.Delete(p.With("example")); return nil }
		dkk := newField(doc, p.With("dkk"), kindNumber, l.T("edit.price.dkk"))
		dkk.Suffix, dkk.Narrow = l.T("edit.unit.dkk"), true
		source := newField(doc, p.With("source"), kindText, l.T("edit.price.source"))
		source.Hint = l.T("edit.price.source.hint")
		g.Fields = []*editField{dkk, source}
		f.Groups = append(f.Groups, g)
	}
	return nil
}

// buildNewPrice: a price added at the end of the prices: its channel, and
// the inquiry type and SB level it is narrowed to, if any; the amount and
// its source; with the year of the prices, which holds for all of them.
func buildNewPrice(_ *http.Request, f *editForm, doc *strategy.Document, st *strategy.Strategy) error {
	l := f.L
	f.Heading, f.Lead, f.source = l.T("edit.price.new.title"), l.T("edit.price.new.lead"), "form:prices/new"
	p := strategy.Path{"prices", "entries", len(st.Prices.Entries)}
	g := &editGroup{ID: "price", Legend: l.T("edit.price.new.legend"), path: p}
	channel := newField(doc, p.With("channel"), kindSelect, l.T("edit.price.channel"))
	channel.Options = []editChoice{{"", l.T("edit.price.channel.choose")}}
	for _, c := range st.Channels {
		channel.Options = append(channel.Options, editChoice{c.ID, c.Name})
	}
	typ := newField(doc, p.With("type"), kindSelect, l.T("edit.price.type"))
	typ.Options = []editChoice{{"", l.T("edit.price.type.all")}}
	for _, t := range st.InquiryTypes {
		typ.Options = append(typ.Options, editChoice{t.ID, t.Name})
	}
	level := newField(doc, p.With("sb_level"), kindNumber, l.T("edit.price.sb_level"))
	level.Hint, level.Narrow = l.T("edit.price.sb_level.hint"), true
	dkk := newField(doc, p.With("dkk"), kindNumber, l.T("edit.price.dkk"))
	dkk.Suffix, dkk.Narrow = l.T("edit.unit.dkk"), true
	source := newField(doc, p.With("source"), kindText, l.T("edit.price.source"))
	source.Hint = l.T("edit.price.source.hint")
	g.Fields = []*editField{channel, typ, level, dkk, source}
	year := newField(doc, strategy.Path{"prices", "year"}, kindNumber, l.T("edit.prices.year"))
	year.Hint, year.Narrow = l.T("edit.prices.year.hint"), true
	f.Groups = []*editGroup{g, {ID: "prices", Legend: l.T("edit.prices.general"), path: strategy.Path{"prices", "year"}, Fields: []*editField{year}}}
	f.change = func(d *strategy.Document) error {
		_, err := d.Append(strategy.Path{"prices", "entries"})
		return err
	}
	return nil
}

// buildRemovePrice: the question whether to remove price number n.
func buildRemovePrice(r *http.Request, f *editForm, _ *strategy.Document, st *strategy.Strategy) error {
	l := f.L
	n, err := strconv.Atoi(r.PathValue("price"))
	if err != nil || n < 1 || n > len(st.Prices.Entries) {
		return face.ErrNotFound
	}
	pr := st.Prices.Entries[n-1]
	f.Heading, f.source = l.T("edit.price.remove.title", priceLabel(st, l, pr)), "form:prices/remove"
	if pr.DKK != nil && pr.Source != "" {
		f.Lead = l.T("edit.price.remove.lead", l.Decimal(*pr.DKK, describe.Decimals(*pr.DKK)), pr.Source)
	}
	f.Consequences = []string{l.T("edit.price.remove.what"), l.T("edit.remove.history")}
	f.Submit, f.Danger = l.T("edit.price.remove.submit"), true
	f.change = func(d *strategy.Document) error { d.Delete(strategy.Path{"prices", "entries", n - 1}); return nil }
	return nil
}

func priceLabel(st *strategy.Strategy, l locale.Printer, pr strategy.Price) string {
	label := describe.ChannelNames(st, []string{pr.Channel})[0]
	if pr.Type != "" {
		if t, ok := st.InquiryType(pr.Type); ok {
			label += ", " + t.Name
		}
	}
	if pr.SBLevel != nil {
		label += ", " + l.T("edit.price.sb", *pr.SBLevel)
	}
	return label
}

// weekdays in the order of the week, as the document writes them.
var weekdays = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// buildHours: each channel's opening intervals, with a blank one to add,
// and the closing days. An interval emptied is dropped.
func buildHours(_ *http.Request, f *editForm, doc *strategy.Document, st *strategy.Strategy) error {
	l := f.L
	f.Heading, f.Lead, f.source = l.T("edit.hours.title"), l.T("edit.hours.lead"), "form:hours"
	var days []editChoice
	for _, d := range weekdays {
		days = append(days, editChoice{d, l.T("weekday." + d)})
	}
	for i, oh := range st.OpeningHours {
		p := strategy.Path{"opening_hours", i}
		legend := describe.ChannelNames(st, []string{oh.Channel})[0]
		if oh.Location != "" {
			legend += ", " + oh.Location
		}
		g := &editGroup{ID: fieldID(p), Legend: legend, Hint: l.T("edit.hours.hint"), Example: oh.Example, path: p}
		g.unmark = func(d *strategy.Document) error { d.Delete(p.With("example")); return nil }
		hours := p.With("hours")
		for j := 0; j <= len(oh.Hours); j++ {
			at := hours.With(j)
			n := j + 1
			ds := newField(doc, at.With("days"), kindChecks, l.T("edit.hours.days", n))
			ds.Options = days
			from := newField(doc, at.With("from"), kindText, l.T("edit.hours.from", n))
			to := newField(doc, at.With("to"), kindText, l.T("edit.hours.to", n))
			from.Narrow, to.Narrow = true, true
			if j == len(oh.Hours) {
				ds.Label, from.Label, to.Label = l.T("edit.hours.new.days"), l.T("edit.hours.new.from"), l.T("edit.hours.new.to")
				for _, fd := range []*editField{ds, from, to} {
					fd.write = appendingTo(hours, j, fd)
				}
			}
			g.Fields = append(g.Fields, ds, from, to)
		}
		f.Groups = append(f.Groups, g)
	}
	closed := &editGroup{ID: "holidays", Legend: l.T("edit.holidays"), path: strategy.Path{"holidays"}}
	cal := newField(doc, strategy.Path{"holidays", "calendar"}, kindSelect, l.T("edit.holidays.calendar"))
	cal.Options = []editChoice{{strategy.CalendarDK, l.T("edit.holidays.calendar.dk")}, {strategy.CalendarNone, l.T("edit.holidays.calendar.none")}}
	if cal.Value == "" {
		cal.Options = append([]editChoice{{"", l.T("edit.holidays.calendar.unset")}}, cal.Options...)
	}
	closedDays := newField(doc, strategy.Path{"holidays", "closed"}, kindLines, l.T("edit.holidays.closed"))
	closedDays.Hint, closedDays.Example = l.T("edit.holidays.closed.hint"), st.Holidays.ClosedExample
	asDates(closedDays)
	closedDays.unmark = func(d *strategy.Document) error { d.Delete(strategy.Path{"holidays", "closed_example"}); return nil }
	closed.Fields = []*editField{cal, closedDays}
	f.Groups = append(f.Groups, closed)
	f.tidy = func(d *strategy.Document) {
		for i := range st.OpeningHours {
			hours := strategy.Path{"opening_hours", i, "hours"}
			for j := d.Len(hours) - 1; j >= 0; j-- {
				if len(d.Keys(hours.With(j))) == 0 {
					d.Delete(hours.With(j))
				}
			}
		}
	}
	return nil
}

// appendingTo writes a field of the blank interval: the interval is added
// to the list when the first of its fields is written.
func appendingTo(list strategy.Path, index int, fd *editField) func(*strategy.Document, string) error {
	return func(d *strategy.Document, value string) error {
		if d.Len(list) <= index {
			if _, err := d.Append(list); err != nil {
				return err
			}
		}
		return fd.writeField(d, value)
	}
}

// buildArea: one area's title, KLE number, department, response time,
// readiness, search words, self-service solution, mandatory self-service
// and channels per inquiry type, to and from the municipality; with a link
// to remove the area.
func buildArea(r *http.Request, f *editForm, doc *strategy.Document, st *strategy.Strategy) error {
	l := f.L
	a, ok := st.Area(r.PathValue("area"))
	if !ok {
		return face.ErrNotFound
	}
	p := strategy.Path{"areas", slices.IndexFunc(st.Areas, func(x strategy.Area) bool { return x.ID == a.ID })}
	f.Heading = l.T("edit.area.title", strategy.AreaLabel(a.KLE, a.Title))
	f.Lead, f.source = l.T("edit.area.lead"), "form:areas/"+a.ID
	f.Groups = areaGroups(l, doc, st, a, p, false)
	f.Groups[0].Remove = &editLink{"/m/" + st.Municipality.ID + "/strategy/edit/areas/" + a.ID + "/remove", l.T("edit.area.remove", strategy.AreaLabel(a.KLE, a.Title))}
	return nil
}

// buildNewArea: a new area, added at the end of the areas with an id Kanal
// makes from its title.
func buildNewArea(r *http.Request, f *editForm, doc *strategy.Document, st *strategy.Strategy) error {
	l := f.L
	p := strategy.Path{"areas", len(st.Areas)}
	f.Heading, f.Lead, f.source = l.T("edit.area.new.title"), l.T("edit.area.new.lead"), "form:areas/new"
	f.Groups = areaGroups(l, doc, st, &strategy.Area{}, p, true)
	title := ""
	if r.PostForm != nil {
		title = r.PostForm.Get(fieldID(p.With("title")))
	}
	id := strategy.NewID(title, "omraade", func(id string) bool { _, ok := st.Area(id); return ok })
	f.change = func(d *strategy.Document) error {
		_, err := d.Append(strategy.Path{"areas"}, "id", id)
		return err
	}
	return nil
}

// areaGroups are the fieldsets of the area a at p; a new area has no
// values yet and chooses its inquiry types.
func areaGroups(l locale.Printer, doc *strategy.Document, st *strategy.Strategy, a *strategy.Area, p strategy.Path, isNew bool) []*editGroup {
	field := func(name, kind, label string) *editField {
		fd := newField(doc, p.With(name), kind, label)
		fd.Example = a.IsExample(name)
		fd.unmark = func(d *strategy.Document) error { return d.UnmarkField(p, name) }
		return fd
	}
	about := &editGroup{ID: "area", Legend: l.T("edit.area.about"), path: p}
	title := field("title", kindText, l.T("edit.area.name"))
	kle := field("kle", kindText, l.T("edit.area.kle"))
	kle.Hint, kle.Narrow = l.T("edit.area.kle.hint"), true
	dept := field("department", kindSelect, l.T("edit.area.department"))
	if dept.Value == "" {
		dept.Options = []editChoice{{"", l.T("edit.area.department.choose")}}
	}
	for _, d := range st.Departments {
		dept.Options = append(dept.Options, editChoice{d.ID, d.Name})
	}
	about.Fields = []*editField{title, kle, dept}
	if isNew {
		types := field("types", kindChecks, l.T("edit.area.types"))
		for _, t := range st.InquiryTypes {
			types.Options = append(types.Options, editChoice{t.ID, t.Name})
		}
		about.Fields = append(about.Fields, types)
	}
	days := field("response_days", kindNumber, l.T("edit.area.response_days"))
	days.Suffix, days.Narrow, days.Hint = l.T("edit.unit.working_days"), true, l.T("edit.area.response_days.hint")
	ready := field("digital_readiness", kindSelect, l.T("edit.area.readiness"))
	ready.Hint = l.T("edit.area.readiness.hint")
	if ready.Value == "" {
		ready.Options = []editChoice{{"", l.T("edit.area.readiness.choose")}}
	}
	for _, r := range []string{strategy.ReadinessHigh, strategy.ReadinessMedium, strategy.ReadinessLow} {
		ready.Options = append(ready.Options, editChoice{r, l.T("readiness." + r)})
	}
	words := field("search_words", kindLines, l.T("edit.area.search_words"))
	words.Hint = l.T("edit.area.search_words.hint")
	about.Fields = append(about.Fields, days, ready, words)
	groups := []*editGroup{about, selfServiceGroup(l, doc, a, p), mandatoryGroup(l, doc, st, a, p)}
	for _, typ := range st.InquiryTypes {
		if isNew || a.Handles(typ.ID) {
			groups = append(groups, channelsGroup(l, st, a, p, typ.ID, strategy.Inbound))
		}
	}
	for _, typ := range st.InquiryTypes {
		if isNew || a.Handles(typ.ID) {
			groups = append(groups, channelsGroup(l, st, a, p, typ.ID, strategy.Outbound))
		}
	}
	return groups
}

// selfServiceGroup: the area's self-service solution — its link, SB level,
// login and whether borger.dk links to it. An area with none gets one when
// its link is written; emptied, the solution is left out.
func selfServiceGroup(l locale.Printer, doc *strategy.Document, a *strategy.Area, p strategy.Path) *editGroup {
	ss := p.With("self_service")
	g := &editGroup{ID: "self-service", Legend: l.T("edit.area.self_service"), Hint: l.T("edit.area.self_service.hint"), path: ss}
	field := func(name, kind, label string) *editField {
		fd := newField(doc, ss.With(name), kind, label)
		fd.Example = a.IsExample(name)
		fd.unmark = func(d *strategy.Document) error { return d.UnmarkField(p, name) }
		return fd
	}
	link := field("url", kindText, l.T("edit.area.url"))
	link.Hint = l.T("edit.area.url.hint")
	level := field("sb_level", kindSelect, l.T("edit.area.sb_level"))
	level.Options = []editChoice{{"", l.T("edit.area.sb_level.choose")}}
	for n := 0; n <= 4; n++ {
		level.Options = append(level.Options, editChoice{strconv.Itoa(n), l.T("edit.area.sb_level.n", n)})
	}
	level.Hint = l.T("edit.area.sb_level.hint")
	level.write = func(d *strategy.Document, value string) error {
		if value == "" {
			d.Delete(level.path)
			return nil
		}
		return d.SetValue(level.path, value)
	}
	login := field("login", kindSelect, l.T("edit.area.login"))
	login.Options = []editChoice{{"", l.T("edit.area.login.choose")}, {strategy.LoginNational, l.T("edit.area.login.national")},
		{strategy.LoginNone, l.T("login.none")}}
	if login.Value == strategy.LoginNemID || login.Value == strategy.LoginMitID {
		login.Options = append(login.Options, editChoice{login.Value, l.T("login." + login.Value)})
	}
	borger := field("borger_dk", kindCheckbox, l.T("edit.area.borger_dk"))
	if borger.Value != "true" {
		borger.Value, borger.original = "", ""
	}
	borger.write = func(d *strategy.Document, value string) error {
		if value == "" {
			d.Delete(borger.path)
			return nil
		}
		return d.SetValue(borger.path, "true")
	}
	g.Fields = []*editField{link, level, login, borger}
	g.write = func(d *strategy.Document) error {
		for _, name := range []string{"url", "sb_level", "login"} {
			if _, ok := d.Scalar(ss.With(name)); ok {
				return nil
			}
		}
		d.Delete(ss) // nothing left but perhaps borger.dk: no solution
		return nil
	}
	return g
}

// mandatoryGroup: the flag, and the law, date and exemption channel it
// needs. Unticked, the area's mandatory_digital is left out; ticked, the
// fields below it are written.
func mandatoryGroup(l locale.Printer, doc *strategy.Document, st *strategy.Strategy, a *strategy.Area, p strategy.Path) *editGroup {
	m := p.With("mandatory_digital")
	g := &editGroup{ID: "mandatory", Legend: l.T("edit.area.mandatory"), Hint: l.T("edit.area.mandatory.hint"), path: m}
	unmark := func(d *strategy.Document) error { return d.UnmarkField(p, "mandatory_digital") }
	flag := &editField{ID: fieldID(m), Label: l.T("edit.area.mandatory.flag"), Kind: kindCheckbox, path: m,
		Example: a.IsExample("mandatory_digital"), unmark: unmark}
	if a.Mandatory != nil {
		flag.Value, flag.original = "true", "true"
	}
	flag.write = func(d *strategy.Document, value string) error {
		if value == "" {
			d.Delete(m)
			return nil
		}
		// Newly ticked: an empty mandatory_digital, for the fields below
		// to fill and the loader to check.
		return d.SetText(m.With("law"), "")
	}
	law := newField(doc, m.With("law"), kindText, l.T("edit.area.mandatory.law"))
	since := newField(doc, m.With("since"), kindText, l.T("edit.area.mandatory.since"))
	since.Hint, since.Narrow = l.T("edit.area.mandatory.since.hint"), true
	asDates(since)
	wave := newField(doc, m.With("wave"), kindNumber, l.T("edit.area.mandatory.wave"))
	wave.Hint, wave.Narrow = l.T("edit.area.mandatory.wave.hint"), true
	exempt := newField(doc, m.With("exemption_channel"), kindSelect, l.T("edit.area.mandatory.exemption"))
	exempt.Options = []editChoice{{"", l.T("edit.area.mandatory.exemption.none")}}
	for _, c := range st.Channels {
		if c.Inbound {
			exempt.Options = append(exempt.Options, editChoice{c.ID, c.Name})
		}
	}
	for _, fd := range []*editField{law, since, wave, exempt} {
		fd.Example, fd.unmark = a.IsExample(fd.path[len(fd.path)-1].(string)), unmark
		fd.write = func(d *strategy.Document, value string) error {
			if flag.Value == "" {
				return nil // not mandatory: the flag left it all out
			}
			return fd.writeField(d, value)
		}
	}
	// The flag comes first: a group's fields are written in order.
	g.Fields = []*editField{flag, law, since, wave, exempt}
	return g
}

// Places a channel can have in an area's priority for a type.
var priorityLists = []string{"primary", "secondary", "inappropriate"}

// channelsGroup: for one inquiry type, each channel's place in the area's
// priority for inquiries to the municipality (primary, secondary,
// inappropriate or none). It shows the channels in effect — the area's
// own where it has them, else the type's defaults — and writes as the
// area's own only the lists that change, so that a list the area inherits
// goes on being inherited.
func channelsGroup(l locale.Printer, st *strategy.Strategy, a *strategy.Area, p strategy.Path, typ, direction string) *editGroup {
	name, legend := "channels", "edit.area.channels"
	if direction == strategy.Outbound {
		name, legend = "outbound_channels", "edit.area.outbound_channels"
	}
	at := p.With(name, typ)
	g := &editGroup{ID: fieldID(at), Legend: l.T(legend, describe.TypeLabel(st, l, typ)),
		Hint: l.T("edit.area.channels.hint"), path: at}
	prio := st.Priority(a, typ, direction)
	lists := [][]string{prio.Primary, prio.Secondary, prio.Inappropriate}
	options := []editChoice{{"", l.T("edit.area.channels.none")}}
	for _, name := range priorityLists {
		options = append(options, editChoice{name, l.T("prio." + name)})
	}
	for _, c := range st.Channels {
		place := ""
		for k, list := range lists {
			if slices.Contains(list, c.ID) {
				place = priorityLists[k]
			}
		}
		if (direction == strategy.Inbound && !c.Inbound || direction == strategy.Outbound && !c.Outbound) && place == "" {
			continue
		}
		fd := &editField{ID: fieldID(at.With(c.ID)), Label: c.Name, Kind: kindSelect, Options: options,
			Value: place, original: place, path: at.With(c.ID), Narrow: true,
			Example: a.IsExample(name), unmark: func(d *strategy.Document) error { return d.UnmarkField(p, name) }}
		fd.write = func(*strategy.Document, string) error { return nil } // the group writes the lists
		g.Fields = append(g.Fields, fd)
	}
	g.write = func(d *strategy.Document) error {
		for k, name := range priorityLists {
			var chosen []string
			for _, fd := range g.Fields {
				if fd.Value == name {
					chosen = append(chosen, fd.path[len(fd.path)-1].(string))
				}
			}
			if sameSet(chosen, lists[k]) {
				continue
			}
			if err := d.SetStrings(at.With(name), keepOrder(lists[k], chosen)); err != nil {
				return err
			}
		}
		return nil
	}
	return g
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// keepOrder lists chosen with the channels of old first, in old's order:
// a priority list's order is the strategy's, and a channel added goes
// last.
func keepOrder(old, chosen []string) []string {
	var out []string
	for _, c := range old {
		if slices.Contains(chosen, c) {
			out = append(out, c)
		}
	}
	for _, c := range chosen {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// chooseMeasure asks what a new target measures, before its form: the
// fields differ (a share per year, or a deadline).
func (s *Pages) chooseMeasure(w http.ResponseWriter, r *http.Request) error {
	_, v, err := s.current(r, "strategy")
	if err != nil {
		return err
	}
	v.Title = v.L.T("edit.target.add")
	var choices []editChoice
	for _, m := range measures {
		choices = append(choices, editChoice{m, v.L.T("measure." + m)})
	}
	return s.render(w, http.StatusOK, "strategy_edit_choose", struct {
		view
		Measures []editChoice
	}{v, choices})
}

// buildRemoveArea: the question whether to remove an area, saying what
// becomes of its inquiries and of what refers to it. A referral that lists
// the area loses it with the area; a target for the area is the loader's
// problem, shown in words, to be settled first.
func buildRemoveArea(r *http.Request, f *editForm, _ *strategy.Document, st *strategy.Strategy) error {
	l := f.L
	a, ok := st.Area(r.PathValue("area"))
	if !ok {
		return face.ErrNotFound
	}
	i := slices.IndexFunc(st.Areas, func(x strategy.Area) bool { return x.ID == a.ID })
	label := strategy.AreaLabel(a.KLE, a.Title)
	f.Heading, f.source = l.T("edit.area.remove.title", label), "form:areas/"+a.ID+"/remove"
	f.Consequences = []string{l.T("edit.area.remove.what"), l.T("edit.area.remove.inquiries")}
	refers := func(ref string) bool { return ref == a.ID || a.KLE != "" && ref == a.KLE }
	var lists []int
	for j, ref := range st.Referrals {
		if slices.ContainsFunc(ref.Areas, refers) {
			lists = append(lists, j)
			f.Consequences = append(f.Consequences, l.T("edit.area.remove.referral", ref.Name))
		}
	}
	f.Consequences = append(f.Consequences, l.T("edit.remove.history"))
	f.Submit, f.Danger = l.T("edit.area.remove.submit"), true
	f.gone = map[string]string{a.ID: label}
	if a.KLE != "" {
		f.gone[a.KLE] = label
	}
	f.change = func(d *strategy.Document) error {
		for _, j := range lists {
			p := strategy.Path{"referrals", j, "areas"}
			rest := slices.DeleteFunc(d.Strings(p), refers)
			if len(rest) == 0 {
				d.Delete(p)
			} else if err := d.SetStrings(p, rest); err != nil {
				return err
			}
		}
		d.Delete(strategy.Path{"areas", i})
		return nil
	}
	return nil
}
