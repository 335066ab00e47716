package webhook

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Each address class the guard refuses, and public ones it lets through;
// the expectations are written from the RFCs' ranges, not from netip.
func TestPublic_RefusesLoopbackPrivateLinkLocalAndTheRest(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1":        false, // loopback
		"127.8.9.10":       false,
		"::1":              false,
		"10.1.2.3":         false, // RFC 1918
		"172.16.0.1":       false,
		"172.31.255.255":   false,
		"192.168.1.1":      false,
		"169.254.169.254":  false, // link-local: the cloud metadata service
		"fe80::1":          false,
		"fc00::1":          false, // unique-local
		"fd12:3456::1":     false,
		"0.0.0.0":          false, // unspecified
		"::":               false,
		"0.1.2.3":          false, // "this network"
		"224.0.0.1":        false, // multicast
		"ff02::1":          false,
		"100.64.0.1":       false, // shared address space (CGNAT)
		"198.18.0.1":       false,
		"255.255.255.255":  false,
		"::ffff:127.0.0.1": false, // IPv4 in IPv6 clothes
		"::ffff:10.0.0.1":  false,
		"172.32.0.1":       true, // just outside 172.16/12
		"93.184.216.34":    true,
		"80.62.117.1":      true,
		"2a00:1450::1":     true,
	} {
		if got := Public(netip.MustParseAddr(addr)); got != want {
			t.Errorf("Public(%s) = %v, want %v", addr, got, want)
		}
	}
}

// A webhook to a loopback server is refused by the dialer, with an error
// that errors.Is finds and that says how to allow it; allowed, it goes
// through.
func TestClient_RefusesLoopbackUnlessAllowed(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	_, err := Client(5*time.Second, false).Post(srv.URL, "application/json", strings.NewReader("{}"))
	if !errors.Is(err, ErrBlocked) || !strings.Contains(err.Error(), "127.0.0.1") || !strings.Contains(err.Error(), "KANAL_WEBHOOKS_ALLOW_PRIVATE") {
		t.Errorf("guarded client to %s: %v", srv.URL, err)
	}
	// A name that resolves to loopback is refused too: the check is on the
	// address connected to, not on the URL.
	localhost := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	if _, err := Client(5*time.Second, false).Post(localhost, "application/json", strings.NewReader("{}")); !errors.Is(err, ErrBlocked) {
		t.Errorf("guarded client to %s: %v", localhost, err)
	}
	if hits.Load() != 0 {
		t.Errorf("the server got %d requests through the guard", hits.Load())
	}
	resp, err := Client(5*time.Second, true).Post(srv.URL, "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatalf("allowed client: %v", err)
	}
	resp.Body.Close()
	if hits.Load() != 1 {
		t.Errorf("allowed: the server got %d requests, want 1", hits.Load())
	}
}

// A redirect is not followed: the signed body goes nowhere else.
func TestClient_FollowsNoRedirect(t *testing.T) {
	srv := httptest.NewServer(http.RedirectHandler("http://169.254.169.254/", http.StatusTemporaryRedirect))
	defer srv.Close()
	resp, err := Client(5*time.Second, true).Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTemporaryRedirect {
		t.Errorf("status %d, want the redirect itself", resp.StatusCode)
	}
}
