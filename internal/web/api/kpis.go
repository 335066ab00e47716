package api

import (
	"net/http"
	"sort"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/dashboard"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// kpiAnswer is the management information as JSON: the dashboard's
// figures for a period and filter. Shares are 0–1 and null when nothing
// was counted; amounts are Danish kroner. Each share's definition — the
// channels it counts, out of which, for which types — is in Definitions
// under the share's measure; the prices' versions and years in Prices.
type kpiAnswer struct {
	Municipality string    `json:"municipality"`
	From         string    `json:"from"`
	To           string    `json:"to"`
	Filter       kpiFilter `json:"filter"`

	// Demo tells that the counted inquiries of the period include demo
	// data: generated, not the municipality's own.
	Demo bool `json:"demo_data"`

	Inquiries int64 `json:"inquiries_total"`
	// PageViews on the website are not inquiries unless the strategy says
	// so (PageViewsCounted); they are in no other figure.
	PageViews        int64 `json:"page_views"`
	PageViewsCounted bool  `json:"page_views_counted"`

	InboundTotal        int64    `json:"inbound_total"`
	InboundDigital      int64    `json:"inbound_digital"`
	InboundDigitalShare *float64 `json:"inbound_digital_share"`
	InboundAssisted     int64    `json:"inbound_assisted"`

	OutboundTotal            int64    `json:"outbound_total"`
	OutboundDocuments        int64    `json:"outbound_documents"`
	OutboundDigitalPost      int64    `json:"outbound_digital_post"`
	OutboundDigitalPostShare *float64 `json:"outbound_digital_post_share"`

	TransactionTotal        int64    `json:"transaction_total"`
	TransactionDigital      int64    `json:"transaction_digital"`
	TransactionDigitalShare *float64 `json:"transaction_digital_share"`

	InformationTotal          int64    `json:"information_total"`
	InformationExpensive      int64    `json:"information_expensive"`
	InformationExpensiveShare *float64 `json:"information_expensive_share"`

	ResolvedFirstContact      int64    `json:"resolved_first_contact"`
	ResolvedFirstContactShare *float64 `json:"resolved_first_contact_share"`
	Guided                    int64    `json:"guided"`
	Exempt                    int64    `json:"exempt"`

	// SelfServiceLevel0 are inbound self-service inquiries on areas whose
	// solution was SB level 0: not digital, priced as paper letters.
	SelfServiceLevel0 int64 `json:"self_service_sb_level_0"`

	CostTotal         float64 `json:"cost_total"`
	UnpricedInquiries int64   `json:"cost_unpriced_inquiries"`
	AssistedStaffSecs int64   `json:"assisted_staff_seconds"`
	AssistedStaffCost float64 `json:"assisted_staff_cost"`
	// GrossPotential is the gross channel-shift potential a year at the
	// shown prices: not a saving. SavingsPerYear is the same number under
	// its first, misleading name, kept for existing clients.
	GrossPotential float64 `json:"gross_channel_shift_potential_per_year"`
	SavingsPerYear float64 `json:"savings_potential_per_year"`

	Definitions     map[string]kpiDefinition `json:"definitions"`
	Prices          []kpiPrices              `json:"prices"`
	MinimumSBLevel  *int                     `json:"minimum_sb_level"`
	BelowMinimum    []kpiSelfService         `json:"self_service_below_minimum"`
	WithoutSolution []kpiSaving              `json:"without_effective_solution"`

	ByChannel []kpiChannel `json:"by_channel"`
	ByArea    []kpiArea    `json:"by_area"`
	Savings   []kpiSaving  `json:"savings"`
	Targets   []kpiTarget  `json:"targets"`
}

// kpiDefinition is what one share counts, with the definition in words.
type kpiDefinition struct {
	Direction string   `json:"direction"`
	Counts    []string `json:"counts"`
	Of        []string `json:"of"`
	// Types is null for every type.
	Types   []string `json:"types"`
	Default bool     `json:"default"`
	Text    string   `json:"text"`
}

// kpiPrices are the prices of the strategy version in force on some days
// of the period.
type kpiPrices struct {
	Version          int     `json:"version"`
	From             string  `json:"from"`
	To               string  `json:"to"`
	PriceYear        *int    `json:"price_year"`
	StaffHourDKK     float64 `json:"staff_hour_dkk"`
	StaffHourExample bool    `json:"staff_hour_example"`
}

type kpiSelfService struct {
	Area    string `json:"area"`
	KLE     string `json:"kle"`
	SBLevel int    `json:"sb_level"`
}

type kpiFilter struct {
	Department string `json:"department,omitempty"`
	Area       string `json:"area,omitempty"`
	Type       string `json:"type,omitempty"`
	Direction  string `json:"direction,omitempty"`
}

type kpiChannel struct {
	Channel  string  `json:"channel"`
	Digital  bool    `json:"digital"`
	Inbound  int64   `json:"inbound"`
	Outbound int64   `json:"outbound"`
	Assisted int64   `json:"assisted"`
	Cost     float64 `json:"cost"`
}

type kpiArea struct {
	Area                string           `json:"area"`
	KLE                 string           `json:"kle"`
	Department          string           `json:"department"`
	Total               int64            `json:"total"`
	InboundTotal        int64            `json:"inbound_total"`
	InboundDigitalShare *float64         `json:"inbound_digital_share"`
	ResolvedShare       *float64         `json:"resolved_first_contact_share"`
	Assisted            int64            `json:"assisted"`
	Exempt              int64            `json:"exempt"`
	Cost                float64          `json:"cost"`
	ByChannel           map[string]int64 `json:"by_channel"`
}

type kpiSaving struct {
	Area            string  `json:"area"`
	Movable         int64   `json:"movable_transactions"`
	CostNow         float64 `json:"cost_now"`
	CostSelfService float64 `json:"cost_self_service"`
	PerYear         float64 `json:"saving_per_year"`
	// Level0 marks an area without an effective solution whose solution
	// is SB level 0.
	Level0 bool `json:"sb_level_0,omitempty"`
}

type kpiTarget struct {
	ID         string        `json:"id"`
	Measure    string        `json:"measure"`
	Definition kpiDefinition `json:"definition"`
	Trend      *float64      `json:"trend_points_per_year"`
	Status     string        `json:"status,omitempty"`
	Goals      []kpiGoal     `json:"goals"`
}

type kpiGoal struct {
	Year   int      `json:"year"`
	Target float64  `json:"target"`
	Value  *float64 `json:"value"`
	Actual bool     `json:"actual"`
	Status string   `json:"status"`
	Gap    float64  `json:"gap_points"`
}

// apiKPIs answers the management information for a period: from and to
// are required days, the other filters as on the dashboard.
func (s *API) apiKPIs(w http.ResponseWriter, r *http.Request) error {
	key := auth.FromContext(r.Context()).Key
	cur, err := s.registry.Current(r.Context(), key.Municipality)
	if err != nil {
		return err
	}
	l := face.Printer(r)
	q := r.URL.Query()
	errs := map[string]string{}
	var f measure.Filter
	f.From, f.To = dashboard.DayField(q.Get("from"), "from", l, errs), dashboard.DayField(q.Get("to"), "to", l, errs)
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		errs["to"] = l.T("figures.to_before_from")
	}
	f.Department, f.Area, f.Type, f.Direction = dashboard.CheckDimensions(cur.Strategy, l, q.Get("department"), q.Get("area"),
		q.Get("type"), q.Get("direction"), errs)
	if len(errs) > 0 {
		fields := make([]string, 0, len(errs))
		for field := range errs {
			fields = append(fields, field)
		}
		sort.Strings(fields)
		return &face.Error{Status: http.StatusBadRequest, Code: "bad_request", Field: fields[0], Message: errs[fields[0]]}
	}
	h, err := s.measures.History(r.Context(), cur.Municipality)
	if err != nil {
		return err
	}
	d, err := s.measures.LoadHistory(r.Context(), cur.Municipality, h, f)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, newKPIAnswer(l, cur.Municipality, d))
}

