package staff

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/callback"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/guidance"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The staff console: front-desk and phone staff find the service area, see
// which channel to guide the citizen to and why, and register the inquiry
// with the keyboard alone. Every form works without JavaScript;
// static/console.js adds live search and one-key shortcuts.

const (
	deskCookie = "kanal_desk"
	lastCookie = "kanal_last"
	// undoWindow is how long a registration can be taken back.
	undoWindow = 15 * time.Minute
)

// currentDesk is the desk in force: the one the form names (the desk
// shown on the page it was sent from, so that what staff see is what is
// counted), else the one chosen in this browser, else the first. The
// cookie holds the key base64-encoded: locations have spaces and æøå.
func currentDesk(r *http.Request, ds []strategy.Desk, shown string) strategy.Desk {
	if d, ok := findDesk(ds, shown); ok {
		return d
	}
	if c, err := r.Cookie(deskCookie); err == nil {
		key, _ := base64.RawURLEncoding.DecodeString(c.Value)
		if d, ok := findDesk(ds, string(key)); ok {
			return d
		}
	}
	if len(ds) == 0 {
		return strategy.Desk{}
	}
	return ds[0]
}

func findDesk(ds []strategy.Desk, key string) (strategy.Desk, bool) {
	for _, d := range ds {
		if key != "" && d.Key == key {
			return d, true
		}
	}
	return strategy.Desk{}, false
}

// formChannel is the channel the form registers. The channel starts as the
// desk's own; when the desk was changed on the page without the channel
// being changed from the first desk's own (form field page_desk names the
// desk the page was shown with), the channel follows the new desk, so that
// a call at the phone desk is not counted as a visit at the counter.
func formChannel(form url.Values, ds []strategy.Desk, desk strategy.Desk) string {
	channel := form.Get("channel")
	if was, ok := findDesk(ds, form.Get("page_desk")); ok && was.Key != desk.Key && channel == was.Channel {
		return desk.Channel
	}
	return channel
}

// option is one radio button or checkbox with its shortcut key.
type option struct {
	ID, Label, Key string
	Checked        bool
}

type guidancePanel struct {
	Recommended, RecommendedID  string
	Primary, Secondary          string
	Inappropriate               string
	Reasons                     []string
	Script                      string
	URL                         string
	Refused, Assisted, Callback bool
	// CallbackURL is the portal's booking page for the area, where a
	// callback is offered.
	CallbackURL string
	// AnswerURL is the area's answer page on the portal, for an
	// information question on an expensive channel (answers_page.go).
	AnswerURL string
	// ApplicationDigital: in a strategy whose transactions cover every
	// inquiry about a case, an application must go digital, but the
	// contact may be a question about a case; it is not refused.
	ApplicationDigital bool
	UsedInappropriate  bool
	UsedLabel          string
	// ReferTo is the line naming the referral ("Henvis til …"), ReferralID
	// its id, for the h key; ReferralClosed: it cannot be reached now.
	ReferTo, ReferralID string
	ReferralClosed      bool
	// ExemptionToDecide: the citizen lacks the national login, which does
	// not exempt by itself; Login names it.
	ExemptionToDecide bool
	Login             string
	// AssistedForm is the address of the area's Kanal form filled in with
	// the citizen at the counter (medbetjening), if it has one and the
	// user handles cases.
	AssistedForm string
}

type countRow struct {
	Label string
	N     int
}

type consoleView struct {
	view
	Desks   []strategy.Desk
	Desk    strategy.Desk
	Query   string
	Matches []*strategy.Area
	// Other is the strategy's area for what no area fits, if it has one.
	Other *strategy.Area
	Area  *strategy.Area
	// Types, Channels, Flags and Referrals are the registration form.
	Types, Channels, Flags, Referrals, Circumstances []option
	// Shortcuts lists the keys of this strategy's types for the help text.
	Shortcuts     string
	Guidance      *guidancePanel
	Today         []countRow
	TodayTotal    int
	Last          string
	Notice, Error string
}

