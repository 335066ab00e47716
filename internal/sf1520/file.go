package sf1520

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/kanal-dk/kanal/internal/cpr"
)

// testCitizens is the test citizens file shipped in the binary: fictitious
// people, for the development login and prefill.
//
//go:embed testborgere.xml
var testCitizens []byte

// EmbeddedName is the name the shipped file's errors give.
const EmbeddedName = "testborgere.xml"

// File is the development implementation of SF1520: the people of a test
// citizens file, a <testborgere> element holding one PersonLookupResponse
// per citizen, each read by the parser a Serviceplatformen client uses.
type File struct {
	name   string
	people []Person
	byCPR  map[string]int
	// digitalPost holds the citizens' Digital Post registrations, by CPR
	// number: Kanal's addition to the file, outside the SF1520 messages.
	digitalPost map[string]DigitalPost
}

var (
	embeddedOnce sync.Once
	embedded     *File
	embeddedErr  error
)

// Embedded returns the test citizens file shipped with Kanal.
func Embedded() (*File, error) {
	embeddedOnce.Do(func() {
		embedded, embeddedErr = ParseFile(EmbeddedName, bytes.NewReader(testCitizens))
	})
	return embedded, embeddedErr
}

// OpenFile reads another test citizens file (KANAL_TEST_CITIZENS).
func OpenFile(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open test citizens file: %w", err)
	}
	defer f.Close()
	return ParseFile(path, f)
}

// ErrFileForm: the file is not a <testborgere> list of PersonLookupResponse.
var ErrFileForm = errors.New("a test citizens file is a <testborgere> element holding PersonLookupResponse elements")

// ErrDuplicate: two citizens of the file have the same CPR number.
var ErrDuplicate = errors.New("the CPR number is that of an earlier citizen of the file")

// ParseFile reads a test citizens file; name is what its errors call it,
// with the line (and the citizen's place in the file) of what is wrong.
func ParseFile(name string, r io.Reader) (*File, error) {
	f := &File{name: name, byCPR: map[string]int{}, digitalPost: map[string]DigitalPost{}}
	var registrations []digitalPostElement
	dec := xml.NewDecoder(r)
	at := func(line int, err error) error { return fmt.Errorf("%s:%d: %w", name, line, err) }
	depth := 0
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var syntax *xml.SyntaxError
			if errors.As(err, &syntax) {
				return nil, at(syntax.Line, errors.New(syntax.Msg))
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if t.Name.Local != "testborgere" {
					return nil, at(line, ErrFileForm)
				}
				depth++
				continue
			}
			if t.Name.Local == "digitalpost" && t.Name.Space == "" {
				var e digitalPostElement
				if err := dec.DecodeElement(&e, &t); err != nil {
					return nil, at(line, fmt.Errorf("<digitalpost>: %w", err))
				}
				e.line = line
				registrations = append(registrations, e)
				continue
			}
			if t.Name != (xml.Name{Space: Namespace, Local: "PersonLookupResponse"}) {
				return nil, at(line, fmt.Errorf("<%s>: %w", t.Name.Local, ErrFileForm))
			}
			var resp personLookupResponse
			if err := dec.DecodeElement(&resp, &t); err != nil {
				return nil, at(line, fmt.Errorf("citizen %d: %w", len(f.people)+1, err))
			}
			p, err := resp.person()
			if errors.Is(err, ErrNotFound) {
				err = fmt.Errorf("no persondata: %w", ErrIncomplete)
			}
			if err != nil {
				return nil, at(line, fmt.Errorf("citizen %d: %w", len(f.people)+1, err))
			}
			if _, dup := f.byCPR[p.CPR]; dup {
				return nil, at(line, fmt.Errorf("citizen %d: %w", len(f.people)+1, ErrDuplicate))
			}
			f.byCPR[p.CPR] = len(f.people)
			f.people = append(f.people, *p)
		case xml.EndElement:
			depth--
		}
	}
	if depth != 0 || len(f.people) == 0 {
		return nil, fmt.Errorf("%s: no citizens: %w", name, ErrFileForm)
	}
	for _, e := range registrations {
		if err := f.addDigitalPost(e); err != nil {
			return nil, at(e.line, err)
		}
	}
	return f, nil
}

// Name is the file's name, as its errors give it.
func (f *File) Name() string { return f.name }

// PersonLookup finds a citizen of the file by CPR number, written
// DDMMYYSSSS or DDMMYY-SSSS.
func (f *File) PersonLookup(ctx context.Context, number string) (*Person, error) {
	n, err := cpr.Parse(number)
	if err != nil {
		return nil, fmt.Errorf("look up person: %w", err)
	}
	i, ok := f.byCPR[n.Digits()]
	if !ok {
		return nil, ErrNotFound
	}
	p := f.people[i]
	return &p, nil
}

// All is the file's citizens in its order: for the development login's
// list.
func (f *File) All() []Person {
	return append([]Person(nil), f.people...)
}

var _ Lookup = (*File)(nil)
