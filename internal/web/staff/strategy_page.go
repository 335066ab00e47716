package staff

import (
	"net/http"

	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// current loads the municipality named in the path and the page's view.
func (s *Pages) current(r *http.Request, section string) (*municipality.Current, view, error) {
	cur, err := s.registry.Current(r.Context(), r.PathValue("municipality"))
	if err != nil {
		return nil, view{}, err
	}
	v, err := s.base(r, cur.Strategy.Municipality.Name)
	v.Section = section
	return cur, v, err
}

// showStrategy shows vision, principles, the ranked channel order and the
// minimum SB level where the strategy states them, targets (with the values
// that are examples named), the inquiry types' default channels, and
// whether the version's KLE numbers were checked.
func (s *Pages) showStrategy(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "strategy")
	if err != nil {
		return err
	}
	kle, err := s.kleCheck(r, cur, v)
	if err != nil {
		return err
	}
	st := cur.Strategy
	type typeRow struct {
		Name, Description string
		Inbound, Outbound describe.Priority
	}
	var types []typeRow
	for _, id := range st.Types() {
		t, _ := st.InquiryType(id)
		types = append(types, typeRow{Name: describe.TypeLabel(st, v.L, id), Description: t.Description,
			Inbound: describe.NewPriority(st, t.Inbound), Outbound: describe.NewPriority(st, t.Outbound)})
	}
	var targets []describe.Target
	for _, t := range st.Targets {
		targets = append(targets, describe.NewTarget(st, v.L, t))
	}
	return s.render(w, http.StatusOK, "strategy", struct {
		view
		Strategy  *strategy.Strategy
		Version   municipality.Version
		Order     *describe.Order
		MinimumSB *describe.MinimumSB
		Types     []typeRow
		Targets   []describe.Target
		KLECheck  describe.KLECheck
	}{v, st, cur.Version, describe.NewOrder(st), describe.NewMinimumSB(st), types, targets, kle})
}
