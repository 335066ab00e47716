package memo

import (
	"errors"
	"reflect"
	"testing"
	"unicode/utf8"
)

// The property: whatever text a letter holds, Build either refuses it with
// ErrInvalid or writes a message Check accepts and Parse reads back
// unchanged; it never writes a message that says something else.
func FuzzBuild_RoundTripOrRefuse(f *testing.F) {
	f.Add("Afgørelse om boligstøtte", "afgørelse.pdf", "Klag", []byte("%PDF"))
	f.Add("<&>\"'", "a]]>b.pdf", "x\r\ny", []byte{0, 1, 2})
	f.Add("tab\there", "nul\x00.pdf", "\uFFFD", []byte(""))
	f.Add("   ", "b.pdf", "ok", []byte("x"))
	f.Fuzz(func(t *testing.T, label, filename, action string, content []byte) {
		m := letter()
		m.Label, m.Main.Files[0].Filename, m.Main.Actions[0].Label, m.Main.Files[0].Content = label, filename, action, content
		out, err := Build(m)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Build error %v is not ErrInvalid", err)
			}
			return
		}
		if !utf8.ValidString(label) {
			t.Fatalf("Build accepted invalid UTF-8")
		}
		if ps := Check(out); ps != nil {
			t.Fatalf("Check(Build) = %v", ps)
		}
		back, err := Parse(out)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, m) {
			t.Fatalf("Parse(Build(m)) differs:\n%+v\nwant\n%+v", back, m)
		}
	})
}

// Check reads anything without panicking and locates what it finds.
func FuzzCheck_NeverPanics(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte("<memo:Message xmlns:memo=\"https://DigitalPost.dk/MeMo-1\"><memo:MessageHeader/></memo:Message>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, p := range Check(data) {
			if p.Path == "" || p.Msg == "" {
				t.Fatalf("problem without place or message: %+v", p)
			}
		}
	})
}
