package web

import (
	"net/url"
	"strings"
	"testing"
)

// A summary sent twice — a double click, or the browser sending the page
// again — opens one case and registers one inquiry, and the second
// sending leads to the first one's receipt: nothing accepted is counted
// twice. Both with sign-in (the health card) and without (the building
// question).
func TestCitizen_SummarySentTwiceOpensOneCase(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday))
	for _, tc := range []struct {
		area  string
		cpr   string
		steps []step
	}{
		{"sundhedskort", madsCPR, sundhedskortSteps},
		{"byggetilladelse", "", byggeriSteps},
	} {
		c := ts.client(t, "")
		if tc.cpr != "" {
			c = ts.citizenClient(t, "dragoer", tc.cpr)
		}
		path := "/borger/dragoer/formular/" + tc.area
		r := ts.get(t, c, path)
		for _, s := range tc.steps {
			v := pageFormValues(r.body)
			for k, a := range s.answers {
				v.Set(k, a)
			}
			v.Set("_handling", "naeste")
			r = ts.postForm(t, c, path, v, s.files...)
		}
		if !strings.Contains(r.body, `value="send"`) {
			t.Fatalf("%s: no summary\n%s", tc.area, errorSummary(r.body))
		}
		summary := pageFormValues(r.body)
		summary.Set("_handling", "send")
		cases := ts.count(t, `SELECT COUNT(*) FROM cases`)
		inquiries := ts.count(t, `SELECT COUNT(*) FROM inquiries`)
		first := receiptRef(t, ts.post(t, c, path, cloneValues(summary)), "dragoer")
		again := receiptRef(t, ts.post(t, c, path, cloneValues(summary)), "dragoer")
		if first != again {
			t.Errorf("%s: the second sending led to %s, not the first one's receipt %s", tc.area, again, first)
		}
		if n := ts.count(t, `SELECT COUNT(*) FROM cases`) - cases; n != 1 {
			t.Errorf("%s: sent twice opened %d cases, want 1", tc.area, n)
		}
		if n := ts.count(t, `SELECT COUNT(*) FROM inquiries`) - inquiries; n != 1 {
			t.Errorf("%s: sent twice registered %d inquiries, want 1", tc.area, n)
		}
	}
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
