package citizen

import (
	"errors"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/callback"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// callbackRate limits bookings per address: a few at once, then one
// every two minutes. The public limit lets far more requests through;
// bookings hold slots that other citizens then cannot take.
var callbackRate = face.Rate{PerSecond: 1.0 / 120, Burst: 10}

// callbackPage is the booking page: the area, the free slots by day and
// the phone number, with what the citizen sent and its errors when it
// is shown again.
type callbackPage struct {
	view
	Offered bool
	Hours   []channel
	Areas   []optionView
	Days    []callbackDay
	Phone   string
	Errors  []callbackError
	// AreaError, SlotError and PhoneError are each field's message.
	AreaError, SlotError, PhoneError string
	Example                          bool
}

type callbackDay struct {
	ID, Legend string
	Slots      []optionView
}

type callbackError struct {
	ID, Message string
}

// callbackReceipt says when the citizen will be called.
type callbackReceipt struct {
	view
	When, Area, Erase string
}

// showCallback shows the booking page; ?area= (id or KLE number) chooses
// the area.
func (p *Portal) showCallback(w http.ResponseWriter, r *http.Request) error {
	cur, err := p.registry.Current(r.Context(), r.PathValue("municipality"))
	if err != nil {
		return err
	}
	data, err := p.callbackPage(r, cur, r.URL.Query().Get("area"), "", "")
	if err != nil {
		return err
	}
	return p.pages.Render(w, http.StatusOK, "callback", data)
}

// bookCallback books a callback. It takes no CSRF token: the page needs
// no sign-in and the server's cross-origin protection refuses posts from
// other sites. A booking that fails on a field is shown again with the
// field's message, 422.
func (p *Portal) bookCallback(w http.ResponseWriter, r *http.Request) error {
	if !p.callbackLimit.Allow(face.ClientAddr(r)) {
		return face.ErrTooManyRequests
	}
	cur, err := p.registry.Current(r.Context(), r.PathValue("municipality"))
	if err != nil {
		return err
	}
	area, slotText, phone := r.PostFormValue("area"), strings.TrimSpace(r.PostFormValue("slot")), r.PostFormValue("phone")
	l := face.Printer(r)
	if _, ok := cur.Strategy.CallbackSetting(); !ok {
		return face.ErrNotFound
	}
	// Every field is checked before the booking, so that the page names
	// each one wrong at once; the booking itself checks the slot's time
	// and room.
	fields := map[string]error{}
	if a, ok := cur.Strategy.Area(area); !ok || a.Other {
		fields["area"] = callback.ErrUnknownArea
	}
	slot, err := time.Parse(time.RFC3339, slotText)
	switch {
	case slotText == "":
		fields["slot"] = errNoSlot
	case err != nil:
		fields["slot"] = errBadSlot
	}
	if _, err := callback.ParsePhone(phone); err != nil {
		fields["phone"] = err
	}
	var k *callback.Callback
	if len(fields) == 0 {
		k, err = p.callbacks.Book(r.Context(), cur, callback.Booking{Area: area, Slot: slot, Phone: phone})
		var fe *callback.FieldError
		if errors.As(err, &fe) {
			fields[fe.Field] = fe.Err
		} else if err != nil {
			return err
		}
	}
	if len(fields) > 0 {
		data, err := p.callbackPage(r, cur, area, slotText, phone)
		if err != nil {
			return err
		}
		for _, field := range []string{"area", "slot", "phone"} {
			if ferr, ok := fields[field]; ok {
				data.addError(field, callbackMessage(l, cur.Strategy, field, ferr))
			}
		}
		return p.pages.Render(w, http.StatusUnprocessableEntity, "callback", data)
	}
	st := cur.Strategy
	a, _ := st.Area(k.Area)
	set, _ := st.CallbackSetting()
	data := callbackReceipt{view: p.base(r, l.T("callback.receipt.title")+" – "+st.Municipality.Name)}
	data.fill(st)
	data.When = l.T("callback.receipt.when", dayText(l, k.Start), slotTime(l, k.Start, k.End), callback.FormatPhone(k.Phone))
	data.Area = l.T("callback.receipt.area", a.Title)
	data.Erase = l.Plural("callback.receipt.erase", int64(set.EraseAfterDays), set.EraseAfterDays)
	if s, err := p.citizen(r); err == nil && s != nil {
		data.CitizenName, data.CSRF = s.Name, s.CSRF
	}
	return p.pages.Render(w, http.StatusOK, "callback_receipt", data)
}

var (
	errNoSlot  = errors.New("no slot chosen")
	errBadSlot = errors.New("bad slot")
)

// callbackMessage is a field's message for the error it met.
func callbackMessage(l locale.Printer, st *strategy.Strategy, field string, err error) string {
	switch {
	case field == "area":
		return l.T("callback.error.area")
	case field == "phone":
		return l.T("callback.error.phone")
	case errors.Is(err, errNoSlot):
		return l.T("callback.error.slot")
	case errors.Is(err, errBadSlot):
		return l.T("callback.error.bad_slot")
	case errors.Is(err, callback.ErrOutsideHours):
		return l.T("callback.error.outside", strings.Join(channelOf(st, l, strategy.Phone).lines(), "; "))
	case errors.Is(err, callback.ErrNotSlotStart):
		return l.T("callback.error.not_start")
	case errors.Is(err, callback.ErrTooSoon):
		return l.T("callback.error.too_soon")
	case errors.Is(err, callback.ErrTooFar):
		return l.T("callback.error.too_far")
	case errors.Is(err, callback.ErrFull):
		return l.T("callback.error.full")
	}
	return l.T("callback.error.slot")
}

// lines are the channel's opening hours at every location as one list.
func (c channel) lines() []string {
	var out []string
	for _, h := range c.Hours {
		out = append(out, h.Lines...)
	}
	return out
}

func (d *callbackPage) addError(field, message string) {
	id := map[string]string{"area": "cb-area", "phone": "cb-phone"}[field]
	switch field {
	case "area":
		d.AreaError = message
	case "phone":
		d.PhoneError = message
	default:
		d.SlotError, id = message, "cb-slot"
		if len(d.Days) > 0 {
			id = d.Days[0].ID + "-0"
		}
	}
	d.Errors = append(d.Errors, callbackError{ID: id, Message: message})
}

// callbackPage fills the booking page with the free slots as at now and
// what the citizen chose.
func (p *Portal) callbackPage(r *http.Request, cur *municipality.Current, area, slot, phone string) (callbackPage, error) {
	st := cur.Strategy
	data := callbackPage{view: p.base(r, face.Printer(r).T("callback.title")+" – "+st.Municipality.Name), Phone: phone}
	data.fill(st)
	l := data.L
	set, offered := st.CallbackSetting()
	data.Offered, data.Example = offered, set.Example
	if !offered {
		return data, nil
	}
	data.Hours = []channel{channelOf(st, l, strategy.Phone)}
	chosen, _ := st.Area(area)
	for i := range st.Areas {
		if a := &st.Areas[i]; forCitizens(a) {
			data.Areas = append(data.Areas, optionView{Value: a.ID, Label: a.Title, Selected: chosen == a})
		}
	}
	sort.SliceStable(data.Areas, func(i, j int) bool { return data.Areas[i].Label < data.Areas[j].Label })
	days, err := p.callbacks.Open(r.Context(), cur)
	if err != nil {
		return data, err
	}
	for _, d := range days {
		cd := callbackDay{ID: "slot-" + d.Date.String(), Legend: dayText(l, d.Date.Start())}
		for _, s := range d.Slots {
			v := s.Start.In(strategy.Location).Format(time.RFC3339)
			cd.Slots = append(cd.Slots, optionView{Value: v, Label: slotTime(l, s.Start, s.End), Selected: v == slot})
		}
		data.Days = append(data.Days, cd)
	}
	return data, nil
}

// dayText writes the Danish day of t in words: "tirsdag den 1. december
// 2026".
func dayText(l locale.Printer, t time.Time) string {
	t = t.In(civil.Location)
	return l.T("callback.day", l.T("callback.weekday."+strconv.Itoa(int(t.Weekday()))), t.Day(), l.T("month."+strconv.Itoa(int(t.Month()))), t.Year())
}

// slotTime writes a slot's time of day: "kl. 09.00–09.15".
func slotTime(l locale.Printer, start, end time.Time) string {
	f := "15:04"
	if l.Lang() == "da" {
		f = "15.04"
	}
	return l.T("callback.slot", start.In(civil.Location).Format(f), end.In(civil.Location).Format(f))
}
