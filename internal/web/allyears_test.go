package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"net/http"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The figures, every export and the council's report must answer for any
// year a reader can ask for: before the strategy period, in it, years after
// it, years without a single inquiry, years with one or two months of
// inquiries (charts of one and two points) and the current year. The
// inquiries are few and made by hand, so that each kind of year is there
// on purpose and the test stays fast.

// fewInquiries are hand-made inquiries in the flytning area (which both
// presets have) on the given months; each month gets one digital and one
// personal inbound transaction, a phone call for information and an
// outbound letter and Digital Post message, so every measure has a part
// and a whole.
func fewInquiries(months ...time.Time) []inquiry.Inquiry {
	var out []inquiry.Inquiry
	for _, m := range months {
		at := func(day int) time.Time { return m.AddDate(0, 0, day) }
		out = append(out,
			inquiry.Inquiry{OccurredAt: at(0), Channel: "self_service", Type: strategy.Transaction, Direction: strategy.Inbound, Area: "flytning", Source: "test"},
			inquiry.Inquiry{OccurredAt: at(1), Channel: "in_person", Type: strategy.Transaction, Direction: strategy.Inbound, Area: "flytning", Source: "test", ResolvedFirstContact: true},
			inquiry.Inquiry{OccurredAt: at(2), Channel: "phone", Type: strategy.Information, Direction: strategy.Inbound, Area: "flytning", Source: "test"},
			inquiry.Inquiry{OccurredAt: at(3), Channel: "letter", Type: strategy.Information, Direction: strategy.Outbound, Area: "flytning", Source: "test"},
			inquiry.Inquiry{OccurredAt: at(4), Channel: "digital_post", Type: strategy.Information, Direction: strategy.Outbound, Area: "flytning", Source: "test"},
		)
	}
	return out
}

func month(y, m int) time.Time { return time.Date(y, time.Month(m), 1, 10, 0, 0, 0, strategy.Location) }

// record stores inquiries for a municipality through the recorder every
// path uses, so that the rollups are filled as in production.
func (ts *testServer) record(t *testing.T, m string, batch []inquiry.Inquiry) {
	t.Helper()
	cur, err := ts.registry.Current(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := inquiry.NewRecorder(ts.db).Record(context.Background(), cur, batch); err != nil {
		t.Fatal(err)
	}
}

// raw fetches a path without unescaping the body, so that its syntax can
// be checked as sent.
func (ts *testServer) raw(t *testing.T, c *http.Client, path string) (int, http.Header, []byte) {
	t.Helper()
	resp, err := c.Get(ts.URL + path)
	if err != nil {
		t.Errorf("%s: %v", path, err) // a panic in the handler ends the connection
		return 0, nil, nil
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return resp.StatusCode, resp.Header, body
}

// coordinateAttrs are the SVG attributes that hold numbers.
var coordinateAttrs = map[string]bool{"x": true, "y": true, "x1": true, "x2": true, "y1": true, "y2": true, "cx": true, "cy": true,
	"r": true, "width": true, "height": true, "d": true, "transform": true, "viewBox": true, "points": true, "stroke-width": true}

// notANumber is how Go prints a float that is not a number.
var notANumber = regexp.MustCompile(`\b(NaN|[-+]?Inf)\b`)

var svgNumber = regexp.MustCompile(`[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|NaN|Inf`)

// checkSVGs checks every <svg> in an HTML document: well-formed XML on its
// own, every coordinate a finite number, no negative width or height.
func checkSVGs(t *testing.T, what string, doc []byte) int {
	t.Helper()
	n := 0
	for rest := doc; ; {
		start := bytes.Index(rest, []byte("<svg"))
		if start < 0 {
			return n
		}
		end := bytes.Index(rest[start:], []byte("</svg>"))
		if end < 0 {
			t.Errorf("%s: an <svg> is not closed", what)
			return n
		}
		svg := rest[start : start+end+len("</svg>")]
		rest = rest[start+end:]
		n++
		d := xml.NewDecoder(bytes.NewReader(svg))
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s: chart %d is not well-formed: %v", what, n, err)
				break
			}
			el, ok := tok.(xml.StartElement)
			if !ok {
				continue
			}
			for _, a := range el.Attr {
				if !coordinateAttrs[a.Name.Local] || a.Value == "100%" {
					continue
				}
				for _, s := range svgNumber.FindAllString(a.Value, -1) {
					v, err := strconv.ParseFloat(s, 64)
					if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
						t.Errorf("%s: chart %d: <%s %s=%q> is not a finite number", what, n, el.Name.Local, a.Name.Local, a.Value)
					}
					if (a.Name.Local == "width" || a.Name.Local == "height" || a.Name.Local == "r") && v < 0 {
						t.Errorf("%s: chart %d: <%s %s=%q> is negative", what, n, el.Name.Local, a.Name.Local, a.Value)
					}
				}
			}
		}
	}
}

