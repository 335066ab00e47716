package staff

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The strategy group checks the newest version's KLE numbers against KL's
// KLE emneplan in the browser: they upload the plan (the XML file from
// KL), and the check is stored with the version exactly as `kanal
// strategy load --kle` stores it for an unchanged file
// (municipality.Registry.CheckVersion), audited under their name. A
// number the plan does not hold stores nothing, as on the command line.

// kleBody is the largest emneplan the page takes; KL's whole plan, with
// its descriptions, is some megabytes.
const kleBody = 64 << 20

// kleCheckView is the KLE check page.
type kleCheckView struct {
	view
	// Version is the version checked, the newest when the page was shown.
	Version  int
	KLECheck describe.KLECheck
	// Error is what is wrong with the file chosen and what to do.
	Error string
	// Done is the check just stored, in words.
	Done string
}

// showKLECheck shows the newest version's check and the form to check it.
func (s *Pages) showKLECheck(w http.ResponseWriter, r *http.Request) error {
	_, data, err := s.kleCheckPage(r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "kle_check", data)
}

// kleCheckPage is the page for the newest version.
func (s *Pages) kleCheckPage(r *http.Request) (*municipality.Current, kleCheckView, error) {
	cur, v, err := s.current(r, "strategy")
	if err != nil {
		return nil, kleCheckView{}, err
	}
	v.Title = v.L.T("kle_page.title")
	kle, err := s.kleCheck(r, cur, v)
	if err != nil {
		return nil, kleCheckView{}, err
	}
	return cur, kleCheckView{view: v, Version: cur.Number, KLECheck: kle}, nil
}

// checkKLE checks the version the form was shown for against the uploaded
// plan and stores the check, or shows the form again with what is wrong
// with the file.
func (s *Pages) checkKLE(w http.ResponseWriter, r *http.Request) error {
	cur, data, err := s.kleCheckPage(r)
	if err != nil {
		return err
	}
	l := data.L
	fail := func(msg string) error {
		data.Error = msg
		return s.render(w, http.StatusUnprocessableEntity, "kle_check", data)
	}
	name, content, err := readUpload(r, "plan")
	if errors.Is(err, errNoFile) {
		return fail(l.T("kle_page.no_file"))
	}
	if err != nil {
		return err
	}
	if shown, err := strconv.Atoi(r.FormValue("version")); err != nil || shown != data.Version {
		return fail(l.T("kle_page.stale", data.Version))
	}
	plan, err := strategy.ReadEmneplan(bytes.NewReader(content))
	if err != nil {
		return fail(planError(l, name, content, err))
	}
	if unknown := unknownKLE(cur, plan); len(unknown) > 0 {
		return fail(l.Plural("kle_page.unknown", int64(len(unknown)), name, strings.Join(unknown, ", ")))
	}
	var text *store.TextError
	check, err := s.registry.CheckVersion(r.Context(), actorOf(r), data.MunicipalityID, data.Version, plan, name)
	switch {
	case errors.Is(err, municipality.ErrStale):
		return fail(l.T("kle_page.stale", data.Version))
	case errors.As(err, &text):
		return fail(l.T("kle_page.text", name))
	case err != nil:
		return err
	}
	data.KLECheck = describe.NewKLECheck(l, cur.Version, check, true)
	data.Done = l.T("kle_page.done", check.Version, check.PlanFile,
		l.Count("cli.count.kle_numbers", int64(check.Numbers)), l.Count("cli.count.warnings", int64(check.Warnings)))
	return s.render(w, http.StatusOK, "kle_check", data)
}

// planError says, in words, why a file is not an emneplan Kanal can read,
// and what to do.
func planError(l locale.Printer, name string, content []byte, err error) string {
	var syntax *xml.SyntaxError
	switch {
	case len(strings.TrimSpace(string(content))) == 0:
		return l.T("kle_page.empty", name)
	case errors.As(err, &syntax):
		return l.T("kle_page.not_xml", name, syntax.Line)
	case errors.Is(err, io.EOF): // text without an element
		return l.T("kle_page.no_xml", name)
	case strings.Contains(err.Error(), "charset"):
		return l.T("kle_page.encoding", name)
	}
	return l.T("kle_page.not_plan", name)
}

// unknownKLE lists the version's KLE numbers the plan does not hold, each
// with its area's title, from the check the command line prints before it
// refuses the file (strategy.CheckKLE).
func unknownKLE(cur *municipality.Current, plan *strategy.Emneplan) []string {
	var out []string
	for _, p := range strategy.CheckKLE(cur.SourceName, nil, cur.Strategy, plan) {
		if p.Rule != strategy.RuleKLEUnknown {
			continue
		}
		a := cur.Strategy.Areas[p.Path[1].(int)]
		out = append(out, fmt.Sprintf("%s (%s)", a.KLE, a.Title))
	}
	return out
}
