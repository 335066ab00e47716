package staff

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/render/table"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// auditLimit is how many events the page shows; the CSV has them all.
const auditLimit = 500

type auditView struct {
	view
	Events  []auditRow
	Actions []string
	Filter  struct{ From, To, Action, Actor string }
	Errors  map[string]string
	Limited bool
	CSV     string
}

// auditFilter reads the page's filter from the query: dates are whole days
// in Danish time, both included.
func auditFilter(r *http.Request, data *auditView) audit.Filter {
	q := r.URL.Query()
	data.Filter.From, data.Filter.To = q.Get("from"), q.Get("to")
	data.Filter.Action, data.Filter.Actor = q.Get("action"), q.Get("actor")
	f := audit.Filter{Municipality: r.PathValue("municipality"), Action: data.Filter.Action, Actor: data.Filter.Actor}
	day := func(field, s string) (civil.Date, bool) {
		if s == "" {
			return civil.Date{}, false
		}
		d, err := parseDay(s)
		if err != nil {
			data.Errors[field] = data.L.T("audit.bad_date")
			return civil.Date{}, false
		}
		return d, true
	}
	if from, ok := day("from", data.Filter.From); ok {
		f.From = from.Start()
	}
	if to, ok := day("to", data.Filter.To); ok {
		f.To = to.AddDays(1).Start()
	}
	return f
}

// parseDay reads a day as a date field sends it (2014-03-31) or as a
// reader types it where the browser has no calendar (31-03-2014, 31.3.2014).
func parseDay(s string) (civil.Date, error) {
	s = strings.TrimSpace(s)
	if d, err := civil.ParseDate(s); err == nil {
		return d, nil
	}
	for _, layout := range []string{"2-1-2006", "2.1.2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return civil.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, nil
		}
	}
	return civil.Date{}, fmt.Errorf("%q is not a day", s)
}

// showAudit shows the municipality's audit log, newest first, filtered.
func (s *Pages) showAudit(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "audit")
	if err != nil {
		return err
	}
	v.Title = v.L.T("audit.title") + " – " + v.Title
	data := auditView{view: v, Actions: audit.Actions, Errors: map[string]string{}}
	f := auditFilter(r, &data)
	if len(data.Errors) > 0 {
		return s.render(w, http.StatusUnprocessableEntity, "audit", data)
	}
	f.Limit = auditLimit + 1
	events, err := audit.List(r.Context(), s.db, f)
	if err != nil {
		return err
	}
	if len(events) > auditLimit {
		events, data.Limited = events[:auditLimit], true
	}
	for _, e := range events {
		data.Events = append(data.Events, describeEvent(v.L, cur.Strategy, e))
	}
	data.CSV = "/m/" + v.MunicipalityID + "/audit.csv?" + url.Values{"from": {data.Filter.From}, "to": {data.Filter.To},
		"action": {data.Filter.Action}, "actor": {data.Filter.Actor}}.Encode()
	return s.render(w, http.StatusOK, "audit", data)
}

// exportDetail describes an export's filter for the audit log. The dates
// are checked and the action is one of the log's; what the auditor typed
// to find an actor is free text that may hold anything, a CPR number
// included, so the log notes only that it was used.
func exportDetail(f struct{ From, To, Action, Actor string }) string {
	var parts []string
	if f.From != "" {
		parts = append(parts, "from="+f.From)
	}
	if f.To != "" {
		parts = append(parts, "to="+f.To)
	}
	switch {
	case audit.IsAction(f.Action):
		parts = append(parts, "action="+f.Action)
	case f.Action != "":
		parts = append(parts, "action=(unknown)")
	}
	if f.Actor != "" {
		parts = append(parts, "actor=(filtered)")
	}
	return strings.Join(parts, " ")
}

// exportAudit sends the filtered audit log as CSV; the export itself is
// audited.
func (s *Pages) exportAudit(w http.ResponseWriter, r *http.Request) error {
	data := auditView{view: view{L: face.Printer(r)}, Errors: map[string]string{}}
	f := auditFilter(r, &data)
	if len(data.Errors) > 0 {
		return face.ErrNotFound
	}
	events, err := audit.List(r.Context(), s.db, f)
	if err != nil {
		return err
	}
	if err := audit.Record(r.Context(), s.db, f.Municipality, actorOf(r), audit.AuditExported,
		fmt.Sprintf("%d", len(events)), exportDetail(data.Filter)); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="revisionslog-`+f.Municipality+`.csv"`)
	out, err := table.NewCSV(w)
	if err != nil {
		return err
	}
	l := data.L
	out.Write(l.T("audit.time"), l.T("audit.actor"), l.T("audit.action"), l.T("audit.target"), l.T("audit.detail"), l.T("audit.address"))
	for _, e := range events {
		out.Write(e.At.In(strategy.Location).Format("2006-01-02 15:04:05"), e.Actor, l.T("audit.action."+e.Action),
			e.Target, e.Detail, e.RemoteAddr)
	}
	return out.Flush()
}
