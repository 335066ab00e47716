package web

import (
	"net/http"
)

// showHome lists the installation's municipalities.
func (s *Server) showHome(w http.ResponseWriter, r *http.Request) error {
	v, err := s.base(r, "")
	if err != nil {
		return err
	}
	v.Title = v.L.T("home.title")
	type item struct {
		ID, Name, Title string
		From, To        int
		Areas           int
	}
	var items []item
	for _, m := range v.Municipalities {
		cur, err := s.registry.Current(r.Context(), m.ID)
		if err != nil {
			return err
		}
		st := cur.Strategy
		items = append(items, item{ID: m.ID, Name: m.Name, Title: st.Title, From: st.Period.From, To: st.Period.To, Areas: len(st.Areas)})
	}
	return s.render(w, http.StatusOK, "home", struct {
		view
		Items []item
	}{v, items})
}
