package letters_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/memo"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/sf1601"
)

// The shipped test citizens (docs/digital-post.md).
const (
	idaRegistered = "1203859902"
	fatimaExempt  = "2511909924"
	oliverNotOnDP = "1505959957"
)

func devSetup(t *testing.T) (*fixture, *sf1601.Dev) {
	t.Helper()
	f := setup(t)
	file, err := sf1520.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	reg := sf1601.NewDevRegistry(file)
	f.letters = letters.New(f.db, f.recorder, letters.RegistryOf(reg))
	f.letters.Now = func() time.Time { return f.now }
	return f, sf1601.NewDev(f.db, reg)
}

// The issue: "exempt citizen's letter appears in the print queue", the
// registered citizen's in the Digital Post inbox, each counted once on its
// channel.
func TestDev_RegisteredToInboxExemptToPrintQueueAndPrinted(t *testing.T) {
	f, dev := devSetup(t)
	ctx := context.Background()
	for id, who := range map[string]string{"til-ida": idaRegistered, "til-fatima": fatimaExempt, "til-oliver": oliverNotOnDP} {
		f.send(t, id, who)
	}
	w := f.worker(letters.KombiTransport{Kombi: dev})
	w.Memo = letters.BuildMemo
	if _, err := w.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	inbox, err := dev.Inbox(ctx, sf1601.Recipient{IDType: memo.IDTypeCPR, ID: idaRegistered})
	if err != nil || len(inbox) != 1 {
		t.Fatalf("Ida's inbox: %d, %v", len(inbox), err)
	}
	ida, err := f.letters.Get(ctx, f.cur.Municipality, "til-ida")
	if err != nil {
		t.Fatal(err)
	}
	sent, err := f.letters.Memo(ctx, f.cur.Municipality, "til-ida")
	if err != nil {
		t.Fatal(err)
	}
	if m, err := memo.Parse(sent); err != nil || m.Sender.Label != "Dragør Kommune" || m.UUID != ida.MessageUUID {
		t.Errorf("the MeMo sent: sender %q, uuid %q, %v", m.Sender.Label, m.UUID, err)
	}
	queue, err := dev.PrintQueue(ctx, f.cur.Municipality, false)
	if err != nil || len(queue) != 2 {
		t.Fatalf("print queue: %d, %v; want Fatima's and Oliver's", len(queue), err)
	}
	fatima, err := f.letters.Get(ctx, f.cur.Municipality, "til-fatima")
	if err != nil {
		t.Fatal(err)
	}
	if err := dev.MarkPrinted(ctx, f.cur.Municipality, fatima.MessageUUID, "Test"); err != nil {
		t.Fatal(err)
	}
	for {
		n, err := w.ReadStatuses(ctx, dev)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	statuses := map[string]string{}
	for _, id := range []string{"til-ida", "til-fatima", "til-oliver"} {
		l, err := f.letters.Get(ctx, f.cur.Municipality, id)
		if err != nil {
			t.Fatal(err)
		}
		statuses[id] = l.Route + "/" + l.Status
	}
	want := map[string]string{"til-ida": "digital_post/delivered", "til-fatima": "letter/printed", "til-oliver": "letter/sent"}
	if fmt.Sprint(statuses) != fmt.Sprint(want) {
		t.Errorf("statuses %v, want %v", statuses, want)
	}
	counts, err := rollup.Stored(ctx, f.db, f.cur.Municipality)
	if err != nil {
		t.Fatal(err)
	}
	byChannel := map[string]int64{}
	for cell, tally := range counts {
		if cell.Direction == "outbound" {
			byChannel[cell.Channel] += tally.Inquiries
		}
	}
	if byChannel["digital_post"] != 1 || byChannel["letter"] != 2 {
		t.Errorf("outbound counts %v, want 1 digital_post and 2 letter", byChannel)
	}
}

// A worker that died after SF1601's answer and before recording it: the
// next worker sends the same messageUUID again, and the transport
// delivers nothing more.
func TestDev_AResendAfterACrashDeliversOnce(t *testing.T) {
	f, dev := devSetup(t)
	ctx := context.Background()
	f.send(t, "crash-after", idaRegistered)
	killed, kill := context.WithCancel(ctx)
	dying := f.worker(crashAfter{dev, kill})
	dying.Memo = letters.BuildMemo
	if _, err := dying.RunOnce(killed); err == nil {
		t.Fatal("the killed worker recorded its outcome")
	}
	var claimed int
	if err := f.db.QueryRow(`SELECT COUNT(*) FROM letters WHERE claimed_until IS NOT NULL AND sent_at IS NULL`).Scan(&claimed); err != nil {
		t.Fatal(err)
	}
	if claimed != 1 {
		t.Fatalf("%d letters leased and unsent after the kill, want 1", claimed)
	}
	// Before the lease runs out nobody sends it; after, once.
	w := f.worker(letters.KombiTransport{Kombi: dev})
	w.Memo = letters.BuildMemo
	if n, err := w.RunOnce(ctx); err != nil || n != 0 {
		t.Fatalf("within the lease: %d, %v", n, err)
	}
	f.now = f.now.Add(letters.DefaultLease + time.Second)
	if _, err := w.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	inbox, err := dev.Inbox(ctx, sf1601.Recipient{IDType: memo.IDTypeCPR, ID: idaRegistered})
	if err != nil {
		t.Fatal(err)
	}
	if len(inbox) != 1 {
		t.Errorf("%d messages in the inbox, want 1", len(inbox))
	}
	l, err := f.letters.Get(ctx, f.cur.Municipality, "crash-after")
	if err != nil {
		t.Fatal(err)
	}
	if l.Status != "sent" {
		t.Errorf("status %s, want sent", l.Status)
	}
}

// crashAfter sends and then kills its worker (cancels the context its
// run has) before the outcome is recorded: nothing is recorded, and the
// lease stays until it runs out, as after a killed process.
type crashAfter struct {
	dev  *sf1601.Dev
	kill context.CancelFunc
}

func (c crashAfter) Send(ctx context.Context, out letters.Outgoing) error {
	err := (letters.KombiTransport{Kombi: c.dev}).Send(ctx, out)
	c.kill()
	return err
}

func TestCatalogue_HasEveryReasonAndStatus(t *testing.T) {
	for _, r := range letters.Reasons {
		if !locale.Has("letters.reason." + r) {
			t.Errorf("no text for reason %s", r)
		}
	}
	for _, s := range letters.Statuses {
		if !locale.Has("letters.status." + s) {
			t.Errorf("no text for status %s", s)
		}
	}
}
