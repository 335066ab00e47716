package staff

import (
	"errors"
	"net/http"

	"github.com/kanal-dk/kanal/internal/delivery"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// deliveriesView is the page of the deliveries to the case system that
// it has not received: waiting for another attempt, or given up. It shows
// no payload, which holds the citizen's personal data.
type deliveriesView struct {
	view
	// Endpoint is the case system's address, nil when none is set.
	Endpoint   *delivery.Endpoint
	Deliveries []deliveryRow
	Notice     string
}

// deliveryRow is a delivery as the page shows it.
type deliveryRow struct {
	delivery.Delivery
	// LastError is the failure in the catalogue's words, "" when none.
	LastError string
	Dead      bool
}

func (s *Pages) deliveriesPage(r *http.Request) (deliveriesView, error) {
	cur, v, err := s.current(r, "deliveries")
	if err != nil {
		return deliveriesView{}, err
	}
	v.Title = v.L.T("deliveries.title") + " – " + v.Title
	outbox := delivery.NewOutbox(s.db)
	data := deliveriesView{view: v}
	switch e, err := outbox.Endpoint(r.Context(), cur.Municipality); {
	case errors.Is(err, delivery.ErrNoEndpoint):
	case err != nil:
		return deliveriesView{}, err
	default:
		e.Secret = "" // never on a page
		data.Endpoint = &e
	}
	list, err := outbox.List(r.Context(), cur.Municipality, "")
	if err != nil {
		return deliveriesView{}, err
	}
	for _, d := range list {
		row := deliveryRow{Delivery: d, Dead: d.State == delivery.Dead}
		switch d.LastError {
		case "":
		case delivery.FailureStatus:
			row.LastError = v.L.T("deliveries.error.status", d.LastStatus)
		default:
			row.LastError = v.L.T("deliveries.error." + d.LastError)
		}
		data.Deliveries = append(data.Deliveries, row)
	}
	return data, nil
}

// showDeliveries lists the deliveries the case system has not received.
func (s *Pages) showDeliveries(w http.ResponseWriter, r *http.Request) error {
	data, err := s.deliveriesPage(r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "deliveries", data)
}

// resendDelivery sends a dead letter (or a waiting delivery) again at
// once, audited; the page says so.
func (s *Pages) resendDelivery(w http.ResponseWriter, r *http.Request) error {
	d, err := delivery.NewOutbox(s.db).Resend(r.Context(), actorOf(r), r.PathValue("municipality"), r.PathValue("delivery"))
	if errors.Is(err, delivery.ErrNotFound) {
		return face.ErrNotFound
	}
	if err != nil {
		return err
	}
	data, err := s.deliveriesPage(r)
	if err != nil {
		return err
	}
	data.Notice = data.L.T("deliveries.resent", d.ID)
	return s.render(w, http.StatusOK, "deliveries", data)
}
