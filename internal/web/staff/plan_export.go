package staff

import (
	"archive/zip"
	"bytes"
	"net/http"
	"strconv"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/plan"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// yamlExt ends the names of the files in the zip (strategy.yaml,
// plans.yaml).
const yamlExt = ".yaml"

// downloadStrategyZip sends a strategy version with the departments'
// current plans: strategy.zip holds strategy.yaml, the version as it was
// loaded, and plans.yaml (plan.MarshalExport), the plans the user may
// see as they stand today — plans are data in the database, not part of
// a strategy version (docs/plans.md).
func (s *Pages) downloadStrategyZip(w http.ResponseWriter, r *http.Request) error {
	number, err := strconv.Atoi(r.PathValue("version"))
	if err != nil {
		return face.ErrNotFound
	}
	ver, doc, err := s.registry.Document(r.Context(), r.PathValue("municipality"), number)
	if err != nil {
		return err
	}
	cur, err := s.registry.Current(r.Context(), ver.Municipality)
	if err != nil {
		return err
	}
	all, err := s.plansOf().All(r.Context(), cur.Strategy, cur.Municipality)
	if err != nil {
		return err
	}
	p := auth.FromContext(r.Context())
	var seen []plan.Plan
	for _, pl := range all {
		if p.MaySeePlan(cur.Municipality, pl.Department) {
			seen = append(seen, pl)
		}
	}
	plans, err := plan.MarshalExport(cur.Municipality, seen)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, f := range []struct {
		name string
		data []byte
	}{{"strategy" + yamlExt, doc}, {"plans" + yamlExt, plans}} {
		fw, err := z.Create(f.name)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.data); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="`+ver.Municipality+`-v`+strconv.Itoa(ver.Number)+`.zip"`)
	_, err = w.Write(buf.Bytes())
	return err
}
