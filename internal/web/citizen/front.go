package citizen

import (
	"net/http"
	"strings"

	"github.com/kanal-dk/kanal/internal/locale"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// frontPage is a municipality's front page: the search and either what it
// found or every area, by department.
type frontPage struct {
	view
	Query string
	// Searched tells that a search was made; Found is what it found, the
	// likeliest first.
	Searched  bool
	Found     []areaLink
	FoundText string
	Groups    []areaGroup
	// Examples tells that some of what the page shows is an example.
	Examples bool
}

// areaGroup is one department's areas.
type areaGroup struct {
	Department string
	Example    bool
	Areas      []areaLink
}

// areaLink is one area in a list; Answer is the address of its answer
// page, "" when it has none.
type areaLink struct {
	Municipality, ID, KLE, Title string
	Answer                       string
}

// showFront shows a municipality's front page. A search (?q=) finds areas
// by words of their title, their search words or the start of their KLE
// number (strategy.FindAreas, the staff console's search) and by the
// words of their answer pages (search in answers.go).
func (p *Portal) showFront(w http.ResponseWriter, r *http.Request) error {
	st, err := p.current(r)
	if err != nil {
		return err
	}
	data := frontPage{Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	data.view = p.base(r, "")
	data.fill(st)
	data.Title = st.Municipality.Name + " – " + data.L.T("citizen.portal")
	if data.Query != "" {
		data.Searched = true
		if data.Found, data.Examples, err = p.search(r.Context(), st, data.L, data.Query); err != nil {
			return err
		}
		data.FoundText = data.L.Plural("citizen.search.found", int64(len(data.Found)), len(data.Found), data.Query)
		if len(data.Found) == 0 {
			data.FoundText = data.L.T("citizen.search.none", data.Query)
		}
		return p.pages.Render(w, http.StatusOK, "front", data)
	}
	for _, d := range st.Departments {
		g := areaGroup{Department: d.Name, Example: d.Example}
		for i := range st.Areas {
			if a := &st.Areas[i]; a.Department == d.ID && forCitizens(a) {
				g.Areas = append(g.Areas, link(st, data.L, a))
				data.Examples = data.Examples || a.HasExamples() || d.Example
			}
		}
		if len(g.Areas) > 0 {
			data.Groups = append(data.Groups, g)
		}
	}
	return p.pages.Render(w, http.StatusOK, "front", data)
}

// link is an area in a list; KLE is its number in words.
func link(st *strategy.Strategy, l locale.Printer, a *strategy.Area) areaLink {
	v := areaLink{Municipality: st.Municipality.ID, ID: a.ID, Title: a.Title}
	if a.KLE != "" {
		v.KLE = l.T("citizen.area.kle", a.KLE)
	}
	return v
}
