package web

import (
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/selfservice"
	"github.com/kanal-dk/kanal/internal/sf1520"
)

// The example forms' answers, step by step (internal/selfservice/forms).
// The fields prefilled from the registry are left as prefilled.
var (
	sundhedskortSteps = []step{
		{},
		{answers: map[string]string{"aarsag": "mistet"}},
	}
	dagtilbudSteps = []step{
		{},
		{answers: map[string]string{"barnets-navn": "Lille Prøvesen", "barnets-cpr": "150322-4013", "start": "2027-03-01", "pladstype": "vuggestue"}},
		{answers: map[string]string{"samtykke": "on"}, files: []attachment{{"bilag", "laegeerklaering.pdf", []byte("%PDF-1.4 test")}}},
	}
	byggeriSteps = []step{
		{answers: map[string]string{"ejendom": "Kongevejen 1, 2791 Dragør", "spoergsmaal": "Må jeg bygge en carport på 30 m²?"}},
		{answers: map[string]string{"email": "borger@example.org"}},
	}
)

// receiptRef is the reference of the receipt a sending redirects to.
func receiptRef(t *testing.T, r response, m string) string {
	t.Helper()
	loc := r.header.Get("Location")
	if r.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/borger/"+m+"/sager/") {
		t.Fatalf("sending: %d %q, want a redirect to the receipt\n%s", r.status, loc, errorSummary(r.body))
	}
	ref, _, _ := strings.Cut(strings.TrimPrefix(loc, "/borger/"+m+"/sager/"), "?")
	return ref
}

