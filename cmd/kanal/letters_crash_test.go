package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// crashRecipients are the development registry's test recipients
// (docs/letters.md): registered, exempt and unregistered citizens, a
// registered business and one without Digital Post, with the route each
// must end on.
var crashRecipients = []struct{ json, route string }{
	{`{"cpr":"1203859902"}`, "digital_post"}, // Ida Testesen, registered
	{`{"cpr":"2511909924"}`, "letter"},       // Fatima Eksempel, exempt
	{`{"cpr":"1505959957"}`, "letter"},       // not registered
	{`{"cvr":"12345674"}`, "digital_post"},
	{`{"cvr":"29876541"}`, "letter"},
}

const (
	letterRounds   = 4
	lettersByRound = 120
)

// SIGKILL while the letters' worker sends, at varied moments, four times
// over: every letter the API accepted ends in the development Digital
// Post inbox or the print queue exactly once, none is lost, its statuses
// are each recorded once and agree with where it went, and its outbound
// inquiry is counted once (the counts agree with a recount).
//
// How the window between "decided" and "sent" is hit: the worker leases
// 20 letters at a time and then, one by one, renders each, hands it to
// the transport (which commits the inbox or print-queue row in its own
// transaction) and marks it sent in another. The test kills the process
// once the number of sent letters has grown past a random mark, so
// the kill falls inside a leased batch; after each kill it counts the
// letters left leased and not sent (and, among them, those the transport
// had already delivered), and fails if no kill left any. A dead worker's
// leases run out after five minutes; the test moves them into the past
// rather than wait, as the clock would.
func TestServe_SIGKILLWhileSendingLettersLosesNoneAndSendsNoneTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it four times")
	}
	dsn := storetest.DSN(t)
	if code, _, errOut := kanal(t, "strategy", "load", "--db", dsn, "../../strategies/dragoer.yaml"); code != exitOK {
		t.Fatal(errOut)
	}
	code, out, errOut := kanal(t, "apikey", "add", "--db", dsn, "--municipality", "dragoer", "--permissions", "letters", "Brevsystem")
	key := regexp.MustCompile(`(?m)^kanal_live_\S+$`).FindString(out)
	if code != exitOK || key == "" {
		t.Fatalf("apikey add: exit %d %q %q", code, out, errOut)
	}
	bin := filepath.Join(t.TempDir(), "kanal")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	accepted := map[string]string{} // letter id → the route it must end on
	unanswered := map[string]string{}
	caught, caughtDelivered := 0, 0
	for round := range letterRounds {
		s := startKillable(t, bin, dsn)
		client := &http.Client{Timeout: 30 * time.Second}
		// Ids whose answer a kill cut off are sent again, as a client does.
		for id, body := range unanswered {
			if postLetter(t, client, s.url, key, body) {
				accepted[id] = routeOf(body)
				delete(unanswered, id)
			}
		}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Go(func() {
				for i := g; i < lettersByRound; i += 4 {
					id := fmt.Sprintf("crash-%d-%d", round, i)
					r := crashRecipients[i%len(crashRecipients)]
					body := fmt.Sprintf(`{"id":%q,"recipient":%s,"title":"Brev %d","area":"23.05.10","body":"Kære modtager\n\nBrev nummer %d."}`,
						id, r.json, i, i)
					ok := !s.killed.Load() && postLetter(t, client, s.url, key, body)
					mu.Lock()
					if ok {
						accepted[id] = r.route
					} else {
						unanswered[id] = body
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		before := countLetters(t, db, `sent_at IS NOT NULL`)
		queued := countLetters(t, db, `sent_at IS NULL`)
		mark := before + 1 + rand.IntN(max(1, queued-25))
		deadline := time.Now().Add(20 * time.Second)
		for countLetters(t, db, `sent_at IS NOT NULL`) < mark && time.Now().Before(deadline) {
			time.Sleep(2 * time.Millisecond)
		}
		s.kill()
		leased := countLetters(t, db, `sent_at IS NULL AND claimed_by IS NOT NULL`)
		delivered := countLetters(t, db, `sent_at IS NULL AND claimed_by IS NOT NULL AND (
			message_uuid IN (SELECT message_uuid FROM digital_post_inbox) OR message_uuid IN (SELECT message_uuid FROM print_queue))`)
		t.Logf("round %d: killed after %d of %d letters were sent (mark %d); %d left leased and not sent, %d of them already handed over",
			round, countLetters(t, db, `sent_at IS NOT NULL`), before+queued, mark, leased, delivered)
		caught += leased
		caughtDelivered += delivered
		expireLeases(t, db)
	}
	if caught == 0 {
		t.Errorf("no kill in %d rounds left a letter leased and not sent: the test proved nothing", letterRounds)
	}
	t.Logf("the kills left %d letters between decided and sent, %d of them handed to the transport and not recorded", caught, caughtDelivered)

	// The last start sends what is left; resent ids must not repeat.
	s := startKillable(t, bin, dsn)
	client := &http.Client{Timeout: 30 * time.Second}
	for id, body := range unanswered {
		if !postLetter(t, client, s.url, key, body) {
			t.Fatalf("letter %s: no answer from a server not killed", id)
		}
		accepted[id] = routeOf(body)
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) &&
		countLetters(t, db, `sent_at IS NULL OR (route = 'digital_post' AND status <> 'delivered')`) > 0 {
		time.Sleep(50 * time.Millisecond)
	}
	s.kill()
	checkLettersAfterKills(t, db, accepted)
}

func routeOf(body string) string {
	for _, r := range crashRecipients {
		if bytes.Contains([]byte(body), []byte(r.json)) {
			return r.route
		}
	}
	return ""
}

// postLetter posts one letter and reports whether it was answered as
// accepted (201, or 200 for an id sent before); no answer is false.
func postLetter(t *testing.T, client *http.Client, url, key, body string) bool {
	req, err := http.NewRequest(http.MethodPost, url+"api/v1/letters", bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		return false
	}
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		t.Errorf("POST letter: %d %s", resp.StatusCode, answer)
		return false
	}
	return true
}

func countLetters(t *testing.T, db *store.DB, where string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM letters WHERE ` + where).Scan(&n); err != nil {
		t.Fatalf("count letters where %s: %v", where, err)
	}
	return n
}

// expireLeases moves the dead worker's leases into the past: what five
// minutes would do.
func expireLeases(t *testing.T, db *store.DB) {
	t.Helper()
	if _, err := db.Exec(`UPDATE letters SET claimed_until = $1 WHERE claimed_until IS NOT NULL`,
		time.Now().UTC().Add(-time.Second)); err != nil {
		t.Fatal(err)
	}
}

// checkLettersAfterKills checks the database against what the API
// accepted, each figure by a query of its own.
func checkLettersAfterKills(t *testing.T, db *store.DB, accepted map[string]string) {
	t.Helper()
	type stored struct {
		route, status, uuid string
		sent                bool
	}
	letters := map[string]stored{}
	rows, err := db.Query(`SELECT id, route, status, message_uuid, sent_at IS NOT NULL FROM letters WHERE municipality_id = 'dragoer'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		var s stored
		if err := rows.Scan(&id, &s.route, &s.status, &s.uuid, &s.sent); err != nil {
			t.Fatal(err)
		}
		letters[id] = s
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	places := func(q string) map[string]int {
		out := map[string]int{}
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var uuid string
			var n int
			if err := rows.Scan(&uuid, &n); err != nil {
				t.Fatal(err)
			}
			out[uuid] = n
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	inbox := places(`SELECT message_uuid, COUNT(*) FROM digital_post_inbox GROUP BY message_uuid`)
	printQueue := places(`SELECT message_uuid, COUNT(*) FROM print_queue GROUP BY message_uuid`)
	sentStatuses := places(`SELECT letter_id, COUNT(*) FROM letter_statuses WHERE status = 'sent' GROUP BY letter_id`)
	queuedStatuses := places(`SELECT letter_id, COUNT(*) FROM letter_statuses WHERE status = 'queued' GROUP BY letter_id`)
	counted := places(`SELECT external_id, COUNT(*) FROM inquiries WHERE source = 'letters' AND direction = 'outbound' GROUP BY external_id`)

	var lost, twice, wrong []string
	for id, route := range accepted {
		l, ok := letters[id]
		if !ok {
			lost = append(lost, id)
			continue
		}
		want := "delivered"
		if route == "letter" {
			want = "sent"
		}
		if l.route != route || l.status != want || !l.sent {
			wrong = append(wrong, fmt.Sprintf("%s: %s %s (sent %v), want %s %s", id, l.route, l.status, l.sent, route, want))
		}
		in, pq := inbox[l.uuid], printQueue[l.uuid]
		if route == "digital_post" && (in != 1 || pq != 0) || route == "letter" && (in != 0 || pq != 1) {
			twice = append(twice, fmt.Sprintf("%s (%s): %d in the inbox, %d in the print queue", id, route, in, pq))
		}
		if sentStatuses[id] != 1 || queuedStatuses[id] != 1 || counted[id] != 1 {
			twice = append(twice, fmt.Sprintf("%s: %d sent and %d queued statuses, counted %d times", id, sentStatuses[id], queuedStatuses[id], counted[id]))
		}
	}
	if len(lost) > 0 {
		t.Errorf("%d accepted letters are not stored, e.g. %s", len(lost), firstFew(lost))
	}
	if len(twice) > 0 {
		t.Errorf("%d letters went out or were recorded other than once, e.g. %s", len(twice), firstFew(twice))
	}
	if len(wrong) > 0 {
		t.Errorf("%d letters have the wrong route or status, e.g. %s", len(wrong), firstFew(wrong))
	}
	// Letters whose answer no kill cut off are all accepted by now: any
	// other stored letter, and anything delivered that is no letter's, is
	// an error.
	uuids := map[string]bool{}
	for id, l := range letters {
		uuids[l.uuid] = true
		if _, ok := accepted[id]; !ok {
			t.Errorf("letter %s is stored but was never accepted", id)
		}
	}
	for uuid := range inbox {
		if !uuids[uuid] {
			t.Errorf("message %s in the inbox is no letter's", uuid)
		}
	}
	for uuid := range printQueue {
		if !uuids[uuid] {
			t.Errorf("message %s in the print queue is no letter's", uuid)
		}
	}
	if len(counted) != len(accepted) {
		t.Errorf("%d letters counted as inquiries, %d accepted", len(counted), len(accepted))
	}
	t.Logf("%d letters accepted: %d in the inbox, %d in the print queue", len(accepted), len(inbox), len(printQueue))
	diffs, err := rollup.Verify(context.Background(), db, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range diffs {
		if i == 5 {
			break
		}
		t.Errorf("counts differ from a recount in %+v: stored %+v, recounted %+v", d.Cell, d.Stored, d.Recounted)
	}
}
