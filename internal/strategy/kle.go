package strategy

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// KL publishes the KLE emneplan (the classification of municipal tasks) as
// one XML file, which a user downloads from KL (kle-online.dk; public
// importers fetch https://www.klxml.dk/download/XML-ver2-0/KLE-Emneplan_Version2-0.xml).
// Its element names here are those public readers of the file use: a C#
// XmlSerializer class generated from it (root "KLE-Emneplan" without a
// namespace, UdgivelsesDato, Hovedgruppe with HovedgruppeNr and
// HovedgruppeTitel, Gruppe with GruppeNr and GruppeTitel, Emne with EmneNr
// and EmneTitel, and in each …AdministrativInfo a Historisk with
// UdgaaetDato for a number taken out of use), OS2opgavefordeler's Java KLE
// import (getHovedgruppeNr, getGruppeNr, getEmneNr and their titles) and a
// Python reader that splits EmneNr "NN.NN.NN" into its three parts. Kanal
// reads only the numbers, titles, the expiry date and the release date.

// Rules of the KLE check. They are not rules of the strategy document
// itself: the check runs only when the user supplies the emneplan.
const (
	RuleKLEUnknown = "kle.unknown" // number, release date of the plan
	RuleKLETitle   = "kle.title"   // area's title, number, the plan's title
	RuleKLEExpired = "kle.expired" // number, date it expired
)

// KLESubject is one number of the emneplan: a main group (NN), a group
// (NN.NN) or a subject (NN.NN.NN).
type KLESubject struct {
	Number, Title string
	// Expired is the date (as the file writes it) the number went out of
	// use; empty while it is in use.
	Expired string
}

// Emneplan is KL's KLE emneplan as read from its XML file.
type Emneplan struct {
	// Published is the plan's release date (UdgivelsesDato).
	Published string
	subjects  map[string]KLESubject
}

// Subject looks up a KLE number.
func (e *Emneplan) Subject(number string) (KLESubject, bool) {
	s, ok := e.subjects[number]
	return s, ok
}

// Len is the number of KLE numbers in the plan.
func (e *Emneplan) Len() int { return len(e.subjects) }

type xmlAdministrative struct {
	Expired string `xml:"Historisk>UdgaaetDato"`
}

type xmlEmneplan struct {
	XMLName   xml.Name `xml:"KLE-Emneplan"`
	Published string   `xml:"UdgivelsesDato"`
	Main      []struct {
		Number string            `xml:"HovedgruppeNr"`
		Title  string            `xml:"HovedgruppeTitel"`
		Admin  xmlAdministrative `xml:"HovedgruppeAdministrativInfo"`
		Groups []struct {
			Number   string            `xml:"GruppeNr"`
			Title    string            `xml:"GruppeTitel"`
			Admin    xmlAdministrative `xml:"GruppeAdministrativInfo"`
			Subjects []struct {
				Number string            `xml:"EmneNr"`
				Title  string            `xml:"EmneTitel"`
				Admin  xmlAdministrative `xml:"EmneAdministrativInfo"`
			} `xml:"Emne"`
		} `xml:"Gruppe"`
	} `xml:"Hovedgruppe"`
}

// ReadEmneplan reads KL's KLE emneplan XML. A file that is not an emneplan
// (another root element, or no numbers at all) is an error.
func ReadEmneplan(r io.Reader) (*Emneplan, error) {
	dec := xml.NewDecoder(bufio.NewReader(r))
	dec.CharsetReader = latin1Reader
	var doc xmlEmneplan
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("read KLE emneplan: %w", err)
	}
	e := &Emneplan{Published: strings.TrimSpace(doc.Published), subjects: map[string]KLESubject{}}
	add := func(number, title, expired string) {
		number = strings.TrimSpace(number)
		if number != "" {
			e.subjects[number] = KLESubject{Number: number, Title: strings.TrimSpace(title), Expired: strings.TrimSpace(expired)}
		}
	}
	for _, m := range doc.Main {
		add(m.Number, m.Title, m.Admin.Expired)
		for _, g := range m.Groups {
			add(g.Number, g.Title, g.Admin.Expired)
			for _, s := range g.Subjects {
				add(s.Number, s.Title, s.Admin.Expired)
			}
		}
	}
	if len(e.subjects) == 0 {
		return nil, fmt.Errorf("read KLE emneplan: the file holds no KLE numbers (no Hovedgruppe, Gruppe or Emne)")
	}
	return e, nil
}

// latin1Reader lets the decoder read an emneplan saved as ISO-8859-1 or
// Windows-1252, as older exports were, besides UTF-8.
func latin1Reader(charset string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252":
	default:
		return nil, fmt.Errorf("the file's encoding %q is not supported; save it as UTF-8", charset)
	}
	data, err := io.ReadAll(input)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(data)+len(data)/8)
	for _, b := range data {
		out = utf8.AppendRune(out, rune(b))
	}
	return strings.NewReader(string(out)), nil
}

// CheckKLE checks the KLE number and title of every area of a valid strategy
// document against the emneplan: a number the plan does not hold is an
// error; a title that differs from the plan's, or a number that has gone
// out of use, a warning. data is the document s was parsed from, so that
// every problem has its file:line:col.
func CheckKLE(file string, data []byte, s *Strategy, plan *Emneplan) []Problem {
	var probs []Problem
	for i := range s.Areas {
		a := &s.Areas[i]
		p := Path{"areas", i}
		if a.KLE == "" {
			continue // the other area, which has no number
		}
		subject, ok := plan.Subject(a.KLE)
		switch {
		case !ok:
			probs = append(probs, Problem{Path: p.with("kle"), Rule: RuleKLEUnknown, Args: []any{a.KLE, plan.Published}})
			continue
		case subject.Expired != "":
			probs = append(probs, Problem{Path: p.with("kle"), Rule: RuleKLEExpired, Warning: true, Args: []any{a.KLE, subject.Expired}})
		}
		if !sameTitle(a.Title, subject.Title) {
			probs = append(probs, Problem{Path: p.with("title"), Rule: RuleKLETitle, Warning: true, Args: []any{a.Title, a.KLE, subject.Title}})
		}
	}
	if root, _ := parseYAML(data); root != nil {
		for i := range probs {
			probs[i].Pos = locate(root, probs[i].Path)
		}
	}
	for i := range probs {
		probs[i].File = file
	}
	sort.SliceStable(probs, func(i, j int) bool {
		a, b := probs[i].Pos, probs[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return probs
}

// sameTitle compares titles as a reader would: case and runs of white
// space do not matter.
func sameTitle(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}
