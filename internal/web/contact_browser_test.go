package web

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/browsertest"
)

// movingClock is a server clock the test moves: the contact form refuses
// a form sent within 3 seconds of being served.
type movingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *movingClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *movingClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// A citizen's question refused, then one accepted, and staff answering it
// from the queue: every page axe-clean at both screen sizes.
func TestBrowser_ContactFormAndQuestionQueue(t *testing.T) {
	clock := &movingClock{t: time.Now()}
	ts := newTestServer(t, true, func(o *Options, _ string) { o.Now = clock.now })
	ctx := browsertest.NewFor(t, 10*time.Minute)

	visit(t, ctx, ts.URL+"/borger/dragoer/kontakt?area=affald")
	checkPage(t, ctx, "the contact form")
	clock.add(5 * time.Second)
	browsertest.Do(t, ctx,
		chromedp.SendKeys("#f-question", "Hvad sker der i min sag? Mit nummer er 010203-1234"))
	submitForNewPage(t, ctx, "#f-question")
	body := browsertest.Eval[string](t, ctx, `document.body.innerText`)
	if !strings.Contains(body, "Digital Post") || strings.Contains(body, "010203") {
		t.Fatalf("the refusal page:\n%s", body)
	}
	checkPage(t, ctx, "the refusal")
	if n := ts.countRows(t, `SELECT COUNT(*) FROM contact_questions`); n != 0 {
		t.Errorf("%d refused questions stored", n)
	}

	visit(t, ctx, ts.URL+"/borger/dragoer/kontakt?area=affald")
	clock.add(5 * time.Second)
	browsertest.Do(t, ctx, chromedp.SendKeys("#f-reply_to", "ikke-en-adresse"), chromedp.Submit("#f-question"), chromedp.WaitVisible("#f-reply_to-error"))
	checkPage(t, ctx, "the contact form with errors")
	clock.add(5 * time.Second)
	browsertest.Do(t, ctx,
		chromedp.SetValue("#f-question", "Hvornår tømmes haveaffald i vinterhalvåret?"),
		chromedp.SetValue("#f-reply_to", "borger@example.com"))
	submitForNewPage(t, ctx, "#f-question")
	if body := browsertest.Eval[string](t, ctx, `document.body.innerText`); !strings.Contains(body, "du kan forvente svar senest") && !strings.Contains(body, "you can expect an answer by") {
		t.Fatalf("the receipt:\n%s", body)
	}
	checkPage(t, ctx, "the receipt")

	var id string
	if err := ts.db.QueryRow(`SELECT CAST(id AS TEXT) FROM contact_questions`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	staff := browsertest.NewFor(t, 10*time.Minute)
	signIn(t, staff, ts, dragoerGroup)
	visit(t, staff, ts.URL+"/m/dragoer/questions")
	checkPage(t, staff, "the queue")
	visit(t, staff, ts.URL+"/m/dragoer/questions/"+id)
	checkPage(t, staff, "a question")
	browsertest.Do(t, staff, chromedp.Submit("#answer"), chromedp.WaitVisible("#answer-error"))
	checkPage(t, staff, "a question with an error")
	browsertest.Do(t, staff, chromedp.SetValue("#answer", "Hver anden fredag fra november til marts."))
	submitForNewPage(t, staff, "#answer")
	if body := browsertest.Eval[string](t, staff, `document.body.innerText`); !strings.Contains(body, "Svaret er registreret") && !strings.Contains(body, "The answer is registered") {
		t.Fatalf("after answering:\n%s", body)
	}
	checkPage(t, staff, "an answered question")
	visit(t, staff, ts.URL+"/m/dragoer/outbox")
	if body := browsertest.Eval[string](t, staff, `document.body.innerText`); !strings.Contains(body, "borger@example.com") {
		t.Errorf("the outbox:\n%s", body)
	}
	checkPage(t, staff, "the outbox")
}
