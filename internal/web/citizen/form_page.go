package citizen

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/selfservice"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// formPage is what renderForm needs to show a form's step.
type formPage struct {
	st       *strategy.Strategy
	area     *strategy.Area
	form     *selfservice.Form
	k        *session
	state    formState
	problems []selfservice.FieldError
	// draft is the citizen's saved draft, offered on the first page.
	draft *casework.Draft
	// saved tells that the draft was just saved.
	saved bool
}

// formView is one step of a form, or its summary, as the template shows it.
type formView struct {
	view
	Action     string
	AreaID     string
	AreaTitle  string
	FormTitle  string
	Intro      string
	Example    bool
	SignedIn   bool
	CanSave    bool
	Step       int
	StepCount  int // the form's steps and the summary
	Steps      []stepView
	StepTitle  string
	Summary    bool
	Fields     []fieldView
	Hidden     []hiddenValue
	Errors     []errorLink
	Multipart  bool
	DraftSaved string
	DraftFrom  string
	// Answers is the summary: every step's answers.
	Answers []summaryStep
	Run     string
	Flow    string
}

type stepView struct {
	Number  int
	Title   string
	Current bool
	Done    bool
}

type hiddenValue struct{ Name, Value string }

type errorLink struct{ ID, Message string }

type fieldView struct {
	ID, Kind, Label, Help string
	Required              bool
	Value                 string
	ReadOnly              bool
	Error                 string
	Options               []optionView
	Accept                string
	Multiple              bool
	Files                 []string
	MaxLength             int
	InputType             string
	InputMode             string
	Autocomplete          string
	// Described is the ids that describe the field (help, error).
	Described string
}

type optionView struct {
	Value, Label string
	Selected     bool
}

type summaryStep struct {
	Title   string
	Step    int
	Answers []summaryAnswer
}

type summaryAnswer struct{ Label, Value string }

// in picks the English text when the page is English and there is one.
func in(l locale.Printer, da, en string) string {
	if l.Lang() == locale.English && en != "" {
		return en
	}
	return da
}

// renderForm shows the state's step, with the problems found.
func (p *Portal) renderForm(w http.ResponseWriter, r *http.Request, page formPage, status int) error {
	f, fs := page.form, page.state
	m := page.st.Municipality.ID
	v := formView{view: p.base(r, ""), Action: formPath(m, page.area.ID), AreaID: page.area.ID, AreaTitle: page.area.Title,
		Example: f.Example, SignedIn: page.k != nil, CanSave: page.k != nil && needsLogin(f),
		Step: fs.Step, StepCount: len(f.Steps) + 1, Summary: fs.Step >= len(f.Steps), Run: fs.Run, Flow: fs.Flow}
	v.fill(page.st)
	if err := p.signedInView(w, r, &v.view, page.k); err != nil {
		return err
	}
	l := v.L
	v.FormTitle = in(l, f.Title, f.TitleEN)
	v.Intro = in(l, f.Intro, f.IntroEN)
	for i, s := range f.Steps {
		v.Steps = append(v.Steps, stepView{Number: i + 1, Title: in(l, s.Title, s.TitleEN), Current: i == fs.Step, Done: i < fs.Step})
	}
	v.Steps = append(v.Steps, stepView{Number: len(f.Steps) + 1, Title: l.T("citizen.form.summary"), Current: v.Summary})
	if page.saved {
		v.DraftSaved = l.DateTime(p.now())
	}
	if page.draft != nil {
		v.DraftFrom = l.DateTime(page.draft.Saved)
	}
	files, err := p.uploads.names(r.Context(), fs.Flow)
	if err != nil {
		return err
	}
	byField := map[string]string{}
	for _, fe := range page.problems {
		if _, seen := byField[fe.Field]; !seen {
			byField[fe.Field] = fe.Message(l)
			v.Errors = append(v.Errors, errorLink{ID: "f-" + fe.Field, Message: byField[fe.Field]})
		}
	}
	shown := map[string]bool{}
	if v.Summary {
		v.StepTitle = l.T("citizen.form.summary")
		v.Answers = summary(l, f, fs.Answers, files)
	} else {
		s := f.Steps[fs.Step]
		v.StepTitle = in(l, s.Title, s.TitleEN)
		for _, fd := range s.Fields {
			shown[fd.ID] = true
			fv := fieldOf(l, fd, fs.Answers[fd.ID], byField[fd.ID], files[fd.ID])
			v.Multipart = v.Multipart || fd.Kind == selfservice.KindFile
			v.Fields = append(v.Fields, fv)
		}
	}
	// The other steps' answers go along, hidden, so that the form needs
	// nothing kept on the server but its attachments.
	for _, fd := range allFields(f) {
		if val, ok := fs.Answers[fd.ID]; ok && !shown[fd.ID] && fd.Kind != selfservice.KindFile {
			v.Hidden = append(v.Hidden, hiddenValue{fd.ID, val})
		}
	}
	v.Title = v.StepTitle + " – " + v.FormTitle + " – " + page.st.Municipality.Name
	if len(v.Errors) > 0 {
		v.Title = l.T("citizen.form.error_title") + " " + v.Title
	}
	return p.pages.Render(w, status, "form", v)
}

