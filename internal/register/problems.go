package register

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// Problems are what is wrong with an entry, by the form's field name, each
// a key of the translation catalogue: the address must be https (or left
// empty), the SB level 0–4, the login and integration known values, the
// cost and counts not negative, and completed no more than started.
func (s Solution) Problems() map[string]string {
	probs := map[string]string{}
	if s.URL != "" && !httpsURL(s.URL) {
		probs["url"] = "register.error.url"
	}
	if s.SBLevel != nil && (*s.SBLevel < 0 || *s.SBLevel > 4) {
		probs["sb_level"] = "register.error.sb_level"
	}
	if s.Login != strategy.LoginNone && s.Login != strategy.LoginNational {
		probs["login"] = "register.error.login"
	}
	if !slices.Contains(Integrations, s.Integration) {
		probs["integration"] = "register.error.integration"
	}
	if s.CostPerYear != nil && *s.CostPerYear < 0 {
		probs["cost"] = "register.error.cost"
	}
	if s.Started != nil && *s.Started < 0 {
		probs["started"] = "register.error.count"
	}
	if s.Completed != nil && *s.Completed < 0 {
		probs["completed"] = "register.error.count"
	}
	if _, bad := probs["completed"]; !bad && s.Started != nil && s.Completed != nil && *s.Completed > *s.Started {
		probs["completed"] = "register.error.completed_over_started"
	}
	if s.CountsYear != 0 && (s.CountsYear < 2000 || s.CountsYear > 2100) {
		probs["counts_year"] = "register.error.counts_year"
	}
	return probs
}

// httpsURL reports whether u is an absolute https address with a host.
func httpsURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && p.Scheme == "https" && p.Host != "" && p.User == nil && !strings.ContainsAny(u, " \t\n")
}

// Difference is a value where a saved entry and the strategy's file
// disagree: Field is "url", "sb_level", "login" or "borger_dk", or
// "self_service" when the file states no solution for the area; Strategy
// is the file's value as text ("3", "national", "true", an address; ""
// when the file gives none).
type Difference struct {
	Field, Strategy string
}

// Differences are the values where a saved entry disagrees with what the
// strategy file states of the area's self-service. The file's SB level
// prices the area's self-service, so a different level in the register
// means the figures price it otherwise than the register says. A solution
// prefilled from the file has none.
func Differences(s *strategy.Strategy, sol Solution) []Difference {
	if !sol.Saved {
		return nil
	}
	a, ok := s.Area(sol.Area)
	if !ok {
		return nil
	}
	file, ok := FromStrategy(sol.Municipality, a)
	if !ok {
		return []Difference{{Field: "self_service"}}
	}
	var out []Difference
	if file.URL != sol.URL {
		out = append(out, Difference{"url", file.URL})
	}
	if !sameLevel(file.SBLevel, sol.SBLevel) {
		text := ""
		if file.SBLevel != nil {
			text = strconv.Itoa(*file.SBLevel)
		}
		out = append(out, Difference{"sb_level", text})
	}
	if file.Login != sol.Login {
		out = append(out, Difference{"login", file.Login})
	}
	if file.BorgerDK != sol.BorgerDK {
		text := "false"
		if file.BorgerDK {
			text = "true"
		}
		out = append(out, Difference{"borger_dk", text})
	}
	return out
}

func sameLevel(a, b *int) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
