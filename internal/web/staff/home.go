package staff

import (
	"net/http"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// showHome sends staff to their municipality's page they start the day
// on (landing); operators get the list of municipalities and the form that
// creates one. Signing in without a return address ends here too.
func (s *Pages) showHome(w http.ResponseWriter, r *http.Request) error {
	p := auth.FromContext(r.Context())
	if m := p.Municipality(); m != "" {
		face.Redirect(w, r, landing(p, m))
		return nil
	}
	v, err := s.base(r, face.Printer(r).T("home.title"))
	if err != nil {
		return err
	}
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
		Items     []item
		CanCreate bool
	}{v, items, p.Can(auth.CreateMunicipality, "")})
}

// landing is where a user of a municipality starts: the console or the
// strategy (auth.Principal.StartsAtConsole).
func landing(p *auth.Principal, municipality string) string {
	if p.StartsAtConsole(municipality) {
		return "/m/" + municipality + "/console"
	}
	return "/m/" + municipality
}
