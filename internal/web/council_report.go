package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/council"
)

// councilReport sends the council's yearly report for ?year= as PDF
// (?format=pdf, the default) or as one HTML page.
func (s *Server) councilReport(w http.ResponseWriter, r *http.Request) error {
	// The report is the whole municipality's, each department in it: not
	// for anyone limited to one department.
	if department, err := departmentScope(r); err != nil || department != "" {
		return errForbidden
	}
	cur, err := s.registry.Current(r.Context(), r.PathValue("municipality"))
	if err != nil {
		return err
	}
	year, err := strconv.Atoi(r.URL.Query().Get("year"))
	if err != nil || year < firstFiguresYear || year > lastFiguresYear {
		if year, err = council.LastYear(r.Context(), s.db, cur.Municipality, time.Now()); err != nil {
			return err
		}
	}
	doc, err := council.Make(r.Context(), s.db, printer(r), cur, year, time.Now())
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	name := fmt.Sprintf("aarsrapport-%s-%d", cur.Municipality, year)
	if r.URL.Query().Get("format") == "html" {
		if err := council.WriteHTML(&buf, *doc); err != nil {
			return err
		}
		// The report is one self-contained file: allow its own inline style.
		csp := w.Header().Get("Content-Security-Policy")
		w.Header().Set("Content-Security-Policy", strings.Replace(csp, "style-src 'self'", "style-src 'self' "+council.StyleHash(), 1))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Disposition", `inline; filename="`+name+`.html"`)
	} else {
		if err := council.WritePDF(&buf, *doc); err != nil {
			return err
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.pdf"`)
	}
	_, err = buf.WriteTo(w)
	return err
}
