package staff

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/cpr"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/selfservice"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// Assisted self-service (medbetjening): at the counter, staff fill in the
// same form a citizen fills in on the portal, with the citizen beside them.
// All the form's steps are on one page; the citizen's CPR number is typed
// and name and address come from the CPR registry. The submission opens a
// case like the portal's and registers its inquiry on the self-service
// channel, marked assisted, from the console — the way the console counts
// a citizen helped through self-service. The page then shows the reference
// and the answer date to read to the citizen.

// errCPRLookup is a failed look-up in the CPR registry, said without the
// registry's own message, which may carry the number.
var errCPRLookup = errors.New("the CPR registry did not answer the look-up")

// assistedSource is the source of a case filled in at the counter.
const assistedSource = inquiry.SourceConsole

type fieldView struct {
	selfservice.Field
	Label, Help string
	Value       string
	Options     []choice
	Error       string
	// Prefilled fields are not typed: they come from the CPR registry,
	// or from the CPR number typed at the top; PrefillNote says which.
	Prefilled   bool
	PrefillNote string
	// Accept lists a file field's endings for the accept attribute
	// (".pdf,.jpg"); FilesHelp says them in words.
	Accept, FilesHelp string
}

type stepView struct {
	Title  string
	Fields []fieldView
}

type receiptView struct {
	Reference string
	AnswerBy  string
}

type assistedView struct {
	view
	FormID, FormTitle, Intro, Area string
	Example                        bool
	// CPRRequired: the form is a transaction that needs the citizen's
	// CPR number (selfservice.LoginRequired).
	CPRRequired bool
	// Registry: the CPR registry answers look-ups, and fills in name and
	// address; without it (sf1520.Unavailable) staff type them.
	Registry      bool
	Steps         []stepView
	CPR, CPRError string
	// Submission identifies this filling-in: sent twice (a double click,
	// the browser's back and resend), it opens one case.
	Submission string
	Problems   []problem
	Multipart  bool
	Receipt    *receiptView
}

// assistedForm finds the path's form among those the strategy's areas
// have.
func (s *Pages) assistedForm(r *http.Request) (*municipality.Current, assistedView, *selfservice.Form, *strategy.Area, error) {
	cur, v, err := s.current(r, "console")
	if err != nil {
		return nil, assistedView{}, nil, nil, err
	}
	if s.forms == nil {
		return nil, assistedView{}, nil, nil, face.ErrNotFound
	}
	form, area := s.forms.ByID(cur.Strategy, r.PathValue("form"))
	if form == nil || area == nil {
		return nil, assistedView{}, nil, nil, face.ErrNotFound
	}
	l := v.L
	data := assistedView{view: v, FormID: form.ID, FormTitle: formTitle(l, form), Area: area.Title, Example: form.Example,
		CPRRequired: form.Login == selfservice.LoginRequired, Registry: s.registryAnswers()}
	v.Title = l.T("staffcases.new.title", data.FormTitle) + " – " + v.Title
	data.view = v
	data.Intro = form.Intro
	if l.Lang() == locale.English && form.IntroEN != "" {
		data.Intro = form.IntroEN
	}
	return cur, data, form, area, nil
}

