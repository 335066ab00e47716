package sf1520

// The SF1520 messages, after the service contract of Serviceplatformen's
// CPR service PersonBaseDataExtended, version 4, as KOMBIT publishes it
// (PersonBaseDataExtendedServiceMsg.xsd and
// xsd/PersonBaseDataExtendedServiceTypes.xsd; read from the copy in
// itk-dev/serviceplatformen, resources/person-base-data-extended-service-contract):
//
//	PersonLookupRequest   (tns)  InvocationContext? PNR            (cpr:PNR)
//	PersonLookupResponse  (tns)  persondata? adresse? relationer? notater*
//	persondata                   personnummer? navn? foedselsdato? … adressebeskyttelse? …
//	navn                         personadresseringsnavn fornavn? mellemnavn? efternavn? …
//	adresse/aktuelAdresse        kommunekode? vejkode? husnummer? etage? sidedoer? …
//	                             postnummer? postdistrikt? vejnavn? standardadresse? …
//	adressebeskyttelse           startdato? slutdato? beskyttet?   (beskyttelseType)
//
// with tns = http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/
// and cpr = http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/, elements
// qualified. Only the elements Kanal uses are read; the others are
// skipped. Not verified against the service itself: whether version 5 of
// the service (the endpoint .../PersonBaseDataExtended/5) renamed any of
// these, and how the registry pads husnummer, etage and sidedoer (handled
// by trimming leading zeros, as other SF1520 clients do).

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/kanal-dk/kanal/internal/cpr"
)

// The namespaces of the SF1520 messages.
const (
	Namespace    = "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/"
	PNRNamespace = "http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/"
	soapEnvelope = "http://schemas.xmlsoap.org/soap/envelope/"
)

// PersonLookupRequest is the body of SF1520's PersonLookup call for a CPR
// number: the PersonLookupRequest element, to be put in a SOAP 1.1
// envelope with the caller's invocation context and security header by a
// Serviceplatformen client. The number is checked (cpr.Parse) first.
func PersonLookupRequest(number string) ([]byte, error) {
	n, err := cpr.Parse(number)
	if err != nil {
		return nil, fmt.Errorf("build PersonLookupRequest: %w", err)
	}
	var b bytes.Buffer
	b.WriteString(`<PersonLookupRequest xmlns="` + Namespace + `">`)
	b.WriteString(`<PNR xmlns="` + PNRNamespace + `">` + n.Digits() + `</PNR>`)
	b.WriteString(`</PersonLookupRequest>`)
	return b.Bytes(), nil
}

// personLookupResponse is the part of PersonLookupResponseType Kanal
// reads and writes.
type personLookupResponse struct {
	XMLName    xml.Name     `xml:"http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/ PersonLookupResponse"`
	Persondata *persondata  `xml:"persondata"`
	Adresse    *adressedata `xml:"adresse"`
}

type persondata struct {
	Personnummer       string       `xml:"personnummer"`
	Navn               *navn        `xml:"navn"`
	Foedselsdato       *datoType    `xml:"foedselsdato,omitempty"`
	AntalBoernUnder18  int          `xml:"antalBoernUnder18"`
	Adressebeskyttelse *beskyttelse `xml:"adressebeskyttelse,omitempty"`
}

type navn struct {
	Personadresseringsnavn string `xml:"personadresseringsnavn"`
	Fornavn                string `xml:"fornavn,omitempty"`
	Mellemnavn             string `xml:"mellemnavn,omitempty"`
	Efternavn              string `xml:"efternavn,omitempty"`
}

type datoType struct {
	Dato string `xml:"dato"`
}

type beskyttelse struct {
	Startdato string `xml:"startdato,omitempty"`
	Slutdato  string `xml:"slutdato,omitempty"`
	Beskyttet *bool  `xml:"beskyttet"`
}

type adressedata struct {
	AktuelAdresse *adresse `xml:"aktuelAdresse"`
}

type adresse struct {
	Kommunekode  string `xml:"kommunekode,omitempty"`
	Husnummer    string `xml:"husnummer,omitempty"`
	Etage        string `xml:"etage,omitempty"`
	Sidedoer     string `xml:"sidedoer,omitempty"`
	Postnummer   string `xml:"postnummer,omitempty"`
	Postdistrikt string `xml:"postdistrikt,omitempty"`
	Vejnavn      string `xml:"vejnavn,omitempty"`
}

// The kinds of error reading a response gives.
var (
	// ErrNoResponse: the document holds no PersonLookupResponse.
	ErrNoResponse = errors.New("no PersonLookupResponse in the document")
	// ErrFault: the service answered with a SOAP fault.
	ErrFault = errors.New("the service answered with a SOAP fault")
	// ErrIncomplete: the response lacks the person's number or name.
	ErrIncomplete = errors.New("the PersonLookupResponse lacks the person's number or name")
)

