package citizen

import (
	"embed"
	"html/template"
	"net/http"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/dkfds"
	"github.com/kanal-dk/kanal/internal/web/face"
)

//go:embed templates
var templates embed.FS

func parsePages() (*face.Templates, error) {
	return face.ParseTemplates(templates, funcs, "templates/pages/*.html", "templates/layout.html", "templates/partials.html")
}

var funcs = template.FuncMap{
	// dkfds is the address of Det Fælles Designsystem's style sheet,
	// served by the staff face's static files for every face.
	"dkfds": func() string { return dkfds.Stylesheet },
	// inc counts from one: a step's number.
	"inc": func(i int) int { return i + 1 },
	// fieldData is what the field partial gets.
	"fieldData": func(l locale.Printer, f fieldView) fieldData { return fieldData{L: l, F: f} },
}

// fieldData is a field with the page's language.
type fieldData struct {
	L locale.Printer
	F fieldView
}

// view is what every page's template gets besides its own fields.
type view struct {
	L     locale.Printer
	Title string
	// MunicipalityID and MunicipalityName are the municipality the page
	// belongs to; empty on a "not found" page for an unknown one.
	MunicipalityID, MunicipalityName string
	// Logo is the municipality's logo from its strategy, if any, checked
	// again with strategy.LogoOK, for it is put into an src as it is.
	Logo template.URL
	// OtherLanguage is the page's address in the other language, with its
	// query (the search) kept.
	OtherLanguage string
	// CitizenName is the signed-in citizen's name, shown in the header
	// with the sign-out button; CSRF is the token every form of the page
	// sends back.
	CitizenName string
	CSRF        string
	// DevLogin warns that sign-in is the development login: test
	// citizens, no real MitID.
	DevLogin bool
}

// signedInView names the signed-in citizen in the view and gives its
// forms their CSRF token.
func (p *Portal) signedInView(w http.ResponseWriter, r *http.Request, v *view, k *session) error {
	if k != nil {
		v.CitizenName = k.Name
	}
	v.CSRF = p.csrfToken(w, r, k)
	return nil
}

// base is the common part of a page's view.
func (p *Portal) base(r *http.Request, title string) view {
	l := face.Printer(r)
	return view{L: l, Title: title, OtherLanguage: face.OtherLanguage(r, l.Lang()),
		DevLogin: p.login != nil && p.login.Development()}
}

// fill names the strategy's municipality in the view.
func (v *view) fill(st *strategy.Strategy) {
	v.MunicipalityID, v.MunicipalityName = st.Municipality.ID, st.Municipality.Name
	if strategy.LogoOK(st.Municipality.Logo) {
		v.Logo = template.URL(st.Municipality.Logo)
	}
}

// current is the municipality's strategy, for a page of the portal;
// an unknown municipality is "not found".
func (p *Portal) current(r *http.Request) (*strategy.Strategy, error) {
	cur, err := p.registry.Current(r.Context(), r.PathValue("municipality"))
	if err != nil {
		return nil, err
	}
	return cur.Strategy, nil
}

// forCitizens reports whether an area is one a citizen can look up: every
// area but the one Kanal keeps for counting inquiries no area fits, which
// is no task of the municipality's.
func forCitizens(a *strategy.Area) bool { return !a.Other }
