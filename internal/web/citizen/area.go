package citizen

import (
	"net/http"
	"slices"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/guidance"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// areaPage is one service area as a citizen sees it.
type areaPage struct {
	view
	Area *strategy.Area
	// Login is what the self-service asks to sign in with ("MitID"), or
	// "" when the strategy does not say.
	Login string
	// Mandatory is set where the law requires the self-service today;
	// Exemption names the channel of one exempted.
	Mandatory *strategy.Mandatory
	Exemption string
	// Answer is the expected answer time in words; "" when the strategy
	// gives none.
	Answer   string
	Channels []channel
	Referral *describe.Referral
	// Form is the address of Kanal's own form for the area, "" when
	// there is none; FormStart its button's words and FormLogin whether
	// it asks for sign-in.
	Form, FormStart, FormLogin string
	FormExample                bool
	// AnswerURL is the address of the area's answer page, "" when it
	// has none.
	AnswerURL string
	// Contact is the contact form for the area's general questions, ""
	// when the strategy has no contact form or the area no information.
	Contact string
}

// channel is one other way to contact the municipality, with its opening
// hours where the strategy gives them.
type channel struct {
	Name  string
	Hours []describe.Hours
}

// Ex reports whether the page marks the area's field as an example.
func (p areaPage) Ex(field string) bool { return p.Area.IsExample(field) }

// showArea shows one service area: its self-service first, what to have
// ready, the answer time and the other channels the strategy allows.
func (p *Portal) showArea(w http.ResponseWriter, r *http.Request) error {
	st, err := p.current(r)
	if err != nil {
		return err
	}
	a, ok := st.Area(r.PathValue("area"))
	if !ok || !forCitizens(a) {
		return face.ErrNotFound
	}
	now := p.now()
	data := areaPage{view: p.base(r, a.Title+" – "+st.Municipality.Name), Area: a}
	data.fill(st)
	l := data.L
	if ss := a.SelfService; ss != nil {
		switch ss.Login {
		case "":
		case strategy.LoginNone:
			data.Login = l.T("citizen.area.no_login")
		default:
			data.Login = l.T("citizen.area.login", strategy.NationalLogin(now))
		}
	}
	if a.Handles(strategy.Transaction) && a.IsMandatoryOn(civil.DateOf(now)) {
		data.Mandatory = a.Mandatory
		data.Exemption = describe.ChannelNames(st, []string{a.Mandatory.ExemptionChannel})[0]
	}
	if d := a.ResponseDays; d != nil {
		data.Answer = l.Plural("citizen.area.answer_days", int64(*d), *d)
		if *d == 0 {
			data.Answer = l.T("citizen.area.answer_same_day")
		}
	}
	ids, err := alternatives(st, a, now)
	if err != nil {
		return err
	}
	for _, id := range ids {
		data.Channels = append(data.Channels, channelOf(st, l, id))
	}
	if ref, ok := st.ReferralFor(a); ok {
		d := describe.NewReferral(st, l, *ref)
		data.Referral = &d
	}
	if p.forms != nil {
		if f := p.forms.For(st, a.ID); f != nil {
			data.Form = formPath(st.Municipality.ID, a.ID)
			data.FormExample = f.Example
			data.FormStart = l.T("citizen.area.form.start")
			if f.Type == strategy.Information {
				data.FormStart = l.T("citizen.area.form.ask")
			}
			data.FormLogin = l.T("citizen.area.no_login")
			if needsLogin(f) {
				data.FormLogin = l.T("citizen.area.login", strategy.NationalLogin(now))
			}
		}
	}
	if data.AnswerURL, err = p.answerLink(r.Context(), st, a); err != nil {
		return err
	}
	if _, ok := st.Channel(strategy.ContactForm); ok && a.Handles(strategy.Information) {
		data.Contact = contactPath(st.Municipality.ID) + "?area=" + a.ID
	}
	k, err := p.citizen(r)
	if err != nil {
		return err
	}
	if k != nil {
		data.CitizenName, data.CSRF = k.Name, k.CSRF
	}
	return p.pages.Render(w, http.StatusOK, "area", data)
}

// channelOf is a channel by name, with its opening hours.
func channelOf(st *strategy.Strategy, l locale.Printer, id string) channel {
	c := channel{Name: describe.ChannelNames(st, []string{id})[0]}
	for _, oh := range st.OpeningHours {
		if oh.Channel == id {
			c.Hours = append(c.Hours, describe.NewHours(st, l, oh))
		}
	}
	return c
}

// alternatives are the channels besides the self-service that the
// strategy allows for the area's inbound inquiries: the primary and
// secondary channels of each type the area handles, in the order the
// guidance ranks them, each once.
func alternatives(st *strategy.Strategy, a *strategy.Area, at time.Time) ([]string, error) {
	return channelsFor(st, a, a.Types, at)
}

// channelsFor are the primary and secondary channels of the inquiry
// types, but the self-service, in the guidance's order, each once.
func channelsFor(st *strategy.Strategy, a *strategy.Area, types []string, at time.Time) ([]string, error) {
	var ids []string
	for _, typ := range types {
		ans, err := guidance.Decide(st, guidance.Request{Area: a.ID, Type: typ, At: at})
		if err != nil {
			return nil, err
		}
		for _, id := range append(slices.Clone(ans.Primary), ans.Secondary...) {
			if id != strategy.SelfService && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids, nil
}
