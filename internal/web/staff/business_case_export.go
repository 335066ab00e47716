package staff

import (
	"bytes"
	"fmt"
	"net/http"

	"github.com/kanal-dk/kanal/internal/render/pdf"
	"github.com/kanal-dk/kanal/internal/render/table"
)

// The exports of a business case: its two tables (the scenarios side by
// side, and the years) as an Excel workbook and as a PDF, both written
// whole before the first byte is sent. The workbook writes text as text
// (package render/table), so a title that begins with = is no formula.

// exportBusinessCaseXLSX answers the case's tables as an XLSX workbook:
// the side-by-side table, then the years under it.
func (s *Pages) exportBusinessCaseXLSX(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return err
	}
	c, _, err := s.bcCaseOf(r, cur)
	if err != nil {
		return err
	}
	side := sideBySide(v.L, c)
	// One sheet: the summary, an empty row, then the years with their
	// header as rows, so that a reader sees both without tabs.
	t := side.Summary
	t.Caption = c.Title + " – " + t.Caption
	t.Rows = append(append([][]table.Cell(nil), t.Rows...), nil, headRow(side.Years.Caption), headRow(side.Years.Head...))
	t.Rows = append(t.Rows, side.Years.Rows...)
	t.Notes = append(append([]string(nil), t.Notes...), side.Years.Notes...)
	var buf bytes.Buffer
	if err := table.WriteXLSX(&buf, t, "business case"); err != nil {
		return fmt.Errorf("business case %d as XLSX: %w", c.ID, err)
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="business-case-%s-%d-v%d.xlsx"`, cur.Municipality, c.ID, c.Version))
	_, err = w.Write(buf.Bytes())
	return err
}

func headRow(texts ...string) []table.Cell {
	out := make([]table.Cell, len(texts))
	for i, t := range texts {
		out[i] = table.Cell{Text: t}
	}
	return out
}

// exportBusinessCasePDF answers the case as an A4 PDF by package
// render/pdf: the title, the area, solution, version and approval on the
// cover, then the two tables.
func (s *Pages) exportBusinessCasePDF(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return err
	}
	c, a, err := s.bcCaseOf(r, cur)
	if err != nil {
		return err
	}
	l := v.L
	side := sideBySide(l, c)
	approval := l.T("businesscase.not_approved")
	if !c.Approved.IsZero() {
		approval = l.T("businesscase.approved_by", l.DateTime(c.Approved), c.ApprovedBy)
	}
	doc := pdf.Document{
		Lang: l.Lang(),
		Cover: pdf.Cover{Title: c.Title, Subtitle: l.T("businesscase.pdf.subtitle", a.KLE+" "+a.Title, c.Solution),
			Byline: l.T("businesscase.pdf.byline", cur.Strategy.Municipality.Name, c.Version, l.DateTime(c.Changed), c.ChangedBy) + " · " + approval},
		Footer:     cur.Strategy.Municipality.Name + " · " + c.Title,
		PageFormat: l.T("businesscase.pdf.page"),
		Sections: []pdf.Section{
			{Heading: side.Summary.Caption, Blocks: []pdf.Block{{Table: &side.Summary}}},
			{Heading: side.Years.Caption, Blocks: []pdf.Block{{Table: &side.Years}}},
		},
	}
	if c.Demo {
		doc.Cover.Notices = append(doc.Cover.Notices, l.T("businesscase.demo_note"))
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc); err != nil {
		return fmt.Errorf("business case %d as PDF: %w", c.ID, err)
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="business-case-%s-%d-v%d.pdf"`, cur.Municipality, c.ID, c.Version))
	_, err = w.Write(buf.Bytes())
	return err
}
