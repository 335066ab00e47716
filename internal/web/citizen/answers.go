package citizen

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"strings"

	"github.com/kanal-dk/kanal/internal/answers"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// answerPage is an area's answer page: the department's text, then what
// the strategy says of the area (what to have ready, the self-service,
// the answer time, the channels and their opening hours), and "Fandt du
// svaret?".
type answerPage struct {
	view
	Area *strategy.Area
	Page answers.Page
	// Title and Body are the page in the reader's language where it has
	// one, else in Danish; Lang is the language shown, OnlyDanish set
	// when an English reader gets the Danish text.
	Title      string
	Body       template.HTML
	Lang       string
	OnlyDanish bool
	Reviewed   string
	// SelfService is the address of the area's self-service (Kanal's own
	// form or the strategy's), "" when it has none.
	SelfService, SelfServiceText string
	Answer                       string
	Channels                     []channel
	// Thanks is the answer to "Fandt du svaret?" once given.
	Thanks string
}

// Ex reports whether the page marks the area's field as an example.
func (p answerPage) Ex(field string) bool { return p.Area.IsExample(field) }

// showAnswer shows an area's answer page and counts the view (and, where
// the strategy counts page views, registers it as an inquiry).
func (p *Portal) showAnswer(w http.ResponseWriter, r *http.Request) error {
	data, err := p.answerPage(r)
	if err != nil {
		return err
	}
	cur, err := p.registry.Current(r.Context(), data.MunicipalityID)
	if err != nil {
		return err
	}
	if _, err := p.answers.Viewed(r.Context(), p.recorder, cur, data.Area, p.now()); err != nil {
		// A page the citizen can read is not refused for a count.
		p.log.Error("count the view of an answer page", "municipality", data.MunicipalityID, "area", data.Area.ID, "err", err)
	}
	return p.pages.Render(w, http.StatusOK, "answer", data)
}

// answerFound takes the answer to "Fandt du svaret?" (found=ja or nej):
// no cookie, no session and nothing about the citizen, only a count.
// Go's cross-origin protection keeps other sites from posting it.
func (p *Portal) answerFound(w http.ResponseWriter, r *http.Request) error {
	data, err := p.answerPage(r)
	if err != nil {
		return err
	}
	what := ""
	switch r.PostFormValue("found") {
	case "ja":
		what = answers.Found
	case "nej":
		what = answers.NotFound
	default:
		return &face.Error{Status: http.StatusBadRequest, Code: "bad_request"}
	}
	if err := p.answers.Count(r.Context(), data.MunicipalityID, data.Area.ID, civil.DateOf(p.now()), what, 1); err != nil {
		return err
	}
	data.Thanks = data.L.T("citizen.answer.thanks." + what)
	return p.pages.Render(w, http.StatusOK, "answer", data)
}

// answerPage reads an area's page and what the strategy says of it.
func (p *Portal) answerPage(r *http.Request) (answerPage, error) {
	st, err := p.current(r)
	if err != nil {
		return answerPage{}, err
	}
	a, ok := st.Area(r.PathValue("area"))
	if !ok || !forCitizens(a) {
		return answerPage{}, face.ErrNotFound
	}
	pg, err := p.answers.Get(r.Context(), st.Municipality.ID, a.ID)
	if errors.Is(err, answers.ErrNotFound) {
		return answerPage{}, face.ErrNotFound
	}
	if err != nil {
		return answerPage{}, err
	}
	title, body, shown := pg.In(face.Printer(r).Lang())
	data := answerPage{view: p.base(r, title+" – "+st.Municipality.Name), Area: a, Page: pg,
		Title: title, Body: answers.Render(body), Lang: shown}
	data.fill(st)
	l := data.L
	data.OnlyDanish = l.Lang() != shown
	data.Reviewed = l.T("citizen.answer.reviewed", l.Date(civil.DateOf(pg.ReviewedAt)))
	switch {
	case p.forms != nil && p.forms.For(st, a.ID) != nil:
		data.SelfService, data.SelfServiceText = formPath(st.Municipality.ID, a.ID), l.T("citizen.answer.form")
	case a.SelfService != nil && a.SelfService.URL != "":
		data.SelfService, data.SelfServiceText = a.SelfService.URL, l.T("citizen.area.self_service.go")
	}
	data.Answer = answerTime(l, a)
	ids, err := alternatives(st, a, p.now())
	if err != nil {
		return answerPage{}, err
	}
	for _, id := range ids {
		data.Channels = append(data.Channels, channelOf(st, l, id))
	}
	return data, nil
}

