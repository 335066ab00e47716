package sf1601

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/memo"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

const (
	registeredCPR = "1203859902" // tilmeldt in testborgere.xml
	exemptCPR     = "2511909924" // fritaget
	plainCPR      = "1505959957" // ikke_tilmeldt
)

var pdf = []byte("%PDF-1.7 fictitious letter")

func message(t *testing.T, uuid, idType, id string) []byte {
	t.Helper()
	out, err := memo.Build(memo.Message{
		UUID:      uuid,
		Label:     "Brev " + uuid[:4],
		Sender:    memo.Party{ID: "12345674", IDType: memo.IDTypeCVR, Label: "Dragør Kommune"},
		Recipient: memo.Party{ID: id, IDType: idType},
		Created:   time.Date(2026, 11, 30, 6, 0, 0, 0, time.UTC),
		Main:      memo.Document{Files: []memo.File{{EncodingFormat: "application/pdf", Filename: "brev.pdf", Language: "da", Content: pdf}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func devOn(t *testing.T) (*Dev, *store.DB) {
	t.Helper()
	db := storetest.Open(t)
	for _, m := range []string{"dragoer", "taarnby"} {
		if _, err := db.Exec(`INSERT INTO municipalities (id, name, created_at) VALUES ($1, $1, $2)`, m, time.Now().UTC()); err != nil {
			t.Fatal(err)
		}
	}
	citizens, err := sf1520.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	d := NewDev(db, NewDevRegistry(citizens))
	clock := time.Date(2026, 11, 30, 7, 0, 0, 0, time.UTC)
	d.now = func() time.Time { clock = clock.Add(time.Second); return clock }
	return d, db
}

func TestDev_RoutesByChannelAndRegistration(t *testing.T) {
	tests := []struct {
		name        string
		channel     Channel
		idType, id  string
		wantChannel Channel
		inbox       bool
		printQueue  bool
		statuses    []StatusKind
	}{
		{"automatic to a registered citizen goes digital", ChannelAutomatic, memo.IDTypeCPR, registeredCPR, ChannelDigitalPost, true, false, []StatusKind{StatusSent, StatusDelivered}},
		{"automatic to an exempt citizen goes to print", ChannelAutomatic, memo.IDTypeCPR, exemptCPR, ChannelPhysicalPost, false, true, []StatusKind{StatusSent}},
		{"automatic to a citizen not registered goes to print", ChannelAutomatic, memo.IDTypeCPR, plainCPR, ChannelPhysicalPost, false, true, []StatusKind{StatusSent}},
		{"physical post to a registered citizen goes to print", ChannelPhysicalPost, memo.IDTypeCPR, registeredCPR, ChannelPhysicalPost, false, true, []StatusKind{StatusSent}},
		{"digital only to an exempt citizen fails", ChannelDigitalPost, memo.IDTypeCPR, exemptCPR, ChannelDigitalPost, false, false, []StatusKind{StatusFailed}},
		{"automatic to a business with Digital Post goes digital", ChannelAutomatic, memo.IDTypeCVR, "12345674", ChannelDigitalPost, true, false, []StatusKind{StatusSent, StatusDelivered}},
		{"automatic to a business without goes to print", ChannelAutomatic, memo.IDTypeCVR, "29876541", ChannelPhysicalPost, false, true, []StatusKind{StatusSent}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := devOn(t)
			ctx := context.Background()
			uuid := "0a1b2c3d-1111-4222-8333-444455556666"
			r, err := d.Send(ctx, Request{TransactionID: "t1", Municipality: "dragoer", Channel: tt.channel, Memo: message(t, uuid, tt.idType, tt.id)})
			if err != nil {
				t.Fatal(err)
			}
			if r.Channel != tt.wantChannel || r.MessageUUID != uuid {
				t.Errorf("receipt %+v, want channel %q", r, tt.wantChannel)
			}
			inbox, err := d.Inbox(ctx, Recipient{tt.idType, tt.id})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(inbox) == 1; got != tt.inbox {
				t.Errorf("inbox holds %d messages, want it to hold the letter: %v", len(inbox), tt.inbox)
			}
			queue, err := d.PrintQueue(ctx, "dragoer", false)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(queue) == 1; got != tt.printQueue {
				t.Errorf("print queue holds %d letters, want it to hold the letter: %v", len(queue), tt.printQueue)
			}
			statuses, err := d.StatusesAfter(ctx, 0, 10)
			if err != nil {
				t.Fatal(err)
			}
			var kinds []StatusKind
			for _, s := range statuses {
				kinds = append(kinds, s.Status)
				if s.MessageUUID != uuid {
					t.Errorf("status of %q", s.MessageUUID)
				}
			}
			if strings.Join(kindStrings(kinds), ",") != strings.Join(kindStrings(tt.statuses), ",") {
				t.Errorf("statuses %v, want %v", kinds, tt.statuses)
			}
			if tt.statuses[0] == StatusFailed && statuses[0].Reason != ReasonNotRegistered {
				t.Errorf("failed status reason %q", statuses[0].Reason)
			}
		})
	}
}

func kindStrings(ks []StatusKind) []string {
	var out []string
	for _, k := range ks {
		out = append(out, string(k))
	}
	return out
}

func TestDev_SendingAMessageAgainDeliversNothingMore(t *testing.T) {
	d, db := devOn(t)
	ctx := context.Background()
	uuid := "0a1b2c3d-1111-4222-8333-444455556666"
	req := Request{TransactionID: "t1", Municipality: "dragoer", Channel: ChannelAutomatic, Memo: message(t, uuid, memo.IDTypeCPR, registeredCPR)}
	first, err := d.Send(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	req.TransactionID = "t2"
	again, err := d.Send(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if !again.At.Equal(first.At) || again.Channel != first.Channel {
		t.Errorf("second receipt %+v, want the first's time and channel %+v", again, first)
	}
	for table, want := range map[string]int{"digital_post_inbox": 1, "digital_post_status": 2} {
		var n int
		if err := db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s has %d rows, want %d", table, n, want)
		}
	}
}

func TestDev_InboxReadAndOtherRecipients(t *testing.T) {
	d, _ := devOn(t)
	ctx := context.Background()
	older, newer := "0a1b2c3d-1111-4222-8333-444455556666", "9f8e7d6c-1111-4222-8333-444455556666"
	for _, u := range []string{older, newer} {
		if _, err := d.Send(ctx, Request{Municipality: "dragoer", Channel: ChannelDigitalPost, Memo: message(t, u, memo.IDTypeCPR, registeredCPR)}); err != nil {
			t.Fatal(err)
		}
	}
	me := Recipient{memo.IDTypeCPR, registeredCPR}
	inbox, err := d.Inbox(ctx, me)
	if err != nil {
		t.Fatal(err)
	}
	if len(inbox) != 2 || inbox[0].MessageUUID != newer || inbox[1].MessageUUID != older {
		t.Fatalf("inbox %+v, want newest first", inbox)
	}
	if !inbox[0].ReadAt.IsZero() || inbox[0].Title != "Brev 9f8e" {
		t.Errorf("new message %+v: want unread, titled Brev 9f8e", inbox[0])
	}
	msg, err := d.InboxMessage(ctx, me, older)
	if err != nil {
		t.Fatal(err)
	}
	back, err := memo.Parse(msg.Memo)
	if err != nil || string(back.Main.Files[0].Content) != string(pdf) {
		t.Errorf("inbox MeMo: %v, content %q", err, back.Main.Files)
	}
	other := Recipient{memo.IDTypeCPR, exemptCPR}
	if _, err := d.InboxMessage(ctx, other, older); !errors.Is(err, ErrNotFound) {
		t.Errorf("another citizen reads the message: %v", err)
	}
	if err := d.MarkRead(ctx, other, older); !errors.Is(err, ErrNotFound) {
		t.Errorf("another citizen marks it read: %v", err)
	}
	if err := d.MarkRead(ctx, me, older); err != nil {
		t.Fatal(err)
	}
	first, err := d.InboxMessage(ctx, me, older)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.MarkRead(ctx, me, older); err != nil {
		t.Fatal(err)
	}
	second, err := d.InboxMessage(ctx, me, older)
	if err != nil {
		t.Fatal(err)
	}
	if first.ReadAt.IsZero() || !second.ReadAt.Equal(first.ReadAt) {
		t.Errorf("read at %v then %v: want set once", first.ReadAt, second.ReadAt)
	}
}

func TestDev_PrintQueueMarkPrinted(t *testing.T) {
	d, _ := devOn(t)
	ctx := context.Background()
	uuid := "0a1b2c3d-1111-4222-8333-444455556666"
	if _, err := d.Send(ctx, Request{Municipality: "dragoer", Channel: ChannelPhysicalPost, Memo: message(t, uuid, memo.IDTypeCPR, exemptCPR)}); err != nil {
		t.Fatal(err)
	}
	if q, err := d.PrintQueue(ctx, "taarnby", true); err != nil || len(q) != 0 {
		t.Errorf("another municipality's queue holds %d letters", len(q))
	}
	got, err := d.PrintPDF(ctx, "dragoer", uuid)
	if err != nil || string(got) != string(pdf) {
		t.Fatalf("PrintPDF = %q, %v", got, err)
	}
	if _, err := d.PrintPDF(ctx, "taarnby", uuid); !errors.Is(err, ErrNotFound) {
		t.Errorf("another municipality reads the PDF: %v", err)
	}
	if err := d.MarkPrinted(ctx, "taarnby", uuid, "Tove"); !errors.Is(err, ErrNotFound) {
		t.Errorf("another municipality marks it printed: %v", err)
	}
	if err := d.MarkPrinted(ctx, "dragoer", uuid, "Bo Sagsbehandler"); err != nil {
		t.Fatal(err)
	}
	if err := d.MarkPrinted(ctx, "dragoer", uuid, "Bo Sagsbehandler"); !errors.Is(err, ErrAlreadyPrinted) {
		t.Errorf("second mark: %v, want ErrAlreadyPrinted", err)
	}
	if q, err := d.PrintQueue(ctx, "dragoer", false); err != nil || len(q) != 0 {
		t.Errorf("waiting queue still holds %d", len(q))
	}
	q, err := d.PrintQueue(ctx, "dragoer", true)
	if err != nil || len(q) != 1 || q[0].PrintedBy != "Bo Sagsbehandler" || q[0].PrintedAt.IsZero() || q[0].Recipient.ID != exemptCPR {
		t.Fatalf("queue with printed = %+v, %v", q, err)
	}
	statuses, err := d.StatusesAfter(ctx, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(statuses) != 2 || statuses[1].Status != StatusPrinted || statuses[1].Channel != ChannelPhysicalPost {
		t.Fatalf("statuses %+v, want sent then printed", statuses)
	}
	after, err := d.StatusesAfter(ctx, statuses[0].ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != 1 || after[0].ID != statuses[1].ID {
		t.Errorf("StatusesAfter(first) = %+v", after)
	}
}

func TestDev_RefusesBadRequests(t *testing.T) {
	d, _ := devOn(t)
	ctx := context.Background()
	good := message(t, "0a1b2c3d-1111-4222-8333-444455556666", memo.IDTypeCPR, registeredCPR)
	if _, err := d.Send(ctx, Request{Municipality: "dragoer", Channel: "D", Memo: good}); !errors.Is(err, ErrChannel) {
		t.Errorf("channel D: %v", err)
	}
	if _, err := d.Send(ctx, Request{Municipality: "dragoer", Channel: ChannelAutomatic, Memo: []byte("<x/>")}); !errors.Is(err, ErrMemo) {
		t.Errorf("not MeMo: %v", err)
	}
	if _, err := d.Send(ctx, Request{Municipality: "dragoer", Channel: ChannelPhysicalPost, Memo: message(t, "2a1b2c3d-1111-4222-8333-444455556666", memo.IDTypeOther, "x")}); !errors.Is(err, ErrRecipient) {
		t.Errorf("recipient of type Andet: %v", err)
	}
	noPDF, err := memo.Build(memo.Message{
		UUID: "1a1b2c3d-1111-4222-8333-444455556666", Label: "x",
		Sender:    memo.Party{ID: "12345674", IDType: memo.IDTypeCVR, Label: "Dragør Kommune"},
		Recipient: memo.Party{ID: exemptCPR, IDType: memo.IDTypeCPR}, Created: time.Now(),
		Main: memo.Document{Files: []memo.File{{EncodingFormat: "text/plain", Filename: "a.txt", Language: "da", Content: []byte("a")}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Send(ctx, Request{Municipality: "dragoer", Channel: ChannelAutomatic, Memo: noPDF}); !errors.Is(err, ErrNoPDF) {
		t.Errorf("print without PDF: %v", err)
	}
}

func TestRequestXML_KombiRequestHoldsChannelAndMessage(t *testing.T) {
	m := message(t, "0a1b2c3d-1111-4222-8333-444455556666", memo.IDTypeCPR, registeredCPR)
	out, err := RequestXML(Request{Channel: ChannelAutomatic, Memo: m})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	want := `<kombi_request><KombiValgKode>Automatisk Valg</KombiValgKode><memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1"`
	if !strings.Contains(s, want) || !strings.HasSuffix(s, "</memo:Message></kombi_request>") || strings.Count(s, "<?xml") != 1 {
		t.Errorf("RequestXML =\n%s\nwant it to contain %s", s, want)
	}
	if _, err := RequestXML(Request{Channel: "P", Memo: m}); !errors.Is(err, ErrChannel) {
		t.Errorf("channel P: %v", err)
	}
}

func TestDevRegistry_ShippedFile(t *testing.T) {
	citizens, err := sf1520.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	reg := NewDevRegistry(citizens)
	ctx := context.Background()
	tests := []struct {
		r    Recipient
		want Registration
		err  error
	}{
		{Recipient{memo.IDTypeCPR, registeredCPR}, Registered, nil},
		{Recipient{memo.IDTypeCPR, "120385-9902"}, Registered, nil},
		{Recipient{memo.IDTypeCPR, exemptCPR}, Exempt, nil},
		{Recipient{memo.IDTypeCPR, plainCPR}, NotRegistered, nil},
		{Recipient{memo.IDTypeCPR, "0101001234"}, NotRegistered, nil}, // not in the file
		{Recipient{memo.IDTypeCVR, "12345674"}, Registered, nil},
		{Recipient{memo.IDTypeCVR, "29876541"}, NotRegistered, nil},
		{Recipient{memo.IDTypeCVR, "12345675"}, "", ErrRecipient},
		{Recipient{memo.IDTypeCPR, "3102001234"}, "", ErrRecipient},
		{Recipient{"SE", "12345674"}, "", ErrRecipient},
	}
	for _, tt := range tests {
		got, err := reg.Registration(ctx, tt.r)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("Registration(%s) = %q, %v; want %q, %v", tt.r.IDType, got, err, tt.want, tt.err)
		}
		if err != nil && strings.Contains(err.Error(), tt.r.ID) {
			t.Errorf("error %q quotes the number", err)
		}
	}
}

func TestDev_FailedDigitalPostMaySendAgainAsPaper(t *testing.T) {
	d, _ := devOn(t)
	ctx := context.Background()
	uuid := "0a1b2c3d-1111-4222-8333-444455556666"
	m := message(t, uuid, memo.IDTypeCPR, exemptCPR)
	if r, err := d.Send(ctx, Request{Municipality: "dragoer", Channel: ChannelDigitalPost, Memo: m}); err != nil || r.Channel != ChannelDigitalPost {
		t.Fatalf("digital only: %+v, %v", r, err)
	}
	r, err := d.Send(ctx, Request{Municipality: "dragoer", Channel: ChannelPhysicalPost, Memo: m})
	if err != nil || r.Channel != ChannelPhysicalPost {
		t.Fatalf("again as paper: %+v, %v", r, err)
	}
	if q, err := d.PrintQueue(ctx, "dragoer", false); err != nil || len(q) != 1 {
		t.Errorf("print queue holds %d letters, want 1", len(q))
	}
	statuses, err := d.StatusesAfter(ctx, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(statuses) != 2 || statuses[0].Status != StatusFailed || statuses[1].Status != StatusSent || statuses[1].Channel != ChannelPhysicalPost {
		t.Errorf("statuses %+v, want failed then sent (print)", statuses)
	}
}

func TestDev_RacingSendsDeliverOnce(t *testing.T) {
	d, db := devOn(t)
	ctx := context.Background()
	m := message(t, "0a1b2c3d-1111-4222-8333-444455556666", memo.IDTypeCPR, registeredCPR)
	const n = 8
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		go func() {
			_, err := d.Send(ctx, Request{Municipality: "dragoer", Channel: ChannelAutomatic, Memo: m})
			errs <- err
		}()
	}
	for i := 0; i < n; i++ {
		if err := <-errs; err != nil {
			t.Errorf("send %d: %v", i, err)
		}
	}
	for table, want := range map[string]int{"digital_post_inbox": 1, "digital_post_status": 2} {
		var got int
		if err := db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s has %d rows, want %d", table, got, want)
		}
	}
}

func TestDev_PruneDeletesOldMessagesButNotWaitingPrint(t *testing.T) {
	d, _ := devOn(t)
	ctx := context.Background()
	send := func(uuid, id string, ch Channel) {
		t.Helper()
		if _, err := d.Send(ctx, Request{Municipality: "dragoer", Channel: ch, Memo: message(t, uuid, memo.IDTypeCPR, id)}); err != nil {
			t.Fatal(err)
		}
	}
	// The test clock starts at 07:00:00 and ticks a second per reading.
	send("0a1b2c3d-1111-4222-8333-444455556666", registeredCPR, ChannelDigitalPost)                     // received 07:00:01
	send("1a1b2c3d-1111-4222-8333-444455556666", exemptCPR, ChannelPhysicalPost)                        // queued 07:00:02
	send("2a1b2c3d-1111-4222-8333-444455556666", exemptCPR, ChannelPhysicalPost)                        // queued 07:00:03
	if err := d.MarkPrinted(ctx, "dragoer", "1a1b2c3d-1111-4222-8333-444455556666", "Bo"); err != nil { // printed 07:00:04
		t.Fatal(err)
	}
	send("3a1b2c3d-1111-4222-8333-444455556666", registeredCPR, ChannelDigitalPost) // received 07:00:05
	n, err := d.Prune(ctx, time.Date(2026, 11, 30, 7, 0, 4, 500_000_000, time.UTC))
	if err != nil || n != 2 {
		t.Fatalf("Prune = %d, %v; want 2 (the first inbox message, the printed letter)", n, err)
	}
	inbox, err := d.Inbox(ctx, Recipient{memo.IDTypeCPR, registeredCPR})
	if err != nil {
		t.Fatal(err)
	}
	if len(inbox) != 1 || inbox[0].MessageUUID[:1] != "3" {
		t.Errorf("inbox after prune: %+v", inbox)
	}
	queue, err := d.PrintQueue(ctx, "dragoer", true)
	if err != nil {
		t.Fatal(err)
	}
	if len(queue) != 1 || queue[0].MessageUUID[:1] != "2" {
		t.Errorf("print queue after prune: %+v", queue)
	}
}