// A signed-in citizen sends the day-care form with an attachment: the
// receipt states the reference, the answer date in full and the working
// days; the case holds the answers, the CPR number from the session and
// the file; the draft and the kept file are gone; my cases lists it.
func TestCitizen_DayCareFormToReceiptAndMyCases(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday))
	c := ts.citizenClient(t, "dragoer", madsCPR)
	ref := receiptRef(t, ts.fillForm(t, c, "dragoer", "dagtilbud", dagtilbudSteps), "dragoer")
	r := ts.get(t, c, "/borger/dragoer/sager/"+ref+"?ny=1")
	if r.status != http.StatusOK {
		t.Fatalf("receipt: %d", r.status)
	}
	for _, want := range []string{"Vi har modtaget din henvendelse", `<p class="h1" id="case-reference">` + ref + `</p>`,
		"Modtaget", "Mine sager"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the receipt lacks %q", want)
		}
	}
	if !strings.Contains(r.body, "Du kan forvente svar senest ") {
		t.Errorf("the receipt states no answer date")
	}
	for _, never := range []string{madsRoad, madsCPR, "Lille Prøvesen", "150322"} {
		if strings.Contains(r.body, never) {
			t.Errorf("the receipt shows personal data %q", never)
		}
	}
	var cpr, form, channel, source string
	if err := ts.db.QueryRow(`SELECT cpr, form, channel, source FROM cases WHERE reference = $1`, ref).Scan(&cpr, &form, &channel, &source); err != nil {
		t.Fatal(err)
	}
	if cpr != madsCPR || form != "dagtilbud" || channel != "self_service" || source != "portal" {
		t.Errorf("case: cpr %v form %q channel %q source %q", cpr == madsCPR, form, channel, source)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM citizen_uploads`); n != 0 {
		t.Errorf("%d kept files left after sending", n)
	}
	r = ts.get(t, c, "/borger/dragoer/sager")
	if r.status != http.StatusOK || !strings.Contains(r.body, `href="/borger/dragoer/sager/`+ref+`"`) || !strings.Contains(r.body, "Optagelse i dagtilbud") {
		t.Errorf("my cases: %d, lists the case %v", r.status, strings.Contains(r.body, ref))
	}
}

// The health card's answer date: 10 working days from Tuesday 1 December
// 2026 is Tuesday 15 December 2026, in words, by hand.
func TestCitizen_ReceiptStatesTheAnswerDateInFull(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday))
	c := ts.citizenClient(t, "dragoer", madsCPR)
	ref := receiptRef(t, ts.fillForm(t, c, "dragoer", "sundhedskort", sundhedskortSteps), "dragoer")
	r := ts.get(t, c, "/borger/dragoer/sager/"+ref+"?ny=1")
	for _, want := range []string{"Du kan forvente svar senest tirsdag den 15. december 2026.", "Svartiden er 10 arbejdsdage."} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the receipt lacks %q", want)
		}
	}
	// A question about the case is an interaction; Dragør's table 1 by
	// hand: interaction goes to the phone, then Digital Post.
	_, follow, _ := strings.Cut(r.body, `id="follow"`)
	var got []string
	for _, m := range regexp.MustCompile(`<li>([^<\n]+)`).FindAllStringSubmatch(follow, -1) {
		got = append(got, m[1])
	}
	if want := []string{"Telefon", "Digital Post"}; !slices.Equal(got, want) {
		t.Errorf("the receipt's channels for questions: %q, want %q", got, want)
	}
	r = ts.get(t, c, "/borger/dragoer/sager/"+ref+"?lang=en")
	for _, want := range []string{"You can expect an answer by Tuesday 15 December 2026.", "Case " + ref} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the English case page lacks %q", want)
		}
	}
	r = ts.get(t, c, "/borger/dragoer/sager?lang=da")
	if !strings.Contains(r.body, "15. december 2026") || !strings.Contains(r.body, "Modtaget") {
		t.Errorf("my cases lacks the answer date or the status")
	}
}

// A citizen under name and address protection sees their own address
// prefilled, but no receipt, case page or list shows it.
func TestCitizen_ProtectedAddressIsNeverInTheReceipt(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday))
	c := ts.citizenClient(t, "dragoer", hanneCPR)
	r := ts.get(t, c, "/borger/dragoer/formular/sundhedskort")
	address := pageFormValues(r.body).Get("adresse")
	if address == "" {
		t.Fatalf("the form prefills no address for the citizen")
	}
	street, _, _ := strings.Cut(address, ",")
	ref := receiptRef(t, ts.fillForm(t, c, "dragoer", "sundhedskort", sundhedskortSteps), "dragoer")
	for _, path := range []string{"/borger/dragoer/sager/" + ref + "?ny=1", "/borger/dragoer/sager/" + ref, "/borger/dragoer/sager", "/borger/dragoer/sager/" + ref + "?lang=en"} {
		r := ts.get(t, c, path)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", path, r.status)
		}
		if strings.Contains(r.body, street) || strings.Contains(r.body, address) {
			t.Errorf("%s shows the protected citizen's address %q", path, street)
		}
	}
}

// The registry fills in name, address and CPR number for a signed-in
// citizen; the CPR field is read-only, and a changed number sent anyway
// is replaced by the session's.
func TestCitizen_PrefillFromTheRegistry(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday))
	c := ts.citizenClient(t, "dragoer", madsCPR)
	r := ts.get(t, c, "/borger/dragoer/formular/dagtilbud")
	v := pageFormValues(r.body)
	if v.Get("navn") != madsName || v.Get("cpr") != madsCPR || !strings.HasPrefix(v.Get("adresse"), "Vestgrønningen 8, 1. th., 2791 Dragør") {
		t.Errorf("prefilled navn %q cpr %v adresse %q", v.Get("navn"), v.Get("cpr") == madsCPR, v.Get("adresse"))
	}
	if !strings.Contains(r.body, `name="cpr" value="`+madsCPR+`" inputmode="numeric" readonly`) {
		t.Errorf("the CPR field is not read-only")
	}
	v.Set("cpr", "150322-4013")
	v.Set("_handling", "naeste")
	r = ts.post(t, c, "/borger/dragoer/formular/dagtilbud", v)
	if r.status != http.StatusOK {
		t.Fatalf("step 1: %d %s", r.status, errorSummary(r.body))
	}
	if got := pageFormValues(r.body).Get("cpr"); got != madsCPR {
		t.Errorf("the CPR number carried on is not the session's")
	}
	// A form without sign-in is not prefilled, even for a signed-in
	// citizen, and keeps no CPR number.
	r = ts.get(t, c, "/borger/dragoer/formular/byggetilladelse")
	if r.status != http.StatusOK || strings.Contains(r.body, madsName+`"`) || strings.Contains(r.body, madsCPR+`"`) {
		t.Errorf("the building question is prefilled: %d", r.status)
	}
}

// Each wrong answer is named in the error summary at the top, which links
// to its field, and at the field; the step is not left.
func TestCitizen_EachErrorNamesItsField(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday))
	c := ts.citizenClient(t, "dragoer", madsCPR)
	path := "/borger/dragoer/formular/dagtilbud"
	r := ts.get(t, c, path)
	v := pageFormValues(r.body)
	v.Set("_handling", "naeste")
	r = ts.post(t, c, path, v)
	step2 := pageFormValues(r.body)
	for name, tc := range map[string]struct {
		answers map[string]string
		fields  []string
		words   string
	}{
		"nothing": {map[string]string{}, []string{"barnets-navn", "barnets-cpr", "start", "pladstype"}, "Vælg"},
		"bad cpr": {map[string]string{"barnets-navn": "A", "barnets-cpr": "123", "start": "2027-03-01", "pladstype": "vuggestue"}, []string{"barnets-cpr"}, "CPR"},
		"past":    {map[string]string{"barnets-navn": "A", "barnets-cpr": "150322-4013", "start": "2026-11-30", "pladstype": "vuggestue"}, []string{"start"}, "1. december 2026"},
		"option":  {map[string]string{"barnets-navn": "A", "barnets-cpr": "150322-4013", "start": "2027-03-01", "pladstype": "slot"}, []string{"pladstype"}, ""},
	} {
		v := url.Values{}
		for k, vs := range step2 {
			v[k] = vs
		}
		for k, a := range tc.answers {
			v.Set(k, a)
		}
		v.Set("_handling", "naeste")
		r := ts.post(t, c, path, v)
		if r.status != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", name, r.status)
			continue
		}
		if got := errorLinks(r.body); !slices.Equal(got, tc.fields) {
			t.Errorf("%s: the summary links to %v, want %v", name, got, tc.fields)
		}
		for _, f := range tc.fields {
			if !strings.Contains(r.body, `id="f-`+f+`-error"`) || !strings.Contains(r.body, `aria-describedby="`) {
				t.Errorf("%s: no message at the field %s", name, f)
			}
		}
		if !strings.Contains(r.body, tc.words) || !strings.Contains(r.body, `<title>Fejl:`) {
			t.Errorf("%s: the message lacks %q or the title does not say there is an error", name, tc.words)
		}
		if !strings.Contains(r.body, `name="_trin" value="1"`) {
			t.Errorf("%s: the step was left", name)
		}
	}
	// A file of a type the field does not take, and one too large.
	r = ts.get(t, c, "/borger/dragoer/formular/byggetilladelse")
	v = pageFormValues(r.body)
	for k, a := range byggeriSteps[0].answers {
		v.Set(k, a)
	}
	v.Set("_handling", "naeste")
	r = ts.postForm(t, c, "/borger/dragoer/formular/byggetilladelse", v, attachment{"tegninger", "tegning.exe", []byte("MZ")})
	if r.status != http.StatusBadRequest || !slices.Equal(errorLinks(r.body), []string{"tegninger"}) || !strings.Contains(r.body, "pdf") {
		t.Errorf("a file of the wrong type: %d %v", r.status, errorLinks(r.body))
	}
	big := make([]byte, 10<<20+1)
	r = ts.postForm(t, c, "/borger/dragoer/formular/byggetilladelse", v, attachment{"tegninger", "tegning.pdf", big})
	if r.status != http.StatusBadRequest || !slices.Equal(errorLinks(r.body), []string{"tegninger"}) {
		t.Errorf("a file too large: %d %v", r.status, errorLinks(r.body))
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM citizen_uploads`); n != 0 {
		t.Errorf("%d refused files kept", n)
	}
}

// Every citizen POST needs the token of the page it came from: the
// session's for a signed-in citizen, the browser's cookie otherwise.
func TestCitizen_PostWithoutTheTokenIsRefused(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday))
	c := ts.citizenClient(t, "dragoer", madsCPR)
	r := ts.get(t, c, "/borger/dragoer/formular/sundhedskort")
	v := pageFormValues(r.body)
	v.Set("_handling", "naeste")
	// The wrong token differs from the right one in its first letter.
	wrong := "x" + v.Get("csrf")[1:]
	if wrong == v.Get("csrf") {
		wrong = "y" + wrong[1:]
	}
	for name, token := range map[string]string{"none": "", "wrong": wrong} {
		w := url.Values{}
		for k, vs := range v {
			w[k] = vs
		}
		w.Set("csrf", token)
		if r := ts.post(t, c, "/borger/dragoer/formular/sundhedskort", w); r.status != http.StatusBadRequest || !strings.Contains(r.body, "Siden er udløbet") {
			t.Errorf("%s token: %d, want 400", name, r.status)
		}
	}
	// Another browser's token does not do either.
	anon := ts.client(t, "")
	r = ts.get(t, anon, "/borger/dragoer/formular/byggetilladelse")
	a := pageFormValues(r.body)
	if a.Get("csrf") == "" || a.Get("csrf") == v.Get("csrf") {
		t.Fatalf("the anonymous form has no token of its own")
	}
	other := ts.client(t, "")
	a.Set("_handling", "naeste")
	if r := ts.post(t, other, "/borger/dragoer/formular/byggetilladelse", a); r.status != http.StatusBadRequest {
		t.Errorf("a form with another browser's token: %d, want 400", r.status)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM cases`); n != 0 {
		t.Errorf("%d cases opened", n)
	}
}

