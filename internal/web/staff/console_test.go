package staff

import "testing"

// The type keys come from the strategy's types: the first letter of each
// id that no earlier type and no other shortcut (s, g, m, f, h, u) took.
func TestConsoleTypeKeys_FromTheStrategysTypes(t *testing.T) {
	for _, c := range []struct {
		types []string
		want  map[string]string
	}{
		{[]string{"information", "interaction", "transaction"}, map[string]string{"information": "i", "interaction": "n", "transaction": "t"}},
		{[]string{"information", "transaction"}, map[string]string{"information": "i", "transaction": "t"}},
		// Own types: s is taken by "straksafklaret", g by "guidet", h by
		// "henvist"; a type whose letters are all taken gets none.
		{[]string{"information", "sag", "klage", "gsh"}, map[string]string{"information": "i", "sag": "a", "klage": "k"}},
	} {
		got := consoleTypeKeys(c.types)
		if len(got) != len(c.want) {
			t.Errorf("%v: %v, want %v", c.types, got, c.want)
		}
		for typ, key := range c.want {
			if got[typ] != key {
				t.Errorf("%v: %s has %q, want %q", c.types, typ, got[typ], key)
			}
		}
	}
}
