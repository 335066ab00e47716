package pdftest

import "testing"

func TestPDFLiteral_ReadsEscapes(t *testing.T) {
	s, n := literal([]byte(`(a\(b\)c\\d\344\370\345 (nested) \
e\n) Tj`))
	if want := "a(b)c\\d\xe4\xf8\xe5 (nested) e\n"; s != want || n != 39 {
		t.Errorf("literal = %q, %d; want %q, 39", s, n, want)
	}
}
