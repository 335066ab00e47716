package locale

// Business cases and the municipality's channel-shift scenario
// (internal/businesscase, docs/business-case.md).
func init() {
	add(map[string]message{
		"audit.action.business_case_saved":    {"Business case gemt", "Business case saved"},
		"audit.action.business_case_approved": {"Business case godkendt", "Business case approved"},

		"businesscase.error.required":      {"Skal udfyldes.", "Required."},
		"businesscase.error.long":          {"Højst %d tegn.", "At most %d characters."},
		"businesscase.error.scenarios":     {"En business case har 1 til %d scenarier.", "A business case has 1 to %d scenarios."},
		"businesscase.error.same_name":     {"To scenarier har samme navn.", "Two scenarios have the same name."},
		"businesscase.error.min":           {"Må ikke være negativ (mindst %v).", "Must not be negative (at least %v)."},
		"businesscase.error.range":         {"Skal ligge fra %v til %v.", "Must be from %v to %v."},
		"businesscase.error.number":        {"Skal være et tal.", "Must be a number."},
		"businesscase.error.range_percent": {"Skal ligge fra 0 til %v %%.", "Must be from 0 to %v%%."},
		"businesscase.error.years":         {"Skal være et helt antal år fra 1 til %d.", "Must be a whole number of years from 1 to %d."},
		"businesscase.error.stale":         {"Business casen er gemt igen, siden du åbnede den; godkend den nyeste version.", "The business case was saved again since you opened it; approve the newest version."},
	})
}
