package delivery

import (
	"net/http/httptest"
	"testing"
	"time"
)

// A case-system endpoint on loopback (or any address that is not public)
// is refused when connecting unless the operator allowed private
// addresses: the attempt fails as "blocked", the receiver gets nothing,
// and the delivery waits. Allowed, the same delivery goes through once.
func TestWorker_RefusesALoopbackEndpointUnlessPrivateAddressesAreAllowed(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(f.rc)
	defer srv.Close()
	f.endpoint(t, srv.URL) // http://127.0.0.1:PORT
	keys := f.enqueue(t, 1)

	guarded := &Worker{DB: f.db, Now: f.clock.Now, Timeout: 2 * time.Second}
	runOnce(t, guarded)
	r := f.rows(t)["case-0"]
	if r.state != "pending" || r.lastError != FailureBlocked || r.attempts != 1 || r.lastStatus.Valid {
		t.Errorf("without the allowance: %+v, want pending, blocked, 1 attempt, no status", r)
	}
	f.rc.mu.Lock()
	posts := f.rc.posts
	f.rc.mu.Unlock()
	if posts != 0 {
		t.Errorf("the loopback receiver got %d posts through the guard", posts)
	}

	f.clock.Advance(2 * time.Minute)
	allowed := &Worker{DB: f.db, Now: f.clock.Now, Timeout: 2 * time.Second, AllowPrivate: true}
	runOnce(t, allowed)
	if r := f.rows(t)["case-0"]; r.state != "delivered" || r.lastError != "" {
		t.Errorf("with the allowance: %+v, want delivered", r)
	}
	f.rc.exactlyOnce(t, keys)
}