// ParsePersonLookupResponse reads the person from a PersonLookupResponse:
// the element itself or a SOAP envelope holding it, as a Serviceplatformen
// client receives it. A response without persondata is ErrNotFound.
func ParsePersonLookupResponse(r io.Reader) (*Person, error) {
	dec := xml.NewDecoder(r)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil, ErrNoResponse
		}
		if err != nil {
			return nil, fmt.Errorf("read PersonLookupResponse: %w", err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch start.Name {
		case xml.Name{Space: soapEnvelope, Local: "Fault"}:
			// The fault's text may quote the request; only its code is told.
			var fault struct {
				Code string `xml:"faultcode"`
			}
			if err := dec.DecodeElement(&fault, &start); err != nil {
				return nil, fmt.Errorf("read SOAP fault: %w", err)
			}
			return nil, fmt.Errorf("%w (%s)", ErrFault, fault.Code)
		case xml.Name{Space: Namespace, Local: "PersonLookupResponse"}:
			var resp personLookupResponse
			if err := dec.DecodeElement(&resp, &start); err != nil {
				return nil, fmt.Errorf("read PersonLookupResponse: %w", err)
			}
			return resp.person()
		}
	}
}

// person is the Person a response describes.
func (r *personLookupResponse) person() (*Person, error) {
	d := r.Persondata
	if d == nil {
		return nil, ErrNotFound
	}
	n, err := cpr.Parse(d.Personnummer)
	if err != nil {
		return nil, fmt.Errorf("persondata/personnummer: %w", err)
	}
	if d.Navn == nil || strings.TrimSpace(d.Navn.Fornavn) == "" && strings.TrimSpace(d.Navn.Efternavn) == "" {
		return nil, fmt.Errorf("persondata/navn: %w", ErrIncomplete)
	}
	p := &Person{
		CPR:        n.Digits(),
		FirstName:  strings.TrimSpace(d.Navn.Fornavn),
		MiddleName: strings.TrimSpace(d.Navn.Mellemnavn),
		LastName:   strings.TrimSpace(d.Navn.Efternavn),
		// Protection is read as it is flagged: a flag with an end date
		// still protects until the registry lifts it.
		Protected: d.Adressebeskyttelse != nil && d.Adressebeskyttelse.Beskyttet != nil && *d.Adressebeskyttelse.Beskyttet,
	}
	if r.Adresse != nil && r.Adresse.AktuelAdresse != nil {
		a := r.Adresse.AktuelAdresse
		p.Address = Address{
			StreetName:  strings.TrimSpace(a.Vejnavn),
			HouseNumber: trimZeros(a.Husnummer),
			Floor:       trimZeros(a.Etage),
			Door:        trimZeros(a.Sidedoer),
			PostalCode:  strings.TrimSpace(a.Postnummer),
			City:        strings.TrimSpace(a.Postdistrikt),
		}
		p.Address.Street = streetLine(p.Address)
	}
	return p, nil
}

// trimZeros takes the registry's leading zeros off a house number, floor
// or door ("008" is 8), but leaves a lone zero.
func trimZeros(s string) string {
	s = strings.TrimSpace(s)
	t := strings.TrimLeft(s, "0")
	if t == "" && s != "" {
		return "0"
	}
	return t
}

// streetLine writes the street part of a Danish address: "Vestgrønningen
// 8, 1. th.".
func streetLine(a Address) string {
	line := strings.TrimSpace(a.StreetName + " " + a.HouseNumber)
	var unit []string
	if a.Floor != "" {
		unit = append(unit, a.Floor+".")
	}
	if a.Door != "" {
		switch strings.ToLower(a.Door) {
		case "th", "tv", "mf":
			unit = append(unit, strings.ToLower(a.Door)+".")
		default:
			unit = append(unit, a.Door)
		}
	}
	if len(unit) > 0 {
		line += ", " + strings.Join(unit, " ")
	}
	return line
}

// PersonLookupResponse writes p as SF1520's PersonLookupResponse, as a
// registry would answer: for the test citizens file and for tests of a
// client.
func PersonLookupResponse(p *Person) ([]byte, error) {
	n, err := cpr.Parse(p.CPR)
	if err != nil {
		return nil, fmt.Errorf("write PersonLookupResponse: %w", err)
	}
	protected := p.Protected
	resp := personLookupResponse{
		Persondata: &persondata{
			Personnummer: n.Digits(),
			Navn: &navn{
				Personadresseringsnavn: addressingName(p),
				Fornavn:                p.FirstName,
				Mellemnavn:             p.MiddleName,
				Efternavn:              p.LastName,
			},
			Foedselsdato:       &datoType{Dato: n.Birthdate().Format("2006-01-02")},
			Adressebeskyttelse: &beskyttelse{Beskyttet: &protected},
		},
		Adresse: &adressedata{AktuelAdresse: &adresse{
			Husnummer:    p.Address.HouseNumber,
			Etage:        p.Address.Floor,
			Sidedoer:     p.Address.Door,
			Postnummer:   p.Address.PostalCode,
			Postdistrikt: p.Address.City,
			Vejnavn:      p.Address.StreetName,
		}},
	}
	out, err := xml.MarshalIndent(resp, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("write PersonLookupResponse: %w", err)
	}
	return out, nil
}

// addressingName is the registry's personadresseringsnavn: "Efternavn,
// Fornavn Mellemnavn".
func addressingName(p *Person) string {
	return p.LastName + "," + strings.TrimSpace(p.FirstName+" "+p.MiddleName)
}