var consoleFlags = []struct{ id, key string }{
	{"resolved_first_contact", "s"}, {"guided", "g"}, {"assisted", "m"}, {"exempt", "f"},
}

// referralKey chooses the referral: the one the guidance names first, then
// the next, and back to none.
const referralKey = "h"

// consoleTypeKeys gives each of the strategy's inquiry types a shortcut
// letter: the first letter of its id that no earlier type and no other
// shortcut (the flags, h, u) has taken — information i, interaction n,
// transaction t; a type of the strategy's own gets one the same way. A type
// whose letters are all taken has no key and is chosen with the mouse or
// Tab.
func consoleTypeKeys(types []string) map[string]string {
	taken := map[rune]bool{'u': true, 'h': true}
	for _, f := range consoleFlags {
		taken[rune(f.key[0])] = true
	}
	keys := map[string]string{}
	for _, t := range types {
		for _, r := range t {
			if r >= 'a' && r <= 'z' && !taken[r] {
				keys[t] = string(r)
				taken[r] = true
				break
			}
		}
	}
	return keys
}

var consoleCircumstances = []string{"exempt_self_service", "exempt_digital_post", "no_login", "special_needs"}

// consolePage builds the console for a request: q searches, area selects,
// type, channel and the circumstances shape the guidance.
func (s *Pages) consolePage(r *http.Request, form url.Values) (*municipality.Current, consoleView, error) {
	cur, v, err := s.current(r, "console")
	if err != nil {
		return nil, consoleView{}, err
	}
	st := cur.Strategy
	v.Title = v.L.T("console.title") + " – " + v.Title
	data := consoleView{view: v, Desks: st.Desks()}
	data.Desk = currentDesk(r, data.Desks, form.Get("desk"))
	data.Shortcuts = shortcutsText(st, v.L)
	data.Query = strings.TrimSpace(form.Get("q"))
	data.Matches = st.FindAreas(data.Query)
	data.Other, _ = st.OtherArea()
	if ref := form.Get("area"); ref != "" {
		a, ok := st.Area(ref)
		if !ok {
			data.Error = v.L.T("console.unknown_area", ref)
		} else {
			data.Area = a
			s.fillForm(&data, st, form)
			if err := s.fillAnswerLink(r, st, &data); err != nil {
				return nil, data, err
			}
		}
	}
	if err := s.fillToday(r, cur, &data); err != nil {
		return nil, data, err
	}
	return cur, data, nil
}

