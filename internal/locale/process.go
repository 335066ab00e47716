package locale

// The menu of the strategy's process pages (plans, register, business
// cases, yearly reports, reminders).
func init() {
	add(map[string]message{
		"nav.process":                {"Strategiarbejde", "Strategy work"},
		"process.tabs":               {"Strategiarbejdet", "The strategy work"},
		"process.tab.plans":          {"Handleplaner", "Action plans"},
		"process.tab.register":       {"Løsningsregister", "Solution register"},
		"process.tab.business_cases": {"Business cases", "Business cases"},
		"process.tab.reports":        {"Årsrapporter", "Yearly reports"},
		"process.tab.reminders":      {"Påmindelser", "Reminders"},
	})
}
