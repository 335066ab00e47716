package letters_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/delivery"
	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/memo"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/sf1601"
)

// pageOfStatuses is a Beskedfordeler holding fixed status messages.
type pageOfStatuses []sf1601.Status

func (p pageOfStatuses) StatusesAfter(_ context.Context, after int64, limit int) ([]sf1601.Status, error) {
	var out []sf1601.Status
	for _, s := range p {
		if s.ID > after && len(out) < limit {
			out = append(out, s)
		}
	}
	return out, nil
}

func TestBuildMemo_PassesTheSchemaCheck(t *testing.T) {
	f := setup(t)
	l := f.send(t, "memo", registeredCPR)
	pdf, err := letters.RenderPDF(l, "Dragør Kommune")
	if err != nil {
		t.Fatal(err)
	}
	m, err := letters.BuildMemo(l, pdf, f.now)
	if err != nil {
		t.Fatal(err)
	}
	if ps := memo.Check(m); len(ps) > 0 {
		t.Fatalf("memo.Check: %v", ps)
	}
	got, err := memo.Parse(m)
	if err != nil || got.UUID != l.MessageUUID || got.Recipient.ID != registeredCPR || got.Recipient.IDType != "CPR" {
		t.Errorf("parsed %+v, %v", got.Recipient, err)
	}
}

func TestReadStatuses_RecordsEventsOnceAndSendsSignedWebhooks(t *testing.T) {
	f := setup(t)
	var mu sync.Mutex
	var got []string
	var secret string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		if err := delivery.Verify(secret, r.Header, body, time.Now(), time.Hour*24*365); err != nil {
			t.Errorf("webhook signature: %v", err)
		}
		var p struct{ ID, Status string }
		json.Unmarshal(body, &p)
		got = append(got, p.ID+":"+p.Status)
	}))
	defer srv.Close()
	s, err := delivery.NewOutbox(f.db).SetEndpoint(context.Background(), audit.System, f.cur.Municipality, "https://case.example/in")
	if err != nil {
		t.Fatal(err)
	}
	secret = s
	ok, _, err := f.letters.Send(context.Background(), f.cur, letters.Request{ID: "ok", CPR: registeredCPR, Title: "Brev",
		Area: f.area, Body: "b", CallbackURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	fails := f.send(t, "fails-later", registeredCPR)
	tr := newTransport()
	w := f.worker(tr)
	w.Client = srv.Client()
	w.RunOnce(context.Background())
	at := f.now
	page := pageOfStatuses{
		{ID: 1, MessageUUID: ok.MessageUUID, Status: sf1601.StatusDelivered, At: at},
		{ID: 2, MessageUUID: fails.MessageUUID, Status: sf1601.StatusFailed, Reason: sf1601.ReasonNotRegistered, At: at},
	}
	for i := 0; i < 2; i++ { // the second read finds nothing new
		if _, err := w.ReadStatuses(context.Background(), page); err != nil {
			t.Fatal(err)
		}
	}
	w.RunOnce(context.Background())
	if _, err := w.SendWebhooks(context.Background()); err != nil {
		t.Fatal(err)
	}
	l, err := f.letters.Get(context.Background(), f.cur.Municipality, "ok")
	if err != nil {
		t.Fatal(err)
	}
	if l.Status != "delivered" || len(l.History) != 3 {
		t.Errorf("ok: %s, %d statuses", l.Status, len(l.History))
	}
	fl, err := f.letters.Get(context.Background(), f.cur.Municipality, "fails-later")
	if err != nil {
		t.Fatal(err)
	}
	if fl.Route != "letter" || fl.Status != "sent" || tr.sent["fails-later"] != 2 {
		t.Errorf("fails-later: %s %s, sent %d", fl.Route, fl.Status, tr.sent["fails-later"])
	}
	if diffs, err := rollup.Verify(context.Background(), f.db, f.cur.Municipality); err != nil || len(diffs) != 0 {
		t.Errorf("rollup verify after the status fallback: %v, %v", diffs, err)
	}
	var channel string
	if err := f.db.QueryRow(`SELECT i.channel FROM inquiries i JOIN letters l ON l.inquiry_id = i.id WHERE l.id = 'fails-later'`).Scan(&channel); err != nil {
		t.Fatal(err)
	}
	if channel != "letter" {
		t.Errorf("the failed letter's inquiry is on %q, want letter", channel)
	}
	mu.Lock()
	defer mu.Unlock()
	want := []string{"ok:queued", "ok:sent", "ok:delivered"}
	if len(got) != len(want) {
		t.Fatalf("webhooks %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("webhook %d = %s, want %s", i, got[i], want[i])
		}
	}
}

// The MeMo sender is the municipality's CVR number when its strategy
// gives one (municipality.cvr), as it was when the letter was accepted:
// a later strategy without it does not change a stored letter's sender.
func TestBuildMemo_SenderIsTheMunicipalitysCVRWhenTheStrategyGivesIt(t *testing.T) {
	f := setup(t)
	without := f.send(t, "uden-cvr", registeredCPR)
	s := *f.cur.Strategy
	// Written with spaces, as the strategy file may; sent as eight digits.
	s.Municipality.CVR = "12 34 56 74"
	f.cur.Strategy = &s
	f.send(t, "med-cvr", registeredCPR)
	s2 := s
	s2.Municipality.CVR = ""
	f.cur.Strategy = &s2

	for _, c := range []struct {
		id, senderID, idType string
	}{{"med-cvr", "12345674", "CVR"}, {"uden-cvr", "dragoer", "Andet"}} {
		l, err := f.letters.Get(context.Background(), "dragoer", c.id)
		if err != nil {
			t.Fatal(err)
		}
		m, err := letters.BuildMemo(l, []byte("%PDF-1.4"), f.now)
		if err != nil {
			t.Fatal(err)
		}
		if ps := memo.Check(m); len(ps) > 0 {
			t.Fatalf("%s: memo.Check: %v", c.id, ps)
		}
		got, err := memo.Parse(m)
		if err != nil {
			t.Fatal(err)
		}
		if got.Sender.ID != c.senderID || got.Sender.IDType != c.idType {
			t.Errorf("%s: sender %+v, want %s %s", c.id, got.Sender, c.idType, c.senderID)
		}
	}
	if without.SenderCVR != "" {
		t.Errorf("a letter accepted without the strategy's CVR has sender CVR %q", without.SenderCVR)
	}
}
