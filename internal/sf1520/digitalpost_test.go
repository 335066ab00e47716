package sf1520

import (
	"errors"
	"strings"
	"testing"
)

// The issue's rule: "it must contain at least one citizen registered for
// Digital Post and one exempt". The statuses below are those written in
// testborgere.xml by hand (and listed in docs/digital-post.md).
func TestEmbedded_StatesDigitalPost(t *testing.T) {
	f, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for cpr, want := range map[string]DigitalPost{
		"1203859902": DigitalPostRegistered,
		"2511909924": DigitalPostExempt,
		"1505959957": DigitalPostNotRegistered,
	} {
		if got, ok := f.DigitalPost(cpr); !ok || got != want {
			t.Errorf("DigitalPost(%s) = %q, %v; want %q", cpr, got, ok, want)
		}
	}
	if _, ok := f.DigitalPost("0101001234"); ok {
		t.Error("a number not in the file has a registration")
	}
}

func TestParseFile_DigitalPostElements(t *testing.T) {
	citizen := func(number string) string {
		return `<PersonLookupResponse xmlns="` + Namespace + `"><persondata><personnummer>` + number +
			`</personnummer><navn><personadresseringsnavn>A,B</personadresseringsnavn><fornavn>B</fornavn>` +
			`<efternavn>A</efternavn></navn><antalBoernUnder18>0</antalBoernUnder18></persondata></PersonLookupResponse>`
	}
	two := "<testborgere>\n" + citizen("0101001234") + "\n" + citizen("0202001234") + "\n"
	t.Run("stated and unstated", func(t *testing.T) {
		f, err := ParseFile("x.xml", strings.NewReader(two+`<digitalpost personnummer="010100-1234" status="fritaget"/>`+"\n</testborgere>"))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := f.DigitalPost("0101001234"); got != DigitalPostExempt {
			t.Errorf("stated citizen: %q, want fritaget", got)
		}
		if got, _ := f.DigitalPost("0202001234"); got != DigitalPostNotRegistered {
			t.Errorf("unstated citizen: %q, want ikke_tilmeldt", got)
		}
	})
	for name, tc := range map[string]struct {
		tail string
		want string
	}{
		"unknown citizen": {`<digitalpost personnummer="0303001234" status="tilmeldt"/>`, "x.xml:4: <digitalpost>: not a citizen"},
		"stated twice":    {`<digitalpost personnummer="0101001234" status="tilmeldt"/>` + "\n" + `<digitalpost personnummer="0101001234" status="fritaget"/>`, "x.xml:5: <digitalpost>: stated twice"},
		"unknown status":  {`<digitalpost personnummer="0101001234" status="ja"/>`, "x.xml:4: <digitalpost>: status"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseFile("x.xml", strings.NewReader(two+tc.tail+"\n</testborgere>"))
			if !errors.Is(err, ErrDigitalPost) || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("error = %v, want %q… (ErrDigitalPost)", err, tc.want)
			}
			if strings.Contains(err.Error(), "0101001234") || strings.Contains(err.Error(), "0303001234") {
				t.Errorf("error %q quotes a CPR number", err)
			}
		})
	}
}
