package locale

// Texts of the staff pages' layout: error summaries, the figures' filter
// and the tables that scroll.
func init() {
	add(map[string]message{
		"layout.problems":    {"Der er et problem", "There is a problem"},
		"layout.filter.when": {"Tidsrum", "Time span"},
		"layout.filter.what": {"Udsnit", "Selection"},
	})
}
