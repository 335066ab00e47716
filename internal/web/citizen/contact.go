package citizen

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/contact"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The contact form (/borger/{m}/kontakt): a general question about an
// area, without signing in. It is a plain same-origin form post, with no
// CSRF token of the portal's (the server's cross-origin protection
// refuses other origins' posts), protected against spam without third
// parties: a honeypot field, a signed timestamp that refuses a form sent
// within contactMinAge of being served, and a stricter limit per address.
// A question with personal data is refused (422) and nothing of it is
// stored or logged.

// contactRate is how many questions one address may send: five an hour.
var contactRate = face.Rate{PerSecond: 5.0 / 3600, Burst: 5}

// contactMinAge is how long a person takes at least to fill the form in.
const contactMinAge = 3 * time.Second

// contactSecret names the server secret that signs the form's timestamp.
const contactSecret = "contact_form"

// Form fields besides area, question and reply_to.
const (
	fieldHoneypot = "hjemmeside"
	fieldServed   = "t"
)

// DigitalPostURL is borger.dk's page on Digital Post, where a citizen
// writes to the municipality about their own case.
const DigitalPostURL = "https://www.borger.dk/internet-og-sikkerhed/digital-post"

type contactArea struct {
	Value, Label string
	Selected     bool
}

type contactError struct{ ID, Message string }

// contactPage is the form, with what was typed and its errors.
type contactPage struct {
	view
	Action               string
	Areas                []contactArea
	Question, ReplyTo    string
	Served               string
	Errors               []contactError
	AreaErr, QuestionErr string
	ReplyToErr, Problem  string
	QuestionMax          string
}

// refusedPage explains a refused question.
type refusedPage struct {
	view
	Reasons     []string
	SelfService string
	AreaTitle   string
	DigitalPost string
	Back        string
}

// thanksPage is the receipt of an accepted question.
type thanksPage struct {
	view
	Expect, Reply, Again string
}

func contactPath(m string) string { return "/borger/" + m + "/kontakt" }

// showContact shows the contact form; ?area= chooses the area.
func (p *Portal) showContact(w http.ResponseWriter, r *http.Request) error {
	st, err := p.current(r)
	if err != nil {
		return err
	}
	data, err := p.contactForm(w, r, st, r.URL.Query().Get("area"))
	if err != nil {
		return err
	}
	return p.pages.Render(w, http.StatusOK, "contact", data)
}

// contactForm is the form's view with a fresh timestamp.
func (p *Portal) contactForm(w http.ResponseWriter, r *http.Request, st *strategy.Strategy, area string) (contactPage, error) {
	l := face.Printer(r)
	data := contactPage{view: p.base(r, l.T("contact.title", st.Municipality.Name)), Action: contactPath(st.Municipality.ID),
		QuestionMax: l.Int(contact.QuestionMax)}
	data.fill(st)
	if a, ok := st.Area(area); ok {
		area = a.ID
	}
	for i := range st.Areas {
		if a := &st.Areas[i]; forCitizens(a) {
			data.Areas = append(data.Areas, contactArea{Value: a.ID, Label: a.Title, Selected: a.ID == area})
		}
	}
	data.Served = signServed(p.contactKey, st.Municipality.ID, p.now())
	k, err := p.citizen(r)
	if err != nil {
		return data, err
	}
	if k != nil {
		data.CitizenName, data.CSRF = k.Name, k.CSRF
	}
	return data, nil
}

// signServed is the form's timestamp: the time it was served and a MAC
// over it and the municipality.
func signServed(key []byte, m string, at time.Time) string {
	ts := strconv.FormatInt(at.Unix(), 10)
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(m + "|" + ts))
	return ts + "." + hex.EncodeToString(mac.Sum(nil))
}

// servedAt reads a timestamp signServed made; false when it is forged.
func servedAt(key []byte, m, s string) (time.Time, bool) {
	ts, _, _ := strings.Cut(s, ".")
	n, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	at := time.Unix(n, 0)
	if !hmac.Equal([]byte(signServed(key, m, at)), []byte(s)) {
		return time.Time{}, false
	}
	return at, true
}

