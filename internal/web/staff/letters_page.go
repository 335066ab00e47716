package staff

import (
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/sf1601"
)

// The letter page: staff send a letter to a citizen (CPR number) or a
// business (CVR number) through package letters, which decides the route
// (Digital Post or paper) and stores its reason. The body is free text, a
// template (?skabelon=<id> shows its fields; the examples Kanal ships are
// marked as examples) or an uploaded PDF; attachments (PDF) and an action
// (a link to self-service or a booking) are optional. The receipt shows
// the route and reason in words and the status; the recipient only
// masked. The form carries a fresh letter id, so sending it twice (a
// double click, the browser's resend) sends one letter.

type letterForm struct {
	view
	ID, Recipient, Title, Area, Body, ForceReason string
	Legal, Force                                  bool
	Areas                                         []choice
	Templates                                     []choice
	// Template is the chosen template, with its fields' values.
	Template    *letters.Template
	Fields      []templateFieldView
	ActionLabel string
	ActionURL   string
	ActionKind  string
	ActionKinds []choice
	Errors      map[string]string
	Problems    []problem
	Sent        *letterSent
}

type templateFieldView struct {
	Name, Label, Value, ID, Error string
}

type letterSent struct {
	Recipient, Title, Route, Reason, Status, Link string
	Digital                                       bool
}

func lettersNewPath(m string) string { return "/m/" + m + "/letters/new" }

// lettersFor returns the letters service with the development Digital
// Post registry over the test citizens file the pages look people up in,
// as the API's is; a template's {{navn}} comes from the same look-up.
func (s *Pages) lettersFor() *letters.Letters {
	file, ok := s.cpr.(*sf1520.File)
	if !ok {
		file, _ = sf1520.Embedded()
	}
	ls := letters.New(s.db, s.recorder, letters.RegistryOf(sf1601.NewDevRegistry(file)))
	ls.Names = s.cpr
	if ls.Names == nil {
		ls.Names = file
	}
	if s.now != nil {
		ls.Now = s.now
	}
	return ls
}

func (s *Pages) letterForm(r *http.Request, template string) (*municipality.Current, letterForm, error) {
	cur, v, err := s.current(r, "letters")
	if err != nil {
		return nil, letterForm{}, err
	}
	v.Title = v.L.T("letterpage.title") + " – " + v.Title
	data := letterForm{view: v, Errors: map[string]string{}, ActionKind: letters.ActionSelfService}
	for _, a := range cur.Strategy.Areas {
		data.Areas = append(data.Areas, choice{a.ID, a.Title})
	}
	for _, t := range letters.Templates() {
		label := t.Title
		if t.Example {
			label = v.L.T("letterform.example", t.Title)
		}
		data.Templates = append(data.Templates, choice{t.ID, label})
	}
	for _, k := range letters.ActionKinds {
		data.ActionKinds = append(data.ActionKinds, choice{k, v.L.T("letters.action_kind." + k)})
	}
	if template != "" {
		data.Template = letters.TemplateByID(template)
		if data.Template == nil {
			data.Errors["template"] = v.L.T("letters.error.unknown_template")
		}
	}
	return cur, data, nil
}

// showLetterForm (GET /m/{m}/letters/new) shows an empty letter with a
// fresh id; ?skabelon=<id> with the template's fields.
func (s *Pages) showLetterForm(w http.ResponseWriter, r *http.Request) error {
	_, data, err := s.letterForm(r, r.URL.Query().Get("skabelon"))
	if err != nil {
		return err
	}
	data.ID = letters.NewID()
	data.fieldViews(nil)
	status := http.StatusOK
	if len(data.Errors) > 0 {
		data.problems()
		status = http.StatusNotFound
	}
	return s.render(w, status, "letter_new", data)
}

// fieldViews fills the chosen template's fields with the values sent.
func (data *letterForm) fieldViews(values map[string]string) {
	if data.Template == nil {
		return
	}
	for _, f := range data.Template.Fields {
		data.Fields = append(data.Fields, templateFieldView{Name: f.Name, Label: f.Label, Value: values[f.Name], ID: "field-" + f.Name,
			Error: data.Errors["field-"+f.Name]})
	}
}