func newKPIDefinition(l locale.Printer, s *strategy.Strategy, def strategy.ShareDefinition) kpiDefinition {
	return kpiDefinition{Direction: def.Direction, Counts: nonNil(def.Counts), Of: nonNil(def.Of), Types: def.Types,
		Default: def.IsDefault(), Text: dashboard.Definition(l, s, def)}
}

func newKPIAnswer(l locale.Printer, municipality string, d *measure.Dashboard) kpiAnswer {
	t := d.Totals
	a := kpiAnswer{Municipality: municipality, From: d.Filter.From.String(), To: d.Filter.To.String(),
		Filter: kpiFilter{d.Filter.Department, d.Filter.Area, d.Filter.Type, d.Filter.Direction},
		Demo:   d.Demo, Inquiries: t.Inquiries, PageViews: t.PageViews, PageViewsCounted: d.PageViewsCounted,
		InboundTotal: t.Inbound, InboundDigital: t.Digital.Part, InboundDigitalShare: t.InboundDigitalShare(),
		InboundAssisted: t.InboundAssisted,
		OutboundTotal:   t.Outbound, OutboundDocuments: t.DigitalPost.Whole, OutboundDigitalPost: t.DigitalPost.Part,
		OutboundDigitalPostShare: t.OutboundDigitalPostShare(),
		TransactionTotal:         t.Transactions.Whole, TransactionDigital: t.Transactions.Part,
		TransactionDigitalShare: t.TransactionDigitalShare(),
		InformationTotal:        t.Expensive.Whole, InformationExpensive: t.Expensive.Part,
		InformationExpensiveShare: t.ExpensiveInformationShare(),
		ResolvedFirstContact:      t.Resolved, ResolvedFirstContactShare: t.ResolvedShare(), Guided: t.Guided, Exempt: t.Exempt,
		SelfServiceLevel0: t.Reporting,
		CostTotal:         t.Cost, UnpricedInquiries: t.Unpriced, AssistedStaffSecs: t.StaffSeconds, AssistedStaffCost: t.StaffCost,
		GrossPotential: d.Savings.Total(), SavingsPerYear: d.Savings.Total(),
		Definitions: map[string]kpiDefinition{}, Prices: []kpiPrices{}, BelowMinimum: []kpiSelfService{},
		WithoutSolution: []kpiSaving{},
		ByChannel:       []kpiChannel{}, ByArea: []kpiArea{}, Savings: []kpiSaving{}, Targets: []kpiTarget{},
	}
	for _, def := range d.Definitions {
		a.Definitions[def.Measure] = newKPIDefinition(l, d.Strategy, def)
	}
	for _, sp := range d.Spans {
		p := kpiPrices{Version: sp.Version.Number, From: sp.From.String(), To: sp.To.String()}
		if y := sp.Version.Strategy.Prices.Year; y != 0 {
			p.PriceYear = &y
		}
		p.StaffHourDKK, p.StaffHourExample = sp.Version.Strategy.Prices.StaffHour()
		a.Prices = append(a.Prices, p)
	}
	if m := d.Strategy.MinimumSBLevel; m != nil {
		level := m.Level
		a.MinimumSBLevel = &level
	}
	for _, ss := range d.BelowMinimum() {
		a.BelowMinimum = append(a.BelowMinimum, kpiSelfService{Area: ss.Area.ID, KLE: ss.Area.KLE, SBLevel: ss.Level})
	}
	for _, sv := range d.Savings.WithoutSolution {
		a.WithoutSolution = append(a.WithoutSolution, kpiSaving{Area: sv.Area.ID, Movable: sv.Movable, Level0: sv.Reporting})
	}
	for _, c := range d.Channels {
		a.ByChannel = append(a.ByChannel, kpiChannel{Channel: c.Channel.ID, Digital: c.Channel.Digital, Inbound: c.Inbound,
			Outbound: c.Outbound, Assisted: c.Assisted, Cost: c.Cost})
	}
	for _, ar := range d.Areas {
		a.ByArea = append(a.ByArea, kpiArea{Area: ar.Area.ID, KLE: ar.Area.KLE, Department: ar.Area.Department,
			Total: ar.Inquiries, InboundTotal: ar.Inbound, InboundDigitalShare: ar.InboundDigitalShare(),
			ResolvedShare: ar.ResolvedShare(), Assisted: ar.InboundAssisted, Exempt: ar.Exempt, Cost: ar.Cost, ByChannel: ar.ByChannel})
	}
	for _, sv := range d.Savings.Areas {
		a.Savings = append(a.Savings, kpiSaving{Area: sv.Area.ID, Movable: sv.Movable, CostNow: sv.CostNow,
			CostSelfService: sv.CostSelfService, PerYear: sv.PerYear})
	}
	for _, ts := range d.Targets {
		kt := kpiTarget{ID: ts.Target.ID, Measure: ts.Target.Measure, Definition: newKPIDefinition(l, d.Strategy, ts.Definition),
			Trend: ts.Trend, Status: ts.Status, Goals: []kpiGoal{}}
		for _, g := range ts.Goals {
			kt.Goals = append(kt.Goals, kpiGoal{Year: g.Year, Target: g.Target, Value: g.Value, Actual: g.Actual,
				Status: g.Status, Gap: g.Gap})
		}
		a.Targets = append(a.Targets, kt)
	}
	return a
}
