package staff

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/contact"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The question queue: the contact form's unanswered questions of the
// user's department (every department's for the strategy group and staff
// placed in none), oldest first, with the area's answer date and the
// overdue ones marked; a question's page shows the citizen's e-mail
// address or phone number (each view audited) and the answer form.

// questionListLimit is how many questions the queue shows at most.
const questionListLimit = 500

type questionRow struct {
	ID               int64
	Asked            time.Time
	Area, Department string
	AnswerBy         civil.Date
	Overdue          bool
	Reply            string
	AnsweredAt       time.Time
}

type questionsView struct {
	view
	LockedName string
	Open       []questionRow
	Answered   []questionRow
}

func (s *Pages) replyText(v view, kind string) string {
	switch kind {
	case contact.ReplyEmail:
		return v.L.T("questions.reply.email")
	case contact.ReplyPhone:
		return v.L.T("questions.reply.phone")
	}
	return v.L.T("questions.reply.none")
}

// showQuestions shows the queue and the latest answered questions.
func (s *Pages) showQuestions(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "questions")
	if err != nil {
		return err
	}
	v.Title = v.L.T("questions.title") + " – " + v.Title
	p := auth.FromContext(r.Context())
	data := questionsView{view: v}
	dept := p.CaseDepartment()
	if dept != "" {
		data.LockedName = departmentName(cur.Strategy, dept)
	}
	today := civil.DateOf(s.now())
	for _, status := range []string{contact.StatusNew, contact.StatusAnswered} {
		qs, err := s.questions.List(r.Context(), contact.Filter{Municipality: cur.Municipality, Department: dept, Status: status, Limit: questionListLimit})
		if err != nil {
			return err
		}
		for i := range qs {
			k := &qs[i]
			if !p.MayAnswerQuestion(cur.Municipality, k.Department) {
				continue
			}
			row := questionRow{ID: k.ID, Asked: k.CreatedAt, Area: areaTitle(cur.Strategy, k.Area), Department: departmentName(cur.Strategy, k.Department),
				AnswerBy: k.AnswerBy, Overdue: k.Overdue(today), Reply: s.replyText(v, k.ReplyKind), AnsweredAt: k.AnsweredAt}
			if status == contact.StatusNew {
				data.Open = append(data.Open, row)
			} else {
				data.Answered = append([]questionRow{row}, data.Answered...)
			}
		}
	}
	return s.render(w, http.StatusOK, "questions", data)
}

type questionView struct {
	view
	Q                    *contact.Question
	Area, Department     string
	Overdue              bool
	Answer               string
	Errors               map[string]string
	Problems             []problem
	Notice, Via          string
	EmailHint, PhoneHint string
}

// question is the question the path names, if the principal may answer
// it: another department's is "not found".
func (s *Pages) question(r *http.Request) (*municipality.Current, questionView, error) {
	cur, v, err := s.current(r, "questions")
	if err != nil {
		return nil, questionView{}, err
	}
	id, err := strconv.ParseInt(r.PathValue("question"), 10, 64)
	if err != nil {
		return nil, questionView{}, face.ErrNotFound
	}
	k, err := s.questions.Get(r.Context(), cur.Municipality, id)
	if errors.Is(err, contact.ErrNotFound) || err == nil && !auth.FromContext(r.Context()).MayAnswerQuestion(cur.Municipality, k.Department) {
		return nil, questionView{}, face.ErrNotFound
	}
	if err != nil {
		return nil, questionView{}, err
	}
	l := v.L
	v.Title = l.T("questions.question", k.ID) + " – " + v.Title
	data := questionView{view: v, Q: k, Area: areaTitle(cur.Strategy, k.Area), Department: departmentName(cur.Strategy, k.Department),
		Overdue: k.Overdue(civil.DateOf(s.now())), Errors: map[string]string{}}
	data.EmailHint = l.T("questions.answer.email_hint", k.ReplyTo)
	data.PhoneHint = l.T("questions.answer.phone", k.ReplyTo)
	if k.Status == contact.StatusAnswered {
		data.Via = l.T("questions.via." + k.AnsweredVia)
	}
	return cur, data, nil
}

// renderQuestion writes the view of the citizen's contact to the audit
// log, then renders the page.
func (s *Pages) renderQuestion(w http.ResponseWriter, r *http.Request, status int, data questionView) error {
	if !data.Q.Erased && data.Q.ReplyTo != "" {
		if err := s.questions.Viewed(r.Context(), data.MunicipalityID, data.Q.ID, actorOf(r)); err != nil {
			return err
		}
	}
	return s.render(w, status, "question", data)
}

// showQuestion shows one question with the answer form.
func (s *Pages) showQuestion(w http.ResponseWriter, r *http.Request) error {
	_, data, err := s.question(r)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("answered") == "1" {
		data.Notice = data.L.T("questions.sent")
	}
	return s.renderQuestion(w, r, http.StatusOK, data)
}

// answerQuestion answers a question: by e-mail, by phone or, without a
// contact, as handled; the inquiry is registered.
func (s *Pages) answerQuestion(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return err
	}
	cur, data, err := s.question(r)
	if err != nil {
		return err
	}
	l := data.L
	data.Answer = r.PostForm.Get("answer")
	_, err = s.questions.Answer(r.Context(), cur, data.Q.ID, contact.Reply{Text: data.Answer, Called: r.PostForm.Get("called") == "on",
		Subject: l.T("contact.answer_subject", cur.Strategy.Municipality.Name), Actor: actorOf(r)})
	var invalid *contact.InvalidError
	switch {
	case errors.As(err, &invalid):
		for _, fe := range invalid.Fields {
			data.Errors[fe.Field] = l.T(fe.Rule)
			data.Problems = append(data.Problems, problem{Field: fe.Field, Message: l.T(fe.Rule)})
		}
		return s.renderQuestion(w, r, http.StatusUnprocessableEntity, data)
	case errors.Is(err, contact.ErrAnswered):
		data.Problems = append(data.Problems, problem{Field: "answer", Message: l.T("questions.already")})
		return s.renderQuestion(w, r, http.StatusConflict, data)
	case err != nil:
		s.log.Error("answer a contact question", "question", data.Q.ID, "err", err)
		data.Problems = append(data.Problems, problem{Field: "answer", Message: l.T("questions.send_failed")})
		return s.renderQuestion(w, r, http.StatusBadGateway, data)
	}
	face.Redirect(w, r, "/m/"+cur.Municipality+"/questions/"+strconv.FormatInt(data.Q.ID, 10)+"?answered=1")
	return nil
}