// fillForm sets the registration form and the guidance for the chosen area.
func (s *Pages) fillForm(data *consoleView, st *strategy.Strategy, form url.Values) {
	a, l := data.Area, data.L
	typ := form.Get("type")
	if !a.Handles(typ) {
		typ = a.Types[0]
		if a.Handles(strategy.Transaction) {
			typ = strategy.Transaction // the counter's daily business
		}
	}
	keys := consoleTypeKeys(st.Types())
	for _, t := range a.Types {
		data.Types = append(data.Types, option{ID: t, Label: describe.TypeLabel(st, l, t), Key: keys[t], Checked: t == typ})
	}
	channel := formChannel(form, data.Desks, data.Desk)
	if c, ok := st.Channel(channel); !ok || !c.Inbound {
		channel = data.Desk.Channel
	}
	n := 0
	for _, c := range st.Channels {
		if !c.Inbound {
			continue
		}
		n++
		key := ""
		if n <= 9 {
			key = strconv.Itoa(n)
		}
		data.Channels = append(data.Channels, option{ID: c.ID, Label: c.Name, Key: key, Checked: c.ID == channel})
	}
	for _, f := range consoleFlags {
		data.Flags = append(data.Flags, option{ID: f.id, Label: l.T("console.flag." + f.id), Key: f.key, Checked: form.Get(f.id) == "on"})
	}
	if len(st.Referrals) > 0 {
		referred := form.Get("referred_to")
		data.Referrals = append(data.Referrals, option{ID: "", Label: l.T("console.referral.none"), Checked: referred == ""})
		for _, ref := range st.Referrals {
			data.Referrals = append(data.Referrals, option{ID: ref.ID, Label: ref.Name, Checked: ref.ID == referred})
		}
	}
	now := s.now()
	var circ guidance.Circumstances
	for _, c := range consoleCircumstances {
		on := form.Get(c) == "on"
		label := l.T("console.circumstance." + c)
		switch c {
		case "exempt_self_service":
			circ.ExemptSelfService = on
		case "exempt_digital_post":
			circ.ExemptDigitalPost = on
		case "no_login":
			circ.NoNationalLogin = on
			label = l.T("console.circumstance.no_login", strategy.NationalLogin(now))
		case "special_needs":
			circ.SpecialNeeds = on
		}
		data.Circumstances = append(data.Circumstances, option{ID: c, Label: label, Checked: on})
	}
	answer, err := guidance.Decide(st, guidance.Request{Area: a.ID, Type: typ, Channel: channel, At: now, Circumstances: circ})
	if err != nil {
		data.Error = err.Error()
		return
	}
	data.Guidance = newGuidancePanel(st, l, answer, channel)
	if s.forms != nil && data.Can.HandleCases {
		if f := s.forms.For(st, a.ID); f != nil {
			data.Guidance.AssistedForm = "/m/" + data.MunicipalityID + "/assisted/" + url.PathEscape(f.ID)
		}
	}
}

func newGuidancePanel(st *strategy.Strategy, l locale.Printer, a guidance.Answer, used string) *guidancePanel {
	p := &guidancePanel{
		RecommendedID: a.Recommended,
		Recommended:   describe.ChannelNames(st, []string{a.Recommended})[0],
		Primary:       strings.Join(describe.ChannelNames(st, a.Primary), ", "),
		Secondary:     strings.Join(describe.ChannelNames(st, a.Secondary), ", "),
		Inappropriate: strings.Join(describe.ChannelNames(st, a.Inappropriate), ", "),
		Reasons:       guidance.Texts(a.Reasons, l),
		Script:        strings.Join(guidance.Texts(a.Script, l), " "),
		Refused:       a.Refused, Assisted: a.Assisted, Callback: a.CallbackOffered, ApplicationDigital: a.ApplicationDigital,
		UsedInappropriate: a.UsedIsInappropriate, UsedLabel: describe.ChannelNames(st, []string{used})[0],
		ExemptionToDecide: a.ExemptionToDecide, Login: a.NationalLogin,
	}
	if a.Area.SelfService != nil {
		p.URL = a.Area.SelfService.URL
	}
	if a.CallbackOffered {
		p.CallbackURL = callback.BookingPath(st, a.Area.ID)
	}
	if line, ok := a.ReferTo(); ok {
		p.ReferTo, p.ReferralID, p.ReferralClosed = line.Text(l), a.Referral.ID, !a.ReferralOpen
	}
	return p
}

// shortcutsText is the help text on the keys: the strategy's own types
// ("i information, t transaktion (ansøgninger og anmeldelser)"), and h only
// where the strategy has referrals.
func shortcutsText(st *strategy.Strategy, l locale.Printer) string {
	keys := consoleTypeKeys(st.Types())
	var parts []string
	for _, t := range st.Types() {
		if k := keys[t]; k != "" {
			parts = append(parts, k+" "+strings.ToLower(describe.TypeLabel(st, l, t)))
		}
	}
	referral := ""
	if len(st.Referrals) > 0 {
		referral = l.T("console.shortcuts.referral")
	}
	return l.T("console.shortcuts.text", strings.Join(parts, ", "), referral)
}

