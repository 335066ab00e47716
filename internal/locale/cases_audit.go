package locale

// Texts of the audit log's entries for cases and their delivery.
func init() {
	add(map[string]message{
		"audit.action.case_viewed":         {"Sagens personoplysninger set", "Case's personal data viewed"},
		"audit.action.case_status_changed": {"Sagens status ændret", "Case status changed"},
		"audit.action.case_erased":         {"Sagens personoplysninger slettet", "Case's personal data erased"},
		"audit.action.delivery_resent":     {"Levering til sagssystemet sendt igen", "Delivery to the case system sent again"},
		"audit.action.endpoint_set":        {"Sagssystemets adresse sat", "Case system endpoint set"},
		"audit.detail.attachment":          {"Bilag %s hentet", "Attachment %s downloaded"},
		"audit.detail.retention":           {"Opbevaringstiden var %s", "The retention period was %s"},
		"audit.count.days.one":             {"%s dag", "%s day"},
		"audit.count.days.other":           {"%s dage", "%s days"},
		"audit.detail.endpoint_removed":    {"Adressen er fjernet", "The address was removed"},
		"audit.detail.case_delivery":       {"Sag %s", "Case %s"},
	})
}
