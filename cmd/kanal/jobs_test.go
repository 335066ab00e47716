package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/delivery"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// A serving Kanal delivers what is submitted to the municipality's case
// system by itself: a case opened through the API while kanal serve runs
// reaches the configured receiver, signed with the secret kanal
// casesystem set printed, carrying the case's reference. Nothing but the
// running server sends it.
func TestServe_DeliversSubmittedCasesToTheCaseSystem(t *testing.T) {
	received := make(chan []byte, 4)
	var secret string
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if err := delivery.Verify(secret, r.Header, body, time.Now(), 5*time.Minute); err != nil {
			t.Errorf("delivery's signature: %v", err)
		}
		received <- body
	}))
	defer receiver.Close()

	t.Setenv("KANAL_DB", storetest.DSN(t))
	t.Setenv("KANAL_LANG", "en")
	// The receiver is an httptest server on loopback, which webhooks may
	// reach only when the operator allows private addresses.
	t.Setenv("KANAL_WEBHOOKS_ALLOW_PRIVATE", "true")
	if code, _, errOut := kanal(t, "strategy", "load", "../../strategies/dragoer.yaml"); code != exitOK {
		t.Fatalf("strategy load: %d %s", code, errOut)
	}
	code, out, errOut := kanal(t, "casesystem", "set", "--municipality", "dragoer", "--url", receiver.URL+"/sager")
	if code != exitOK {
		t.Fatalf("casesystem set: %d %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	secret = lines[len(lines)-1]
	code, out, errOut = kanal(t, "apikey", "add", "--municipality", "dragoer", "--permissions", "cases", "Selvbetjening")
	key := regexp.MustCompile(`(?m)^kanal_live_\S+$`).FindString(out)
	if code != exitOK || key == "" {
		t.Fatalf("apikey add: %d %s%s", code, out, errOut)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout := newLineWriter(`(?m)(http://\S+/)$`)
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve", "--demo=false", "--addr", "127.0.0.1:0"}, stdout, &stderr) }()
	var base string
	select {
	case base = <-stdout.found:
	case code := <-done:
		t.Fatalf("serve ended with %d:\n%s", code, stderr.String())
	case <-time.After(time.Minute):
		t.Fatal("serve said no address")
	}

	req, _ := http.NewRequest(http.MethodPost, base+"api/v1/cases",
		strings.NewReader(`{"area":"28.09.40","external_id":"sag-1","cpr":"010190-9990"}`))
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST /api/v1/cases: %d %s", resp.StatusCode, answer)
	}
	ref := regexp.MustCompile(`"reference":"([A-Z0-9-]+)"`).FindStringSubmatch(string(answer))
	if ref == nil {
		t.Fatalf("no reference in %s", answer)
	}
	select {
	case body := <-received:
		if !strings.Contains(string(body), `"reference":"`+ref[1]+`"`) {
			t.Errorf("delivered body lacks the reference %s:\n%s", ref[1], body)
		}
	case <-time.After(3 * deliverEvery):
		t.Fatalf("nothing reached the case system within %s", 3*deliverEvery)
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("serve stopped with %d:\n%s", code, stderr.String())
	}
}
