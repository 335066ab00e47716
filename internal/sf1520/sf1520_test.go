package sf1520

import (
	"context"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/cpr"
)

// A response as the service answers it, written by hand from the schema:
// a SOAP envelope, prefixed elements, elements Kanal does not read, and the
// registry's zero-padded house number and floor.
const handWritten = `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>
    <ns2:PersonLookupResponse xmlns:ns2="http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/">
      <ns2:persondata>
        <ns2:personnummer>0107881234</ns2:personnummer>
        <ns2:navn>
          <ns2:personadresseringsnavn>Eksempelsen,Karen Marie</ns2:personadresseringsnavn>
          <ns2:fornavn>Karen</ns2:fornavn>
          <ns2:mellemnavn>Marie</ns2:mellemnavn>
          <ns2:efternavn>Eksempelsen</ns2:efternavn>
        </ns2:navn>
        <ns2:foedselsdato><ns2:dato>1988-07-01</ns2:dato></ns2:foedselsdato>
        <ns2:koen>K</ns2:koen>
        <ns2:antalBoernUnder18>2</ns2:antalBoernUnder18>
        <ns2:adressebeskyttelse>
          <ns2:startdato>2020-01-01</ns2:startdato>
          <ns2:beskyttet>true</ns2:beskyttet>
        </ns2:adressebeskyttelse>
        <ns2:tilmeldtDigitalpost>true</ns2:tilmeldtDigitalpost>
      </ns2:persondata>
      <ns2:adresse>
        <ns2:aktuelAdresse>
          <ns2:kommunekode>185</ns2:kommunekode>
          <ns2:husnummer>008</ns2:husnummer>
          <ns2:etage>01</ns2:etage>
          <ns2:sidedoer>th</ns2:sidedoer>
          <ns2:postnummer>2770</ns2:postnummer>
          <ns2:postdistrikt>Kastrup</ns2:postdistrikt>
          <ns2:vejnavn>Saltværksvej</ns2:vejnavn>
          <ns2:tilflytningsdato><ns2:dato>2015-05-01T00:00:00</ns2:dato></ns2:tilflytningsdato>
        </ns2:aktuelAdresse>
      </ns2:adresse>
      <ns2:relationer><ns2:barn><ns2:personnummer>0101151234</ns2:personnummer></ns2:barn></ns2:relationer>
    </ns2:PersonLookupResponse>
  </soap:Body>
</soap:Envelope>`

var handWrittenPerson = Person{
	CPR: "0107881234", FirstName: "Karen", MiddleName: "Marie", LastName: "Eksempelsen",
	Address: Address{Street: "Saltværksvej 8, 1. th.", PostalCode: "2770", City: "Kastrup",
		StreetName: "Saltværksvej", HouseNumber: "8", Floor: "1", Door: "th"},
	Protected: true,
}

func TestParsePersonLookupResponse_HandWrittenSOAPResponse(t *testing.T) {
	p, err := ParsePersonLookupResponse(strings.NewReader(handWritten))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*p, handWrittenPerson) {
		t.Errorf("got  %+v\nwant %+v", *p, handWrittenPerson)
	}
	if p.Name() != "Karen Marie Eksempelsen" {
		t.Errorf("Name() = %q", p.Name())
	}
}

// What PersonLookupResponse writes, the parser reads back as the same
// person, and it is written in the service's namespace.
func TestPersonLookupResponse_RoundTrip(t *testing.T) {
	out, err := PersonLookupResponse(&handWrittenPerson)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `<PersonLookupResponse xmlns="`+Namespace+`">`) ||
		!strings.Contains(string(out), "<personadresseringsnavn>Eksempelsen,Karen Marie</personadresseringsnavn>") ||
		!strings.Contains(string(out), "<dato>1988-07-01</dato>") {
		t.Errorf("written response:\n%s", out)
	}
	back, err := ParsePersonLookupResponse(strings.NewReader(string(out)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*back, handWrittenPerson) {
		t.Errorf("round trip: got %+v\nwant %+v", *back, handWrittenPerson)
	}
}

func TestParsePersonLookupResponse_RefusesByKind(t *testing.T) {
	for name, tc := range map[string]struct {
		doc  string
		want error
	}{
		"no persondata is no person": {`<PersonLookupResponse xmlns="` + Namespace + `"/>`, ErrNotFound},
		"another namespace":          {`<PersonLookupResponse xmlns="urn:other"><persondata/></PersonLookupResponse>`, ErrNoResponse},
		"no name": {`<PersonLookupResponse xmlns="` + Namespace + `"><persondata><personnummer>0107881234</personnummer>` +
			`<antalBoernUnder18>0</antalBoernUnder18></persondata></PersonLookupResponse>`, ErrIncomplete},
		"bad number": {`<PersonLookupResponse xmlns="` + Namespace + `"><persondata><personnummer>3102881234</personnummer>` +
			`</persondata></PersonLookupResponse>`, cpr.ErrDate},
		"SOAP fault": {`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>` +
			`<faultcode>s:Client</faultcode><faultstring>PNR 0107881234 ukendt</faultstring></s:Fault></s:Body></s:Envelope>`, ErrFault},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParsePersonLookupResponse(strings.NewReader(tc.doc))
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			if strings.Contains(err.Error(), "0107881234") || strings.Contains(err.Error(), "3102881234") {
				t.Errorf("the error quotes a CPR number: %v", err)
			}
		})
	}
}

