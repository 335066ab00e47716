package api

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/sf1601"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// letterBody is the largest letter request: the body (letters.MaxBody),
// the documents (letters.MaxDocuments, base64 makes four bytes of three)
// and a few short fields.
const letterBody = letters.MaxBody + letters.MaxDocuments/3*4 + 64<<10

// newLetter is the body of POST /api/v1/letters.
type newLetter struct {
	ID        string `json:"id"`
	Recipient struct {
		CPR string `json:"cpr"`
		CVR string `json:"cvr"`
	} `json:"recipient"`
	Title             string `json:"title"`
	Area              string `json:"area"`
	Type              string `json:"type"`
	Body              string `json:"body"`
	LegalNotification bool   `json:"legal_notification"`
	ForcePaper        *struct {
		Reason string `json:"reason"`
	} `json:"force_paper"`
	CallbackURL string            `json:"callback_url"`
	ActionURL   string            `json:"action_url"`
	Template    string            `json:"template"`
	Fields      map[string]string `json:"fields"`
	// PDF is the main document, base64; Attachments' contents too.
	PDF         string `json:"pdf"`
	Attachments []struct {
		Filename string `json:"filename"`
		Content  string `json:"content"`
		MIME     string `json:"mime"`
	} `json:"attachments"`
	Actions []letters.Action `json:"actions"`
}

// documents decodes the request's base64 documents; a bad one is refused
// at its field.
func (in *newLetter) documents(l locale.Printer, req *letters.Request) error {
	decode := func(field, s string) ([]byte, error) {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, &face.Error{Status: http.StatusBadRequest, Code: "bad_request", Field: field, Message: l.T("letters.error.bad_base64")}
		}
		return b, nil
	}
	var err error
	if in.PDF != "" {
		if req.PDF, err = decode("pdf", in.PDF); err != nil {
			return err
		}
	}
	for i, a := range in.Attachments {
		content, err := decode(fmt.Sprintf("attachments[%d].content", i), a.Content)
		if err != nil {
			return err
		}
		req.Attachments = append(req.Attachments, letters.Attachment{Filename: a.Filename, MIME: a.MIME, Content: content})
	}
	return nil
}

// letterAnswer answers POST /api/v1/letters and GET /api/v1/letters/{id}:
// the route, its reason and the status, no personal data. History is
// left out of POST's answer.
type letterAnswer struct {
	ID         string         `json:"id"`
	Route      string         `json:"route"`
	Reason     string         `json:"reason"`
	ReasonText string         `json:"reason_text"`
	Status     string         `json:"status"`
	Created    *bool          `json:"created,omitempty"`
	History    []statusChange `json:"history,omitempty"`
}

// lettersOf returns the letters service with the development Digital Post
// registry (sf1601.DevRegistry) over the test citizens file the server
// looks people up in, or the shipped one. A production PostForespoerg
// client is not built yet (docs/letters.md).
func lettersOf(svc face.Services) *letters.Letters {
	file, ok := svc.CPR.(*sf1520.File)
	if !ok {
		file, _ = sf1520.Embedded()
	}
	ls := letters.New(svc.DB, svc.Recorder, letters.RegistryOf(sf1601.NewDevRegistry(file)))
	ls.Names = svc.CPR
	if ls.Names == nil {
		ls.Names = file
	}
	if svc.Now != nil {
		ls.Now = svc.Now
	}
	return ls
}