// fillToday counts what this desk registered today, and names the last
// registration of this browser.
func (s *Pages) fillToday(r *http.Request, cur *municipality.Current, data *consoleView) error {
	today := civil.DateOf(s.now())
	counts, err := s.recorder.DeskCounts(r.Context(), cur.Municipality, data.Desk.Key, today.Start(), today.AddDays(1).Start())
	if err != nil {
		return err
	}
	byType := map[string]int{}
	referred := 0
	for _, c := range counts {
		byType[c.Type] += c.N
		data.TodayTotal += c.N
		referred += c.Referred
	}
	for _, t := range cur.Strategy.Types() {
		if byType[t] > 0 {
			data.Today = append(data.Today, countRow{describe.TypeLabel(cur.Strategy, data.L, t), byType[t]})
		}
	}
	if referred > 0 {
		data.Today = append(data.Today, countRow{data.L.T("console.today.referred"), referred})
	}
	if id, ok := s.lastRegistration(r, cur.Municipality); ok {
		if in, err := s.recorder.Find(r.Context(), cur.Municipality, id); err == nil && in.Source == inquiry.SourceConsole {
			a, _ := cur.Strategy.Area(in.Area)
			title := in.Area
			if a != nil {
				title = a.Title
			}
			data.Last = data.L.T("console.last", title, describe.ChannelNames(cur.Strategy, []string{in.Channel})[0],
				describe.TypeLabel(cur.Strategy, data.L, in.Type), in.OccurredAt.In(strategy.Location).Format("15:04"))
			if ref, ok := cur.Strategy.Referral(in.ReferredTo); ok {
				data.Last += " " + data.L.T("console.last.referred", ref.Name)
			}
		}
	}
	return nil
}

// showConsole shows the console.
func (s *Pages) showConsole(w http.ResponseWriter, r *http.Request) error {
	_, data, err := s.consolePage(r, r.URL.Query())
	if err != nil {
		return err
	}
	switch {
	case r.URL.Query().Get("registered") != "":
		data.Notice = data.L.T("console.registered")
	case r.URL.Query().Get("undone") != "":
		data.Notice = data.L.T("console.undone")
	}
	return s.render(w, http.StatusOK, "console", data)
}

// showConsoleGuidance answers the guidance panel alone, for the console's
// script when the type, channel or circumstances change.
func (s *Pages) showConsoleGuidance(w http.ResponseWriter, r *http.Request) error {
	_, data, err := s.consolePage(r, r.URL.Query())
	if err != nil {
		return err
	}
	return s.renderFragment(w, "console", "guidance-panel", data)
}

// registerInquiry registers the form's inquiry at this desk, now.
func (s *Pages) registerInquiry(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return err
	}
	cur, data, err := s.consolePage(r, r.PostForm)
	if err != nil {
		return err
	}
	f := r.PostForm
	in := inquiry.Inquiry{OccurredAt: s.now(), Channel: formChannel(f, data.Desks, data.Desk), Type: f.Get("type"), Direction: strategy.Inbound,
		Area: f.Get("area"), ResolvedFirstContact: f.Get("resolved_first_contact") == "on", Guided: f.Get("guided") == "on",
		Assisted: f.Get("assisted") == "on", Exempt: f.Get("exempt") == "on", ReferredTo: f.Get("referred_to"),
		Source: inquiry.SourceConsole, Desk: data.Desk.Key}
	if errs := s.recorder.Check(cur, &in); len(errs) > 0 {
		data.Error = data.L.T("console.field", data.L.T("console.field."+errs[0].Field), data.L.T(errs[0].Rule, errs[0].Args...))
		return s.render(w, http.StatusUnprocessableEntity, "console", data)
	}
	res, err := s.recorder.Record(r.Context(), cur, []inquiry.Inquiry{in})
	if err != nil {
		return err
	}
	if _, ok := findDesk(data.Desks, f.Get("desk")); ok {
		s.rememberDesk(w, r, cur.Municipality, data.Desk.Key)
	}
	p := auth.FromContext(r.Context())
	s.setCookie(w, r, lastCookie, s.lastValue(p, cur.Municipality, res.IDs[0]), "/m/"+cur.Municipality+"/console", undoWindow)
	face.Redirect(w, r, "/m/"+cur.Municipality+"/console?registered=1")
	return nil
}

