package casework

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// keys lists an object's keys and, for objects and lists of objects
// inside it, theirs as "outer.inner".
func keys(prefix string, v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, inner := range v {
			if prefix == "answers" {
				continue // the form's own fields
			}
			name := strings.TrimPrefix(prefix+"."+k, ".")
			out = append(out, name)
			out = append(out, keys(name, inner)...)
		}
	case []any:
		for _, inner := range v {
			out = append(out, keys(prefix, inner)...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// The payload documented in docs/cases.md has exactly the fields Submit
// queues, for a case with a citizen, an answer date and an attachment.
func TestDocs_ThePayloadExampleHasThePayloadsFields(t *testing.T) {
	data, err := os.ReadFile("../../docs/cases.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(data), "## The payload delivered to the case system")
	_, block, ok2 := strings.Cut(after, "```json\n")
	block, _, ok3 := strings.Cut(block, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("docs/cases.md has no payload example")
	}
	var documented map[string]any
	if err := json.Unmarshal([]byte(block), &documented); err != nil {
		t.Fatalf("the documented payload is not JSON: %v", err)
	}
	f := newFixture(t)
	s := portal()
	s.Files = []Attachment{{Field: "bilag", Filename: "a.txt", ContentType: "text/plain", Data: []byte("abc")}}
	k := f.submit(t, s)
	queued := f.queued[0].payload
	if got, want := keys("", queued), keys("", documented); !reflect.DeepEqual(got, want) {
		t.Errorf("queued payload's fields\n%v\ndocumented\n%v", got, want)
	}
	// The example is this very submission, but for the reference.
	documented["reference"] = k.Reference
	if !reflect.DeepEqual(queued, documented) {
		t.Errorf("queued\n%v\ndocumented\n%v", queued, documented)
	}
}