// checkHTML checks that an HTML page is one whole document whose elements
// nest (void elements closed by the HTML rules), and its charts.
func checkHTML(t *testing.T, what string, body []byte) {
	t.Helper()
	trimmed := bytes.TrimSpace(body)
	if !bytes.HasPrefix(bytes.ToLower(trimmed), []byte("<!doctype html>")) || !bytes.HasSuffix(trimmed, []byte("</html>")) {
		t.Errorf("%s: not a whole HTML document (%d bytes)", what, len(body))
		return
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict, d.AutoClose, d.Entity = false, xml.HTMLAutoClose, xml.HTMLEntity
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("%s: %v", what, err)
			return
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if depth != 0 {
		t.Errorf("%s: %d elements left open", what, depth)
	}
	checkSVGs(t, what, body)
}

// checkCSV reads an export as the CSV it claims to be: a header that is
// the table's, then rows.
func checkCSV(t *testing.T, what string, body []byte) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff"))))
	r.Comma, r.FieldsPerRecord = ';', -1
	rows, err := r.ReadAll()
	if err != nil || len(rows) == 0 || len(rows[0]) == 0 || rows[0][0] == "" {
		t.Errorf("%s: not a CSV table with a header (%v): %q", what, err, body)
	}
	for _, row := range rows {
		for _, cell := range row {
			if notANumber.MatchString(cell) {
				t.Errorf("%s: a cell says %q", what, cell)
			}
		}
	}
}

// checkXLSX opens an export as a workbook: row 2 is the table's header.
func checkXLSX(t *testing.T, what, sheet string, body []byte) {
	t.Helper()
	book, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Errorf("%s: not a workbook: %v", what, err)
		return
	}
	defer book.Close()
	rows, err := book.GetRows(sheet)
	if err != nil || len(rows) < 2 || len(rows[1]) == 0 {
		t.Errorf("%s: sheet %s has no header row (%v)", what, sheet, err)
	}
}

// checkPDF checks the frame of a PDF: header, trailer and at least one page.
func checkPDF(t *testing.T, what string, body []byte) {
	t.Helper()
	if !bytes.HasPrefix(body, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(body), []byte("%%EOF")) ||
		!bytes.Contains(body, []byte("/Type /Page")) {
		t.Errorf("%s: not a PDF (%d bytes)", what, len(body))
	}
}

// exportTables are the ids of every table of the figures for a strategy,
// listed from the docs (docs/figures.md) and the strategy's share targets,
// not from the page.
func exportTables(s *strategy.Strategy, comparison bool) []string {
	out := []string{"key-figures", "targets", "mix", "channels", "cost-by-type", "areas", "savings", "without-solution", "departments"}
	for _, tg := range s.Targets {
		if tg.IsShare() && tg.Direction != strategy.Reduce && len(tg.Shares) > 0 {
			out = append(out, "target-"+tg.ID)
		}
	}
	if comparison {
		out = append(out, "comparison")
	}
	return out
}

