package staff

import (
	"errors"
	"net/http"
	"strings"

	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/sf1601"
)

// The letter page: staff send a letter to a citizen (CPR number) or a
// business (CVR number) through package letters, which decides the route
// (Digital Post or paper) and stores its reason. The receipt shows the
// route and reason in words and the status; the recipient only masked.
// The form carries a fresh letter id, so sending it twice (a double click,
// the browser's resend) sends one letter.

type letterForm struct {
	view
	ID, Recipient, Title, Area, Body, ForceReason string
	Legal, Force                                  bool
	Areas                                         []choice
	Errors                                        map[string]string
	Problems                                      []problem
	Sent                                          *letterSent
}

type letterSent struct {
	Recipient, Title, Route, Reason, Status string
	Digital                                 bool
}

func lettersNewPath(m string) string { return "/m/" + m + "/letters/new" }

// lettersFor returns the letters service with the development Digital
// Post registry over the test citizens file the pages look people up in,
// as the API's is.
func (s *Pages) lettersFor() *letters.Letters {
	file, ok := s.cpr.(*sf1520.File)
	if !ok {
		file, _ = sf1520.Embedded()
	}
	ls := letters.New(s.db, s.recorder, letters.RegistryOf(sf1601.NewDevRegistry(file)))
	if s.now != nil {
		ls.Now = s.now
	}
	return ls
}

func (s *Pages) letterForm(r *http.Request) (*municipality.Current, letterForm, error) {
	cur, v, err := s.current(r, "letters")
	if err != nil {
		return nil, letterForm{}, err
	}
	v.Title = v.L.T("letterpage.title") + " – " + v.Title
	data := letterForm{view: v, Errors: map[string]string{}}
	for _, a := range cur.Strategy.Areas {
		data.Areas = append(data.Areas, choice{a.ID, a.Title})
	}
	return cur, data, nil
}

// showLetterForm (GET /m/{m}/letters/new) shows an empty letter with a fresh id.
func (s *Pages) showLetterForm(w http.ResponseWriter, r *http.Request) error {
	_, data, err := s.letterForm(r)
	if err != nil {
		return err
	}
	data.ID = letters.NewID()
	return s.render(w, http.StatusOK, "letter_new", data)
}

// sendLetter (POST /m/{m}/letters) sends the letter, or shows the form
// again with each problem at its field.
func (s *Pages) sendLetter(w http.ResponseWriter, r *http.Request) error {
	cur, data, err := s.letterForm(r)
	if err != nil {
		return err
	}
	l := data.L
	data.ID = strings.TrimSpace(r.PostFormValue("id"))
	data.Recipient = strings.Join(strings.Fields(r.PostFormValue("recipient")), "")
	data.Title = r.PostFormValue("title")
	data.Area = r.PostFormValue("area")
	data.Body = r.PostFormValue("body")
	data.Legal = r.PostFormValue("legal") != ""
	data.Force = r.PostFormValue("force") != ""
	data.ForceReason = strings.TrimSpace(r.PostFormValue("force_reason"))
	if data.ID == "" || len(data.ID) > letters.MaxID {
		data.ID = letters.NewID()
	}
	req := letters.Request{ID: data.ID, Title: data.Title, Area: data.Area, Body: data.Body, LegalNotification: data.Legal}
	// One field: ten digits (a dash allowed) are a CPR number, eight a CVR number.
	digits := strings.ReplaceAll(data.Recipient, "-", "")
	if len(digits) == 8 {
		req.CVR = digits
	} else {
		req.CPR = data.Recipient
	}
	if data.Force {
		if data.ForceReason == "" {
			data.Errors["force_reason"] = l.T("letters.error.force_paper")
		}
		req.ForcePaper = data.ForceReason
	}
	var letter *letters.Letter
	if len(data.Errors) == 0 {
		letter, _, err = s.lettersFor().Send(r.Context(), cur, req)
		var inv *letters.InvalidError
		if errors.As(err, &inv) {
			for _, fe := range inv.Fields {
				field := letterField(fe.Field)
				if _, seen := data.Errors[field]; seen {
					continue
				}
				msg := l.T("letters.error."+fe.Rule, fe.Args...)
				switch {
				case fe.Rule == "required":
					msg = l.T("letterpage.required." + field)
				case fe.Rule == "inquiry" && len(fe.Args) > 0:
					rule, _ := fe.Args[0].(string)
					msg = l.T(rule, fe.Args[1:]...)
				}
				data.Errors[field] = msg
			}
		} else if err != nil {
			return err
		}
	}
	if len(data.Errors) > 0 {
		for _, f := range []string{"recipient", "title", "area", "body", "force_reason"} {
			if msg, ok := data.Errors[f]; ok {
				data.Problems = append(data.Problems, problem{Field: f, Message: msg})
			}
		}
		for f, msg := range data.Errors {
			if !letterFormField(f) {
				data.Problems = append(data.Problems, problem{Field: "recipient", Message: msg})
			}
		}
		return s.render(w, http.StatusUnprocessableEntity, "letter_new", data)
	}
	sent := &letterSent{Title: letter.Title, Status: l.T("letters.status." + letter.Status),
		Digital: letter.Route == letters.RouteDigitalPost}
	sent.Recipient = letter.Recipient.CVR.Digits()
	if letter.Recipient.Kind() == "cpr" {
		sent.Recipient = letter.Recipient.CPR.Masked()
	}
	if sent.Digital {
		sent.Route = l.T("letterpage.route.digital_post")
	} else {
		sent.Route = l.T("letterpage.route.letter")
	}
	sent.Reason = l.T("letters.reason." + letter.Reason)
	data.Sent = sent
	return s.render(w, http.StatusOK, "letter_new", data)
}

// letterField is the form's field for a request field of package letters.
func letterField(f string) string {
	switch f {
	case "recipient", "recipient.cpr", "recipient.cvr", "id":
		return "recipient"
	case "area", "type":
		return "area"
	}
	return f
}

func letterFormField(f string) bool {
	switch f {
	case "recipient", "title", "area", "body", "force_reason":
		return true
	}
	return false
}

// letterFormBody is the largest form: the body (letters.MaxBody, each
// byte up to three when form-encoded) and a few short fields.
const letterFormBody = 3*letters.MaxBody + 16<<10
