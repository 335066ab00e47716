package staff

import (
	"errors"
	"fmt"
	"maps"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/cpr"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/selfservice"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The case page: the case with the citizen's personal data — CPR number,
// name, address from the CPR registry, answers and attachments — its
// status history and the form that changes its status. Every view of the
// personal data, the page or a file, is written to the audit log with the
// case's reference as target (never the CPR number). The address of a
// citizen under name and address protection is shown only to who may see
// it (auth.SeeProtectedAddress).

// noteMax is the longest note of a status change, in characters.
const noteMax = 2000

type answerRow struct{ Label, Value string }

type answerGroup struct {
	Title string
	Rows  []answerRow
}

type attachmentRow struct {
	N                     int
	Filename, ContentType string
	Size                  string
}

type historyRow struct {
	At               time.Time
	Status, By, Note string
	Notify           bool
}

type caseView struct {
	view
	Case                      *casework.Case
	Area, Department, Channel string
	FormTitle, Source         string
	Status                    string
	Overdue                   bool
	AnswerBy                  string
	// Personal data; empty once erased.
	CPR, Name string
	// Address is the registry's address when it may be shown;
	// AddressProtected says it is protected and not shown,
	// ProtectedShown that it is protected and shown to who may see it;
	// NoLookup that the registry gave no answer.
	Address                                    string
	AddressProtected, ProtectedShown, NoLookup bool
	Answers                                    []answerGroup
	Attachments                                []attachmentRow
	History                                    []historyRow
	// The status form.
	Statuses        []choice
	NewStatus, Note string
	Notify          bool
	Errors          map[string]string
	Problems        []problem
	Notice          string
}

// formatCPR writes a CPR number as DDMMYY-SSSS.
func formatCPR(s string) string {
	n, err := cpr.Parse(s)
	if err != nil {
		return s
	}
	return n.String()
}

func formatAddress(a sf1520.Address) string {
	return strings.TrimSpace(a.Street + ", " + strings.TrimSpace(a.PostalCode+" "+a.City))
}

// showCase shows a case and records the view of its personal data.
func (s *Pages) showCase(w http.ResponseWriter, r *http.Request) error {
	cur, data, err := s.casePage(r)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("changed") != "" {
		data.Notice = data.L.T("staffcases.case.changed")
	}
	return s.renderCase(w, r, cur, http.StatusOK, data)
}

// renderCase records the view of the personal data, then shows the page:
// a view that cannot be recorded is not shown.
func (s *Pages) renderCase(w http.ResponseWriter, r *http.Request, cur *municipality.Current, status int, data caseView) error {
	if !data.Case.Erased {
		if err := audit.Record(r.Context(), s.db, cur.Municipality, actorOf(r), audit.CaseViewed, data.Case.Reference, ""); err != nil {
			return err
		}
	}
	return s.render(w, status, "case", data)
}

// casePage builds the case page of the path's case.
func (s *Pages) casePage(r *http.Request) (*municipality.Current, caseView, error) {
	cur, v, err := s.current(r, "cases")
	if err != nil {
		return nil, caseView{}, err
	}
	k, err := s.handledCase(r, cur)
	if err != nil {
		return nil, caseView{}, err
	}
	l, st := v.L, cur.Strategy
	v.Title = l.T("staffcases.case.title", k.Reference) + " – " + v.Title
	data := caseView{view: v, Case: k, Area: areaTitle(st, k.Area), Department: departmentName(st, k.Department),
		Channel: channelName(st, k.Channel), Status: statusText(l, k.Status), NewStatus: k.Status,
		Overdue: caseOverdue(k, civil.DateOf(s.now())), Errors: map[string]string{}}
	if !k.AnswerBy.IsZero() {
		data.AnswerBy = l.T("staffcases.case.answer_by", l.Date(k.AnswerBy), l.Count("cli.count.working_days", int64(k.WorkingDays)))
	}
	switch k.Source {
	case "portal":
		data.Source = l.T("staffcases.case.source.portal")
	case "console":
		data.Source = l.T("staffcases.case.source.console")
	default:
		data.Source = l.T("staffcases.case.source.api")
	}
	for _, status := range casework.Statuses {
		data.Statuses = append(data.Statuses, choice{status, statusText(l, status)})
	}
	for _, c := range k.History {
		by := c.By
		switch by {
		case "citizen":
			by = l.T("staffcases.case.by.citizen")
		case "system":
			by = l.T("staffcases.case.by.system")
		}
		data.History = append(data.History, historyRow{At: c.At, Status: statusText(l, c.Status), By: by, Note: c.Note, Notify: c.Notify})
	}
	var form *selfservice.Form
	if s.forms != nil && k.Form != "" {
		form, _ = s.forms.ByID(st, k.Form)
	}
	if form != nil {
		data.FormTitle = formTitle(l, form)
	}
	if k.Erased {
		return cur, data, nil
	}
	data.CPR, data.Name = formatCPR(k.CPR), k.Name
	hidden := ""
	if !s.fillAddress(r, cur.Municipality, &data) {
		hidden = l.T("staffcases.case.protected")
		if data.NoLookup {
			hidden = l.T("staffcases.case.address_unknown")
		}
	}
	data.Answers = answerGroups(l, form, k.Answers, hidden)
	files, err := s.cases.Attachments(r.Context(), k.ID)
	if err != nil {
		return nil, caseView{}, err
	}
	for i, f := range files {
		data.Attachments = append(data.Attachments, attachmentRow{N: i + 1, Filename: f.Filename, ContentType: f.ContentType,
			Size: byteSize(l, int64(len(f.Data)))})
	}
	return cur, data, nil
}

// fillAddress looks the citizen up in the CPR registry and sets what the
// page may say of the address; it reports whether an address the
// citizen's answers hold may be shown. When the registry gives no answer,
// whether the address is protected is unknown: only who may see a
// protected address sees it.
func (s *Pages) fillAddress(r *http.Request, m string, data *caseView) bool {
	if data.Case.CPR == "" {
		return true
	}
	may := auth.FromContext(r.Context()).MaySeeProtectedAddress(m)
	if s.cpr == nil {
		data.NoLookup = true
		return may
	}
	person, err := s.cpr.PersonLookup(r.Context(), data.Case.CPR)
	if err != nil {
		// The error is not logged: a registry's message may carry the
		// number asked for.
		data.NoLookup = true
		return may
	}
	if data.Name == "" {
		data.Name = person.Name()
	}
	switch {
	case person.Protected && !may:
		data.AddressProtected = true
		return false
	case person.Protected:
		data.ProtectedShown = true
	}
	data.Address = formatAddress(person.Address)
	return true
}

// formTitle is a form's title in the reader's language.
func formTitle(l locale.Printer, f *selfservice.Form) string {
	if l.Lang() == locale.English && f.TitleEN != "" {
		return f.TitleEN
	}
	return f.Title
}

func fieldLabel(l locale.Printer, f *selfservice.Field) string {
	if l.Lang() == locale.English && f.LabelEN != "" {
		return f.LabelEN
	}
	return f.Label
}

func stepTitle(l locale.Printer, st *selfservice.Step) string {
	if l.Lang() == locale.English && st.TitleEN != "" {
		return st.TitleEN
	}
	return st.Title
}

// answerGroups puts the answers under the form's steps with its labels,
// choices in words, in the form's order; answers the form does not know
// (it changed, or the case came without a form) follow by their ids. An
// answer filled in with the registry's address is replaced by hidden,
// unless that is empty: the address may be shown.
func answerGroups(l locale.Printer, form *selfservice.Form, answers map[string]string, hidden string) []answerGroup {
	seen := map[string]bool{}
	var groups []answerGroup
	if form != nil {
		for i := range form.Steps {
			step := &form.Steps[i]
			g := answerGroup{Title: stepTitle(l, step)}
			for j := range step.Fields {
				f := &step.Fields[j]
				seen[f.ID] = true
				value, ok := answers[f.ID]
				if f.Kind == selfservice.KindFile || !ok || value == "" {
					continue
				}
				if f.Prefill == selfservice.PrefillAddress && hidden != "" {
					value = hidden
				}
				g.Rows = append(g.Rows, answerRow{Label: fieldLabel(l, f), Value: answerText(l, f, value)})
			}
			if len(g.Rows) > 0 {
				groups = append(groups, g)
			}
		}
	}
	var rest answerGroup
	for _, id := range slices.Sorted(maps.Keys(answers)) {
		if !seen[id] && answers[id] != "" {
			rest.Rows = append(rest.Rows, answerRow{Label: id, Value: answers[id]})
		}
	}
	if len(rest.Rows) > 0 {
		groups = append(groups, rest)
	}
	return groups
}

// answerText is an answer in words: a choice's label, yes or no.
func answerText(l locale.Printer, f *selfservice.Field, value string) string {
	switch f.Kind {
	case selfservice.KindCheckbox:
		if value == "on" || value == "true" || value == "yes" || value == "ja" {
			return l.T("staffcases.case.yes")
		}
		return l.T("staffcases.case.no")
	case selfservice.KindSelect, selfservice.KindRadio:
		for _, o := range f.Options {
			if o.Value == value {
				if l.Lang() == locale.English && o.LabelEN != "" {
					return o.LabelEN
				}
				return o.Label
			}
		}
	case selfservice.KindDate:
		if d, err := civil.ParseDate(value); err == nil {
			return l.Date(d)
		}
	}
	return value
}

// byteSize writes a file's size in kB or MB.
func byteSize(l locale.Printer, n int64) string {
	if n < 1<<20 {
		return l.Decimal(float64(n)/1024, 0) + " kB"
	}
	return l.Decimal(float64(n)/(1<<20), 1) + " MB"
}

// setCaseStatus changes the case's status, with a note and whether the
// citizen is to be told; casework records the change in the history and
// the audit log.
func (s *Pages) setCaseStatus(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return err
	}
	cur, data, err := s.casePage(r)
	if err != nil {
		return err
	}
	l, f := data.L, r.PostForm
	data.NewStatus, data.Note, data.Notify = f.Get("status"), strings.TrimSpace(f.Get("note")), f.Get("notify") == "on"
	if !validStatus(data.NewStatus) {
		data.Errors["status"] = l.T("staffcases.case.bad_status")
		data.NewStatus = data.Case.Status
	}
	switch {
	case utf8.RuneCountInString(data.Note) > noteMax:
		data.Errors["note"] = l.T("staffcases.case.note_too_long", l.Int(noteMax))
	case store.CheckLines(data.Note) != nil:
		data.Errors["note"] = l.T("staffcases.case.note_bad")
	}
	if len(data.Errors) > 0 {
		for _, field := range []string{"status", "note"} {
			if msg, ok := data.Errors[field]; ok {
				data.Problems = append(data.Problems, problem{Field: field, Message: msg})
			}
		}
		return s.renderCase(w, r, cur, http.StatusUnprocessableEntity, data)
	}
	err = s.cases.SetStatus(r.Context(), cur.Municipality, data.Case.Reference, data.NewStatus, actorOf(r), data.Note, data.Notify)
	if errors.Is(err, casework.ErrNotFound) {
		return face.ErrNotFound
	}
	if err != nil {
		return err
	}
	face.Redirect(w, r, caseURL(cur.Municipality, data.Case.Reference)+"?changed=1")
	return nil
}

