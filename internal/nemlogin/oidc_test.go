package nemlogin

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/auth/oidctest"
	"github.com/kanal-dk/kanal/internal/cpr"
)

const callback = "http://127.0.0.1:1/borger/login/callback"

func newBroker(t *testing.T, now time.Time) (*OIDC, *oidctest.Provider) {
	t.Helper()
	p := oidctest.New(t, "kanal-borger", "hemmelig")
	o := NewOIDC(OIDCConfig{Issuer: p.Issuer(), ClientID: "kanal-borger", ClientSecret: "hemmelig",
		RedirectURL: callback, Now: func() time.Time { return now }})
	return o, p
}

// signIn runs a sign-in over real HTTP as far as the callback and returns
// the kept state and the callback's query.
func signIn(t *testing.T, o *OIDC) (string, url.Values) {
	t.Helper()
	redirect, kept, err := o.Start(context.Background(), "/borger/dragoer/")
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(redirect)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	back, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || !strings.HasPrefix(back.String(), callback) {
		t.Fatalf("the broker sent the browser to %q (%v)", resp.Header.Get("Location"), err)
	}
	return kept, back.Query()
}

func TestOIDC_ReadsTheCitizenFromEachDocumentedClaim(t *testing.T) {
	for name, tc := range map[string]struct {
		claims   map[string]any
		wantName string
	}{
		"OIOSAML 3 names (NemLog-in3)": {map[string]any{
			"https://data.gov.dk/model/core/eid/cprNumber": "1203859902",
			"https://data.gov.dk/model/core/eid/fullName":  "Ida Testesen",
			"https://data.gov.dk/concept/core/nsis/loa":    "Substantial",
		}, "Ida Testesen"},
		"OIOSAML 2 CPR and given and family names": {map[string]any{
			"dk:gov:saml:attribute:CprNumberIdentifier": "120385-9902",
			"given_name": "Ida", "family_name": "Testesen",
		}, "Ida Testesen"},
		"Signaturgruppen's nemlogin scope": {map[string]any{
			"nemlogin.cpr": "1203859902", "nemlogin.given_name": "Ida", "nemlogin.family_name": "Testesen",
			"https://data.gov.dk/concept/core/nsis/loa": "High",
		}, "Ida Testesen"},
		"Idura's cprNumberIdentifier": {map[string]any{"cprNumberIdentifier": "1203859902", "name": "Ida Testesen"}, "Ida Testesen"},
	} {
		t.Run(name, func(t *testing.T) {
			o, p := newBroker(t, time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC))
			p.SetClaims(tc.claims)
			kept, query := signIn(t, o)
			id, err := o.Finish(context.Background(), kept, query)
			if err != nil {
				t.Fatal(err)
			}
			want := Identity{CPR: "1203859902", Name: tc.wantName, Method: "MitID"}
			if id != want {
				t.Errorf("got %+v, want %+v", id, want)
			}
		})
	}
}

// "NemID before 2021, MitID from 2021", Danish time: 23:30 UTC on New
// Year's Eve 2020 is already 2021 in Denmark.
func TestOIDC_NamesTheLoginByDate(t *testing.T) {
	for now, want := range map[time.Time]string{
		time.Date(2019, 6, 1, 12, 0, 0, 0, time.UTC):    "NemID",
		time.Date(2020, 12, 31, 22, 30, 0, 0, time.UTC): "NemID",
		time.Date(2020, 12, 31, 23, 30, 0, 0, time.UTC): "MitID",
	} {
		o, p := newBroker(t, now)
		p.SetClaims(map[string]any{"https://data.gov.dk/model/core/eid/cprNumber": "1203859902"})
		kept, query := signIn(t, o)
		id, err := o.Finish(context.Background(), kept, query)
		if err != nil || id.Method != want {
			t.Errorf("%s: %+v %v, want %s", now, id, err, want)
		}
	}
}

func TestOIDC_Refusals(t *testing.T) {
	ctx := context.Background()
	for name, tc := range map[string]struct {
		claims map[string]any
		change func(p *oidctest.Provider, kept string, q url.Values) (string, url.Values)
		want   error
	}{
		"no CPR number": {claims: map[string]any{"name": "Ida Testesen"}, want: ErrNoCPR},
		"not a CPR number": {claims: map[string]any{"https://data.gov.dk/model/core/eid/cprNumber": "3102001234",
			"name": "Ida Testesen"}, want: cpr.ErrDate},
		"level Low": {claims: map[string]any{"https://data.gov.dk/model/core/eid/cprNumber": "1203859902",
			"https://data.gov.dk/concept/core/nsis/loa": "Low"}, want: ErrAssurance},
		"state of another sign-in": {change: func(_ *oidctest.Provider, kept string, q url.Values) (string, url.Values) {
			q.Set("state", "other")
			return kept, q
		}, want: ErrState},
		"nothing kept": {change: func(_ *oidctest.Provider, _ string, q url.Values) (string, url.Values) {
			return "", q
		}, want: ErrState},
		"code used twice": {change: func(_ *oidctest.Provider, kept string, q url.Values) (string, url.Values) {
			return kept, q
		}, want: ErrBroker},
		"verifier of another sign-in": {change: func(_ *oidctest.Provider, kept string, q url.Values) (string, url.Values) {
			parts := strings.Split(kept, ".")
			return parts[0] + "." + parts[1] + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", q
		}, want: ErrBroker},
		"nonce of another sign-in": {change: func(_ *oidctest.Provider, kept string, q url.Values) (string, url.Values) {
			parts := strings.Split(kept, ".")
			return parts[0] + ".other." + parts[2], q
		}, want: ErrBroker},
	} {
		t.Run(name, func(t *testing.T) {
			o, p := newBroker(t, time.Now())
			claims := tc.claims
			if claims == nil {
				claims = map[string]any{"https://data.gov.dk/model/core/eid/cprNumber": "1203859902", "name": "Ida Testesen"}
			}
			p.SetClaims(claims)
			kept, query := signIn(t, o)
			if name == "code used twice" {
				if _, err := o.Finish(ctx, kept, query); err != nil {
					t.Fatal(err)
				}
			}
			if tc.change != nil {
				kept, query = tc.change(p, kept, query)
			}
			_, err := o.Finish(ctx, kept, query)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			for _, personal := range []string{"1203859902", "3102001234", "310200", "Testesen"} {
				if strings.Contains(err.Error(), personal) {
					t.Errorf("the error holds %s: %v", personal, err)
				}
			}
		})
	}
}

func TestOIDC_CancelledAtTheBroker(t *testing.T) {
	o, p := newBroker(t, time.Now())
	p.Deny()
	kept, query := signIn(t, o)
	if _, err := o.Finish(context.Background(), kept, query); !errors.Is(err, ErrDenied) {
		t.Errorf("got %v, want ErrDenied", err)
	}
	kept, query = signIn(t, o)
	query.Del("code")
	query.Set("error", "server_error <b>")
	if _, err := o.Finish(context.Background(), kept, query); !errors.Is(err, ErrBroker) || strings.Contains(err.Error(), "<b>") {
		t.Errorf("got %v, want ErrBroker without the broker's text", err)
	}
}

func TestOIDC_NoIssuerIsNoBroker(t *testing.T) {
	if NewOIDC(OIDCConfig{}) != nil {
		t.Error("NewOIDC without an issuer is not nil")
	}
	if o, _ := newBroker(t, time.Now()); o.Development() {
		t.Error("the national login says it is the development login")
	}
}