// answerTime is the area's expected answer time in words, "" when the
// strategy gives none.
func answerTime(l locale.Printer, a *strategy.Area) string {
	d := a.ResponseDays
	switch {
	case d == nil:
		return ""
	case *d == 0:
		return l.T("citizen.area.answer_same_day")
	}
	return l.Plural("citizen.area.answer_days", int64(*d), *d)
}

// findPage is "Find svar": the search over answers and areas.
type findPage struct {
	view
	Query     string
	Searched  bool
	Found     []areaLink
	FoundText string
	Examples  bool
}

// showFindAnswers searches the municipality's answer pages and areas.
func (p *Portal) showFindAnswers(w http.ResponseWriter, r *http.Request) error {
	st, err := p.current(r)
	if err != nil {
		return err
	}
	data := findPage{Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	data.view = p.base(r, "")
	data.fill(st)
	data.Title = data.L.T("citizen.answers.title") + " – " + st.Municipality.Name
	if data.Query != "" {
		data.Searched = true
		if data.Found, data.Examples, err = p.search(r.Context(), st, data.L, data.Query); err != nil {
			return err
		}
		data.FoundText = data.L.Plural("citizen.search.found", int64(len(data.Found)), len(data.Found), data.Query)
		if len(data.Found) == 0 {
			data.FoundText = data.L.T("citizen.search.none", data.Query)
		}
	}
	return p.pages.Render(w, http.StatusOK, "answers_find", data)
}

// search finds areas by their answer page's words (answers.Find: word
// prefixes, æ/ø/å folded) and by the console's search (title, search
// words, KLE number): the areas whose answer page matches first, then
// the others the console's search finds. It reports whether any found is
// marked as an example.
func (p *Portal) search(ctx context.Context, st *strategy.Strategy, l locale.Printer, q string) ([]areaLink, bool, error) {
	pages, err := p.answers.List(ctx, st.Municipality.ID)
	if err != nil {
		return nil, false, err
	}
	var areas []*strategy.Area
	var docs []answers.Doc
	for i := range st.Areas {
		a := &st.Areas[i]
		if !forCitizens(a) {
			continue
		}
		d := answers.Doc{Title: a.Title, Text: strings.Join(a.SearchWords, " ")}
		if pg, ok := pages[a.ID]; ok {
			d.Title += " " + pg.Title
			d.Text += " " + answers.PlainText(pg.Body)
			if pg.HasEnglish() {
				d.Text += " " + pg.TitleEN + " " + answers.PlainText(pg.BodyEN)
			}
		}
		areas, docs = append(areas, a), append(docs, d)
	}
	seen := map[string]bool{}
	var found []*strategy.Area
	for _, i := range answers.Find(q, docs) {
		found, seen[areas[i].ID] = append(found, areas[i]), true
	}
	for _, a := range st.FindAreas(q) {
		if forCitizens(a) && !seen[a.ID] {
			found, seen[a.ID] = append(found, a), true
		}
	}
	var links []areaLink
	examples := false
	for _, a := range found {
		v := link(st, l, a)
		if pg, ok := pages[a.ID]; ok {
			v.Answer = answers.Path(st.Municipality.ID, a.ID)
			examples = examples || pg.Example
		}
		links = append(links, v)
		examples = examples || a.HasExamples()
	}
	return links, examples, nil
}

// answerLink is the address of the area's answer page, "" when it has
// none, for the area page's "Læs svaret".
func (p *Portal) answerLink(ctx context.Context, st *strategy.Strategy, a *strategy.Area) (string, error) {
	_, err := p.answers.Get(ctx, st.Municipality.ID, a.ID)
	switch {
	case errors.Is(err, answers.ErrNotFound):
		return "", nil
	case err != nil:
		return "", err
	}
	return answers.Path(st.Municipality.ID, a.ID), nil
}
