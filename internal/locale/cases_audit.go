package locale

// Texts of the audit log's entries for cases and their delivery.
func init() {
	add(map[string]message{
		"audit.action.case_viewed":         {"Sagens personoplysninger set", "Case's personal data viewed"},
		"audit.action.case_status_changed": {"Sagens status ændret", "Case status changed"},
		"audit.action.case_erased":         {"Sagens personoplysninger slettet", "Case's personal data erased"},
		"audit.action.delivery_resent":     {"Levering til sagssystemet sendt igen", "Delivery to the case system sent again"},
		"audit.action.endpoint_set":        {"Sagssystemets adresse sat", "Case system endpoint set"},
	})
}
