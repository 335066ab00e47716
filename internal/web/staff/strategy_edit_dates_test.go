package staff

import "testing"

// Dates as people write them and as the strategy file does, both ways.
func TestDates_ShownAndReadAsPeopleWriteThem(t *testing.T) {
	for _, c := range []struct{ file, shown string }{
		{"2012-12-01", "01-12-2012"},
		{"12-24", "24-12"},
		{"06-05", "05-06"},
	} {
		if got := showDate(c.file); got != c.shown {
			t.Errorf("showDate(%q) = %q, want %q", c.file, got, c.shown)
		}
		if got := readDate(c.shown); got != c.file {
			t.Errorf("readDate(%q) = %q, want %q", c.shown, got, c.file)
		}
	}
	for typed, want := range map[string]string{
		"1-12-2012":  "2012-12-01", // without leading zeros
		"1.12.2012":  "2012-12-01",
		"24/12":      "12-24",
		"2014-05-02": "2014-05-02", // the file's own way is kept
		"juleaften":  "juleaften",  // for the loader to refuse
	} {
		if got := readDate(typed); got != want {
			t.Errorf("readDate(%q) = %q, want %q", typed, got, want)
		}
	}
}