// fillSteps lays out the form's steps with the answers given and the
// problems found.
func fillSteps(l locale.Printer, data *assistedView, form *selfservice.Form, answers map[string]string, errs map[string]string) {
	registry := data.Registry
	data.Steps = nil
	for i := range form.Steps {
		step := &form.Steps[i]
		sv := stepView{Title: stepTitle(l, step)}
		for j := range step.Fields {
			f := step.Fields[j]
			fv := fieldView{Field: f, Label: fieldLabel(l, &f), Help: f.Help, Value: answers[f.ID], Error: errs[f.ID]}
			switch {
			case f.Prefill == selfservice.PrefillCPR:
				fv.Prefilled, fv.PrefillNote = true, l.T("staffcases.new.from_cpr_field")
			case f.Prefill != "" && registry:
				fv.Prefilled, fv.PrefillNote = true, l.T("staffcases.new.prefilled")
			}
			if l.Lang() == locale.English && f.HelpEN != "" {
				fv.Help = f.HelpEN
			}
			for _, o := range f.Options {
				label := o.Label
				if l.Lang() == locale.English && o.LabelEN != "" {
					label = o.LabelEN
				}
				fv.Options = append(fv.Options, choice{o.Value, label})
			}
			if f.Kind == selfservice.KindFile {
				data.Multipart = true
				var endings []string
				for _, a := range f.Accept {
					endings = append(endings, "."+strings.TrimPrefix(a, "."))
				}
				fv.Accept = strings.Join(endings, ",")
				fv.FilesHelp = l.T("staffcases.new.files", strings.Join(f.Accept, ", "), byteSize(l, f.MaxBytes))
			}
			sv.Fields = append(sv.Fields, fv)
		}
		data.Steps = append(data.Steps, sv)
	}
	data.Problems = nil
	if data.CPRError != "" {
		data.Problems = append(data.Problems, problem{Field: "cpr", Message: data.CPRError})
	}
	for _, st := range data.Steps {
		for _, f := range st.Fields {
			if f.Error != "" {
				data.Problems = append(data.Problems, problem{Field: "f-" + f.ID, Message: f.Error})
			}
		}
	}
}

func newSubmission() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b)
}

// validSubmission reports whether s is a submission id this page made.
func validSubmission(s string) bool {
	if len(s) != 32 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// showAssistedForm shows the empty form.
func (s *Pages) showAssistedForm(w http.ResponseWriter, r *http.Request) error {
	_, data, form, _, err := s.assistedForm(r)
	if err != nil {
		return err
	}
	data.Submission = newSubmission()
	fillSteps(data.L, &data, form, nil, nil)
	return s.render(w, http.StatusOK, "case_new", data)
}

// submitAssisted checks the form, looks the citizen up, opens the case
// and shows the receipt.
func (s *Pages) submitAssisted(w http.ResponseWriter, r *http.Request) error {
	cur, data, form, area, err := s.assistedForm(r)
	if err != nil {
		return err
	}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		if err := r.ParseMultipartForm(face.UploadBody); err != nil {
			return err
		}
	} else if err := r.ParseForm(); err != nil {
		return err
	}
	l, post := data.L, r.PostForm
	data.Submission = post.Get("submission")
	if !validSubmission(data.Submission) {
		data.Submission = newSubmission()
	}
	data.CPR = strings.TrimSpace(post.Get("cpr"))
	answers := map[string]string{}
	for _, step := range form.Steps {
		for _, f := range step.Fields {
			typed := f.Prefill == "" || !data.Registry && f.Prefill != selfservice.PrefillCPR
			if f.Kind != selfservice.KindFile && typed {
				answers[f.ID] = strings.TrimSpace(post.Get(f.ID))
			}
		}
	}
	number, err := cpr.Parse(data.CPR)
	var person *sf1520.Person
	switch {
	case data.CPR == "" && form.Login != selfservice.LoginRequired:
		// A form that only takes information needs no CPR number.
	case err != nil:
		data.CPRError = l.T("staffcases.new.bad_cpr")
	case data.Registry:
		person, err = s.cpr.PersonLookup(r.Context(), number.Digits())
		if errors.Is(err, sf1520.ErrNotFound) {
			data.CPRError = l.T("staffcases.new.unknown_cpr")
		} else if err != nil {
			// The look-up's own message is not passed on: it may carry
			// the number.
			return errCPRLookup
		}
	}
	name := ""
	switch {
	case person != nil:
		name = person.Name()
		prefill(form, answers, person)
	case !number.IsZero():
		// Without the registry: the number typed at the top, and the
		// name as typed.
		for _, step := range form.Steps {
			for _, f := range step.Fields {
				switch f.Prefill {
				case selfservice.PrefillCPR:
					answers[f.ID] = number.String()
				case selfservice.PrefillName:
					name = answers[f.ID]
				}
			}
		}
	}
	errs := map[string]string{}
	for i := range form.Steps {
		for _, fe := range form.CheckStep(i, selfservice.Answers(answers), civil.DateOf(s.now())) {
			if _, seen := errs[fe.Field]; !seen {
				errs[fe.Field] = fe.Message(l)
			}
		}
	}
	files, err := s.readFiles(r, form, errs)
	if err != nil {
		return err
	}
	if data.CPRError != "" || len(errs) > 0 {
		fillSteps(l, &data, form, answers, errs)
		return s.render(w, http.StatusUnprocessableEntity, "case_new", data)
	}
	k, _, err := s.cases.Submit(r.Context(), cur, casework.Submission{Area: area.ID, Type: form.Type, Form: form.ID,
		Channel: selfServiceChannel(cur.Strategy), Assisted: true, Source: assistedSource, ExternalID: data.Submission,
		CPR: number.Digits(), Name: name, Answers: answers, Files: files})
	var invalid *casework.InvalidError
	if errors.As(err, &invalid) {
		// What the form's own checks let through and the case refuses,
		// said at its field (or at the CPR number).
		for _, fe := range invalid.Fields {
			field := strings.TrimPrefix(fe.Field, "answers.")
			if field == "cpr" {
				data.CPRError = l.T(fe.Rule, fe.Args...)
				continue
			}
			errs[field] = l.T(fe.Rule, fe.Args...)
		}
		fillSteps(l, &data, form, answers, errs)
		if len(data.Problems) == 0 {
			return err
		}
		return s.render(w, http.StatusUnprocessableEntity, "case_new", data)
	}
	if err != nil {
		return err
	}
	data.Receipt = &receiptView{Reference: k.Reference}
	if !k.AnswerBy.IsZero() {
		data.Receipt.AnswerBy = l.Date(k.AnswerBy)
	}
	return s.render(w, http.StatusOK, "case_new", data)
}

