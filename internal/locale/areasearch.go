package locale

// Texts of the areas' search words and the area for what no area fits.
func init() {
	add(map[string]message{
		"strategy.bad_search_word":       {"søgeordet %q skal være et ord eller en kort frase på højst %d tegn", "the search word %q must be a word or a short phrase of at most %d characters"},
		"strategy.duplicate_search_word": {"søgeordet %q står her allerede (store og små bogstaver, æ og ae regnes for ens)", "the search word %q is given already (upper and lower case, æ and ae count as the same)"},
		"strategy.other_twice":           {"kun ét område kan være til henvendelser, som intet område passer til; %q er det allerede", "only one area can be the one for inquiries no area fits; %q is it already"},

		"example.area.search_words": {"søgeord", "search words"},
		"kle_check.no_number":       {"Intet KLE-nummer", "No KLE number"},
		"kle_check.no_number_long":  {"Området har intet KLE-nummer: det er til henvendelser, som intet område passer til.", "The area has no KLE number: it is for inquiries no area fits."},
		"area.search_words":         {"Søgeord", "Search words"},
		"area.other_notice":         {"Kanals eget område: her registreres henvendelser, som intet andet område passer til, så de tælles én gang. Strategien nævner ikke et sådant område.", "Kanal's own area: inquiries no other area fits are registered here, so that they are counted once. The strategy names no such area."},
	})
}
