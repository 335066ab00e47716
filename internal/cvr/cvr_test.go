package cvr

import (
	"errors"
	"strings"
	"testing"
)

// Valid numbers below were checked by hand with the weights 2 7 6 5 4 3 2 1:
//
//	10150817: 1·2+0·7+1·6+5·5+0·4+8·3+1·2+7·1 = 2+0+6+25+0+24+2+7 = 66 = 6·11
//	12345674: 2+14+18+20+20+18+14+4 = 110 = 10·11
//	29876541: 4+63+48+35+24+15+8+1 = 198 = 18·11
//	31000009: 6+7+0+0+0+0+0+9 = 22 = 2·11
//	12345675: 111, not a multiple of 11 (last digit mistyped)
//	21345674: 4+7+18+20+20+18+14+4 = 105, not a multiple (two digits swapped)
func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		err  error
	}{
		{"eight digits", "10150817", "10150817", nil},
		{"spaces in pairs", "12 34 56 74", "12345674", nil},
		{"spaces around", "  29876541 ", "29876541", nil},
		{"zeros inside", "31000009", "31000009", nil},
		{"check digit mistyped", "12345675", "", ErrCheck},
		{"two digits swapped", "21345674", "", ErrCheck},
		{"seven digits", "1234567", "", ErrFormat},
		{"nine digits", "123456740", "", ErrFormat},
		{"letter", "1234567a", "", ErrFormat},
		{"dash", "1234-5674", "", ErrFormat},
		{"empty", "", "", ErrFormat},
		{"CPR number", "1203859902", "", ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Parse(tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Parse(%q) error = %v, want %v", tt.in, err, tt.err)
			}
			if n.Digits() != tt.want {
				t.Errorf("Parse(%q) = %q, want %q", tt.in, n.Digits(), tt.want)
			}
			if err != nil {
				if !n.IsZero() {
					t.Errorf("Parse(%q) returned a number with its error", tt.in)
				}
				if d := strings.ReplaceAll(tt.in, " ", ""); len(d) >= 4 && strings.Contains(err.Error(), d) {
					t.Errorf("error %q quotes the number", err)
				}
			}
		})
	}
}

func TestZeroNumber(t *testing.T) {
	var n Number
	if !n.IsZero() || n.String() != "" {
		t.Errorf("zero Number: IsZero %v, String %q", n.IsZero(), n.String())
	}
}