// undoInquiry takes back this browser's last registration and writes the
// undo to the audit log.
func (s *Pages) undoInquiry(w http.ResponseWriter, r *http.Request) error {
	cur, err := s.registry.Current(r.Context(), r.PathValue("municipality"))
	if err != nil {
		return err
	}
	id, ok := s.lastRegistration(r, cur.Municipality)
	if ok {
		err = s.recorder.UndoBy(r.Context(), cur, id, s.now().Add(-undoWindow), actorOf(r))
	}
	if !ok || errors.Is(err, inquiry.ErrNotUndoable) {
		_, data, err := s.consolePage(r, url.Values{})
		if err != nil {
			return err
		}
		data.Error = data.L.T("console.not_undoable")
		return s.render(w, http.StatusUnprocessableEntity, "console", data)
	}
	if err != nil {
		return err
	}
	s.setCookie(w, r, lastCookie, "", "/m/"+cur.Municipality+"/console", -1)
	face.Redirect(w, r, "/m/"+cur.Municipality+"/console?undone=1")
	return nil
}

// chooseDesk remembers the desk in this browser and goes back to the
// console, to the area chosen there if any. The console's script sends it
// as soon as the drop-down changes.
func (s *Pages) chooseDesk(w http.ResponseWriter, r *http.Request) error {
	cur, err := s.registry.Current(r.Context(), r.PathValue("municipality"))
	if err != nil {
		return err
	}
	if d, ok := findDesk(cur.Strategy.Desks(), r.PostFormValue("desk")); ok {
		s.rememberDesk(w, r, cur.Municipality, d.Key)
	}
	back := "/m/" + cur.Municipality + "/console"
	if a, ok := cur.Strategy.Area(r.PostFormValue("area")); ok {
		back += "?" + url.Values{"area": {a.ID}}.Encode()
	}
	face.Redirect(w, r, back)
	return nil
}

// rememberDesk keeps the desk in force in this browser.
func (s *Pages) rememberDesk(w http.ResponseWriter, r *http.Request, municipality, key string) {
	s.setCookie(w, r, deskCookie, base64.RawURLEncoding.EncodeToString([]byte(key)), "/m/"+municipality+"/console", 365*24*time.Hour)
}

// lastValue is the cookie naming a registration. It is signed with the
// server's secret, which no user holds, and bound to the municipality, the
// user and the session, so that only the browser that registered it can
// take it back: a colleague can neither forge one nor use a copy.
func (s *Pages) lastValue(p *auth.Principal, municipality string, id int64) string {
	return strconv.FormatInt(id, 10) + "." + s.lastMAC(p, municipality, id)
}

func (s *Pages) lastMAC(p *auth.Principal, municipality string, id int64) string {
	m := hmac.New(sha256.New, s.undoKey)
	// NUL separates the parts: none of them can contain it.
	fmt.Fprintf(m, "undo\x00%s\x00%d\x00%s\x00%d", municipality, p.User.ID, p.SessionHash, id)
	return hex.EncodeToString(m.Sum(nil))
}

// lastRegistration is the registration this browser's cookie names, if
// its signature holds for this user and municipality.
func (s *Pages) lastRegistration(r *http.Request, municipality string) (int64, bool) {
	c, err := r.Cookie(lastCookie)
	if err != nil {
		return 0, false
	}
	idText, mac, ok := strings.Cut(c.Value, ".")
	id, err := strconv.ParseInt(idText, 10, 64)
	p := auth.FromContext(r.Context())
	if !ok || err != nil || p == nil || p.User == nil || !hmac.Equal([]byte(mac), []byte(s.lastMAC(p, municipality, id))) {
		return 0, false
	}
	return id, true
}
