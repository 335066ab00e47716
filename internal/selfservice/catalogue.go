package selfservice

import "github.com/kanal-dk/kanal/internal/strategy"

// Catalogue is the forms an installation offers.
type Catalogue struct{ forms []*Form }

// NewCatalogue returns a catalogue of the forms.
func NewCatalogue(forms []*Form) *Catalogue { return &Catalogue{forms: forms} }

// Forms are all the catalogue's forms, offered or not.
func (c *Catalogue) Forms() []*Form {
	if c == nil {
		return nil
	}
	return c.forms
}

// For returns the form offered for a strategy's area (by id or KLE
// number), or nil: the first form with the area's KLE number and an
// inquiry type the area handles.
func (c *Catalogue) For(s *strategy.Strategy, area string) *Form {
	a, ok := s.Area(area)
	if !ok || c == nil {
		return nil
	}
	for _, f := range c.forms {
		if offered(f, a) {
			return f
		}
	}
	return nil
}

// ByID returns a form by id if the strategy has its area, with the area.
func (c *Catalogue) ByID(s *strategy.Strategy, id string) (*Form, *strategy.Area) {
	if c == nil {
		return nil, nil
	}
	for _, f := range c.forms {
		if f.ID != id {
			continue
		}
		if a, ok := s.Area(f.AreaKLE); ok && offered(f, a) {
			return f, a
		}
	}
	return nil, nil
}

// offered reports whether the area takes the form: it is the form's area
// and handles the form's inquiry type.
func offered(f *Form, a *strategy.Area) bool {
	return a.KLE == f.AreaKLE && a.Handles(f.Type)
}
