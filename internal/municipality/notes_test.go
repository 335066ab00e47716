package municipality_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store/storetest"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// An edit stores the version after the one it began from, with who and
// why; an edit begun from a version no longer the newest, one without a
// reason and an invalid one store nothing; a note never changes.
func TestEdit_StoresTheNextVersionWithWhoAndWhyOrNothing(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	reg := municipality.NewRegistry(db)
	doc := kanaltest.PresetDocument(t, "dragoer")
	if _, _, err := reg.Load(ctx, audit.System, "dragoer.yaml", doc); err != nil {
		t.Fatal(err)
	}
	anna := audit.Actor{Name: "anna@dragoer.dk"}
	edited := []byte(strings.Replace(string(doc), "2015: 50", "2015: 55", 1))
	if _, err := reg.Edit(ctx, anna, 1, "form:targets", "  ", edited); !errors.Is(err, municipality.ErrNoReason) {
		t.Errorf("without a reason: %v, want ErrNoReason", err)
	}
	invalid := []byte(strings.Replace(string(doc), "2015: 50", "2015: 50 %", 1))
	var inv *strategy.Invalid
	if _, err := reg.Edit(ctx, anna, 1, "form:targets", "Målet", invalid); !errors.As(err, &inv) {
		t.Errorf("an invalid document: %v, want *strategy.Invalid", err)
	}
	v, err := reg.Edit(ctx, anna, 1, "form:targets", " Byrådets beslutning ", edited)
	if err != nil || v.Number != 2 {
		t.Fatalf("edit: %+v, %v; want version 2", v, err)
	}
	again := []byte(strings.Replace(string(doc), "2012: 30", "2012: 35", 1))
	if _, err := reg.Edit(ctx, anna, 1, "form:targets", "Fra version 1", again); !errors.Is(err, municipality.ErrStale) {
		t.Errorf("an edit begun from version 1 after version 2: %v, want ErrStale", err)
	}
	if _, err := reg.Edit(ctx, anna, 2, "form:targets", "Det samme igen", edited); !errors.Is(err, municipality.ErrStale) {
		t.Errorf("an edit equal to the newest: %v, want ErrStale", err)
	}
	versions, err := reg.Versions(ctx, "dragoer")
	if err != nil || len(versions) != 2 {
		t.Fatalf("versions %+v, %v; want 2", versions, err)
	}
	notes, err := reg.Notes(ctx, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 || notes[v.ID] != (municipality.Note{By: "anna@dragoer.dk", Reason: "Byrådets beslutning"}) {
		t.Errorf("notes %+v, want version 2's only", notes)
	}
	if _, err := db.ExecContext(ctx, `UPDATE strategy_version_notes SET reason = 'x'`); err == nil {
		t.Error("a note was changed")
	}
	if _, err := db.ExecContext(ctx, `DELETE FROM strategy_version_notes`); err == nil {
		t.Error("a note was deleted")
	}
}
