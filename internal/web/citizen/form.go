package citizen

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/selfservice"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// Form controls: the hidden fields that carry a form's state from page to
// page, and the buttons' actions. Field ids of a form never start with
// an underscore, so these cannot clash with them.
const (
	stepField   = "_trin"
	runField    = "_run"
	flowField   = "_flow"
	actionField = "_handling"

	actionNext   = "naeste"
	actionBack   = "tilbage"
	actionSave   = "gem"
	actionSubmit = "send"
	// actionEdit is followed by the step to go back to: "ret-1".
	actionEdit = "ret-"

	// formMemory is how much of a multipart form is held in memory; the
	// rest waits in temporary files.
	formMemory = 4 << 20
	// formFields is room for a step's answers and the multipart framing
	// beside its files.
	formFields = 1 << 20
)

// formBody is the body limit of the forms' route: the most that the
// attachments of one step of any form may fill, and room for the answers.
func formBody(c *selfservice.Catalogue) int64 {
	largest := int64(0)
	for _, f := range c.Forms() {
		for _, s := range f.Steps {
			step := int64(0)
			for _, fd := range s.Fields {
				if fd.Kind == selfservice.KindFile {
					step += fd.MaxBytes * int64(max(fd.MaxFiles, 1))
				}
			}
			largest = max(largest, step)
		}
	}
	return largest + formFields
}

// formPath is the address of an area's form.
func formPath(m, area string) string { return "/borger/" + m + "/formular/" + area }

// formState is a form in progress: the step shown (len(Steps) is the
// summary), the answers so far, the funnel run and the flow token that
// keeps the attachments.
type formState struct {
	Step    int
	Answers selfservice.Answers
	Run     string
	Flow    string
}

// formFor finds the request's area and its Kanal form; either missing is
// "not found".
func (p *Portal) formFor(r *http.Request) (*strategy.Strategy, *strategy.Area, *selfservice.Form, error) {
	st, err := p.current(r)
	if err != nil {
		return nil, nil, nil, err
	}
	a, ok := st.Area(r.PathValue("area"))
	if !ok || !forCitizens(a) || p.forms == nil {
		return nil, nil, nil, face.ErrNotFound
	}
	f := p.forms.For(st, a.ID)
	if f == nil {
		return nil, nil, nil, face.ErrNotFound
	}
	return st, a, f, nil
}

// needsLogin reports whether the form asks the citizen to sign in.
func needsLogin(f *selfservice.Form) bool { return f.Login != selfservice.LoginNone }

// showForm starts a form: a new run at its first step, prefilled for a
// signed-in citizen, or the citizen's draft when they choose to go on
// with it.
func (p *Portal) showForm(w http.ResponseWriter, r *http.Request) error {
	st, a, f, err := p.formFor(r)
	if err != nil {
		return err
	}
	k, err := p.citizen(r)
	if err != nil {
		return err
	}
	m := st.Municipality.ID
	if needsLogin(f) && k == nil {
		face.Redirect(w, r, loginPath(m, formPath(m, a.ID)))
		return nil
	}
	fs := formState{Answers: selfservice.Answers{}, Flow: randomToken()}
	var draft *casework.Draft
	if k != nil && needsLogin(f) {
		if draft, err = p.cases.LoadDraft(r.Context(), m, k.CPR, f.ID); err != nil {
			return err
		}
		if draft != nil && r.URL.Query().Get("kladde") == "fortsaet" {
			fs.Step = min(max(draft.Step, 0), len(f.Steps)-1)
			for id, v := range draft.Answers {
				fs.Answers[id] = v
			}
			draft = nil
		}
	}
	if err := p.prefill(r, f, k, fs.Answers); err != nil {
		return err
	}
	if fs.Run, err = p.cases.StartRun(r.Context(), m, a.ID, f.ID); err != nil {
		return err
	}
	if err := p.cases.StepRun(r.Context(), m, fs.Run, fs.Step); err != nil {
		return err
	}
	return p.renderForm(w, r, formPage{st: st, area: a, form: f, k: k, state: fs, draft: draft}, http.StatusOK)
}