// prefill fills in the fields the registry knows, as the portal does. A
// protected address is kept too, for the case system: the case page shows
// it only to who may see it.
func prefill(form *selfservice.Form, answers map[string]string, p *sf1520.Person) {
	for _, step := range form.Steps {
		for _, f := range step.Fields {
			switch f.Prefill {
			case selfservice.PrefillName:
				answers[f.ID] = p.Name()
			case selfservice.PrefillCPR:
				answers[f.ID] = formatCPR(p.CPR)
			case selfservice.PrefillAddress:
				answers[f.ID] = formatAddress(p.Address)
			}
		}
	}
}

// readFiles reads the form's attachments, checking each with the form's
// limits; problems go into errs by field.
func (s *Pages) readFiles(r *http.Request, form *selfservice.Form, errs map[string]string) ([]casework.Attachment, error) {
	if r.MultipartForm == nil {
		return nil, nil
	}
	l := face.Printer(r)
	var out []casework.Attachment
	for _, step := range form.Steps {
		for _, f := range step.Fields {
			if f.Kind != selfservice.KindFile {
				continue
			}
			for i, fh := range r.MultipartForm.File[f.ID] {
				if fh.Filename == "" {
					continue
				}
				if f.MaxFiles > 0 && i >= f.MaxFiles {
					break
				}
				if fe := form.CheckFile(f.ID, fh.Filename, fh.Size); fe != nil {
					errs[f.ID] = fe.Message(l)
					continue
				}
				data, err := readFile(fh)
				if err != nil {
					errs[f.ID] = l.T("staffcases.new.file_failed", fh.Filename)
					continue
				}
				out = append(out, casework.Attachment{Field: f.ID, Filename: fh.Filename, ContentType: fh.Header.Get("Content-Type"), Data: data})
			}
		}
	}
	return out, nil
}

func readFile(fh *multipart.FileHeader) ([]byte, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// registryAnswers reports whether the CPR registry answers look-ups: an
// installation with a real national login and no Serviceplatformen client
// has sf1520.Unavailable, and staff type what it would have given.
func (s *Pages) registryAnswers() bool {
	if s.cpr == nil {
		return false
	}
	_, off := s.cpr.(sf1520.Unavailable)
	return !off
}

// selfServiceChannel is the strategy's self-service channel: the one of
// kind self-service, first in the strategy's order.
func selfServiceChannel(st *strategy.Strategy) string {
	for _, c := range st.Channels {
		if c.Kind == strategy.KindSelfService {
			return c.ID
		}
	}
	return "self_service"
}