// fieldOf is a field as the template shows it.
func fieldOf(l locale.Printer, fd selfservice.Field, value, problem string, files []string) fieldView {
	fv := fieldView{ID: fd.ID, Kind: fd.Kind, Label: in(l, fd.Label, fd.LabelEN), Help: in(l, fd.Help, fd.HelpEN),
		Required: fd.Required, Value: value, Error: problem, Files: files, MaxLength: fd.MaxLength,
		ReadOnly: fd.Prefill == selfservice.PrefillCPR, Multiple: fd.MaxFiles != 1}
	for _, o := range fd.Options {
		fv.Options = append(fv.Options, optionView{Value: o.Value, Label: in(l, o.Label, o.LabelEN), Selected: o.Value == value})
	}
	var accept []string
	for _, ext := range fd.Accept {
		accept = append(accept, "."+strings.TrimPrefix(ext, "."))
	}
	fv.Accept = strings.Join(accept, ",")
	fv.InputType, fv.InputMode = "text", ""
	switch fd.Kind {
	case selfservice.KindEmail:
		fv.InputType, fv.Autocomplete = "email", "email"
	case selfservice.KindPhone:
		fv.InputType, fv.Autocomplete = "tel", "tel"
	case selfservice.KindDate:
		fv.InputType = "date"
	case selfservice.KindNumber, selfservice.KindCPR:
		fv.InputMode = "numeric"
	}
	switch fd.Prefill {
	case selfservice.PrefillName:
		fv.Autocomplete = "name"
	case selfservice.PrefillAddress:
		fv.Autocomplete = "street-address"
	}
	var described []string
	if fv.Help != "" {
		described = append(described, "f-"+fd.ID+"-hint")
	}
	if fv.Error != "" {
		described = append(described, "f-"+fd.ID+"-error")
	}
	fv.Described = strings.Join(described, " ")
	return fv
}

// summary lists every step's answers in words: an option's label, a
// box's yes or no, a day as the language writes it, the files' names.
func summary(l locale.Printer, f *selfservice.Form, answers selfservice.Answers, files map[string][]string) []summaryStep {
	var out []summaryStep
	for i, s := range f.Steps {
		ss := summaryStep{Title: in(l, s.Title, s.TitleEN), Step: i}
		for _, fd := range s.Fields {
			val := answerText(l, fd, answers[fd.ID])
			if fd.Kind == selfservice.KindFile {
				val = strings.Join(files[fd.ID], ", ")
			}
			if val == "" {
				val = l.T("citizen.form.no_answer")
			}
			ss.Answers = append(ss.Answers, summaryAnswer{Label: in(l, fd.Label, fd.LabelEN), Value: val})
		}
		out = append(out, ss)
	}
	return out
}

// answerText is an answer in words.
func answerText(l locale.Printer, fd selfservice.Field, v string) string {
	switch fd.Kind {
	case selfservice.KindCheckbox:
		if v == "" {
			return l.T("citizen.form.no")
		}
		return l.T("citizen.form.yes")
	case selfservice.KindSelect, selfservice.KindRadio:
		for _, o := range fd.Options {
			if o.Value == v {
				return in(l, o.Label, o.LabelEN)
			}
		}
	case selfservice.KindDate:
		if t, err := time.Parse(time.DateOnly, v); err == nil {
			return l.Day(t)
		}
	}
	return v
}

// prefill fills in, for a signed-in citizen of a form that asks for
// sign-in, what the municipality already knows and the citizen has not
// answered: the CPR number and the name from the sign-in, and the name
// and address from the registry (SF1520) when it answers. A form without
// sign-in is never prefilled: it keeps no personal data it was not given.
func (p *Portal) prefill(r *http.Request, f *selfservice.Form, k *session, answers selfservice.Answers) error {
	if k == nil || !needsLogin(f) {
		return nil
	}
	name, address := k.Name, ""
	if p.cpr != nil {
		person, err := p.cpr.PersonLookup(r.Context(), k.CPR)
		switch {
		case err == nil:
			name = person.Name()
			a := person.Address
			address = strings.TrimSpace(a.Street + ", " + a.PostalCode + " " + a.City)
		case errors.Is(err, sf1520.ErrUnavailable):
			// No SF1520 client is configured: the citizen types the address.
		default:
			// The registry not answering leaves the address for the
			// citizen. The error is not logged: it may name the number.
			p.log.Warn("CPR look-up for prefill failed")
		}
	}
	for _, fd := range allFields(f) {
		if answers[fd.ID] != "" {
			continue
		}
		switch fd.Prefill {
		case selfservice.PrefillName:
			answers[fd.ID] = name
		case selfservice.PrefillAddress:
			answers[fd.ID] = address
		case selfservice.PrefillCPR:
			answers[fd.ID] = k.CPR
		}
	}
	return nil
}

// prefillCPR puts the signed-in citizen's CPR number in the fields
// prefilled with it, and takes it out of a form without sign-in.
func (p *Portal) prefillCPR(f *selfservice.Form, k *session, answers selfservice.Answers) error {
	for _, fd := range allFields(f) {
		if fd.Prefill != selfservice.PrefillCPR {
			continue
		}
		if k != nil && needsLogin(f) {
			answers[fd.ID] = k.CPR
		} else {
			delete(answers, fd.ID)
		}
	}
	return nil
}