// postContact takes a question.
func (p *Portal) postContact(w http.ResponseWriter, r *http.Request) error {
	cur, err := p.registry.Current(r.Context(), r.PathValue("municipality"))
	if err != nil {
		return err
	}
	st := cur.Strategy
	if !p.contactLimit.Allow(face.ClientAddr(r)) {
		return face.Fail(http.StatusTooManyRequests, "too_many_questions")
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	f := r.PostForm
	in := contact.Ask{Area: f.Get("area"), Question: f.Get("question"), ReplyTo: f.Get("reply_to")}
	data, err := p.contactForm(w, r, st, in.Area)
	if err != nil {
		return err
	}
	data.Question, data.ReplyTo = in.Question, in.ReplyTo
	l := data.L
	// Spam: the honeypot filled in, or a form sent too soon after it was
	// served (or with a forged timestamp). Without a timestamp the form
	// is taken as it is: other sites and tests post the three fields.
	if f.Get(fieldHoneypot) != "" {
		data.Problem = l.T("contact.honeypot_filled")
		return p.pages.Render(w, http.StatusUnprocessableEntity, "contact", data)
	}
	if s := f.Get(fieldServed); s != "" {
		at, ok := servedAt(p.contactKey, st.Municipality.ID, s)
		if !ok || p.now().Sub(at) < contactMinAge {
			data.Problem = l.T("contact.too_fast")
			return p.pages.Render(w, http.StatusUnprocessableEntity, "contact", data)
		}
	}
	k, err := p.questions.Ask(r.Context(), cur, in)
	var refused *contact.RefusedError
	var invalid *contact.InvalidError
	switch {
	case errors.As(err, &refused):
		return p.refuse(w, r, st, in.Area, refused.Reasons)
	case errors.As(err, &invalid):
		for _, fe := range invalid.Fields {
			msg := l.T(fe.Rule)
			switch fe.Field {
			case "area":
				data.AreaErr = msg
			case "question":
				data.QuestionErr = msg
			case "reply_to":
				data.ReplyToErr = msg
			}
			data.Errors = append(data.Errors, contactError{ID: "f-" + fe.Field, Message: msg})
		}
		return p.pages.Render(w, http.StatusUnprocessableEntity, "contact", data)
	case err != nil:
		return err
	}
	thanks := thanksPage{view: data.view, Again: contactPath(st.Municipality.ID) + "?area=" + k.Area}
	thanks.Title = l.T("contact.thanks.title") + " – " + st.Municipality.Name
	thanks.Expect = l.T("contact.thanks.soon")
	if !k.AnswerBy.IsZero() {
		thanks.Expect = l.T("contact.thanks.by", l.Date(k.AnswerBy))
	}
	switch k.ReplyKind {
	case contact.ReplyEmail:
		thanks.Reply = l.T("contact.thanks.email", k.ReplyTo)
	case contact.ReplyPhone:
		thanks.Reply = l.T("contact.thanks.phone", k.ReplyTo)
	default:
		thanks.Reply = l.T("contact.thanks.none")
	}
	return p.pages.Render(w, http.StatusOK, "contact_thanks", thanks)
}

// refuse answers 422 with the reasons, the area's self-service and
// Digital Post; nothing of the question is kept.
func (p *Portal) refuse(w http.ResponseWriter, r *http.Request, st *strategy.Strategy, area string, reasons []contact.Reason) error {
	l := face.Printer(r)
	data := refusedPage{view: p.base(r, l.T("contact.refused.title")+" – "+st.Municipality.Name), DigitalPost: DigitalPostURL,
		Back: contactPath(st.Municipality.ID)}
	data.fill(st)
	for _, rs := range reasons {
		if rs.Kind == contact.ReasonCPR {
			data.Reasons = append(data.Reasons, l.T("contact.refused.cpr"))
		} else {
			data.Reasons = append(data.Reasons, l.T("contact.refused.word", rs.Word))
		}
	}
	if a, ok := st.Area(area); ok && forCitizens(a) {
		data.Back += "?area=" + a.ID
		data.AreaTitle = a.Title
		switch {
		case p.forms != nil && p.forms.For(st, a.ID) != nil:
			data.SelfService = formPath(st.Municipality.ID, a.ID)
		case a.SelfService != nil && a.SelfService.URL != "":
			data.SelfService = a.SelfService.URL
		}
	}
	k, err := p.citizen(r)
	if err != nil {
		return err
	}
	if k != nil {
		data.CitizenName, data.CSRF = k.Name, k.CSRF
	}
	return p.pages.Render(w, http.StatusUnprocessableEntity, "contact_refused", data)
}
