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

func TestLoad_ChangedDocumentMakesANewVersion(t *testing.T) {
	ctx := context.Background()
	reg := municipality.NewRegistry(storetest.Open(t))
	doc := kanaltest.PresetDocument(t, "dragoer")

	v1, created, err := reg.Load(ctx, audit.System, "dragoer.yaml", doc)
	if err != nil || !created || v1.Number != 1 {
		t.Fatalf("first load: %+v created=%v err=%v", v1, created, err)
	}
	same, created, err := reg.Load(ctx, audit.System, "dragoer.yaml", doc)
	if err != nil || created || same.ID != v1.ID {
		t.Fatalf("loading the same document again: %+v created=%v err=%v; want version 1 unchanged", same, created, err)
	}
	changed := strings.Replace(string(doc), "2015: 50", "2015: 55", 1)
	v2, created, err := reg.Load(ctx, audit.System, "dragoer-2.yaml", []byte(changed))
	if err != nil || !created || v2.Number != 2 {
		t.Fatalf("changed document: %+v created=%v err=%v", v2, created, err)
	}
	cur, err := reg.Current(ctx, "dragoer")
	if err != nil || cur.ID != v2.ID {
		t.Fatalf("current = %+v, %v; want version 2", cur, err)
	}
	versions, err := reg.Versions(ctx, "dragoer")
	if err != nil || len(versions) != 2 || versions[0].Number != 2 {
		t.Fatalf("versions = %+v, %v", versions, err)
	}
	_, stored, err := reg.Document(ctx, "dragoer", 1)
	if err != nil || string(stored) != string(doc) {
		t.Errorf("version 1's document was not kept as loaded (err %v)", err)
	}
}

func TestLoad_InvalidDocumentStoresNothing(t *testing.T) {
	ctx := context.Background()
	reg := municipality.NewRegistry(storetest.Open(t))
	broken := strings.Replace(string(kanaltest.PresetDocument(t, "dragoer")), "kind: oral", "kind: spoken", 1)
	_, _, err := reg.Load(ctx, audit.System, "broken.yaml", []byte(broken))
	var inv *strategy.Invalid
	if !errors.As(err, &inv) {
		t.Fatalf("want *strategy.Invalid, got %v", err)
	}
	ms, err := reg.List(ctx)
	if err != nil || len(ms) != 0 {
		t.Errorf("an invalid document created municipalities %v (err %v)", ms, err)
	}
}

func TestCurrent_UnknownMunicipality(t *testing.T) {
	reg := municipality.NewRegistry(storetest.Open(t))
	if _, err := reg.Current(context.Background(), "nowhere"); !errors.Is(err, municipality.ErrNotFound) {
		t.Errorf("got %v, want ErrNotFound", err)
	}
	if _, _, err := reg.Document(context.Background(), "nowhere", 1); !errors.Is(err, municipality.ErrNotFound) {
		t.Errorf("Document: got %v, want ErrNotFound", err)
	}
}

// A second registry on the same database (another app instance) reads the
// stored document rather than a cache.
func TestCurrent_ReadsStoredDocumentInAnotherInstance(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	if _, _, err := municipality.NewRegistry(db).Load(ctx, audit.System, "dragoer.yaml", kanaltest.PresetDocument(t, "dragoer")); err != nil {
		t.Fatal(err)
	}
	cur, err := municipality.NewRegistry(db).Current(ctx, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	if cur.Strategy.Municipality.Name != "Dragør Kommune" || len(cur.Strategy.Areas) < 12 {
		t.Errorf("parsed stored document wrongly: %+v", cur.Strategy.Municipality)
	}
}

func TestCurrent_AVersionLoadedThroughTheSameDatabaseIsCurrentAtOnce(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	// Two registries on one database handle: the server's and a command's.
	server, loader := municipality.NewRegistry(db), municipality.NewRegistry(db)
	doc := kanaltest.PresetDocument(t, "dragoer")
	v1, _, err := loader.Load(ctx, audit.System, "dragoer.yaml", doc)
	if err != nil {
		t.Fatal(err)
	}
	if cur, err := server.Current(ctx, "dragoer"); err != nil || cur.Number != v1.Number {
		t.Fatalf("first: %+v %v", cur, err)
	}
	changed := strings.Replace(string(doc), "2015: 50", "2015: 55", 1)
	v2, _, err := loader.Load(ctx, audit.System, "dragoer-2.yaml", []byte(changed))
	if err != nil || v2.Number != v1.Number+1 {
		t.Fatalf("second: %+v %v", v2, err)
	}
	cur, err := server.Current(ctx, "dragoer")
	if err != nil || cur.Number != v2.Number || cur.SHA256 != v2.SHA256 {
		t.Errorf("after loading version %d the registry answers %+v %v", v2.Number, cur, err)
	}
}
