package callback

import (
	"errors"
	"strings"
)

// ErrBadPhone: not a Danish phone number.
var ErrBadPhone = errors.New("not a Danish phone number")

// ParsePhone reads a Danish phone number: 8 digits, the first not 0 or 1,
// with spaces, dashes or dots between them and the country code +45 or
// 0045 in front allowed. It returns the 8 digits.
func ParsePhone(s string) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "+45"):
		s = s[3:]
	case strings.HasPrefix(s, "0045"):
		s = s[4:]
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '.':
		default:
			return "", ErrBadPhone
		}
	}
	d := b.String()
	if len(d) != 8 || d[0] == '0' || d[0] == '1' {
		return "", ErrBadPhone
	}
	return d, nil
}

// FormatPhone writes 8 digits in pairs, as Danish numbers are read:
// "12 34 56 78".
func FormatPhone(d string) string {
	if len(d) != 8 {
		return d
	}
	return d[0:2] + " " + d[2:4] + " " + d[4:6] + " " + d[6:8]
}
