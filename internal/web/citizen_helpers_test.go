package web

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/nemlogin"
	"github.com/kanal-dk/kanal/internal/selfservice"
	"github.com/kanal-dk/kanal/internal/sf1520"
)

// Test citizens of the shipped file (internal/sf1520/testdata), by hand.
const (
	madsCPR   = "0307899911" // Mads Prøvesen, Vestgrønningen 8, 1. th., 2791 Dragør
	madsName  = "Mads Prøvesen"
	madsRoad  = "Vestgrønningen"
	hanneCPR  = "2912879946" // Hanne Fiktiv Testesen, under navne- og adressebeskyttelse
	hanneName = "Hanne Fiktiv Testesen"
)

// withCitizens gives the server the example forms, the development login
// and the look-up on the shipped test citizens, and a clock that reads
// *now (nil keeps the test's).
func withCitizens(t *testing.T, now *time.Time) serverOption {
	return func(o *Options, _ string) {
		people, err := sf1520.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		o.Forms = selfservice.NewCatalogue(selfservice.Examples())
		o.CPR = people
		o.CitizenLogin = nemlogin.NewDev(people, func(string) string { return "/borger/" })
		if now != nil {
			// Read at every call, so that a test can move the clock.
			o.Now = func() time.Time { return *now }
		}
	}
}

// tuesday is Tuesday 1 December 2026, 10:00 Danish time: ten working days
// later is Tuesday 15 December (no holiday between).
var tuesday = time.Date(2026, time.December, 1, 10, 0, 0, 0, civil.Location)

var (
	inputTag    = regexp.MustCompile(`<input [^>]*>`)
	textareaTag = regexp.MustCompile(`(?s)<textarea [^>]*name="([^"]+)"[^>]*>(.*?)</textarea>`)
	attr        = regexp.MustCompile(`([a-z-]+)="([^"]*)"`)
	selectedOpt = regexp.MustCompile(`(?s)<select [^>]*name="([^"]+)"[^>]*>.*?<option value="([^"]*)" selected>`)
)

// pageFormValues are what a browser would send from the page's first form
// with method post and an action under /borger/: every input's value,
// radios and checkboxes only when checked, text areas and selects.
func pageFormValues(body string) url.Values {
	v := url.Values{}
	for _, tag := range inputTag.FindAllString(body, -1) {
		a := map[string]string{}
		for _, m := range attr.FindAllStringSubmatch(tag, -1) {
			a[m[1]] = m[2]
		}
		name := a["name"]
		if name == "" || a["type"] == "file" || a["type"] == "search" {
			continue
		}
		if (a["type"] == "radio" || a["type"] == "checkbox") && !strings.Contains(tag, " checked") {
			continue
		}
		v.Set(name, a["value"])
	}
	for _, m := range textareaTag.FindAllStringSubmatch(body, -1) {
		v.Set(m[1], m[2])
	}
	for _, m := range selectedOpt.FindAllStringSubmatch(body, -1) {
		v.Set(m[1], m[2])
	}
	return v
}

// signInCitizen signs a test citizen in to a municipality through the
// development login, as a browser does: the sign-in's start, the pick
// page and its form.
func (ts *testServer) signInCitizen(t *testing.T, c *http.Client, m, cpr string) {
	t.Helper()
	r := ts.get(t, c, "/borger/"+m+"/log-ind?tilbage=/borger/"+m+"/sager")
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/borger/"+m+"/log-ind/udvikling" {
		t.Fatalf("sign-in start: %d %q", r.status, r.header.Get("Location"))
	}
	r = ts.get(t, c, "/borger/"+m+"/log-ind/udvikling")
	if r.status != http.StatusOK {
		t.Fatalf("pick page: %d", r.status)
	}
	form := url.Values{"csrf": {pageFormValues(r.body).Get("csrf")}, "cpr": {cpr}}
	r = ts.post(t, c, "/borger/"+m+"/log-ind/udvikling", form)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/borger/"+m+"/sager" {
		t.Fatalf("pick: %d %q\n%s", r.status, r.header.Get("Location"), r.body)
	}
}

// citizenClient is a new client signed in as a test citizen.
func (ts *testServer) citizenClient(t *testing.T, m, cpr string) *http.Client {
	t.Helper()
	c := ts.client(t, "")
	ts.signInCitizen(t, c, m, cpr)
	return c
}

// attachment is a file to attach to a field.
type attachment struct {
	field, name string
	data        []byte
}

// postForm sends a form page's values with the changes and the action,
// as multipart when files go along.
func (ts *testServer) postForm(t *testing.T, c *http.Client, path string, values url.Values, files ...attachment) response {
	t.Helper()
	if len(files) == 0 {
		return ts.post(t, c, path, values)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range values {
		for _, v := range vs {
			if err := mw.WriteField(k, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, f := range files {
		fw, err := mw.CreateFormFile(f.field, f.name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(f.data)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, ts.URL+path, &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return do(t, c, req)
}

// step is one page of a form: the answers to give and the files to attach.
type step struct {
	answers map[string]string
	files   []attachment
}

// fillForm starts an area's form and goes through its steps with the
// answers, then sends it from the summary; it returns the answer to the
// sending (a redirect to the receipt) and fails the test when a step is
// refused.
func (ts *testServer) fillForm(t *testing.T, c *http.Client, m, area string, steps []step) response {
	t.Helper()
	path := "/borger/" + m + "/formular/" + area
	r := ts.get(t, c, path)
	if r.status != http.StatusOK {
		t.Fatalf("GET %s: %d", path, r.status)
	}
	for i, s := range steps {
		v := pageFormValues(r.body)
		for k, a := range s.answers {
			v.Set(k, a)
		}
		v.Set("_handling", "naeste")
		r = ts.postForm(t, c, path, v, s.files...)
		if r.status != http.StatusOK {
			t.Fatalf("%s step %d: %d\n%s", path, i+1, r.status, errorSummary(r.body))
		}
	}
	if !strings.Contains(r.body, `value="send"`) {
		t.Fatalf("%s: after the steps no summary with a send button", path)
	}
	v := pageFormValues(r.body)
	v.Set("_handling", "send")
	return ts.post(t, c, path, v)
}

// errorSummary is the error summary's text, for a failure message.
func errorSummary(body string) string {
	_, rest, ok := strings.Cut(body, `id="error-summary-heading"`)
	if !ok {
		return "(no error summary)"
	}
	rest, _, _ = strings.Cut(rest, "</ul>")
	return rest
}

// errorLinks are the fields the error summary links to, in order.
func errorLinks(body string) []string {
	_, rest, ok := strings.Cut(body, `id="error-summary-heading"`)
	if !ok {
		return nil
	}
	rest, _, _ = strings.Cut(rest, "</ul>")
	var out []string
	for _, m := range regexp.MustCompile(`href="#f-([^"]+)"`).FindAllStringSubmatch(rest, -1) {
		out = append(out, m[1])
	}
	return out
}
