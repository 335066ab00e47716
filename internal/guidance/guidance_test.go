package guidance_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/guidance"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

func presets(t testing.TB) map[string]*strategy.Strategy {
	t.Helper()
	out, err := strategies.Parsed()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func at(t testing.TB, s string) time.Time {
	t.Helper()
	tm, err := time.ParseInLocation("2006-01-02 15:04", s, strategy.Location)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// Each case is a situation from the seeds' text. Dragør's Table 1, read
// with the sentences under it: "Den primære kanal for
// transaktionshenvendelser bør være digitale selvbetjeningsløsninger eller
// medbetjening. De sekundære bør være telefon eller personlig henvendelse."
// — written (e-mail, letter) is inappropriate. Dragør's example hours:
// counter Mon–Wed 10–15, Thu 10–17.30, Fri 10–13; phone Mon–Wed 9–15,
// Thu 9–17.30, Fri 9–13. Tårnby's own counter (example hours): Mon–Wed
// 10–14, Thu 10–17, Fri 10–13. (Tårnby's two types, its channel order and
// its referrals have tests of their own.)
func TestDecide_CasesFromTheStrategies(t *testing.T) {
	s := presets(t)
	cases := []struct {
		name                                       string
		municipality                               string
		req                                        guidance.Request
		recommended                                string
		inappropriate, refused, assisted, callback bool
		reason                                     string // a reason key that must be among the reasons
	}{
		{name: "Dragør Table 1: information goes to the website", municipality: "dragoer",
			req:         guidance.Request{Area: "23.05.10", Type: "information", Channel: "phone", At: at(t, "2013-03-05 10:00")},
			recommended: "website"},
		{name: "Dragør Table 1: e-mail is inappropriate for information", municipality: "dragoer",
			req:         guidance.Request{Area: "flytning", Type: "information", Channel: "email", At: at(t, "2013-03-05 10:00")},
			recommended: "website", inappropriate: true, reason: "guidance.reason.inappropriate"},
		{name: "Dragør: interaction (waiting list) by phone while it is open", municipality: "dragoer",
			req:         guidance.Request{Area: "28.09.40", Type: "interaction", Channel: "in_person", At: at(t, "2013-03-05 10:00")},
			recommended: "phone", inappropriate: true},
		{name: "Dragør: phone closed on Saturday, Digital Post instead and a callback offered", municipality: "dragoer",
			req:         guidance.Request{Area: "28.09.40", Type: "interaction", At: at(t, "2013-03-09 10:00")},
			recommended: "digital_post", callback: true, reason: "guidance.reason.closed"},
		{name: "Dragør: moving by letter after bølge 1 is refused", municipality: "dragoer",
			req:         guidance.Request{Area: "23.05.10", Type: "transaction", Channel: "letter", At: at(t, "2013-03-05 10:00")},
			recommended: "self_service", inappropriate: true, refused: true, reason: "guidance.reason.mandatory"},
		{name: "Dragør: moving by letter before bølge 1 is not refused", municipality: "dragoer",
			req:         guidance.Request{Area: "23.05.10", Type: "transaction", Channel: "letter", At: at(t, "2012-06-05 10:00")},
			recommended: "self_service", inappropriate: true},
		{name: "Dragør: an exempt citizen uses the exemption channel", municipality: "dragoer",
			req: guidance.Request{Area: "23.05.10", Type: "transaction", Channel: "letter", At: at(t, "2013-03-05 10:00"),
				Circumstances: guidance.Circumstances{ExemptSelfService: true}},
			recommended: "in_person", inappropriate: true, reason: "guidance.reason.exempt"},
		// Dragør takes into account "folk, der ikke kan få digital signatur"
		// (a group with special needs, under its principles); the law lets
		// the municipality exempt on "særlige forhold". Lacking NemID is
		// not an exemption: staff decide one and record it.
		{name: "Dragør: no NemID for a solution with login does not by itself exempt", municipality: "dragoer",
			req: guidance.Request{Area: "23.05.10", Type: "transaction", At: at(t, "2013-03-05 10:00"),
				Circumstances: guidance.Circumstances{NoNationalLogin: true}},
			recommended: "self_service", reason: "guidance.reason.no_login_not_exempt"},
		{name: "Dragør: at the open counter, assisted self-service (medbetjening)", municipality: "dragoer",
			req:         guidance.Request{Area: "23.05.10", Type: "transaction", Channel: "in_person", At: at(t, "2013-03-05 11:00")},
			recommended: "self_service", refused: true, assisted: true, reason: "guidance.reason.assisted"},
		{name: "Dragør: a passport needs the counter", municipality: "dragoer",
			req:         guidance.Request{Area: "23.09.02", Type: "transaction", Channel: "email", At: at(t, "2013-03-05 11:00")},
			recommended: "in_person", inappropriate: true},
		{name: "Dragør: a passport on Sunday: the counter is still the way, and when it opens", municipality: "dragoer",
			req:         guidance.Request{Area: "23.09.02", Type: "transaction", At: at(t, "2013-03-10 11:00")},
			recommended: "in_person", reason: "guidance.reason.closed"},
		{name: "Dragør: building permit before bølge 3 is not mandatory", municipality: "dragoer",
			req:         guidance.Request{Area: "02.34.02", Type: "transaction", Channel: "letter", At: at(t, "2014-06-02 10:00")},
			recommended: "self_service", inappropriate: true},
		{name: "Dragør: building permit after bølge 3, exempt, by letter: the exemption channel", municipality: "dragoer",
			req: guidance.Request{Area: "02.34.02", Type: "transaction", Channel: "letter", At: at(t, "2015-06-02 10:00"),
				Circumstances: guidance.Circumstances{ExemptSelfService: true}},
			recommended: "in_person", inappropriate: true, reason: "guidance.reason.exempt"},
		{name: "Dragør: municipality → citizen, Digital Post first", municipality: "dragoer",
			req:         guidance.Request{Area: "23.05.10", Type: "transaction", Direction: "outbound", At: at(t, "2013-03-05 10:00")},
			recommended: "digital_post"},
		{name: "Dragør: paper for a citizen exempt from Digital Post", municipality: "dragoer",
			req: guidance.Request{Area: "23.05.10", Type: "transaction", Direction: "outbound", At: at(t, "2013-03-05 10:00"),
				Circumstances: guidance.Circumstances{ExemptDigitalPost: true}},
			recommended: "letter", reason: "guidance.reason.digital_post_exempt"},
		{name: "Tårnby: information on the expensive channels is inappropriate", municipality: "taarnby",
			req:         guidance.Request{Area: "07.18.06", Type: "information", Channel: "in_person", At: at(t, "2017-03-02 10:00")},
			recommended: "website", inappropriate: true},
		{name: "Tårnby: waste self-service needs no login, so no NemID is no obstacle", municipality: "taarnby",
			req: guidance.Request{Area: "07.18.06", Type: "transaction", At: at(t, "2017-03-02 10:00"),
				Circumstances: guidance.Circumstances{NoNationalLogin: true}},
			recommended: "self_service"},
		{name: "Tårnby: special needs at the open counter get assisted self-service", municipality: "taarnby",
			req: guidance.Request{Area: "07.18.06", Type: "transaction", At: at(t, "2017-03-02 11:00"),
				Circumstances: guidance.Circumstances{SpecialNeeds: true}},
			recommended: "self_service", assisted: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := guidance.Decide(s[c.municipality], c.req)
			if err != nil {
				t.Fatal(err)
			}
			if got.Recommended != c.recommended || got.UsedIsInappropriate != c.inappropriate || got.Refused != c.refused ||
				got.Assisted != c.assisted || got.CallbackOffered != c.callback {
				t.Errorf("recommended %s inappropriate %v refused %v assisted %v callback %v; want %s %v %v %v %v\n%s",
					got.Recommended, got.UsedIsInappropriate, got.Refused, got.Assisted, got.CallbackOffered,
					c.recommended, c.inappropriate, c.refused, c.assisted, c.callback,
					strings.Join(guidance.Texts(got.Reasons, locale.New("da")), "\n"))
			}
			if c.reason != "" && !hasReason(got, c.reason) {
				t.Errorf("no %s among %v", c.reason, got.Reasons)
			}
			if len(got.Primary) == 0 || len(got.Script) == 0 {
				t.Errorf("no primary channels or no script: %+v", got)
			}
			for _, lang := range locale.Languages {
				for _, text := range append(guidance.Texts(got.Reasons, locale.New(lang)), guidance.Texts(got.Script, locale.New(lang))...) {
					if strings.Contains(text, "%!") || strings.HasPrefix(text, "guidance.") {
						t.Errorf("%s text renders badly: %q", lang, text)
					}
				}
			}
		})
	}
}

func hasReason(a guidance.Answer, key string) bool {
	for _, r := range a.Reasons {
		if r.Key == key {
			return true
		}
	}
	return false
}

func TestDecide_ClosedReasonNamesTheNextOpening(t *testing.T) {
	s := presets(t)["dragoer"]
	a, err := guidance.Decide(s, guidance.Request{Area: "28.09.40", Type: "interaction", At: at(t, "2013-03-09 10:00")})
	if err != nil {
		t.Fatal(err)
	}
	texts := strings.Join(guidance.Texts(a.Reasons, locale.New("da")), " ")
	if !strings.Contains(texts, "Telefon er lukket nu og åbner igen mandag kl. 09:00") {
		t.Errorf("reasons: %s", texts)
	}
	script := strings.Join(guidance.Texts(a.Script, locale.New("da")), " ")
	if !strings.Contains(script, "ringe dig op") {
		t.Errorf("the script does not offer the callback: %s", script)
	}
}

func TestDecide_ScriptGivesTheLinkAndTheResponseTime(t *testing.T) {
	s := presets(t)["dragoer"]
	a, _ := guidance.Decide(s, guidance.Request{Area: "23.05.10", Type: "transaction", At: at(t, "2013-03-05 10:00")})
	script := strings.Join(guidance.Texts(a.Script, locale.New("da")), " ")
	if !strings.Contains(script, "https://www.borger.dk/") || !strings.Contains(script, "5 arbejdsdage") {
		t.Errorf("script: %s", script)
	}
}

// A response time of one working day is said in the singular.
func TestDecide_ScriptSaysOneWorkingDay(t *testing.T) {
	s := presets(t)["dragoer"]
	a, ok := s.Area("23.05.10")
	if !ok {
		t.Fatal("no area 23.05.10 in Dragør's preset")
	}
	one := 1
	a.ResponseDays = &one
	ans, _ := guidance.Decide(s, guidance.Request{Area: "23.05.10", Type: "transaction", At: at(t, "2013-03-05 10:00")})
	for lang, want := range map[string]string{"da": "inden for 1 arbejdsdag.", "en": "within 1 working day."} {
		if script := strings.Join(guidance.Texts(ans.Script, locale.New(lang)), " "); !strings.Contains(script, want) {
			t.Errorf("%s script: %s", lang, script)
		}
	}
}

func TestDecide_RejectsBadRequestsByField(t *testing.T) {
	s := presets(t)["dragoer"]
	for field, req := range map[string]guidance.Request{
		"area":      {Area: "99.99.99", Type: "information"},
		"type":      {Area: "32.03.04", Type: "transaction"},
		"direction": {Area: "23.05.10", Type: "information", Direction: "sideways"},
		"channel":   {Area: "23.05.10", Type: "information", Channel: "fax"},
	} {
		_, err := guidance.Decide(s, req)
		var in *guidance.InputError
		if !errors.As(err, &in) || in.Field != field {
			t.Errorf("%s: got %v", field, err)
		}
	}
}

// Every area, type, direction and circumstance at every hour of a week
// gets an answer whose recommended channel is one of the strategy's.
func TestDecide_AlwaysAnswersWithAKnownChannel(t *testing.T) {
	for _, s := range presets(t) {
		start := at(t, "2013-03-04 00:00")
		if s.Municipality.ID == "taarnby" {
			start = at(t, "2017-03-06 00:00")
		}
		for _, a := range s.Areas {
			for _, typ := range a.Types {
				for _, dir := range strategy.Directions {
					for mask := 0; mask < 16; mask++ {
						for h := 0; h < 7*24; h += 5 {
							req := guidance.Request{Area: a.ID, Type: typ, Direction: dir, At: start.Add(time.Duration(h) * time.Hour),
								Circumstances: guidance.Circumstances{ExemptSelfService: mask&1 != 0, ExemptDigitalPost: mask&2 != 0,
									NoNationalLogin: mask&4 != 0, SpecialNeeds: mask&8 != 0}}
							got, err := guidance.Decide(s, req)
							if err != nil {
								t.Fatal(err)
							}
							if _, ok := s.Channel(got.Recommended); !ok {
								t.Fatalf("%s %s %+v: recommended %q", s.Municipality.ID, a.ID, req, got.Recommended)
							}
							if got.Recommended == strategy.DigitalPost && (req.ExemptDigitalPost || req.NoNationalLogin && dir == strategy.Inbound) {
								t.Fatalf("%s %+v: Digital Post recommended to a citizen who cannot use it", a.ID, req)
							}
						}
					}
				}
			}
		}
	}
}
