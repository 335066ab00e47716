package api

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/callback"
	"github.com/kanal-dk/kanal/internal/guidance"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// GuidanceAnswer is the guidance as JSON; the first seven fields are the
// documented answer, the rest explain it further.
type GuidanceAnswer struct {
	Primary             []string `json:"primary"`
	Secondary           []string `json:"secondary"`
	Inappropriate       []string `json:"inappropriate"`
	Recommended         string   `json:"recommended"`
	UsedIsInappropriate bool     `json:"used_is_inappropriate"`
	Reasons             []string `json:"reasons"`
	Script              string   `json:"script"`

	Refused bool `json:"refused"`
	// ApplicationDigital: in a strategy without an interaction type, a
	// non-digital contact in a mandatory area that may be a question about
	// a case: an application in it must be made digitally, a question may
	// be answered here.
	ApplicationDigital bool         `json:"application_digital"`
	Assisted           bool         `json:"assisted"`
	CallbackOffered    bool         `json:"callback_offered"`
	Area               guidanceArea `json:"area"`

	// CallbackURL is the portal's booking page for the area, where the
	// guidance offers a callback and the strategy offers booking.
	CallbackURL string `json:"callback_url,omitempty"`
	// AnswerURL is the portal's answer page of the area, for an
	// information question on an expensive channel.
	AnswerURL string `json:"answer_url,omitempty"`
	// Referral is the place outside the municipality to refer the citizen
	// to, when there is one.
	Referral *guidanceReferral `json:"referral,omitempty"`
	// NationalLogin names the national login on the day asked about:
	// NemID before 2021, MitID from 2021.
	NationalLogin string `json:"national_login"`
	// ExemptionToDecide: the citizen lacks the login, which does not exempt
	// by itself; staff decide an exemption.
	ExemptionToDecide bool `json:"exemption_to_decide"`
}

type guidanceReferral struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Contact string `json:"contact,omitempty"`
	URL     string `json:"url,omitempty"`
	// Open: it can be reached at the time asked about.
	Open bool `json:"open"`
	// Text is the line for staff: "Henvis til … på tlf. 1881".
	Text string `json:"text"`
}

type guidanceArea struct {
	ID    string `json:"id"`
	KLE   string `json:"kle"`
	Title string `json:"title"`
	URL   string `json:"self_service_url,omitempty"`
}

// guidanceRequest reads a guidance question from a query.
func guidanceRequest(q map[string][]string, now time.Time) (guidance.Request, *guidance.InputError) {
	get := func(k string) string {
		if v := q[k]; len(v) > 0 {
			return strings.TrimSpace(v[0])
		}
		return ""
	}
	req := guidance.Request{Area: get("area"), Type: get("type"), Direction: get("direction"), Channel: get("channel"), At: now}
	for _, f := range []string{"area", "type"} {
		if get(f) == "" {
			return req, &guidance.InputError{Field: f, Key: "guidance.required", Args: []any{f}}
		}
	}
	if at := get("at"); at != "" {
		t, err := time.Parse(time.RFC3339, at)
		if err != nil {
			return req, &guidance.InputError{Field: "at", Key: "guidance.bad_time", Args: []any{at}}
		}
		req.At = t
	}
	// no_login names no login, for the login is named by the date: NemID
	// before 2021, MitID from 2021. no_nemid and no_mitid are read as it.
	for _, f := range []struct {
		name string
		dst  *bool
	}{{"exempt", &req.ExemptSelfService}, {"exempt_digital_post", &req.ExemptDigitalPost},
		{"no_login", &req.NoNationalLogin}, {"no_nemid", &req.NoNationalLogin}, {"no_mitid", &req.NoNationalLogin},
		{"special_needs", &req.SpecialNeeds}} {
		if v := get(f.name); v != "" {
			b, err := strconv.ParseBool(v)
			if err != nil {
				return req, &guidance.InputError{Field: f.name, Key: "guidance.bad_flag", Args: []any{v}}
			}
			*f.dst = *f.dst || b
		}
	}
	return req, nil
}

// apiGuidance answers which channel to guide a citizen to.
func (s *API) apiGuidance(w http.ResponseWriter, r *http.Request) error {
	key := auth.FromContext(r.Context()).Key
	cur, err := s.registry.Current(r.Context(), key.Municipality)
	if err != nil {
		return err
	}
	l := face.Printer(r)
	req, in := guidanceRequest(r.URL.Query(), s.now())
	var a guidance.Answer
	if in == nil {
		a, err = guidance.Decide(cur.Strategy, req)
		if !errors.As(err, &in) && err != nil {
			return err
		}
	}
	if in != nil {
		return &face.Error{Status: http.StatusBadRequest, Code: "bad_request", Field: in.Field, Message: l.T(in.Key, in.Args...)}
	}
	out := NewGuidanceAnswer(a, l)
	if a.CallbackOffered && a.Area != nil {
		out.CallbackURL = callback.BookingPath(cur.Strategy, a.Area.ID)
	}
	if a.Area != nil {
		if out.AnswerURL, err = s.answers.GuidanceLink(r.Context(), cur.Strategy, a.Area.ID, req.Type, req.Channel); err != nil {
			return err
		}
	}
	return writeJSON(w, http.StatusOK, out)
}

// NewGuidanceAnswer puts guidance into the API's answer, in l's language.
func NewGuidanceAnswer(a guidance.Answer, l locale.Printer) GuidanceAnswer {
	out := GuidanceAnswer{
		Primary: nonNil(a.Primary), Secondary: nonNil(a.Secondary), Inappropriate: nonNil(a.Inappropriate),
		Recommended: a.Recommended, UsedIsInappropriate: a.UsedIsInappropriate,
		Reasons: guidance.Texts(a.Reasons, l), Script: strings.Join(guidance.Texts(a.Script, l), " "),
		Refused: a.Refused, ApplicationDigital: a.ApplicationDigital, Assisted: a.Assisted, CallbackOffered: a.CallbackOffered,
		Area:          guidanceArea{ID: a.Area.ID, KLE: a.Area.KLE, Title: a.Area.Title},
		NationalLogin: a.NationalLogin, ExemptionToDecide: a.ExemptionToDecide,
	}
	if a.Area.SelfService != nil {
		out.Area.URL = a.Area.SelfService.URL
	}
	if line, ok := a.ReferTo(); ok {
		r := a.Referral
		out.Referral = &guidanceReferral{ID: r.ID, Name: r.Name, Contact: r.Contact, URL: r.URL, Open: a.ReferralOpen, Text: line.Text(l)}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
