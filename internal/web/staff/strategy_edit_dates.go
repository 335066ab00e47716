package staff

import (
	"fmt"
	"regexp"
	"strconv"
)

// The strategy file writes dates as 2012-12-01 and yearly closing days as
// 12-24; people write 01-12-2012 and 24-12. The forms show and read the
// latter and write the former: a date typed the file's way is kept as it
// is, and anything else is left for the loader to refuse at its field.

var (
	fileDate   = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})-([0-9]{2})$`)
	fileDay    = regexp.MustCompile(`^([0-9]{2})-([0-9]{2})$`)
	danishDate = regexp.MustCompile(`^([0-9]{1,2})[-./]([0-9]{1,2})[-./]([0-9]{4})$`)
	danishDay  = regexp.MustCompile(`^([0-9]{1,2})[-./]([0-9]{1,2})\.?$`)
)

// showDate writes a file's date or yearly day as people write it.
func showDate(s string) string {
	if m := fileDate.FindStringSubmatch(s); m != nil {
		return m[3] + "-" + m[2] + "-" + m[1]
	}
	if m := fileDay.FindStringSubmatch(s); m != nil {
		return m[2] + "-" + m[1]
	}
	return s
}

// readDate reads a date or yearly day as people write it into the
// file's form.
func readDate(s string) string {
	if fileDate.MatchString(s) {
		return s
	}
	if m := danishDate.FindStringSubmatch(s); m != nil {
		return m[3] + "-" + pad(m[2]) + "-" + pad(m[1])
	}
	if m := danishDay.FindStringSubmatch(s); m != nil {
		return pad(m[2]) + "-" + pad(m[1])
	}
	return s
}

func pad(s string) string {
	n, _ := strconv.Atoi(s)
	return fmt.Sprintf("%02d", n)
}

// asDates makes a field show and read dates as people write them.
func asDates(fd *editField) {
	fd.dates = true
	lines := splitLines(fd.Value)
	for i, l := range lines {
		lines[i] = showDate(l)
	}
	fd.Value = joinLines(lines)
	fd.original = fd.Value
}
