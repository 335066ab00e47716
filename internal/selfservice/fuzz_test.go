package selfservice_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/selfservice"
)

// FuzzLoad guards that Load never panics, that it returns either a form or
// an *Invalid error with at least one located problem, and that a form it
// returns can be checked against any answers without panicking.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("forms/*.yaml")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(checkForm))
	f.Add([]byte(head + "      - {id: q, kind: radio, label: A, options: [{value: a, label: A}]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		form, err := selfservice.Load("fuzz.yaml", data)
		if err != nil {
			var inv *selfservice.Invalid
			if !errors.As(err, &inv) || len(inv.Problems) == 0 {
				t.Fatalf("error %v is no *Invalid with problems", err)
			}
			for _, p := range inv.Problems {
				if p.Line < 1 || p.Col < 1 {
					t.Fatalf("problem %+v has no position", p)
				}
			}
			return
		}
		a := selfservice.Answers{}
		for _, s := range form.Steps {
			for _, fd := range s.Fields {
				a[fd.ID] = string(data[:min(len(data), 20)])
				form.CheckFile(fd.ID, "x.pdf", 100)
			}
		}
		for i := range form.Steps {
			form.CheckStep(i, a, civil.NewDate(2026, time.November, 30))
		}
	})
}