// The building question needs no sign-in: it is sent without one, stores
// no CPR number, and its receipt is shown with the redirect's token only,
// for a while, to nobody else.
func TestCitizen_FormWithoutSignInGetsAReceiptByToken(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday))
	c := ts.client(t, "")
	r := ts.fillForm(t, c, "dragoer", "byggetilladelse", []step{
		{answers: byggeriSteps[0].answers, files: []attachment{{"tegninger", "tegning.pdf", []byte("%PDF-1.4 carport")}}},
		byggeriSteps[1],
	})
	ref := receiptRef(t, r, "dragoer")
	loc := r.header.Get("Location")
	if !strings.Contains(loc, "?kvittering=") {
		t.Fatalf("no receipt token: %q", loc)
	}
	r = ts.get(t, c, loc)
	if r.status != http.StatusOK || !strings.Contains(r.body, ref) || !strings.Contains(r.body, "Skriv sagsnummeret ned") {
		t.Fatalf("the receipt with its token: %d", r.status)
	}
	if strings.Contains(r.body, "Kongevejen") || strings.Contains(r.body, "borger@example.org") {
		t.Errorf("the receipt shows the answers")
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM cases WHERE reference = $1 AND COALESCE(cpr, '') = ''`, ref); n != 1 {
		t.Errorf("the case stores a CPR number")
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM case_attachments`); n != 1 {
		t.Errorf("%d attachments, want the drawing", n)
	}
	// Without the token: sign-in; with a wrong one or under Tårnby: not found.
	if r := ts.get(t, ts.client(t, ""), "/borger/dragoer/sager/"+ref); r.status != http.StatusSeeOther {
		t.Errorf("without the token: %d, want the sign-in", r.status)
	}
	if r := ts.get(t, ts.client(t, ""), "/borger/dragoer/sager/"+ref+"?kvittering=forkert"); r.status != http.StatusNotFound {
		t.Errorf("a wrong token: %d, want 404", r.status)
	}
	token := strings.SplitN(loc, "?", 2)[1]
	if r := ts.get(t, ts.client(t, ""), "/borger/taarnby/sager/"+ref+"?"+token); r.status != http.StatusNotFound {
		t.Errorf("the token under Tårnby: %d, want 404", r.status)
	}
	// A signed-in citizen does not see it among their cases.
	m := ts.citizenClient(t, "dragoer", madsCPR)
	if r := ts.get(t, m, "/borger/dragoer/sager"); strings.Contains(r.body, ref) {
		t.Errorf("a case without sign-in is listed as a citizen's")
	}
}

