package web

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// citizenSignedIn reports whether the client is signed in to Dragør's portal:
// its cases page answers instead of sending it to sign in.
func (ts *testServer) citizenSignedIn(t *testing.T, c *http.Client) bool {
	t.Helper()
	r := ts.get(t, c, "/borger/dragoer/sager")
	switch {
	case r.status == http.StatusOK:
		return true
	case r.status == http.StatusSeeOther && strings.HasPrefix(r.header.Get("Location"), "/borger/dragoer/log-ind?"):
		return false
	}
	t.Fatalf("my cases: %d %q", r.status, r.header.Get("Location"))
	return false
}

// A citizen's session ends after 30 idle minutes, and after 8 hours
// however busy.
func TestCitizen_SessionEndsWhenIdleAndAfterEightHours(t *testing.T) {
	now := tuesday
	ts := newTestServer(t, true, withCitizens(t, &now))
	c := ts.citizenClient(t, "dragoer", madsCPR)
	now = now.Add(29 * time.Minute)
	if !ts.citizenSignedIn(t, c) {
		t.Fatalf("signed out after 29 idle minutes")
	}
	now = now.Add(31 * time.Minute)
	if ts.citizenSignedIn(t, c) {
		t.Errorf("still signed in after 31 idle minutes")
	}

	now = tuesday.Add(24 * time.Hour)
	start := now
	c = ts.citizenClient(t, "dragoer", madsCPR)
	for now.Sub(start) < 8*time.Hour-20*time.Minute {
		now = now.Add(20 * time.Minute)
		if !ts.citizenSignedIn(t, c) {
			t.Fatalf("signed out after %s in use", now.Sub(start))
		}
	}
	now = start.Add(8*time.Hour + time.Minute)
	if ts.citizenSignedIn(t, c) {
		t.Errorf("still signed in after 8 hours")
	}
	// The next sign-in removes the ended sessions with their CPR numbers.
	ts.citizenClient(t, "dragoer", hanneCPR)
	if n := ts.count(t, `SELECT COUNT(*) FROM citizen_sessions WHERE cpr = $1`, madsCPR); n != 0 {
		t.Errorf("%d ended sessions kept with the CPR number", n)
	}
}

// Behind an https address the portal's cookies are Secure.
func TestCitizen_CookiesAreSecureBehindHTTPS(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, nil), func(o *Options, _ string) { o.PublicURL = "https://kanal.example/" })
	c := ts.client(t, "")
	r := ts.get(t, c, "/borger/dragoer/log-ind")
	if line := cookieLine(r, "kanal_borger_login"); !strings.Contains(line, "Secure") {
		t.Errorf("state cookie %q is not Secure", line)
	}
	r = ts.get(t, c, "/borger/dragoer/formular/byggetilladelse")
	if line := cookieLine(r, "kanal_borger_csrf"); !strings.Contains(line, "Secure") || !strings.Contains(line, "Path=/borger/") {
		t.Errorf("the form's token cookie %q is not Secure on /borger/", line)
	}
}

// The area's page names the login of the day: NemID before 2021 ("NemID
// anvendes på alle Dragør Kommunes digitale løsninger, der kræver
// validering"), MitID after.
func TestCitizen_FormsLoginIsNemIDBefore2021(t *testing.T) {
	for _, tc := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2019, time.March, 4, 10, 0, 0, 0, time.UTC), "Du logger ind med NemID."},
		{tuesday, "Du logger ind med MitID."},
	} {
		at := tc.at
		ts := newTestServer(t, true, withCitizens(t, &at))
		r := ts.get(t, ts.client(t, ""), "/borger/dragoer/sundhedskort")
		_, form, _ := strings.Cut(r.body, `id="form"`)
		form, _, _ = strings.Cut(form, "</section>")
		if !strings.Contains(form, tc.want) || !strings.Contains(form, `href="/borger/dragoer/formular/sundhedskort"`) {
			t.Errorf("%s: the form's section lacks %q:\n%s", tc.at.Format(time.DateOnly), tc.want, form)
		}
	}
}

// The form speaks English with ?lang=en: its title, step, labels, errors
// and buttons.
func TestCitizen_FormInEnglish(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday))
	c := ts.citizenClient(t, "dragoer", madsCPR)
	r := ts.get(t, c, "/borger/dragoer/formular/sundhedskort?lang=en")
	v := pageFormValues(r.body)
	v.Set("_handling", "naeste")
	r = ts.post(t, c, "/borger/dragoer/formular/sundhedskort", v)
	v = pageFormValues(r.body)
	v.Set("_handling", "naeste")
	r = ts.post(t, c, "/borger/dragoer/formular/sundhedskort", v)
	for _, want := range []string{`<html lang="en">`, "There is a problem with what you filled in", "Step 2 of 3", ">Next<", ">Back<", "Save draft"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the English step lacks %q", want)
		}
	}
	for _, never := range []string{"Næste", "Der er problemer"} {
		if strings.Contains(r.body, never) {
			t.Errorf("the English step shows %q", never)
		}
	}
}
