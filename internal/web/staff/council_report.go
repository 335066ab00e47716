package staff

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/councilreport"
	"github.com/kanal-dk/kanal/internal/dashboard"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// The council's yearly report: made on the fly for reading (labelled on
// its cover as not issued), or issued — stored as issued and served from
// the stored bytes ever after.

// reportYear reads ?year= (or the form's year), defaulting as the
// figures page does (measure.DefaultYear).
func (s *Pages) reportYear(r *http.Request, municipality string) (int, error) {
	year, err := strconv.Atoi(r.FormValue("year"))
	if err != nil || year < dashboard.FirstYear || year > dashboard.LastYear {
		return s.measures.DefaultYear(r.Context(), municipality, s.now())
	}
	return year, nil
}

// councilReport sends the council's yearly report for ?year= as PDF
// (?format=pdf, the default) or as one HTML page, made now and marked on
// its cover as not issued.
func (s *Pages) councilReport(w http.ResponseWriter, r *http.Request) error {
	// The report is the whole municipality's, each department in it: not
	// for anyone limited to one department.
	if department, err := departmentScope(r); err != nil || department != "" {
		return face.ErrForbidden
	}
	cur, err := s.registry.Current(r.Context(), r.PathValue("municipality"))
	if err != nil {
		return err
	}
	year, err := s.reportYear(r, cur.Municipality)
	if err != nil {
		return err
	}
	h, err := s.measures.History(r.Context(), cur.Municipality)
	if err != nil {
		return err
	}
	doc, err := s.reports.Make(r.Context(), face.Printer(r), cur.Municipality, h, year, s.now(), nil)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	name := fmt.Sprintf("aarsrapport-%s-%d-ikke-udstedt", cur.Municipality, year)
	if r.URL.Query().Get("format") == councilreport.FormatHTML {
		if err := councilreport.WriteHTML(&buf, *doc); err != nil {
			return err
		}
		sendReportHTML(w, name, buf.Bytes(), councilreport.StyleHash())
		return nil
	}
	if err := councilreport.WritePDF(&buf, *doc); err != nil {
		return err
	}
	sendReportPDF(w, name, buf.Bytes())
	return nil
}

// sendReportHTML answers a report as one self-contained HTML page, whose
// own inline stylesheet (styleHash) the Content-Security-Policy allows.
func sendReportHTML(w http.ResponseWriter, name string, body []byte, styleHash string) {
	csp := w.Header().Get("Content-Security-Policy")
	w.Header().Set("Content-Security-Policy", strings.Replace(csp, "style-src 'self'", "style-src 'self' "+styleHash, 1))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Disposition", `inline; filename="`+name+`.html"`)
	w.Write(body)
}

func sendReportPDF(w http.ResponseWriter, name string, body []byte) {
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.pdf"`)
	w.Write(body)
}

