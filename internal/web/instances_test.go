package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
)

// changeBound is how soon a change made through one instance must take
// effect on another: a correctness bound on the caches (store.CacheFor is
// a second), not a speed measurement.
const changeBound = 3 * time.Second

// secondInstance starts another Kanal on the database of ts, through a
// database handle and registry of its own, as a second process behind a
// load balancer would be.
func secondInstance(t *testing.T, ts *testServer) string {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, ts.db.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	srv, err := New(Options{DB: db, Registry: municipality.NewRegistry(db), Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	other := httptest.NewServer(srv.Handler())
	t.Cleanup(other.Close)
	return other.URL
}

// apiGet asks base's API with a key and returns the status and body.
func apiGet(t *testing.T, base, path, secret string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

// within polls check until it holds or changeBound has passed.
func within(t *testing.T, what string, check func() bool) {
	t.Helper()
	deadline := time.Now().Add(changeBound)
	for !check() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, changeBound)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

func TestInstances_KeyRevokedThroughOneIsRefusedByTheOtherWithinTheBound(t *testing.T) {
	ts := newTestServer(t, true)
	other := secondInstance(t, ts)
	secret, _, err := auth.NewKeys(ts.db).Add(context.Background(), audit.System, "dragoer", "telefoni", []auth.KeyPermission{auth.Read}, false)
	if err != nil {
		t.Fatal(err)
	}
	const guidance = "/api/v1/guidance?area=flytning&type=transaction"
	// Both instances verify the key, so that both hold it in memory.
	for _, base := range []string{ts.URL, other} {
		if status, body := apiGet(t, base, guidance, secret); status != http.StatusOK {
			t.Fatalf("%s before revoking: %d %s", base, status, body)
		}
	}
	if r := ts.post(t, ts.client(t, dragoerGroup), "/m/dragoer/keys/telefoni/revoke", url.Values{}); r.status != http.StatusOK {
		t.Fatalf("revoke: %d %s", r.status, r.body)
	}
	if status, body := apiGet(t, ts.URL, guidance, secret); status != http.StatusUnauthorized {
		t.Errorf("the instance that revoked the key still lets it in: %d %s", status, body)
	}
	within(t, "the other instance refuses the revoked key", func() bool {
		status, _ := apiGet(t, other, guidance, secret)
		return status == http.StatusUnauthorized
	})
	// And it stays refused: nothing kept from before the revocation
	// comes back.
	for range 5 {
		if status, body := apiGet(t, other, guidance, secret); status != http.StatusUnauthorized {
			t.Fatalf("the revoked key works again on the other instance: %d %s", status, body)
		}
	}
}

func TestInstances_StrategyLoadedThroughOneIsServedByTheOtherWithinTheBound(t *testing.T) {
	ts := newTestServer(t, true)
	other := secondInstance(t, ts)
	secret, _, err := auth.NewKeys(ts.db).Add(context.Background(), audit.System, "dragoer", "telefoni", []auth.KeyPermission{auth.Read}, false)
	if err != nil {
		t.Fatal(err)
	}
	version := func(base string) int {
		status, body := apiGet(t, base, "/api/v1/strategy", secret)
		var answer struct {
			Version int `json:"version"`
		}
		if err := json.Unmarshal(body, &answer); err != nil || status != http.StatusOK {
			t.Fatalf("%s: %d %v %s", base, status, err, body)
		}
		return answer.Version
	}
	before := version(ts.URL)
	if got := version(other); got != before {
		t.Fatalf("the instances disagree before the change: %d and %d", before, got)
	}
	doc := kanaltest.PresetDocument(t, "dragoer")
	changed := bytes.Replace(doc, []byte("name: Dragør Kommune"), []byte("name: Dragør Kommune (ny version)"), 1)
	if bytes.Equal(changed, doc) {
		t.Fatal("the preset's name line moved; change something else")
	}
	v, created, err := ts.registry.Load(context.Background(), audit.System, "dragoer.yaml", changed)
	if err != nil || !created || v.Number != before+1 {
		t.Fatalf("load a new version: %+v %v %v", v, created, err)
	}
	if got := version(ts.URL); got != v.Number {
		t.Errorf("the instance that loaded version %d serves %d", v.Number, got)
	}
	within(t, "the other instance serves the new version", func() bool { return version(other) == v.Number })
}
