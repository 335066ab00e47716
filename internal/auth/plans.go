package auth

// MayEditPlan reports whether the principal may edit the process data of
// a department of the municipality — its action plan, and the register
// entries and business cases of its areas: the strategy group any
// department's, a manager the own department's only.
func (p *Principal) MayEditPlan(municipality, department string) bool {
	if !p.Can(EditPlans, municipality) {
		return false
	}
	if p.User.Role != Manager {
		return true
	}
	return p.User.Department != "" && p.User.Department == department
}

// MaySeePlan reports whether the principal may see the process data of a
// department: who views plans, every department's, except a manager, who
// sees the own department's only.
func (p *Principal) MaySeePlan(municipality, department string) bool {
	if !p.Can(ViewPlans, municipality) {
		return false
	}
	if p.User.Role != Manager {
		return true
	}
	return p.User.Department != "" && p.User.Department == department
}