// A signed-in citizen saves a draft, and on coming back is offered it and
// goes on where they left off.
func TestCitizen_DraftIsSavedAndResumed(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday))
	c := ts.citizenClient(t, "dragoer", madsCPR)
	path := "/borger/dragoer/formular/dagtilbud"
	r := ts.get(t, c, path)
	if strings.Contains(r.body, "Du har en kladde") {
		t.Fatalf("a draft offered before any was saved")
	}
	v := pageFormValues(r.body)
	v.Set("_handling", "naeste")
	r = ts.post(t, c, path, v)
	v = pageFormValues(r.body)
	v.Set("barnets-navn", "Lille Prøvesen")
	v.Set("_handling", "gem")
	r = ts.post(t, c, path, v)
	if r.status != http.StatusOK || !strings.Contains(r.body, "Kladden er gemt 1. december 2026 kl. 10:00") {
		t.Fatalf("saving: %d", r.status)
	}
	r = ts.get(t, c, path)
	if !strings.Contains(r.body, "Du har en kladde fra 1. december 2026 kl. 10:00.") || !strings.Contains(r.body, `href="`+path+`?kladde=fortsaet"`) {
		t.Fatalf("the draft is not offered")
	}
	r = ts.get(t, c, path+"?kladde=fortsaet")
	if v := pageFormValues(r.body); v.Get("_trin") != "1" || v.Get("barnets-navn") != "Lille Prøvesen" {
		t.Errorf("resumed at step %q with the child's name %q", v.Get("_trin"), v.Get("barnets-navn"))
	}
	// Sending removes the draft.
	receiptRef(t, ts.fillForm(t, c, "dragoer", "dagtilbud", dagtilbudSteps), "dragoer")
	if r := ts.get(t, c, path); strings.Contains(r.body, "Du har en kladde") {
		t.Errorf("the draft is offered after sending")
	}
	// A citizen who has not signed in cannot save.
	anon := ts.client(t, "")
	r = ts.get(t, anon, "/borger/dragoer/formular/byggetilladelse")
	if strings.Contains(r.body, `value="gem"`) {
		t.Errorf("the form without sign-in offers to save a draft")
	}
}