// issueCouncilReport issues the year's report in the page's language:
// it is made once, stored as PDF and HTML with the issue on its cover,
// and listed on the figures page from then on.
func (s *Pages) issueCouncilReport(w http.ResponseWriter, r *http.Request) error {
	if department, err := departmentScope(r); err != nil || department != "" {
		return face.ErrForbidden
	}
	m := r.PathValue("municipality")
	year, err := s.reportYear(r, m)
	if err != nil {
		return err
	}
	h, err := s.measures.History(r.Context(), m)
	if err != nil {
		return err
	}
	actor := actorOf(r)
	by := actor.Name
	if p := auth.FromContext(r.Context()); p != nil && p.User != nil && p.User.Name != "" {
		by = p.User.Name + " (" + p.User.Email + ")"
	}
	_, err = s.reports.Issue(r.Context(), councilreport.IssueRequest{Municipality: m, History: h, Year: year,
		Lang: face.Printer(r), Now: s.now(), By: by, Actor: actor, Decisions: r.FormValue("decisions")})
	var already *councilreport.AlreadyIssuedError
	if errors.As(err, &already) {
		// The figures page of the year again, with the refusal at the top
		// of its council section.
		r.URL.RawQuery = url.Values{"year": {strconv.Itoa(year)}}.Encode()
		_, data, ferr := s.figuresPage(r)
		if ferr != nil {
			return ferr
		}
		data.IssueError = data.L.T("figures.council.already_issued", year, issuedText(data.L, already.Earlier), already.Earlier.IssuedBy)
		data.Decisions = r.FormValue("decisions")
		return s.render(w, http.StatusConflict, "figures", data)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/m/%s/figures?year=%d#council", m, year), http.StatusSeeOther)
	return nil
}

// fillIssue tells the figures page's issue form whether the year's
// report is issued already (then there is no form: a report is issued
// once) and whether issuing now falls outside the first quarter after
// the year, which the strategies ask for (a warning, not a refusal).
func (s *Pages) fillIssue(r *http.Request, data *figuresView, municipality string) error {
	earlier, ok, err := s.reports.IssuedFor(r.Context(), municipality, data.ReportYear)
	if err != nil {
		return err
	}
	if ok {
		data.IssuedOnce = data.L.T("figures.council.issued_once", data.ReportYear, issuedText(data.L, earlier), earlier.IssuedBy)
		data.CanIssue = false
	}
	if !councilreport.InFirstQuarter(data.ReportYear, s.now()) {
		data.OutsideQ1 = data.L.T("figures.council.outside_q1", data.ReportYear, data.ReportYear+1)
	}
	return nil
}

// issuedText is when a report was issued, as the page writes it.
func issuedText(l locale.Printer, is councilreport.Issued) string {
	at := is.IssuedAt.In(strategy.Location)
	return fmt.Sprintf("%s %d %s", l.DayMonth(at), at.Year(), at.Format("15:04"))
}

// issuedCouncilReport sends an issued report exactly as it was issued.
func (s *Pages) issuedCouncilReport(w http.ResponseWriter, r *http.Request) error {
	if department, err := departmentScope(r); err != nil || department != "" {
		return face.ErrForbidden
	}
	m := r.PathValue("municipality")
	id, err := strconv.ParseInt(r.PathValue("report"), 10, 64)
	if err != nil {
		return face.ErrNotFound
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		format = councilreport.FormatPDF
	}
	is, body, err := s.reports.IssuedFile(r.Context(), m, id, format)
	if errors.Is(err, councilreport.ErrNoIssued) {
		return face.ErrNotFound
	}
	if err != nil {
		return err
	}
	name := fmt.Sprintf("aarsrapport-%s-%d-udstedt-%s", m, is.Year, is.IssuedAt.In(strategy.Location).Format("2006-01-02-1504"))
	if format == councilreport.FormatHTML {
		sendReportHTML(w, name, body, councilreport.StyleHashOf(body))
		return nil
	}
	sendReportPDF(w, name, body)
	return nil
}

// issuedRow is one issued report as the figures page lists it.
type issuedRow struct {
	Year               int
	IssuedAt, By, Lang string
	Version            int
	PDF, HTML          string
}

func (s *Pages) issuedRows(r *http.Request, municipality string) ([]issuedRow, error) {
	list, err := s.reports.Issued(r.Context(), municipality)
	if err != nil {
		return nil, err
	}
	l := face.Printer(r)
	out := make([]issuedRow, len(list))
	for i, is := range list {
		at := is.IssuedAt.In(strategy.Location)
		link := fmt.Sprintf("/m/%s/figures/reports/%d", municipality, is.ID)
		out[i] = issuedRow{Year: is.Year, IssuedAt: fmt.Sprintf("%s %d %s", l.DayMonth(at), at.Year(), at.Format("15:04")),
			By: is.IssuedBy, Lang: l.T("council.lang." + is.Lang), Version: is.Version, PDF: link + "?format=pdf", HTML: link + "?format=html"}
	}
	return out, nil
}
