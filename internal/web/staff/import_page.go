package staff

import (
	"errors"
	"fmt"
	"io"
	"net/http"

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
	Problems []string
	Error    string
}

// showImport shows the form for a CSV file of inquiries.
func (s *Pages) showImport(w http.ResponseWriter, r *http.Request) error {
	_, v, err := s.current(r, "import")
	if err != nil {
		return err
	}
	v.Title = v.L.T("import.title") + " – " + v.Title
	return s.render(w, http.StatusOK, "import", importView{view: v})
}

// importInquiries records the valid rows of an uploaded CSV file and lists
// the others by row and field.
func (s *Pages) importInquiries(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "import")
	if err != nil {
		return err
	}
	v.Title = v.L.T("import.title") + " – " + v.Title
	data := importView{view: v}
	if err := r.ParseMultipartForm(8 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return err
	}
	f, header, err := r.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		data.Error = v.L.T("import.no_file")
		return s.render(w, http.StatusUnprocessableEntity, "import", data)
	}
	if err != nil {
		return err
	}
	defer f.Close()
	content, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	data.File = header.Filename
	res, err := ingest.Import(r.Context(), s.recorder, cur, content)
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		data.Error = fmt.Sprintf("%s %d: %s", v.L.T("import.row"), fe.Line, v.L.T(fe.Key, fe.Args...))
		return s.render(w, http.StatusUnprocessableEntity, "import", data)
	}
	if err != nil {
		return err
	}
	data.Done, data.Result = true, res
	rows := map[int]bool{}
	for _, p := range res.Problems {
		rows[p.Line] = true
		field := ""
		if p.Field != "" {
			field = p.Field + ": "
		}
		data.Problems = append(data.Problems, fmt.Sprintf("%s %d: %s%s", v.L.T("import.row"), p.Line, field, v.L.T(p.Key, p.Args...)))
	}
	data.Rejected = len(rows)
	return s.render(w, http.StatusOK, "import", data)
}