func validStatus(status string) bool {
	for _, s := range casework.Statuses {
		if s == status {
			return true
		}
	}
	return false
}

// inlineTypes are the attachment types a browser may show itself; any
// other is sent as bytes to save.
var inlineTypes = map[string]bool{"application/pdf": true, "image/png": true, "image/jpeg": true}

// downloadAttachment sends one of the case's files (n counts from 1) and
// records the view.
func (s *Pages) downloadAttachment(w http.ResponseWriter, r *http.Request) error {
	cur, err := s.registry.Current(r.Context(), r.PathValue("municipality"))
	if err != nil {
		return err
	}
	k, err := s.handledCase(r, cur)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || k.Erased {
		return face.ErrNotFound
	}
	files, err := s.cases.Attachments(r.Context(), k.ID)
	if err != nil {
		return err
	}
	if n < 1 || n > len(files) {
		return face.ErrNotFound
	}
	f := files[n-1]
	if err := audit.Record(r.Context(), s.db, cur.Municipality, actorOf(r), audit.CaseViewed, k.Reference, fmt.Sprintf("attachment %d", n)); err != nil {
		return err
	}
	ct := f.ContentType
	if !inlineTypes[ct] {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Filename}))
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(f.Data)))
	_, err = w.Write(f.Data)
	return err
}
