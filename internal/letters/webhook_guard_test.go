package letters_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/delivery"
	"github.com/kanal-dk/kanal/internal/letters"
)

// A letter's callback_url comes from an API client: one on loopback
// (here an httptest server at 127.0.0.1) is refused when connecting
// unless the operator allowed private addresses, and the refusal is
// recorded on the webhook as "blocked"; allowed, the same webhooks go
// through.
func TestSendWebhooks_RefusesALoopbackCallbackUnlessPrivateAddressesAreAllowed(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	var posts atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { posts.Add(1) }))
	defer srv.Close()
	if _, err := delivery.NewOutbox(f.db).SetEndpoint(ctx, audit.System, f.cur.Municipality, "https://case.example/in"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.letters.Send(ctx, f.cur, letters.Request{ID: "hook", CPR: registeredCPR, Title: "Brev",
		Area: f.area, Body: "b", CallbackURL: srv.URL}); err != nil {
		t.Fatal(err)
	}

	guarded := f.worker(newTransport())
	if _, err := guarded.SendWebhooks(ctx); err != nil {
		t.Fatal(err)
	}
	var state, lastError string
	var attempts int
	if err := f.db.QueryRow(`SELECT state, last_error, attempts FROM letter_webhooks WHERE letter_id = 'hook'`).Scan(&state, &lastError, &attempts); err != nil {
		t.Fatal(err)
	}
	if state != "pending" || lastError != delivery.FailureBlocked || attempts != 1 || posts.Load() != 0 {
		t.Errorf("without the allowance: %s, %q, %d attempts, %d posts; want pending, blocked, 1, 0", state, lastError, attempts, posts.Load())
	}

	f.now = f.now.Add(2 * time.Minute) // past the first backoff
	allowed := f.worker(newTransport())
	allowed.AllowPrivate = true
	if _, err := allowed.SendWebhooks(ctx); err != nil {
		t.Fatal(err)
	}
	if err := f.db.QueryRow(`SELECT state, last_error FROM letter_webhooks WHERE letter_id = 'hook'`).Scan(&state, &lastError); err != nil {
		t.Fatal(err)
	}
	if state != "delivered" || lastError != "" || posts.Load() != 1 {
		t.Errorf("with the allowance: %s, %q, %d posts; want delivered and 1 post", state, lastError, posts.Load())
	}
}
