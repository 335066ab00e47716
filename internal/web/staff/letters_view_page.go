package staff

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The letters sent (GET /m/{m}/letters) and one letter (GET
// /m/{m}/letters/{id}): route, reason, status history, template,
// attachments and actions, the recipient masked. The full CPR or CVR
// number is shown only on asking (?modtager=vis), and each such view is
// audited as LetterRecipientViewed with the letter's id. A user placed in
// a department sees that department's letters only, as with cases (the
// same staff write a case's letters); the strategy group and staff placed
// in none see all. The body and documents are not shown: they are the
// recipient's, and the case system holds the letter itself.

type lettersView struct {
	view
	Letters                 []letterRow
	Status, Route, Area     string
	Statuses, Routes, Areas []choice
	// Scoped names the department the list is limited to, if any.
	Scoped string
}

type letterRow struct {
	ID, Title, Recipient, Area, Route, Reason, Status, Created, Link string
	Template                                                         string
	Attachments, Actions                                             bool
}

type letterView struct {
	view
	Letter                         letterRow
	Department, ForcedReason, Sent string
	Legal, Erased, Full            string
	History                        []letterHistoryRow
	AttachmentNames                []string
	Actions                        []letters.Action
	ShowRecipient                  string
	Shown                          bool
}

type letterHistoryRow struct{ Status, At string }

func lettersPath(m string) string { return "/m/" + m + "/letters" }

// letterDepartment is the department whose letters alone the principal
// sees, or "" for all: the case rule (auth.Principal.CaseDepartment).
func letterDepartment(r *http.Request) string {
	return auth.FromContext(r.Context()).CaseDepartment()
}

// maskedRecipient hides a CPR number's serial and half a CVR number.
func maskedRecipient(rec letters.Recipient) string {
	if rec.Kind() == "cvr" {
		return "CVR " + rec.CVR.Digits()[:4] + "xxxx"
	}
	return "CPR " + rec.CPR.Masked()
}

func (s *Pages) letterRowOf(cur *municipality.Current, v view, l *letters.Letter) letterRow {
	row := letterRow{ID: l.ID, Title: l.Title, Recipient: maskedRecipient(l.Recipient), Area: l.Area,
		Route: v.L.T("letterlist.route_name." + l.Route), Reason: v.L.T("letters.reason." + l.Reason),
		Status: v.L.T("letters.status." + l.Status), Created: v.L.DateTime(l.CreatedAt),
		Link: lettersPath(cur.Municipality) + "/" + url.PathEscape(l.ID), Template: l.Template,
		Attachments: l.HasAttachments || len(l.Attachments) > 0, Actions: l.HasActions || len(l.Actions) > 0 || l.ActionURL != ""}
	if a, ok := cur.Strategy.Area(l.Area); ok {
		row.Area = a.Title
	}
	if t := letters.TemplateByID(l.Template); t != nil {
		row.Template = t.Title
	}
	return row
}

// showLetters (GET /m/{m}/letters) lists the letters sent, newest first,
// filtered by status, route and area.
func (s *Pages) showLetters(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "letters")
	if err != nil {
		return err
	}
	v.Title = v.L.T("letterlist.title") + " – " + v.Title
	q := r.URL.Query()
	data := lettersView{view: v, Status: q.Get("status"), Route: q.Get("route"), Area: q.Get("area")}
	for _, st := range letters.Statuses {
		data.Statuses = append(data.Statuses, choice{st, v.L.T("letters.status." + st)})
	}
	for _, rt := range []string{letters.RouteDigitalPost, letters.RouteLetter} {
		data.Routes = append(data.Routes, choice{rt, v.L.T("letterlist.route_name." + rt)})
	}
	for _, a := range cur.Strategy.Areas {
		data.Areas = append(data.Areas, choice{a.ID, a.Title})
	}
	f := letters.Filter{Status: data.Status, Route: data.Route, Area: data.Area, Department: letterDepartment(r)}
	if f.Department != "" {
		data.Scoped = f.Department
		if d, ok := cur.Strategy.Department(f.Department); ok {
			data.Scoped = d.Name
		}
	}
	list, err := s.lettersFor().List(r.Context(), cur.Municipality, f)
	if err != nil {
		return err
	}
	for i := range list {
		data.Letters = append(data.Letters, s.letterRowOf(cur, v, &list[i]))
	}
	return s.render(w, http.StatusOK, "letter_list", data)
}

// showLetter (GET /m/{m}/letters/{id}) shows one letter; with
// ?modtager=vis the recipient in full, audited.
func (s *Pages) showLetter(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "letters")
	if err != nil {
		return err
	}
	l, err := s.lettersFor().Get(r.Context(), cur.Municipality, r.PathValue("id"))
	if errors.Is(err, letters.ErrNotFound) {
		return face.ErrNotFound
	}
	if err != nil {
		return err
	}
	if d := letterDepartment(r); d != "" && d != l.Department {
		return face.ErrNotFound
	}
	v.Title = l.Title + " – " + v.L.T("letterlist.title") + " – " + v.Title
	data := letterView{view: v, Letter: s.letterRowOf(cur, v, l), ForcedReason: l.ForcedReason, Actions: l.Actions,
		ShowRecipient: lettersPath(cur.Municipality) + "/" + url.PathEscape(l.ID) + "?modtager=vis#recipient"}
	data.Department = l.Department
	if d, ok := cur.Strategy.Department(l.Department); ok {
		data.Department = d.Name
	}
	if l.LegalNotification {
		data.Legal = v.L.T("letterlist.yes")
	} else {
		data.Legal = v.L.T("letterlist.no")
	}
	if !l.SentAt.IsZero() {
		data.Sent = v.L.DateTime(l.SentAt)
	}
	if l.Erased {
		data.Erased = v.L.T("letterlist.erased")
	}
	for _, h := range l.History {
		data.History = append(data.History, letterHistoryRow{v.L.T("letters.status." + h.Status), v.L.DateTime(h.At)})
	}
	for _, a := range l.Attachments {
		data.AttachmentNames = append(data.AttachmentNames, a.Filename)
	}
	if l.ActionURL != "" {
		data.Actions = append([]letters.Action{{Label: l.Title, URL: l.ActionURL}}, data.Actions...)
	}
	if r.URL.Query().Get("modtager") == "vis" {
		if err := audit.Record(r.Context(), s.db, cur.Municipality, actorOf(r), audit.LetterRecipientViewed, l.ID, l.Recipient.Kind()); err != nil {
			return err
		}
		data.Shown = true
		data.Full = l.Recipient.Digits()
		if l.Recipient.Kind() == "cpr" {
			data.Full = "CPR " + l.Recipient.CPR.String()
		} else {
			data.Full = "CVR " + data.Full
		}
	}
	return s.render(w, http.StatusOK, "letter_show", data)
}
