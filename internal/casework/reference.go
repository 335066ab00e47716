package casework

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"strings"
)

// referenceAlphabet are the characters of a reference: capital letters and
// digits without those that look or sound alike when read aloud, written
// by hand or typed (B/8, G/6, I/1/L, O/0/Q, S/5, Z/2).
const referenceAlphabet = "ACDEFHJKLMNPRTUVWXY34679"

// referenceLen is a reference's characters, without the dash: 24^8, some
// 110 billion references, makes a collision rare enough to retry.
const referenceLen = 8

// newReference returns a random reference written "XXXX-XXXX".
func newReference() (string, error) {
	var b strings.Builder
	max := big.NewInt(int64(len(referenceAlphabet)))
	for i := 0; i < referenceLen; i++ {
		if i == referenceLen/2 {
			b.WriteByte('-')
		}
		n, err := rand.Int(rand.Reader, max)
		if err != nil {
			return "", fmt.Errorf("new case reference: %w", err)
		}
		b.WriteByte(referenceAlphabet[n.Int64()])
	}
	return b.String(), nil
}

// ParseReference reads a reference as a citizen may write or say it: in
// lower case, with spaces or with no dash ("k7mf 4qx9", "K7MF4QX9"). It
// returns the reference as stored, "XXXX-XXXX", and false when s cannot be
// one.
func ParseReference(s string) (string, bool) {
	chars := referenceChars(s)
	if len(chars) != referenceLen || len(chars) != len(strings.Map(keepSeparators, s)) {
		return "", false
	}
	return chars[:referenceLen/2] + "-" + chars[referenceLen/2:], true
}

// referenceChars is s in upper case without spaces and dashes, with only
// the characters of references kept.
func referenceChars(s string) string {
	return strings.Map(func(r rune) rune {
		r = toUpperASCII(r)
		if strings.ContainsRune(referenceAlphabet, r) {
			return r
		}
		return -1
	}, s)
}

// keepSeparators drops spaces and dashes and keeps every other character.
func keepSeparators(r rune) rune {
	if r == ' ' || r == '-' || r == '\t' {
		return -1
	}
	return r
}

func toUpperASCII(r rune) rune {
	if 'a' <= r && r <= 'z' {
		return r - 'a' + 'A'
	}
	return r
}
