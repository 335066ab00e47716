package cpr

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// The century comes from the seventh digit and the year, after the CPR
// office's table; each row is worked out by hand from that table.
func TestParse_BirthdateFollowsTheCPROfficesCenturyTable(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // YYYY-MM-DD
	}{
		{"0101001234", "1900-01-01"},  // 0–3: always 1900
		{"311299-3999", "1999-12-31"}, // 0–3: always 1900
		{"010100-4000", "2000-01-01"}, // 4, year 00–36: 2000
		{"010136-4000", "2036-01-01"}, // 4, year 36: 2000
		{"010137-4000", "1937-01-01"}, // 4, year 37: 1900
		{"010157-5000", "2057-01-01"}, // 5–8, year 00–57: 2000
		{"010158-5000", "1858-01-01"}, // 5–8, year 58–99: 1800
		{"010199-8999", "1899-01-01"}, // 8, year 99: 1800
		{"150536-9123", "2036-05-15"}, // 9, year 00–36: 2000
		{"150537-9123", "1937-05-15"}, // 9, year 37–99: 1900
		{"290200-4000", "2000-02-29"}, // 2000 is a leap year
		{"290292-9933", "1992-02-29"},
		{" 120385-9902 ", "1985-03-12"}, // spaces around are trimmed
	} {
		n, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if got := n.Birthdate().Format(time.DateOnly); got != tc.want {
			t.Errorf("Parse(%q).Birthdate() = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestParse_RefusesByKind(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want error
	}{
		{"", ErrFormat},
		{"010185123", ErrFormat},
		{"01018512345", ErrFormat},
		{"010185-123", ErrFormat},
		{"01018a1234", ErrFormat},
		{"010185 1234", ErrFormat},
		{"0101-851234", ErrFormat},
		{"010185--1234", ErrFormat},
		{"290200-1000", ErrDate}, // 1900 was not a leap year
		{"290293-1000", ErrDate},
		{"310485-1234", ErrDate}, // 31 April
		{"001285-1234", ErrDate},
		{"011385-1234", ErrDate},
		{"010085-1234", ErrDate},
	} {
		_, err := Parse(tc.in)
		if !errors.Is(err, tc.want) {
			t.Errorf("Parse(%q) = %v, want %v", tc.in, err, tc.want)
			continue
		}
		if digits := strings.ReplaceAll(strings.TrimSpace(tc.in), "-", ""); len(digits) >= 6 && strings.Contains(err.Error(), digits[:6]) {
			t.Errorf("Parse(%q): the error quotes the number: %v", tc.in, err)
		}
	}
}

func TestNumber_Forms(t *testing.T) {
	n, err := Parse("0707614285")
	if err != nil {
		t.Fatal(err)
	}
	if n.String() != "070761-4285" || n.Digits() != "0707614285" || n.Masked() != "070761-xxxx" {
		t.Errorf("forms: %q %q %q", n.String(), n.Digits(), n.Masked())
	}
	var zero Number
	if !zero.IsZero() || zero.String() != "" || zero.Masked() != "" || zero.Modulus11() {
		t.Errorf("zero Number: %q %q", zero.String(), zero.Masked())
	}
}

// 0·4+7·3+0·2+7·7+6·6+1·5+4·4+2·3+8·2+5·1 = 154 = 14·11.
func TestNumber_Modulus11(t *testing.T) {
	for in, want := range map[string]bool{"070761-4285": true, "070761-4286": false, "120385-9902": false} {
		n, err := Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if n.Modulus11() != want {
			t.Errorf("%s: Modulus11() = %v, want %v", in, !want, want)
		}
	}
}

// Whatever the input, Parse either refuses it by kind or returns a number
// that reads back as the same ten digits.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"0101001234", "010100-4000", "290200-1000", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			if !errors.Is(err, ErrFormat) && !errors.Is(err, ErrDate) {
				t.Fatalf("Parse(%q): error of no kind: %v", s, err)
			}
			return
		}
		again, err := Parse(n.String())
		if err != nil || again != n {
			t.Fatalf("Parse(%q) = %v, which does not read back: %v", s, n, err)
		}
	})
}
