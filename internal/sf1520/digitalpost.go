package sf1520

import (
	"errors"
	"fmt"

	"github.com/kanal-dk/kanal/internal/cpr"
)

// DigitalPost is a test citizen's Digital Post registration, which the
// test citizens file states beside the SF1520 messages (SF1520 does not
// carry it: nationally it comes from Digital Post's own registry).
type DigitalPost string

const (
	// DigitalPostRegistered: the citizen receives Digital Post (tilmeldt).
	DigitalPostRegistered DigitalPost = "tilmeldt"
	// DigitalPostExempt: the citizen is exempted from Digital Post
	// (fritaget) and gets post on paper.
	DigitalPostExempt DigitalPost = "fritaget"
	// DigitalPostNotRegistered: neither; also a citizen the file states
	// nothing for.
	DigitalPostNotRegistered DigitalPost = "ikke_tilmeldt"
)

// ErrDigitalPost: a <digitalpost> element names no citizen of the file,
// one already stated, or a status other than tilmeldt, fritaget or
// ikke_tilmeldt.
var ErrDigitalPost = errors.New(`a <digitalpost personnummer="…" status="tilmeldt|fritaget|ikke_tilmeldt"/> element names a citizen of the file once`)

// digitalPostElement is <digitalpost personnummer="…" status="…"/>, a
// child of <testborgere> beside the citizens' PersonLookupResponse.
type digitalPostElement struct {
	CPR    string `xml:"personnummer,attr"`
	Status string `xml:"status,attr"`
	line   int
}

func (f *File) addDigitalPost(e digitalPostElement) error {
	n, err := cpr.Parse(e.CPR)
	if err != nil {
		return fmt.Errorf("<digitalpost>: %w", err)
	}
	if _, ok := f.byCPR[n.Digits()]; !ok {
		return fmt.Errorf("<digitalpost>: not a citizen of the file: %w", ErrDigitalPost)
	}
	if _, dup := f.digitalPost[n.Digits()]; dup {
		return fmt.Errorf("<digitalpost>: stated twice: %w", ErrDigitalPost)
	}
	switch s := DigitalPost(e.Status); s {
	case DigitalPostRegistered, DigitalPostExempt, DigitalPostNotRegistered:
		f.digitalPost[n.Digits()] = s
		return nil
	}
	return fmt.Errorf("<digitalpost>: status: %w", ErrDigitalPost)
}

// DigitalPost is the Digital Post registration the file states for the
// citizen with the CPR number (ten digits); ok is false for a number not
// in the file. A citizen the file states nothing for is not registered.
func (f *File) DigitalPost(cprDigits string) (status DigitalPost, ok bool) {
	if _, ok := f.byCPR[cprDigits]; !ok {
		return "", false
	}
	if s, ok := f.digitalPost[cprDigits]; ok {
		return s, true
	}
	return DigitalPostNotRegistered, true
}