// postForm takes one step's answers: on to the next step when they pass
// the form's checks, back a step, saved as a draft, or — from the
// summary — sent.
func (p *Portal) postForm(w http.ResponseWriter, r *http.Request) error {
	st, a, f, err := p.formFor(r)
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	k, err := p.citizen(r)
	if err != nil {
		return err
	}
	if err := p.checkCSRF(r, k); err != nil {
		return err
	}
	m := st.Municipality.ID
	if needsLogin(f) && k == nil {
		face.Redirect(w, r, loginPath(m, formPath(m, a.ID)))
		return nil
	}
	fs := readState(r, f)
	if len(fs.Flow) < 32 || fs.Run == "" {
		return errBadCSRF
	}
	// A prefilled CPR number is the signed-in citizen's, whatever the
	// form sent.
	if err := p.prefillCPR(f, k, fs.Answers); err != nil {
		return err
	}
	page := formPage{st: st, area: a, form: f, k: k, state: fs}
	action := r.PostFormValue(actionField)
	if n, ok := strings.CutPrefix(action, actionEdit); ok {
		// From the summary, back to a step to change its answers.
		step, err := strconv.Atoi(n)
		if err != nil || step < 0 || step >= len(f.Steps) {
			return face.Fail(http.StatusBadRequest, "bad_form")
		}
		action, page.state.Step = actionEdit, step
	}
	switch action {
	case actionEdit:
	case actionBack:
		page.state.Step = max(fs.Step-1, 0)

	case actionSave:
		if k == nil || !needsLogin(f) {
			return face.ErrNotFound
		}
		step := min(fs.Step, len(f.Steps)-1)
		if err := p.cases.SaveDraft(r.Context(), m, k.CPR, casework.Draft{Form: f.ID, Step: step, Answers: fs.Answers}); err != nil {
			return err
		}
		page.saved = true
		return p.renderForm(w, r, page, http.StatusOK)
	case actionSubmit:
		if fs.Step < len(f.Steps) {
			return face.Fail(http.StatusBadRequest, "bad_form")
		}
		return p.submit(w, r, page)
	default:
		if fs.Step >= len(f.Steps) {
			return face.Fail(http.StatusBadRequest, "bad_form")
		}
		problems, err := p.checkStep(r, page)
		if err != nil {
			return err
		}
		if len(problems) > 0 {
			page.problems = problems
			return p.renderForm(w, r, page, http.StatusBadRequest)
		}
		page.state.Step = fs.Step + 1
	}
	if err := p.cases.StepRun(r.Context(), m, fs.Run, page.state.Step); err != nil {
		return err
	}
	return p.renderForm(w, r, page, http.StatusOK)
}

// parseForm reads a form, multipart or not; a body too large is answered
// as such.
func parseForm(r *http.Request) error {
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		err = r.ParseMultipartForm(formMemory)
	} else {
		err = r.ParseForm()
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return err
	}
	if err != nil {
		return face.Fail(http.StatusBadRequest, "bad_form")
	}
	// A multipart form's values are checked here, as the route table
	// checks an ordinary form's.
	if r.MultipartForm != nil {
		for k, vs := range r.MultipartForm.Value {
			for _, v := range vs {
				if store.CheckText(k) != nil || store.CheckLines(v) != nil {
					return face.ErrNotText
				}
			}
		}
		for _, hs := range r.MultipartForm.File {
			for _, h := range hs {
				if store.CheckText(h.Filename) != nil {
					return face.ErrNotText
				}
			}
		}
	}
	return nil
}

// readState reads the form's state and answers from the request: only
// the form's own fields, never a file field's value.
func readState(r *http.Request, f *selfservice.Form) formState {
	fs := formState{Answers: selfservice.Answers{}, Run: r.PostFormValue(runField), Flow: r.PostFormValue(flowField)}
	fs.Step, _ = strconv.Atoi(r.PostFormValue(stepField))
	fs.Step = min(max(fs.Step, 0), len(f.Steps))
	for _, s := range f.Steps {
		for _, fd := range s.Fields {
			if fd.Kind == selfservice.KindFile {
				continue
			}
			if v := strings.TrimSpace(r.PostFormValue(fd.ID)); v != "" {
				fs.Answers[fd.ID] = v
			}
		}
	}
	return fs
}

// checkStep checks a step's answers with the form's rules and its
// attachments: each file sent is checked and kept for the submission; a
// required file field needs one kept.
func (p *Portal) checkStep(r *http.Request, page formPage) ([]selfservice.FieldError, error) {
	f, step := page.form, page.state.Step
	problems := f.CheckStep(step, page.state.Answers, civil.DateOf(p.now()))
	for _, fd := range f.Steps[step].Fields {
		if fd.Kind != selfservice.KindFile {
			continue
		}
		var files []*multipart.FileHeader
		if r.MultipartForm != nil {
			for _, h := range r.MultipartForm.File[fd.ID] {
				if h.Filename != "" {
					files = append(files, h)
				}
			}
		}
		if fe := p.keepFiles(r, page, fd, files); fe != nil {
			problems = append(problems, *fe)
			continue
		}
		n, err := p.uploads.count(r.Context(), page.state.Flow, fd.ID)
		if err != nil {
			return nil, err
		}
		if fe := f.CheckFileCount(fd.ID, n); fe != nil {
			problems = append(problems, *fe)
		}
	}
	return problems, nil
}

