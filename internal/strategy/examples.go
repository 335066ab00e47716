package strategy

// Where a strategy is silent, a preset fills the gap with an example and
// says so: a whole department, area or referral (Example), or single fields
// of an area or a target (Examples). Pages and the command line show every
// such value as "Eksempel", so that a strategy group can tell what its
// strategy says from what Kanal filled in.

// AreaExampleFields are the names Area.Examples may hold: the area's own
// fields, and those of its mandatory_digital and self_service.
var AreaExampleFields = []string{
	"kle", "title", "department", "types", "channels", "outbound_channels",
	"mandatory_digital", "law", "since", "wave", "exemption_channel",
	"url", "sb_level", "login", "borger_dk",
	"response_days", "digital_readiness", "note", "referral", "search_words",
	"have_ready", "retention_days",
}

// TargetExampleFields are the names Target.Examples may hold. "years" marks
// the years of the shares as examples (Tårnby's "ca. 80 %" has no year),
// "shares" the percentages themselves.
var TargetExampleFields = []string{"years", "shares", "deadline", "counts", "of", "types", "area"}

// IsExample reports whether the area's value of field is an example: the
// whole area is one, or Examples names the field. The parts of
// mandatory_digital (law, since, wave, exemption_channel) are examples also
// when mandatory_digital as a whole is.
func (a *Area) IsExample(field string) bool {
	if a.Example || contains(a.Examples, field) {
		return true
	}
	switch field {
	case "law", "since", "wave", "exemption_channel":
		return contains(a.Examples, "mandatory_digital")
	}
	return false
}

// HasExamples reports whether anything of the area is an example.
func (a *Area) HasExamples() bool { return a.Example || len(a.Examples) > 0 }

// IsExample reports whether Examples names the target's field.
func (t *Target) IsExample(field string) bool { return contains(t.Examples, field) }

// AreaLabel names an area by its KLE number and title, or by its title
// alone when it has no number (the area for what no other area covers).
func AreaLabel(kle, title string) string {
	if kle == "" {
		return title
	}
	return kle + " " + title
}
