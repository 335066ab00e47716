package staff

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/ingest"
)

// importBody is the largest CSV file the import page takes.
const importBody = 64 << 20

type importView struct {
	view
	Done     bool
	File     string
	Result   ingest.ImportResult
	Rejected int
	// Problems are the rejected rows' problems in words (ingest.Explainer).
	Problems []string
	// Examples names the template's example rows that were skipped.
	Examples string
	Error    string
	// Required are the headings of the columns every row must fill in.
	Required string
}

// importPage is the import page's view for the municipality.
func importPage(v view) importView {
	v.Title = v.L.T("import.title") + " – " + v.Title
	var required []string
	for _, f := range []string{"occurred_at", "channel", "type", "direction", "area"} {
		required = append(required, ingest.Heading(v.L, f))
	}
	return importView{view: v, Required: strings.Join(required, ", ")}
}

// showImport shows the form for a CSV file of inquiries.
func (s *Pages) showImport(w http.ResponseWriter, r *http.Request) error {
	_, v, err := s.current(r, "import")
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "import", importPage(v))
}

// importTemplate sends a CSV file to fill in: the columns with the
// reader's language's headings and one example row, which the import
// skips.
func (s *Pages) importTemplate(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "import")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+v.L.T("import.template.file")+`"`)
	_, err = w.Write(ingest.Template(v.L, cur.Strategy))
	return err
}

// importInquiries records the valid rows of an uploaded CSV file and lists
// the others by row and column, in words.
func (s *Pages) importInquiries(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "import")
	if err != nil {
		return err
	}
	data := importPage(v)
	name, content, err := readUpload(r, "file")
	if errors.Is(err, errNoFile) {
		data.Error = v.L.T("import.no_file")
		return s.render(w, http.StatusUnprocessableEntity, "import", data)
	}
	if err != nil {
		return err
	}
	data.File = name
	res, err := ingest.Import(r.Context(), s.recorder, cur, content)
	explain := ingest.Explainer{L: v.L, Strategy: cur.Strategy, Headings: res.Headings}
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		data.Error = explain.File(fe)
		return s.render(w, http.StatusUnprocessableEntity, "import", data)
	}
	if err != nil {
		return err
	}
	data.Done, data.Result = true, res
	rows := map[int]bool{}
	for _, p := range res.Problems {
		rows[p.Line] = true
		data.Problems = append(data.Problems, explain.Problem(p))
	}
	data.Rejected = len(rows)
	var examples []string
	for _, n := range res.Examples {
		examples = append(examples, strconv.Itoa(n))
	}
	data.Examples = strings.Join(examples, ", ")
	return s.render(w, http.StatusOK, "import", data)
}
