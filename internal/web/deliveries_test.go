package web

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/browsertest"
	"github.com/kanal-dk/kanal/internal/delivery"
)

// deliveryPayload is what a queued test delivery carries: personal data
// the deliveries page must never show.
const deliveryPayload = `{"event":"case.submitted","reference":"K7MF-4QX9","citizen":{"cpr":"0101701234","name":"Hanne Testesen"}}`

// queueDelivery points the municipality's case system at an address
// nothing listens on and queues a delivery with the key; it returns the
// delivery's id as written in addresses.
func (ts *testServer) queueDelivery(t *testing.T, m, key string) string {
	t.Helper()
	ctx := context.Background()
	outbox := delivery.NewOutbox(ts.db)
	if _, err := outbox.Endpoint(ctx, m); err == delivery.ErrNoEndpoint {
		if _, err := outbox.SetEndpoint(ctx, audit.System, m, "http://127.0.0.1:1/kanal"); err != nil {
			t.Fatal(err)
		}
	}
	if err := ts.db.InTx(ctx, func(tx *sql.Tx) error {
		return delivery.Enqueue(ctx, tx, m, "case.submitted", key, []byte(deliveryPayload))
	}); err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := ts.db.QueryRow(`SELECT id FROM deliveries WHERE municipality_id = $1 AND idempotency_key = $2`, m, key).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(id)
}

// The strategy group sees the deliveries the case system has not
// received — event, key, attempts, the last failure in words, the next
// attempt — and never their content; a dead letter sent again is due at
// once, counted from zero and audited with the sender's name.
func TestDeliveries_PageListsWithoutPersonalDataAndResends(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	if r := ts.get(t, c, "/m/dragoer/deliveries"); r.status != http.StatusOK || !strings.Contains(r.body, "Der er ingen adresse til sagssystemet") {
		t.Errorf("without an endpoint: %d\n%s", r.status, r.body)
	}
	waiting := ts.queueDelivery(t, "dragoer", "K7MF-4QX9")
	dead := ts.queueDelivery(t, "dragoer", "K7MF-4QX8")
	// The address is on loopback, which webhooks reach only when private
	// addresses are allowed: allowed, the attempt is refused by the port.
	w := &delivery.Worker{DB: ts.db, MaxAttempts: 2, Timeout: time.Second, AllowPrivate: true}
	if _, err := w.RunOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	// The dead letter fails once more, with the receiver's answer.
	if _, err := ts.db.Exec(`UPDATE deliveries SET state = 'dead', attempts = 2, last_status = 503, last_error = 'status' WHERE id = $1`, dead); err != nil {
		t.Fatal(err)
	}

	r := ts.get(t, c, "/m/dragoer/deliveries")
	if r.status != http.StatusOK {
		t.Fatalf("status %d\n%s", r.status, r.body)
	}
	for _, want := range []string{"Levering til sagssystemet", "Sagssystemets adresse: http://127.0.0.1:1/kanal", "case.submitted", "K7MF-4QX9", "K7MF-4QX8",
		"Forbindelsen blev afvist", "Svarede 503", "Opgivet", "Venter", "Send igen", "Send nu",
		`action="/m/dragoer/deliveries/` + dead + `/resend"`, `action="/m/dragoer/deliveries/` + waiting + `/resend"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	endpoint, err := delivery.NewOutbox(ts.db).Endpoint(context.Background(), "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	for _, never := range []string{"0101701234", "Hanne Testesen", "citizen", endpoint.Secret} {
		if strings.Contains(r.body, never) {
			t.Errorf("the page shows %q", never)
		}
	}
	if r := ts.get(t, c, "/m/dragoer/deliveries?lang=en"); !strings.Contains(r.body, "Answered 503") || !strings.Contains(r.body, "Given up") {
		t.Errorf("in English: %s", r.body)
	}

	// The client chose English above; the language cookie keeps it.
	r = ts.post(t, c, "/m/dragoer/deliveries/"+dead+"/resend", nil)
	if r.status != http.StatusOK || !strings.Contains(r.body, "Delivery "+dead+" will be sent again") {
		t.Errorf("resend: %d\n%s", r.status, r.body)
	}
	var (
		state    string
		attempts int
	)
	if err := ts.db.QueryRow(`SELECT state, attempts FROM deliveries WHERE id = $1`, dead).Scan(&state, &attempts); err != nil || state != "pending" || attempts != 0 {
		t.Errorf("after resend: %s, %d attempts, %v", state, attempts, err)
	}
	events := ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.DeliveryResent})
	if len(events) != 1 || events[0].Actor != dragoerGroup || events[0].Target != dead {
		t.Errorf("audit: %+v", events)
	}
	for _, path := range []string{"/m/dragoer/deliveries/999999/resend", "/m/dragoer/deliveries/x/resend"} {
		if r := ts.post(t, c, path, nil); r.status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, r.status)
		}
	}
	// Tårnby's strategy group cannot send Dragør's delivery, even by its
	// own address.
	taarnby := ts.queueDelivery(t, "taarnby", "T-1")
	if r := ts.post(t, ts.client(t, taarnbyGroup), "/m/taarnby/deliveries/"+waiting+"/resend", nil); r.status != http.StatusNotFound {
		t.Errorf("Tårnby resending Dragør's delivery: %d", r.status)
	}
	if r := ts.get(t, c, "/m/dragoer/deliveries"); strings.Contains(r.body, "T-1") || strings.Contains(r.body, "/deliveries/"+taarnby+"/") {
		t.Error("Dragør's page lists Tårnby's delivery")
	}
}

// The deliveries page, with a waiting and a dead delivery and after a
// resend, passes axe-core's WCAG 2.1 AA rules in both languages.
func TestBrowser_DeliveriesPassAxe(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := browsertest.New(t)
	ts.queueDelivery(t, "dragoer", "K7MF-4QX9")
	dead := ts.queueDelivery(t, "dragoer", "K7MF-4QX8")
	if _, err := ts.db.Exec(`UPDATE deliveries SET state = 'dead', attempts = 16, last_status = 500, last_error = 'status' WHERE id = $1`, dead); err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, ts, dragoerGroup)
	for _, lang := range []string{"da", "en"} {
		visit(t, ctx, ts.URL+"/m/dragoer/deliveries?lang="+lang)
		browsertest.Axe(t, ctx)
	}
	browsertest.Do(t, ctx, chromedp.Click(`form[action$="/`+dead+`/resend"] button`), chromedp.WaitVisible(`div.notice[role=status]`))
	browsertest.Axe(t, ctx)
}
