package staff

import (
	"net/http"
	"strconv"

	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// showVersions lists the municipality's strategy versions.
func (s *Pages) showVersions(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "versions")
	if err != nil {
		return err
	}
	versions, err := s.registry.Versions(r.Context(), cur.Municipality)
	if err != nil {
		return err
	}
	notes, err := s.registry.Notes(r.Context(), cur.Municipality)
	if err != nil {
		return err
	}
	// Each version with who stored it from the forms and why, and the
	// version before it, to compare with.
	type versionRow struct {
		municipality.Version
		Note     *municipality.Note
		Previous int
	}
	rows := make([]versionRow, len(versions))
	for i, ver := range versions {
		rows[i].Version = ver
		if n, ok := notes[ver.ID]; ok {
			rows[i].Note = &n
		}
		if i+1 < len(versions) {
			rows[i].Previous = versions[i+1].Number
		}
	}
	return s.render(w, http.StatusOK, "versions", struct {
		view
		Versions []versionRow
	}{v, rows})
}

// downloadVersion sends a stored strategy document as it was loaded.
func (s *Pages) downloadVersion(w http.ResponseWriter, r *http.Request) error {
	number, err := strconv.Atoi(r.PathValue("version"))
	if err != nil {
		return face.ErrNotFound
	}
	v, doc, err := s.registry.Document(r.Context(), r.PathValue("municipality"), number)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+v.Municipality+`-v`+strconv.Itoa(v.Number)+`.yaml"`)
	_, err = w.Write(doc)
	return err
}