func TestAllYears_FiguresExportsAndCouncilReportAnswerForEveryYear(t *testing.T) {
	ts := newTestServer(t, true)
	now := time.Now().In(strategy.Location)
	thisYear := now.Year()
	// The first moment of this year is never in the future.
	thisYearStart := time.Date(thisYear, 1, 1, 0, 0, 0, 0, strategy.Location)
	// Dragør: three months in 2012, one in 2014 (charts of one point), two
	// in 2015 (two points), none in 2013 or after the period, one inquiry
	// this year. Tårnby: two months in 2016, one in 2018, one inquiry this
	// year.
	ts.record(t, "dragoer", fewInquiries(month(2012, 1), month(2012, 6), month(2012, 12), month(2014, 5), month(2015, 3), month(2015, 9)))
	ts.record(t, "taarnby", fewInquiries(month(2016, 2), month(2016, 10), month(2018, 4)))
	for _, m := range []string{"dragoer", "taarnby"} {
		ts.record(t, m, []inquiry.Inquiry{{OccurredAt: thisYearStart, Channel: "phone", Type: strategy.Information,
			Direction: strategy.Inbound, Area: "flytning", Source: "test"}})
	}

	// Every role, with what it may: staff and auditors see no figures.
	roles := map[string][]string{
		"dragoer": {dragoerGroup, dragoerManager, operator, dragoerStaff, dragoerAuditor},
		"taarnby": {taarnbyGroup, "leder@taarnby.demo", operator, "medarbejder@taarnby.demo", taarnbyAuditor},
	}
	refused := map[string]bool{dragoerStaff: true, dragoerAuditor: true, "medarbejder@taarnby.demo": true, taarnbyAuditor: true}
	// The operator sees both municipalities and so the comparison too; a
	// client of its own reads English, since the choice is remembered.
	op, opEnglish := ts.client(t, operator), ts.client(t, operator)
	for _, m := range []string{"dragoer", "taarnby"} {
		cur, err := ts.registry.Current(context.Background(), m)
		if err != nil {
			t.Fatal(err)
		}
		s := cur.Strategy

		// The default page (this year, which has one inquiry) for every
		// role that may see figures; staff are refused, never crashed.
		for _, email := range roles[m] {
			c := ts.client(t, email)
			status, _, body := ts.raw(t, c, "/m/"+m+"/figures")
			want := http.StatusOK
			if refused[email] {
				want = http.StatusForbidden
			}
			if status != want {
				t.Errorf("%s: the default figures page answers %d, want %d", email, status, want)
			} else if status == http.StatusOK {
				checkHTML(t, email+" default page", body)
			}
		}

		// The other periods of this year, which has just one inquiry, and
		// the widest period there is.
		for _, q := range []string{fmt.Sprintf("period=quarter&year=%d&quarter=%d", thisYear, (int(now.Month())+2)/3),
			fmt.Sprintf("period=month&year=%d&month=%d", thisYear, now.Month()),
			fmt.Sprintf("period=custom&from=%d-01-01&to=%s", thisYear, now.Format(time.DateOnly)),
			"period=custom&from=2000-01-01&to=2100-12-31"} {
			if status, _, body := ts.raw(t, op, "/m/"+m+"/figures?"+q); status != http.StatusOK {
				t.Errorf("%s %s: the page answers %d", m, q, status)
			} else {
				checkHTML(t, m+" "+q, body)
			}
		}

		var years []int
		for y := s.Period.From - 1; y <= s.Period.To+5; y++ {
			years = append(years, y)
		}
		years = append(years, thisYear)
		for _, y := range years {
			q := fmt.Sprintf("/m/%s/figures?period=year&year=%d", m, y)
			what := fmt.Sprintf("%s %d", m, y)
			for lang, c := range map[string]*http.Client{"": op, "&lang=en": opEnglish} {
				status, _, body := ts.raw(t, c, q+lang)
				if status != http.StatusOK {
					t.Errorf("%s: the page%s answers %d", what, lang, status)
					continue
				}
				checkHTML(t, what+" page"+lang, body)
				if !bytes.Contains(body, fmt.Appendf(nil, `<option value="%d" selected>`, y)) {
					t.Errorf("%s: the year select does not show %d", what, y)
				}
			}
			manager := ts.client(t, roles[m][1])
			if status, _, body := ts.raw(t, manager, q); status != http.StatusOK {
				t.Errorf("%s: the manager's page answers %d", what, status)
			} else {
				checkHTML(t, what+" manager's page", body)
			}

			for _, table := range exportTables(s, true) {
				for _, format := range []string{"csv", "xlsx"} {
					path := fmt.Sprintf("/m/%s/figures/export?period=year&year=%d&table=%s&format=%s", m, y, table, format)
					status, _, body := ts.raw(t, op, path)
					if status != http.StatusOK {
						t.Errorf("%s: export %s.%s answers %d", what, table, format, status)
						continue
					}
					if format == "csv" {
						checkCSV(t, what+" "+table+".csv", body)
					} else {
						checkXLSX(t, what+" "+table+".xlsx", table, body)
					}
				}
			}

			for _, format := range []string{"html", "pdf"} {
				path := fmt.Sprintf("/m/%s/figures/report?year=%d&format=%s", m, y, format)
				status, _, body := ts.raw(t, op, path)
				if status != http.StatusOK {
					t.Errorf("%s: the council report as %s answers %d", what, format, status)
					continue
				}
				if format == "html" {
					checkHTML(t, what+" council report", body)
				} else {
					checkPDF(t, what+" council report", body)
				}
			}
		}
	}
}
