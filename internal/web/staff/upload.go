package staff

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// uploadView is the answer to a strategy upload.
type uploadView struct {
	view
	File     string
	Version  municipality.Version
	Created  bool
	Problems []string
}

// errNoFile is readUpload's answer to a form sent without its file.
var errNoFile = errors.New("the form holds no file")

// readUpload reads the file sent in a form's field, with its name: a
// strategy, a CSV file of inquiries, a KLE subject plan. A form without
// the file returns errNoFile, for the page to say so.
func readUpload(r *http.Request, field string) (string, []byte, error) {
	if err := r.ParseMultipartForm(8 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return "", nil, err
	}
	f, header, err := r.FormFile(field)
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		return "", nil, errNoFile
	}
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	return header.Filename, data, err
}

// uploadStrategy loads a new version of the municipality's strategy.
func (s *Pages) uploadStrategy(w http.ResponseWriter, r *http.Request) error {
	return s.loadUpload(w, r, r.PathValue("municipality"))
}

// createMunicipality loads the strategy of a new (or existing)
// municipality; operators only.
func (s *Pages) createMunicipality(w http.ResponseWriter, r *http.Request) error {
	return s.loadUpload(w, r, "")
}

// loadUpload validates and loads an uploaded strategy; want, when set, is
// the municipality the file must belong to.
func (s *Pages) loadUpload(w http.ResponseWriter, r *http.Request, want string) error {
	v, err := s.base(r, face.Printer(r).T("upload.title"))
	if err != nil {
		return err
	}
	v.Section = "versions"
	data := uploadView{view: v}
	name, doc, err := readUpload(r, "strategy")
	if errors.Is(err, errNoFile) {
		data.Problems = []string{v.L.T("upload.no_file")}
		return s.render(w, http.StatusUnprocessableEntity, "upload", data)
	}
	if err != nil {
		return err
	}
	data.File = name
	if want != "" {
		if st, err := strategy.Parse(name, doc); err == nil && st.Municipality.ID != want {
			data.Problems = []string{v.L.T("upload.other_municipality", st.Municipality.ID, want)}
			return s.render(w, http.StatusUnprocessableEntity, "upload", data)
		}
	}
	version, created, err := s.registry.Load(r.Context(), actorOf(r), name, doc)
	var invalid *strategy.Invalid
	if errors.As(err, &invalid) {
		for _, p := range invalid.Problems {
			data.Problems = append(data.Problems, fmt.Sprintf("%s: %s", p.Location(), v.L.T(p.Rule, p.Args...)))
		}
		return s.render(w, http.StatusUnprocessableEntity, "upload", data)
	}
	if err != nil {
		return err
	}
	data.Version, data.Created = version, created
	data.MunicipalityID = version.Municipality
	return s.render(w, http.StatusOK, "upload", data)
}