// apiSendLetter sends a letter: the route is decided and stored with its
// reason, the letter queued for the worker, its outbound inquiry recorded.
// A repeat of an id answers the first letter, 200 instead of 201.
func (s *API) apiSendLetter(w http.ResponseWriter, r *http.Request) error {
	l := face.Printer(r)
	var in newLetter
	if err := decodeStrict(r, &in); err != nil {
		return err
	}
	key := auth.FromContext(r.Context()).Key
	req := letters.Request{ID: in.ID, CPR: in.Recipient.CPR, CVR: in.Recipient.CVR, Title: in.Title, Area: in.Area,
		Type: in.Type, Body: in.Body, LegalNotification: in.LegalNotification, CallbackURL: in.CallbackURL,
		ActionURL: in.ActionURL, Template: in.Template, Fields: in.Fields, Actions: in.Actions, Test: key.Test}
	if err := in.documents(l, &req); err != nil {
		return err
	}
	if in.ForcePaper != nil {
		if in.ForcePaper.Reason == "" {
			return &face.Error{Status: http.StatusBadRequest, Code: "bad_request", Field: "force_paper.reason",
				Message: l.T("letters.error.force_paper")}
		}
		req.ForcePaper = in.ForcePaper.Reason
	}
	cur, err := s.registry.Current(r.Context(), key.Municipality)
	if err != nil {
		return err
	}
	letter, created, err := s.letters.Send(r.Context(), cur, req)
	var inv *letters.InvalidError
	if errors.As(err, &inv) {
		return invalidLetter(l, inv)
	}
	if err != nil {
		return err
	}
	out := answerOf(l, letter)
	out.Created = &created
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	return writeJSON(w, status, out)
}

// invalidLetter answers the first problem of a refused letter: a missing
// field 400 (bad_request), another problem 422 with the rule as code.
func invalidLetter(l locale.Printer, inv *letters.InvalidError) error {
	fe := inv.Fields[0]
	if fe.Rule == "required" {
		return &face.Error{Status: http.StatusBadRequest, Code: "bad_request", Field: fe.Field, Message: l.T("letters.error.required", fe.Field)}
	}
	msg := l.T("letters.error."+fe.Rule, fe.Args...)
	if fe.Rule == "inquiry" && len(fe.Args) > 0 {
		rule, _ := fe.Args[0].(string)
		msg = l.T(rule, fe.Args[1:]...)
	}
	return &face.Error{Status: http.StatusUnprocessableEntity, Code: fe.Rule, Field: fe.Field, Message: msg}
}

func answerOf(l locale.Printer, letter *letters.Letter) letterAnswer {
	return letterAnswer{ID: letter.ID, Route: letter.Route, Reason: letter.Reason,
		ReasonText: l.T("letters.reason." + letter.Reason), Status: letter.Status}
}

// apiLetter answers a letter's route, reason and status history.
func (s *API) apiLetter(w http.ResponseWriter, r *http.Request) error {
	key := auth.FromContext(r.Context()).Key
	letter, err := s.letters.Get(r.Context(), key.Municipality, r.PathValue("id"))
	if errors.Is(err, letters.ErrNotFound) {
		return face.ErrNotFound
	}
	if err != nil {
		return err
	}
	out := answerOf(face.Printer(r), letter)
	out.History = make([]statusChange, 0, len(letter.History))
	for _, h := range letter.History {
		out.History = append(out.History, statusChange{Status: h.Status, At: h.At.UTC().Format(time.RFC3339)})
	}
	return writeJSON(w, http.StatusOK, out)
}

// apiLetterMemo answers the MeMo message sent for a Digital Post letter,
// as XML. A letter sent on paper, not sent yet, or whose message was
// erased after the retention period has none: 404, code no_memo.
func (s *API) apiLetterMemo(w http.ResponseWriter, r *http.Request) error {
	key := auth.FromContext(r.Context()).Key
	letter, err := s.letters.Get(r.Context(), key.Municipality, r.PathValue("id"))
	if errors.Is(err, letters.ErrNotFound) {
		return face.ErrNotFound
	}
	if err != nil {
		return err
	}
	m, err := s.letters.Memo(r.Context(), key.Municipality, letter.ID)
	if err != nil {
		return err
	}
	if len(m) == 0 || letter.Route != letters.RouteDigitalPost {
		return &face.Error{Status: http.StatusNotFound, Code: "no_memo", Message: face.Printer(r).T("letters.no_memo")}
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write(m)
	return err
}
