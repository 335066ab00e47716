package locale

// The self-service solution register (internal/register, the staff pages
// /m/{municipality}/register).
func init() {
	add(map[string]message{
		"audit.action.register_changed": {"Løsningsregister ændret", "Solution register changed"},
	})
}
