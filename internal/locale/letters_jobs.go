package locale

// Texts of the webhook address guard and of the case letters' job.
func init() {
	add(map[string]message{
		"deliveries.error.blocked": {"Adressen er ikke offentlig (intern eller lokal) og er ikke tilladt", "The address is not public (internal or local) and is not allowed"},
	})
}
