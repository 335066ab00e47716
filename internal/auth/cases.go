package auth

// Who handles which self-service cases. The case pages ask these, so that
// the department rule is written once.

// CaseDepartment is the department whose cases are all the principal may
// handle: the own department of a user placed in one, or "" for every
// department — the strategy group's, whatever its placement, and a staff
// member's who is placed in none.
func (p *Principal) CaseDepartment() string {
	if p == nil || p.User == nil || p.User.Role == StrategyGroup {
		return ""
	}
	return p.User.Department
}

// MayHandleCase reports whether the principal may open and change a case
// of the municipality that belongs to department.
func (p *Principal) MayHandleCase(municipality, department string) bool {
	if !p.Can(HandleCases, municipality) {
		return false
	}
	own := p.CaseDepartment()
	return own == "" || own == department
}

// MaySeeProtectedAddress reports whether the principal may see the address
// of a citizen of the municipality under name and address protection.
func (p *Principal) MaySeeProtectedAddress(municipality string) bool {
	return p.Can(SeeProtectedAddress, municipality)
}

// MayAnswerQuestion reports whether the principal may open and answer a
// contact-form question of the municipality that belongs to department:
// the department rule of the cases.
func (p *Principal) MayAnswerQuestion(municipality, department string) bool {
	if !p.Can(AnswerQuestions, municipality) {
		return false
	}
	own := p.CaseDepartment()
	return own == "" || own == department
}
