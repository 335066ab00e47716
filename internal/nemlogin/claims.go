package nemlogin

import (
	"fmt"
	"strings"

	"github.com/kanal-dk/kanal/internal/cpr"
)

// The claims Kanal reads a citizen from, in the order they are tried. A
// NemLog-in broker passes on NemLog-in's OIOSAML 3 attributes under their
// own names (the data.gov.dk URIs); brokers in front of it name them their
// own way. See docs/citizen-login.md for where each comes from.
var (
	// CPRClaims name the CPR number.
	CPRClaims = []string{
		"https://data.gov.dk/model/core/eid/cprNumber", // OIOSAML 3 (NemLog-in3, MitID)
		"dk:gov:saml:attribute:CprNumberIdentifier",    // OIOSAML 2 (NemLog-in2, NemID)
		"nemlogin.cpr",        // Signaturgruppen broker, scope nemlogin
		"cprNumberIdentifier", // Idura (Criipto) Verify, MitID
	}
	// NameClaims name the full name.
	NameClaims = []string{
		"https://data.gov.dk/model/core/eid/fullName",
		"name",
		"nemlogin.name",
	}
	// GivenNameClaims and FamilyNameClaims give the name in two parts,
	// when no full name is sent.
	GivenNameClaims  = []string{"https://data.gov.dk/model/core/eid/firstName", "given_name", "nemlogin.given_name"}
	FamilyNameClaims = []string{"https://data.gov.dk/model/core/eid/lastName", "family_name", "nemlogin.family_name"}
	// LoAClaim is the NSIS level of assurance: Low, Substantial or High.
	LoAClaim = "https://data.gov.dk/concept/core/nsis/loa"
)

// claimValue is the first of names that claims hold as a non-empty text.
func claimValue(claims map[string]any, names []string) string {
	for _, name := range names {
		if s, ok := claims[name].(string); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// identityFrom reads the citizen from an ID token's claims. A level of
// assurance, when sent, must be Substantial or High: NemLog-in's levels
// for a login that may see personal data.
func identityFrom(claims map[string]any, method string) (Identity, error) {
	if loa, ok := claims[LoAClaim].(string); ok {
		switch strings.ToLower(strings.TrimSpace(loa)) {
		case "substantial", "high":
		default:
			return Identity{}, fmt.Errorf("%s %q: %w", LoAClaim, loa, ErrAssurance)
		}
	}
	raw := claimValue(claims, CPRClaims)
	if raw == "" {
		return Identity{}, ErrNoCPR
	}
	n, err := cpr.Parse(raw)
	if err != nil {
		return Identity{}, fmt.Errorf("%w: %w", ErrNoCPR, err)
	}
	name := claimValue(claims, NameClaims)
	if name == "" {
		name = strings.TrimSpace(claimValue(claims, GivenNameClaims) + " " + claimValue(claims, FamilyNameClaims))
	}
	return Identity{CPR: n.Digits(), Name: name, Method: method}, nil
}
