package auth

import (
	"errors"

	"github.com/kanal-dk/kanal/internal/municipality"
)

// StartsAtConsole reports whether the principal's day starts at the
// municipality's console: front-line staff, who register the inquiries
// they take all day. Managers, the strategy group and auditors start at
// the strategy.
func (p *Principal) StartsAtConsole(municipality string) bool {
	return p != nil && p.User != nil && p.User.Role == Staff && p.Can(RegisterInquiries, municipality)
}

// MayEditSearchWords reports whether the principal may edit the search
// words of an area of the municipality that belongs to department: who
// edits the strategy, any area's; a manager, the own department's areas'
// ("search words … edited by the department", issue 13).
func (p *Principal) MayEditSearchWords(municipality, department string) bool {
	if p.Can(EditStrategy, municipality) {
		return true
	}
	return p.Can(EditSearchWords, municipality) && p.User.Role == Manager && p.User.Department != "" &&
		p.User.Department == department
}

// What a principal may see of the management information. Every face of
// the figures — the page, its exports, the comparison, the council report
// and the API — asks these, so that none can forget a rule.

// ErrNoDepartment is the answer for a manager without a department, who
// sees no figures rather than all of them.
var ErrNoDepartment = errors.New("a manager without a department sees no figures")

// DepartmentScope is the department whose figures are all the principal
// may see: a manager's own, or "" for the whole municipality. A manager
// without a department gets ErrNoDepartment.
func (p *Principal) DepartmentScope() (string, error) {
	if p == nil || p.User == nil || p.User.Role != Manager {
		return "", nil
	}
	if p.User.Department == "" {
		return "", ErrNoDepartment
	}
	return p.User.Department, nil
}

// MayCompare reports whether the principal may see other's figures beside
// those of own, a municipality it sees: an operator, any municipality's;
// anyone else only when own and other both share their figures for
// comparison.
func (p *Principal) MayCompare(own, other municipality.Municipality) bool {
	if !p.Sees(own.ID) {
		return false
	}
	if p.User != nil && p.User.Role == Operator {
		return true
	}
	return own.ShareComparison && other.ShareComparison
}
