package letters_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/cpr"
	"github.com/kanal-dk/kanal/internal/cvr"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Test recipients: fictitious numbers.
const (
	registeredCPR = "0101901234"
	exemptCPR     = "0202801234"
	unknownCPR    = "0303701234"
	businessCVR   = "12345674" // 1·2+2·7+3·6+4·5+5·4+6·3+7·2+4·1 = 110 = 11·10
)

// fakeRegistry answers from a map of digits.
type fakeRegistry map[string]letters.Registration

func (f fakeRegistry) Lookup(_ context.Context, r letters.Recipient) (letters.Registration, error) {
	return f[r.Digits()], nil
}

var registry = fakeRegistry{registeredCPR: letters.Registered, exemptCPR: letters.Exempt}

// countingTransport counts what it is given per letter id, and fails
// Digital Post for the ids in failDP.
type countingTransport struct {
	mu     sync.Mutex
	sent   map[string]int
	routes map[string][]string
	failDP map[string]bool
}

func newTransport() *countingTransport {
	return &countingTransport{sent: map[string]int{}, routes: map[string][]string{}, failDP: map[string]bool{}}
}

func (c *countingTransport) Send(_ context.Context, out letters.Outgoing) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if out.Channel == letters.RouteDigitalPost && c.failDP[out.Letter.ID] {
		return letters.ErrRefused
	}
	if out.Channel == letters.RouteDigitalPost && len(out.Memo) == 0 {
		return errors.New("no memo")
	}
	if len(out.PDF) < 5 || string(out.PDF[:5]) != "%PDF-" {
		return errors.New("not a PDF")
	}
	c.sent[out.Letter.ID]++
	c.routes[out.Letter.ID] = append(c.routes[out.Letter.ID], out.Channel)
	return nil
}

func fakeMemo(l *letters.Letter, pdf []byte, _ time.Time) ([]byte, error) {
	return []byte("<Message messageUUID=\"" + l.ID + "\"/>"), nil
}

type fixture struct {
	db       *store.DB
	cur      *municipality.Current
	recorder *inquiry.Recorder
	letters  *letters.Letters
	area     string
	now      time.Time
}

func setup(t *testing.T) *fixture {
	t.Helper()
	db, reg := kanaltest.Presets(t)
	f := &fixture{db: db, cur: kanaltest.Current(t, reg, "dragoer"), recorder: inquiry.NewRecorder(db),
		now: time.Now().UTC().Truncate(time.Second)}
	f.letters = letters.New(db, f.recorder, registry)
	f.letters.Now = func() time.Time { return f.now }
	for _, a := range f.cur.Strategy.Areas {
		if a.Handles(strategy.Information) && a.KLE != "" {
			f.area = a.KLE
			break
		}
	}
	if f.area == "" {
		t.Fatal("no area handles information")
	}
	return f
}

func (f *fixture) worker(tr letters.Transport) *letters.Worker {
	return &letters.Worker{DB: f.db, Recorder: f.recorder, Transport: tr, Memo: fakeMemo,
		Now: func() time.Time { return f.now }}
}