// The forms' route takes the largest step's attachments: the building
// question's drawings, 5 files of at most 10 MiB (byggeri.yaml), and a
// mebibyte for the answers.
func TestCitizen_FormRouteTakesTheLargestStepsFiles(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, nil))
	for _, rt := range ts.srv.routes() {
		if rt.Pattern == "POST /borger/{municipality}/formular/{area}" {
			if want := int64(5*10<<20 + 1<<20); rt.Body != want {
				t.Errorf("body limit %d, want %d", rt.Body, want)
			}
			return
		}
	}
	t.Fatal("no route for the forms")
}

// Going back to sign in returns to a page of the same municipality's
// portal only: anything else goes to its front page.
func TestCitizen_SignInReturnsOnlyToThePortal(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, nil))
	for target, want := range map[string]string{
		"/borger/dragoer/sager":                "/borger/dragoer/sager",
		"/borger/dragoer/formular/dagtilbud":   "/borger/dragoer/formular/dagtilbud",
		"//evil.example/borger/dragoer/":       "/borger/dragoer/",
		"https://evil.example/borger/dragoer/": "/borger/dragoer/",
		"/borger/taarnby/sager":                "/borger/dragoer/",
		"/m/dragoer/":                          "/borger/dragoer/",
		"/borger/dragoer/\\evil":               "/borger/dragoer/",
		"":                                     "/borger/dragoer/",
	} {
		c := ts.client(t, "")
		ts.get(t, c, "/borger/dragoer/log-ind?"+url.Values{"tilbage": {target}}.Encode())
		r := ts.get(t, c, "/borger/dragoer/log-ind/udvikling")
		r = ts.post(t, c, "/borger/dragoer/log-ind/udvikling", url.Values{"csrf": {pageFormValues(r.body).Get("csrf")}, "cpr": {madsCPR}})
		if got := r.header.Get("Location"); r.status != http.StatusSeeOther || got != want {
			t.Errorf("return to %q: %d %q, want %q", target, r.status, got, want)
		}
	}
}

// The summary shows every answer in words, and each step can be changed
// from it without losing the others.
func TestCitizen_SummaryShowsTheAnswersAndChangesAStep(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday))
	c := ts.citizenClient(t, "dragoer", madsCPR)
	path := "/borger/dragoer/formular/sundhedskort"
	r := ts.get(t, c, path)
	for _, s := range sundhedskortSteps {
		v := pageFormValues(r.body)
		for k, a := range s.answers {
			v.Set(k, a)
		}
		v.Set("_handling", "naeste")
		r = ts.post(t, c, path, v)
	}
	if !strings.Contains(r.body, "<dd>Jeg har mistet mit kort</dd>") || !strings.Contains(r.body, "<dd>"+madsName+"</dd>") {
		t.Fatalf("the summary does not show the answers in words:\n%s", r.body)
	}
	v := pageFormValues(r.body)
	v.Set("_handling", "ret-1")
	r = ts.post(t, c, path, v)
	if r.status != http.StatusOK || !strings.Contains(r.body, `value="mistet" checked`) || !strings.Contains(r.body, `name="_trin" value="1"`) {
		t.Fatalf("changing step 2: %d", r.status)
	}
	v = pageFormValues(r.body)
	v.Set("aarsag", "beskadiget")
	v.Set("_handling", "naeste")
	r = ts.post(t, c, path, v)
	if !strings.Contains(r.body, "<dd>Mit kort er beskadiget</dd>") || !strings.Contains(r.body, "<dd>"+madsName+"</dd>") {
		t.Errorf("the summary after the change:\n%s", r.body)
	}
	v = pageFormValues(r.body)
	v.Set("_handling", "ret-9")
	if r := ts.post(t, c, path, v); r.status != http.StatusBadRequest {
		t.Errorf("changing a step the form does not have: %d", r.status)
	}
}