// sendLetter (POST /m/{m}/letters) sends the letter, or shows the form
// again with each problem at its field.
func (s *Pages) sendLetter(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseMultipartForm(letterFormMemory); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return err
	}
	cur, data, err := s.letterForm(r, r.PostFormValue("template"))
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
	data.ActionLabel = strings.TrimSpace(r.PostFormValue("action_label"))
	data.ActionURL = strings.TrimSpace(r.PostFormValue("action_url"))
	if k := r.PostFormValue("action_kind"); k != "" {
		data.ActionKind = k
	}
	if data.ID == "" || len(data.ID) > letters.MaxID {
		data.ID = letters.NewID()
	}
	req := letters.Request{ID: data.ID, Title: data.Title, Area: data.Area, Body: data.Body, LegalNotification: data.Legal}
	values := map[string]string{}
	if data.Template != nil {
		req.Template, req.Body = data.Template.ID, ""
		req.Fields = map[string]string{}
		for _, f := range data.Template.Fields {
			values[f.Name] = r.PostFormValue("field-" + f.Name)
			req.Fields[f.Name] = values[f.Name]
		}
	}
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
	if data.ActionLabel != "" || data.ActionURL != "" {
		req.Actions = []letters.Action{{Label: data.ActionLabel, URL: data.ActionURL, Kind: data.ActionKind}}
	}
	if err := readLetterFiles(r, &req); err != nil {
		data.Errors["attachments"] = l.T("letters.error.documents_too_large", letters.MaxDocuments>>20)
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
				case fe.Rule == "required" && letterFormField(field):
					msg = l.T("letterpage.required." + field)
				case fe.Rule == "required" && strings.HasPrefix(field, "field-"):
					msg = l.T("letters.error.missing_field", strings.TrimPrefix(field, "field-"))
				case fe.Rule == "required":
					msg = l.T("letters.error.required", l.T("letterform.field."+field))
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
		data.fieldViews(values)
		data.problems()
		return s.render(w, http.StatusUnprocessableEntity, "letter_new", data)
	}
	sent := &letterSent{Title: letter.Title, Status: l.T("letters.status." + letter.Status),
		Digital: letter.Route == letters.RouteDigitalPost, Recipient: maskedRecipient(letter.Recipient),
		Link: lettersPath(cur.Municipality) + "/" + letter.ID}
	sent.Route = l.T("letterpage.route." + letter.Route)
	sent.Reason = l.T("letters.reason." + letter.Reason)
	data.Sent = sent
	return s.render(w, http.StatusOK, "letter_new", data)
}

// problems lists the form's errors in the form's order, each linking to
// its field.
func (data *letterForm) problems() {
	order := []string{"recipient", "title", "area", "template"}
	for _, f := range data.Fields {
		order = append(order, f.ID)
	}
	if data.Template != nil {
		order = append(order, "field-navn")
	}
	order = append(order, "body", "pdf", "attachments", "action_label", "action_url", "action_kind", "force_reason")
	listed := map[string]bool{}
	for _, f := range order {
		if msg, ok := data.Errors[f]; ok {
			at := f
			if f == "field-navn" {
				at = "recipient"
			}
			data.Problems = append(data.Problems, problem{Field: at, Message: msg})
			listed[f] = true
		}
	}
	for f, msg := range data.Errors {
		if !listed[f] {
			data.Problems = append(data.Problems, problem{Field: "recipient", Message: msg})
		}
	}
}

// readLetterFiles reads the form's PDF (the main document) and
// attachments; their checks are package letters'.
func readLetterFiles(r *http.Request, req *letters.Request) error {
	if r.MultipartForm == nil {
		return nil
	}
	read := func(field string) ([]letters.Attachment, error) {
		var out []letters.Attachment
		for _, h := range r.MultipartForm.File[field] {
			if h.Size == 0 && h.Filename == "" {
				continue
			}
			f, err := h.Open()
			if err != nil {
				return nil, err
			}
			data, err := io.ReadAll(io.LimitReader(f, letters.MaxPDF+1))
			f.Close()
			if err != nil {
				return nil, err
			}
			out = append(out, letters.Attachment{Filename: h.Filename, MIME: h.Header.Get("Content-Type"), Content: data})
		}
		return out, nil
	}
	main, err := read("pdf")
	if err != nil {
		return err
	}
	if len(main) > 0 {
		req.PDF = main[0].Content
	}
	if req.Attachments, err = read("attachments"); err != nil {
		return err
	}
	return nil
}

// letterField is the form's field for a request field of package letters.
func letterField(f string) string {
	switch {
	case f == "recipient", f == "recipient.cpr", f == "recipient.cvr", f == "id":
		return "recipient"
	case f == "area", f == "type":
		return "area"
	case strings.HasPrefix(f, "fields."):
		return "field-" + strings.TrimPrefix(f, "fields.")
	case f == "fields":
		return "template"
	case strings.HasPrefix(f, "attachments"):
		return "attachments"
	case strings.HasPrefix(f, "actions[0]."):
		return "action_" + strings.TrimPrefix(f, "actions[0].")
	case strings.HasPrefix(f, "actions"):
		return "action_url"
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
// byte up to three when form-encoded), the documents and a few short
// fields.
const letterFormBody = 3*letters.MaxBody + letters.MaxDocuments + 2*letters.MaxPDF + 64<<10

// letterFormMemory is how much of a form is kept in memory; the rest of
// the files go to temporary files.
const letterFormMemory = 16 << 20