func (f *fixture) send(t *testing.T, id, cprNo string) *letters.Letter {
	t.Helper()
	l, _, err := f.letters.Send(context.Background(), f.cur, letters.Request{ID: id, CPR: cprNo, Title: "Brev",
		Area: f.area, Body: "Kære borger"})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestDecide_RoutesByRegistryAndForcedPaper(t *testing.T) {
	person, _ := cpr.Parse(registeredCPR)
	business, _ := cvr.Parse(businessCVR)
	for _, c := range []struct {
		name   string
		r      letters.Recipient
		reg    letters.Registration
		forced string
		want   letters.Decision
	}{
		{"registered citizen gets Digital Post", letters.Recipient{CPR: person}, letters.Registered, "", letters.Decision{"digital_post", "registered"}},
		{"exempt citizen gets paper", letters.Recipient{CPR: person}, letters.Exempt, "", letters.Decision{"letter", "exempt"}},
		{"unregistered citizen gets paper", letters.Recipient{CPR: person}, letters.NotRegistered, "", letters.Decision{"letter", "not_registered"}},
		{"registered business gets Digital Post", letters.Recipient{CVR: business}, letters.Registered, "", letters.Decision{"digital_post", "registered"}},
		{"business without Digital Post gets paper", letters.Recipient{CVR: business}, letters.NotRegistered, "", letters.Decision{"letter", "business_no_dp"}},
		{"forced paper beats registration", letters.Recipient{CPR: person}, letters.Registered, "original signature", letters.Decision{"letter", "forced_paper"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := letters.Decide(c.r, c.reg, c.forced); got != c.want {
				t.Errorf("Decide = %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestSend_RefusesBadFieldsAtTheirNames(t *testing.T) {
	f := setup(t)
	for _, c := range []struct {
		name  string
		req   letters.Request
		field string
	}{
		{"no recipient", letters.Request{Title: "t", Area: f.area, Body: "b"}, "recipient"},
		{"short CPR", letters.Request{CPR: "12345", Title: "t", Area: f.area, Body: "b"}, "recipient.cpr"},
		{"CVR check digit", letters.Request{CVR: "12345675", Title: "t", Area: f.area, Body: "b"}, "recipient.cvr"},
		{"no title", letters.Request{CPR: registeredCPR, Area: f.area, Body: "b"}, "title"},
		{"unknown area", letters.Request{CPR: registeredCPR, Title: "t", Area: "99.99.99", Body: "b"}, "area"},
		{"no body", letters.Request{CPR: registeredCPR, Title: "t", Area: f.area}, "body"},
		{"bad callback", letters.Request{CPR: registeredCPR, Title: "t", Area: f.area, Body: "b", CallbackURL: "ftp://x"}, "callback_url"},
		{"callback with a password", letters.Request{CPR: registeredCPR, Title: "t", Area: f.area, Body: "b", CallbackURL: "https://u:p@x.example/"}, "callback_url"},
		{"action without a host", letters.Request{CPR: registeredCPR, Title: "t", Area: f.area, Body: "b", ActionURL: "https:///x"}, "action_url"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := f.letters.Send(context.Background(), f.cur, c.req)
			var inv *letters.InvalidError
			if !errors.As(err, &inv) || inv.Fields[0].Field != c.field {
				t.Fatalf("err = %v, want a field error at %s", err, c.field)
			}
			if c.req.CPR != "" && len(c.req.CPR) == 10 && contains(err.Error(), c.req.CPR) {
				t.Errorf("the error names the CPR number: %v", err)
			}
		})
	}
}

func contains(s, sub string) bool {
	return len(sub) > 0 && len(s) >= len(sub) && (s == sub || indexOf(s, sub) >= 0)
}
func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestSend_SameIDGivesTheSameLetterAndOneInquiry(t *testing.T) {
	f := setup(t)
	first := f.send(t, "brev-1", registeredCPR)
	if first.Route != "digital_post" || first.Reason != "registered" || first.Status != "queued" {
		t.Fatalf("first = %s/%s/%s", first.Route, first.Reason, first.Status)
	}
	again, created, err := f.letters.Send(context.Background(), f.cur, letters.Request{ID: "brev-1", CPR: exemptCPR,
		Title: "Andet", Area: f.area, Body: "x"})
	if err != nil || created || again.Route != "digital_post" || again.Title != "Brev" {
		t.Fatalf("repeat: created %v, %+v, %v", created, again, err)
	}
	if n, err := f.recorder.Count(context.Background(), f.cur.Municipality); err != nil || n != 1 {
		t.Errorf("%d inquiries, want 1", n)
	}
}

func TestSend_ConcurrentSameIDStoresOneLetter(t *testing.T) {
	f := setup(t)
	var wg sync.WaitGroup
	var created atomic.Int32
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, c, err := f.letters.Send(context.Background(), f.cur, letters.Request{ID: "same", CPR: registeredCPR,
				Title: "Brev", Area: f.area, Body: "b"})
			if err != nil {
				t.Error(err)
			}
			if c {
				created.Add(1)
			}
		}()
	}
	wg.Wait()
	if created.Load() != 1 {
		t.Errorf("%d created, want 1", created.Load())
	}
	var n int
	if err := f.db.QueryRow(`SELECT COUNT(*) FROM letters`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("%d letters stored, want 1", n)
	}
}

func TestWorker_TwoWorkersSendEachLetterOnce(t *testing.T) {
	f := setup(t)
	const n = 60
	for i := 0; i < n; i++ {
		who := registeredCPR
		if i%3 == 0 {
			who = exemptCPR
		}
		f.send(t, fmt.Sprintf("l-%d", i), who)
	}
	tr := newTransport()
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wk := f.worker(tr)
			wk.Batch = 5
			for {
				got, err := wk.RunOnce(context.Background())
				if err != nil {
					t.Error(err)
					return
				}
				if got == 0 {
					return
				}
			}
		}()
	}
	wg.Wait()
	if len(tr.sent) != n {
		t.Errorf("%d letters sent, want %d", len(tr.sent), n)
	}
	for id, k := range tr.sent {
		if k != 1 {
			t.Errorf("letter %s sent %d times", id, k)
		}
	}
	l, err := f.letters.Get(context.Background(), f.cur.Municipality, "l-1")
	if err != nil || l.Status != "sent" || len(l.History) != 2 || !l.HasMemo {
		t.Errorf("l-1 = %+v, %v", l, err)
	}
}

func TestWorker_ACrashBetweenDecidedAndSentSendsOnce(t *testing.T) {
	f := setup(t)
	f.send(t, "crash", registeredCPR)
	// A worker claims the letter and is killed before it sends: nothing
	// is recorded and its lease stays.
	killed, kill := context.WithCancel(context.Background())
	dead := f.worker(killBeforeSending{kill})
	if _, err := dead.RunOnce(killed); err == nil {
		t.Fatal("the killed worker recorded an outcome")
	}
	var leased int
	if err := f.db.QueryRow(`SELECT COUNT(*) FROM letters WHERE claimed_until IS NOT NULL AND sent_at IS NULL`).Scan(&leased); err != nil {
		t.Fatal(err)
	}
	if leased != 1 {
		t.Fatalf("%d letters leased and unsent, want 1", leased)
	}
	tr := newTransport()
	fresh := f.worker(tr)
	if n, err := fresh.RunOnce(context.Background()); err != nil || n != 0 {
		t.Fatalf("within the dead worker's lease: %d, %v", n, err)
	}
	f.now = f.now.Add(letters.DefaultLease + time.Second)
	for i := 0; i < 3; i++ {
		if _, err := fresh.RunOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if tr.sent["crash"] != 1 {
		t.Errorf("sent %d times, want 1", tr.sent["crash"])
	}
}

// killBeforeSending kills its worker (cancels the run's context) before
// anything is sent, as a process killed between "decided" and "sent".
type killBeforeSending struct{ kill context.CancelFunc }

func (k killBeforeSending) Send(ctx context.Context, _ letters.Outgoing) error {
	k.kill()
	return ctx.Err()
}

func TestWorker_FallbackMovesTheCountAndVerifyAgrees(t *testing.T) {
	f := setup(t)
	f.send(t, "fails", registeredCPR)
	tr := newTransport()
	tr.failDP["fails"] = true
	w := f.worker(tr)
	for i := 0; i < 2; i++ {
		if _, err := w.RunOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if got := tr.routes["fails"]; len(got) != 1 || got[0] != "letter" {
		t.Fatalf("routes = %v, want one letter", got)
	}
	l, err := f.letters.Get(context.Background(), f.cur.Municipality, "fails")
	if err != nil {
		t.Fatal(err)
	}
	var hist []string
	for _, s := range l.History {
		hist = append(hist, s.Status)
	}
	if fmt.Sprint(hist) != "[queued fell_back_to_paper sent]" || l.Route != "letter" || l.Reason != "digital_post_failed" {
		t.Errorf("history %v, route %s/%s", hist, l.Route, l.Reason)
	}
	var channel string
	if err := f.db.QueryRow(`SELECT channel FROM inquiries WHERE source = 'letters'`).Scan(&channel); err != nil {
		t.Fatal(err)
	}
	if channel != "letter" {
		t.Errorf("inquiry channel %q, want letter", channel)
	}
	diffs, err := rollup.Verify(context.Background(), f.db, f.cur.Municipality)
	if err != nil || len(diffs) != 0 {
		t.Errorf("rollup verify: %v, %v", diffs, err)
	}
	counts, err := rollup.Stored(context.Background(), f.db, f.cur.Municipality)
	if err != nil {
		t.Fatal(err)
	}
	byChannel := map[string]int64{}
	for cell, tally := range counts {
		byChannel[cell.Channel] += tally.Inquiries
	}
	if byChannel["letter"] != 1 || byChannel["digital_post"] != 0 {
		t.Errorf("rollup by channel = %v, want one letter", byChannel)
	}
}

func TestWorker_EraseEmptiesOldBodiesOnly(t *testing.T) {
	f := setup(t)
	f.now = f.now.Add(-letters.DefaultKeepBodies - 2*time.Hour)
	f.send(t, "old", registeredCPR)
	w := f.worker(newTransport())
	w.RunOnce(context.Background())
	f.now = f.now.Add(letters.DefaultKeepBodies - time.Hour)
	f.send(t, "new", registeredCPR)
	w.RunOnce(context.Background())
	f.now = f.now.Add(2 * time.Hour)
	n, err := w.Erase(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("erased %d, %v; want 1", n, err)
	}
	old, err := f.letters.Get(context.Background(), f.cur.Municipality, "old")
	if err != nil {
		t.Fatal(err)
	}
	recent, err := f.letters.Get(context.Background(), f.cur.Municipality, "new")
	if err != nil {
		t.Fatal(err)
	}
	if old.Body != "" || !old.Erased || old.HasMemo || old.Route != "digital_post" {
		t.Errorf("old = %+v", old)
	}
	if recent.Body == "" || recent.Erased {
		t.Errorf("new erased too")
	}
}