func TestPersonLookupRequest_IsTheServicesRequest(t *testing.T) {
	out, err := PersonLookupRequest("120385-9902")
	if err != nil {
		t.Fatal(err)
	}
	var req struct {
		XMLName xml.Name
		PNR     struct {
			XMLName xml.Name
			Value   string `xml:",chardata"`
		} `xml:"http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/ PNR"`
	}
	if err := xml.Unmarshal(out, &req); err != nil {
		t.Fatal(err)
	}
	if req.XMLName != (xml.Name{Space: "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/", Local: "PersonLookupRequest"}) {
		t.Errorf("request element %v", req.XMLName)
	}
	if req.PNR.Value != "1203859902" {
		t.Errorf("PNR %q, want the ten digits", req.PNR.Value)
	}
	if _, err := PersonLookupRequest("12038599"); !errors.Is(err, cpr.ErrFormat) {
		t.Errorf("a short number: %v", err)
	}
}

func TestEmbedded_TheShippedTestCitizens(t *testing.T) {
	f, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	all := f.All()
	if len(all) != 6 {
		t.Fatalf("%d citizens, want 6", len(all))
	}
	protected := 0
	for _, p := range all {
		n, err := cpr.Parse(p.CPR)
		if err != nil || n.Digits() != p.CPR {
			t.Errorf("%s: CPR not ten digits: %v", p.Name(), err)
		}
		if p.Address.PostalCode != "2791" && p.Address.PostalCode != "2770" {
			t.Errorf("%s: postal code %s, want Dragør or Kastrup", p.Name(), p.Address.PostalCode)
		}
		if p.Protected {
			protected++
		}
	}
	if protected != 1 {
		t.Errorf("%d protected citizens, want 1", protected)
	}
	ctx := context.Background()
	for _, number := range []string{"030789-9911", "0307899911", " 030789-9911 "} {
		p, err := f.PersonLookup(ctx, number)
		if err != nil {
			t.Fatalf("PersonLookup(%q): %v", number, err)
		}
		want := Person{CPR: "0307899911", FirstName: "Mads", LastName: "Prøvesen",
			Address: Address{Street: "Vestgrønningen 8, 1. th.", PostalCode: "2791", City: "Dragør",
				StreetName: "Vestgrønningen", HouseNumber: "8", Floor: "1", Door: "th"}}
		if !reflect.DeepEqual(*p, want) {
			t.Errorf("PersonLookup(%q) = %+v, want %+v", number, *p, want)
		}
	}
	hanne, err := f.PersonLookup(ctx, "291287-9946")
	if err != nil || !hanne.Protected || hanne.Name() != "Hanne Fiktiv Testesen" {
		t.Errorf("the protected citizen: %+v %v", hanne, err)
	}
	if _, err := f.PersonLookup(ctx, "0101001234"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown number: %v", err)
	}
	if _, err := f.PersonLookup(ctx, "0101"); !errors.Is(err, cpr.ErrFormat) {
		t.Errorf("short number: %v", err)
	}
	// The caller's copy is its own.
	p, _ := f.PersonLookup(ctx, "0307899911")
	p.FirstName = "Ændret"
	all[0].FirstName = "Ændret"
	if again, _ := f.PersonLookup(ctx, "0307899911"); again.FirstName != "Mads" || f.All()[0].FirstName == "Ændret" {
		t.Error("a caller's change reached the file")
	}
}

func TestParseFile_ErrorsNameTheLineAndTheCitizen(t *testing.T) {
	citizen := func(number string) string {
		return `<PersonLookupResponse xmlns="` + Namespace + `"><persondata><personnummer>` + number +
			`</personnummer><navn><personadresseringsnavn>A,B</personadresseringsnavn><fornavn>B</fornavn>` +
			`<efternavn>A</efternavn></navn><antalBoernUnder18>0</antalBoernUnder18></persondata></PersonLookupResponse>`
	}
	for name, tc := range map[string]struct {
		doc       string
		want      string
		wantKind  error
		forbidden string
	}{
		"syntax":         {"<testborgere>\n" + citizen("0101001234") + "\n\nfish & chips\n</testborgere>", "x.xml:4: ", nil, ""},
		"wrong element":  {"<testborgere>\n\n<person/>\n</testborgere>", "x.xml:3: <person>", ErrFileForm, ""},
		"wrong root":     {"<people/>", "x.xml:1: ", ErrFileForm, ""},
		"empty":          {"<testborgere>\n</testborgere>", "x.xml: no citizens", ErrFileForm, ""},
		"duplicate":      {"<testborgere>\n" + citizen("0101001234") + "\n" + citizen("010100-1234") + "\n</testborgere>", "x.xml:3: citizen 2", ErrDuplicate, "0101001234"},
		"bad CPR number": {"<testborgere>\n" + citizen("0101001234") + "\n\n" + citizen("3102001234") + "\n</testborgere>", "x.xml:4: citizen 2", cpr.ErrDate, "3102001234"},
		"no persondata":  {"<testborgere>\n<PersonLookupResponse xmlns=\"" + Namespace + "\"/>\n</testborgere>", "x.xml:2: citizen 1", ErrIncomplete, ""},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseFile("x.xml", strings.NewReader(tc.doc))
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("got %v, want it to begin %q", err, tc.want)
			}
			if tc.wantKind != nil && !errors.Is(err, tc.wantKind) {
				t.Errorf("got %v, want kind %v", err, tc.wantKind)
			}
			if tc.forbidden != "" && strings.Contains(err.Error(), tc.forbidden) {
				t.Errorf("the error quotes the CPR number: %v", err)
			}
		})
	}
}

func TestOpenFile_ReadsAnotherFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "borgere.xml")
	out, err := PersonLookupResponse(&handWrittenPerson)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("<testborgere>"+string(out)+"</testborgere>"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if all := f.All(); len(all) != 1 || !reflect.DeepEqual(all[0], handWrittenPerson) {
		t.Errorf("All() = %+v", all)
	}
	if _, err := OpenFile(filepath.Join(t.TempDir(), "none.xml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}