// keepFiles checks the files sent for a field and keeps them in place of
// those kept before; nothing is kept when one of them is refused.
func (p *Portal) keepFiles(r *http.Request, page formPage, fd selfservice.Field, files []*multipart.FileHeader) *selfservice.FieldError {
	if len(files) == 0 {
		return nil
	}
	if fe := page.form.CheckFileCount(fd.ID, len(files)); fe != nil {
		return fe
	}
	for _, h := range files {
		if fe := page.form.CheckFile(fd.ID, h.Filename, h.Size); fe != nil {
			return fe
		}
	}
	if err := p.uploads.replace(r.Context(), page.st.Municipality.ID, page.state.Flow, fd.ID, files); err != nil {
		p.log.Error("keep a citizen's attachment", "err", err)
		return &selfservice.FieldError{Field: fd.ID, Key: "citizen.form.file_unreadable", Args: []any{fd.LabelText()}}
	}
	return nil
}

// submit sends the form: every step is checked again, the case is opened
// with the kept attachments, the draft and the kept files are removed,
// and the browser goes to the receipt.
func (p *Portal) submit(w http.ResponseWriter, r *http.Request, page formPage) error {
	f, m := page.form, page.st.Municipality.ID
	today := civil.DateOf(p.now())
	for i := range f.Steps {
		if problems := f.CheckStep(i, page.state.Answers, today); len(problems) > 0 {
			page.state.Step, page.problems = i, problems
			return p.renderForm(w, r, page, http.StatusBadRequest)
		}
	}
	files, err := p.uploads.load(r.Context(), page.state.Flow)
	if err != nil {
		return err
	}
	for _, fd := range allFields(f) {
		if fd.Kind != selfservice.KindFile {
			continue
		}
		if fe := f.CheckFileCount(fd.ID, countFiles(files, fd.ID)); fe != nil {
			page.state.Step, page.problems = stepOf(f, fd.ID), []selfservice.FieldError{*fe}
			return p.renderForm(w, r, page, http.StatusBadRequest)
		}
	}
	cur, err := p.registry.Current(r.Context(), m)
	if err != nil {
		return err
	}
	sub := casework.Submission{Area: page.area.ID, Type: f.Type, Form: f.ID, Channel: strategy.SelfService,
		Source: "portal", ExternalID: flowID(page.state.Flow), Answers: page.state.Answers, Files: files, Run: page.state.Run}
	// A form without sign-in stores no CPR number: it is not the
	// citizen's case to follow, only its receipt.
	if needsLogin(f) {
		sub.CPR, sub.Name = page.k.CPR, page.k.Name
	}
	c, _, err := p.cases.Submit(r.Context(), cur, sub)
	if err != nil {
		return err
	}
	if err := p.uploads.remove(r.Context(), page.state.Flow); err != nil {
		return err
	}
	if needsLogin(f) {
		if err := p.cases.DeleteDraft(r.Context(), m, page.k.CPR, f.ID); err != nil {
			return err
		}
		face.Redirect(w, r, casePath(m, c.Reference)+"?ny=1")
		return nil
	}
	token, err := p.receipts.grant(r.Context(), m, c.Reference)
	if err != nil {
		return err
	}
	face.Redirect(w, r, casePath(m, c.Reference)+"?"+url.Values{receiptParam: {token}}.Encode())
	return nil
}

// flowID is the sender id a form's sending is stored under: the same
// summary sent twice (a double click, a browser resending it) opens one
// case and registers one inquiry (casework.Submit), and the second sending
// shows the first's receipt. It is a hash of the flow, which also opens
// the flow's kept files and so stays out of the case.
func flowID(flow string) string {
	sum := sha256.Sum256([]byte(flow))
	return "formular-" + hex.EncodeToString(sum[:16])
}

func allFields(f *selfservice.Form) []selfservice.Field {
	var out []selfservice.Field
	for _, s := range f.Steps {
		out = append(out, s.Fields...)
	}
	return out
}

func stepOf(f *selfservice.Form, field string) int {
	_, step, _ := f.Field(field)
	return step
}

func countFiles(files []casework.Attachment, field string) int {
	n := 0
	for _, a := range files {
		if a.Field == field {
			n++
		}
	}
	return n
}