// The funnel follows the form: a run is started when the form is opened,
// reaches each step the citizen gets to (the summary is the step after
// the last), and is completed by sending; a run left behind stays at its
// step, uncompleted.
func TestCitizen_FunnelFollowsTheSteps(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday))
	c := ts.citizenClient(t, "dragoer", madsCPR)
	receiptRef(t, ts.fillForm(t, c, "dragoer", "sundhedskort", sundhedskortSteps), "dragoer")
	// Left at step 2 of the day-care form.
	r := ts.get(t, c, "/borger/dragoer/formular/dagtilbud")
	v := pageFormValues(r.body)
	v.Set("_handling", "naeste")
	ts.post(t, c, "/borger/dragoer/formular/dagtilbud", v)
	for form, want := range map[string]struct{ step, completed int }{
		// Two steps and the summary (step 2); sent.
		"sundhedskort": {2, 1},
		// Left at the second step (step 1).
		"dagtilbud": {1, 0},
	} {
		var step, completed int
		if err := ts.db.QueryRow(`SELECT last_step, COUNT(completed_at) FROM form_runs WHERE form = $1 GROUP BY last_step`, form).Scan(&step, &completed); err != nil {
			t.Fatalf("%s: %v", form, err)
		}
		if step != want.step || completed != want.completed {
			t.Errorf("%s: run at step %d, %d completed; want %d, %d", form, step, completed, want.step, want.completed)
		}
	}
}

// Without a registry look-up (a real broker and no SF1520 client), the
// form still takes the CPR number and the name from the sign-in, and the
// citizen types the address.
func TestCitizen_PrefillWithoutTheRegistry(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday), func(o *Options, _ string) { o.CPR = sf1520.Unavailable{} })
	c := ts.citizenClient(t, "dragoer", madsCPR)
	r := ts.get(t, c, "/borger/dragoer/formular/sundhedskort")
	v := pageFormValues(r.body)
	if v.Get("cpr") != madsCPR || v.Get("navn") != madsName || v.Get("adresse") != "" {
		t.Errorf("prefilled cpr %v navn %q adresse %q; want the sign-in's number and name and no address",
			v.Get("cpr") == madsCPR, v.Get("navn"), v.Get("adresse"))
	}
	if strings.Contains(ts.logs.String(), "look-up") {
		t.Errorf("a look-up that is not configured is logged as failing")
	}
}

// A request larger than the largest step's attachments is answered "too
// large" in the portal's words, and nothing is kept. The building
// question is read here with room for one file of 1000 bytes.
func TestCitizen_TooLargeAFormIsRefused(t *testing.T) {
	doc, err := os.ReadFile("../selfservice/forms/byggeri.yaml")
	if err != nil {
		t.Fatal(err)
	}
	small := strings.Replace(strings.Replace(string(doc), "max_bytes: 10485760", "max_bytes: 1000", 1), "max_files: 5", "max_files: 1", 1)
	if small == string(doc) {
		t.Fatal("the building question's limits are not where the test expects them")
	}
	form, err := selfservice.Load("byggeri.yaml", []byte(small))
	if err != nil {
		t.Fatal(err)
	}
	ts := newTestServer(t, true, withCitizens(t, &tuesday), func(o *Options, _ string) {
		o.Forms = selfservice.NewCatalogue([]*selfservice.Form{form})
	})
	c := ts.client(t, "")
	path := "/borger/dragoer/formular/byggetilladelse"
	v := pageFormValues(ts.get(t, c, path).body)
	for k, a := range byggeriSteps[0].answers {
		v.Set(k, a)
	}
	v.Set("_handling", "naeste")
	r := ts.postForm(t, c, path, v, attachment{"tegninger", "tegning.pdf", make([]byte, 1000+1<<20)})
	if r.status != http.StatusRequestEntityTooLarge || !strings.Contains(r.body, "Det, du sendte, fylder for meget.") {
		t.Errorf("a body over the limit: %d", r.status)
	}
	// Under the body limit but over the field's: the field's message.
	r = ts.postForm(t, c, path, v, attachment{"tegninger", "tegning.pdf", make([]byte, 1001)})
	if r.status != http.StatusBadRequest || !slices.Equal(errorLinks(r.body), []string{"tegninger"}) {
		t.Errorf("a file over the field's limit: %d %v", r.status, errorLinks(r.body))
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM citizen_uploads`); n != 0 {
		t.Errorf("%d files kept", n)
	}
}
