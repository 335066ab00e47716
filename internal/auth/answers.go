package auth

// MayEditAnswer reports whether the principal may write and review the
// answer page of an area of the department in the municipality: the
// strategy group any area's, staff and managers only their own
// department's (one without a department none).
func (p *Principal) MayEditAnswer(municipality, department string) bool {
	if !p.Can(EditAnswers, municipality) {
		return false
	}
	if p.User.Role == StrategyGroup {
		return true
	}
	return p.User.Department != "" && p.User.Department == department
}
