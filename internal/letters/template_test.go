package letters_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/memo"
	"github.com/kanal-dk/kanal/internal/sf1520"
)

// testPDF makes a PDF of n pages with fpdf directly, not with the code
// under test.
func testPDF(t *testing.T, n int) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetFont("Helvetica", "", 12)
	for i := 0; i < n; i++ {
		f.AddPage()
		f.Cell(40, 10, "Bilag")
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTemplates_ShippedLoadAndAreExamples(t *testing.T) {
	ts := letters.Templates()
	ids := map[string]bool{}
	for _, tpl := range ts {
		ids[tpl.ID] = true
		if !tpl.Example {
			t.Errorf("%s is not marked as an example", tpl.ID)
		}
	}
	for _, want := range []string{"kvittering", "partshoering", "paamindelse"} {
		if !ids[want] {
			t.Errorf("template %s is not shipped (or does not load); got %v", want, ids)
		}
	}
}

func TestLoadTemplate_ProblemsAtTheirPlace(t *testing.T) {
	src := "id: prøve\n" + // line 1: not a plain id
		"title: Brev om {{emne}}\n" + // line 2, col 16: undeclared field
		"fields:\n" +
		"  - name: navn\n" + // line 4, col 11: Kanal's own
		"    label: Navn\n" +
		"  - name: frist\n" +
		"    label: Frist\n" +
		"farve: rød\n" + // line 8: unknown key
		"body: |\n" +
		"  Kære {{navn}}\n" +
		"  Svar inden {{frist}} og {{ukendt}}.\n" // line 11, col 27: undeclared
	_, err := letters.LoadTemplate("prøve.yaml", []byte(src))
	var te *letters.TemplateError
	if !errors.As(err, &te) {
		t.Fatalf("want a TemplateError, got %v", err)
	}
	var got []string
	for _, p := range te.Problems {
		got = append(got, p.String())
	}
	for _, want := range []string{
		"prøve.yaml:1:5: the id",
		"prøve.yaml:2:16: the merge field {{emne}}",
		"prøve.yaml:4:11: the field \"navn\" is Kanal's own",
		"prøve.yaml:8:1: unknown key \"farve\"",
		"prøve.yaml:11:27: the merge field {{ukendt}}",
	} {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, want)
		}
		if !found {
			t.Errorf("no problem %q in:\n%s", want, strings.Join(got, "\n"))
		}
	}
}

func TestLoadTemplate_UnclosedAndUnusedFields(t *testing.T) {
	src := "id: a\ntitle: Brev\nfields:\n  - name: x\n    label: X\nbody: Kære {{navn\n"
	_, err := letters.LoadTemplate("a.yaml", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "a.yaml:6:12: a merge field is opened") ||
		!strings.Contains(err.Error(), `the field "x" is declared but not used`) {
		t.Errorf("got %v", err)
	}
}

// names is a CPR look-up that knows one name.
type names map[string]string

func (n names) PersonLookup(_ context.Context, cpr string) (*sf1520.Person, error) {
	if name, ok := n[cpr]; ok {
		return &sf1520.Person{FirstName: name}, nil
	}
	return nil, sf1520.ErrNotFound
}

// A worked example: the receipt template, merged by hand.
func TestSend_TemplateMergesNameFromRegistryAndDate(t *testing.T) {
	f := setup(t)
	f.now = time.Date(2014, 3, 5, 10, 0, 0, 0, time.UTC)
	f.letters.Names = names{registeredCPR: "Karen Hansen"}
	l, _, err := f.letters.Send(context.Background(), f.cur, letters.Request{ID: "tpl-1", CPR: registeredCPR, Area: f.area,
		Template: "kvittering", Fields: map[string]string{"sagsnummer": "S-17", "ansoegning": "byggetilladelse", "svardato": "1. april 2014"}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.letters.Get(context.Background(), "dragoer", "tpl-1")
	if err != nil {
		t.Fatal(err)
	}
	want := "Kære Karen Hansen\n\nVi har den 5. marts 2014 modtaget din ansøgning om byggetilladelse. Din sag har sagsnummer S-17.\n\n" +
		"Du kan forvente svar senest 1. april 2014. Skriv sagsnummeret, hvis du kontakter os om sagen.\n\nMed venlig hilsen\n"
	if got.Body != want || got.Title != "Kvittering for ansøgning" || got.Template != "kvittering" || l.ID != "tpl-1" {
		t.Errorf("merged %q / %q / %q, want %q", got.Title, got.Body, got.Template, want)
	}
}

func TestSend_TemplateFieldErrorsNameTheField(t *testing.T) {
	f := setup(t)
	f.letters.Names = names{}
	_, _, err := f.letters.Send(context.Background(), f.cur, letters.Request{CPR: registeredCPR, Area: f.area,
		Template: "paamindelse", Fields: map[string]string{"emne": "betaling", "farve": "rød"}})
	var inv *letters.InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("want refusal, got %v", err)
	}
	fields := map[string]string{}
	for _, fe := range inv.Fields {
		fields[fe.Field] = fe.Rule
	}
	if fields["fields.frist"] != "missing_field" || fields["fields.farve"] != "unknown_field" {
		t.Errorf("got %v", fields)
	}
	// All fields given, but the registry knows no name and the sender gave none.
	_, _, err = f.letters.Send(context.Background(), f.cur, letters.Request{CPR: registeredCPR, Area: f.area,
		Template: "paamindelse", Fields: map[string]string{"emne": "betaling", "frist": "1. maj"}})
	if !errors.As(err, &inv) || inv.Fields[0].Field != "fields.navn" || inv.Fields[0].Rule != "no_name" {
		t.Errorf("without a name: %v", err)
	}
	_, _, err = f.letters.Send(context.Background(), f.cur, letters.Request{CPR: registeredCPR, Area: f.area,
		Template: "findes-ikke"})
	if !errors.As(err, &inv) || inv.Fields[0].Field != "template" {
		t.Errorf("unknown template: %v", err)
	}
}

func TestSend_DocumentAndActionErrorsNameTheField(t *testing.T) {
	f := setup(t)
	good := testPDF(t, 1)
	_, _, err := f.letters.Send(context.Background(), f.cur, letters.Request{CPR: registeredCPR, Title: "Brev", Area: f.area,
		Body: "Tekst", PDF: good,
		Attachments: []letters.Attachment{{Filename: "a.pdf", MIME: "application/pdf", Content: good},
			{Filename: "b.txt", MIME: "text/plain", Content: []byte("hej")}},
		Actions: []letters.Action{{Label: "Book", URL: "http://kanal.example/book", Kind: "booking"}, {Label: "", URL: "https://x.example", Kind: "tilmelding"}}})
	var inv *letters.InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("want refusal, got %v", err)
	}
	fields := map[string]string{}
	for _, fe := range inv.Fields {
		fields[fe.Field] = fe.Rule
	}
	want := map[string]string{"body": "one_content", "attachments[1].mime": "pdf_only", "attachments[1].content": "bad_pdf",
		"actions[0].url": "bad_action_url", "actions[1].label": "required", "actions[1].kind": "bad_action_kind"}
	for k, v := range want {
		if fields[k] != v {
			t.Errorf("%s: %q, want %q (all: %v)", k, fields[k], v, fields)
		}
	}
	if _, ok := fields["attachments[0].content"]; ok {
		t.Errorf("the good attachment was refused: %v", fields)
	}
}

// "a citizen exempted from Digital Post gets paper": a paper letter's PDF
// holds the letter, then each attachment's pages; its actions' addresses
// are printed. On Digital Post the attachments are AdditionalDocuments and
// the actions MeMo Actions.
func TestDocuments_PaperAppendsAndMemoCarries(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	att := []letters.Attachment{{Filename: "bilag.pdf", MIME: "application/pdf", Content: testPDF(t, 2)},
		{Filename: "vejledning.pdf", MIME: "application/pdf", Content: testPDF(t, 3)}}
	acts := []letters.Action{{Label: "Søg her", URL: "https://kanal.example/borger/soeg", Kind: letters.ActionSelfService},
		{Label: "Book tid", URL: "https://kanal.example/book", Kind: letters.ActionBooking}}
	for _, c := range []struct {
		id, cpr string
	}{{"paper", exemptCPR}, {"digital", registeredCPR}} {
		if _, _, err := f.letters.Send(ctx, f.cur, letters.Request{ID: c.id, CPR: c.cpr, Title: "Brev", Area: f.area, Body: "Tekst",
			Attachments: att, Actions: acts}); err != nil {
			t.Fatal(err)
		}
	}
	paper, err := f.letters.Get(ctx, "dragoer", "paper")
	if err != nil {
		t.Fatal(err)
	}
	if len(paper.Attachments) != 2 || len(paper.Actions) != 2 || !bytes.Equal(paper.Attachments[1].Content, att[1].Content) {
		t.Fatalf("stored %d attachments, %d actions", len(paper.Attachments), len(paper.Actions))
	}
	doc, err := letters.RenderPDF(paper, "Dragør Kommune")
	if err != nil {
		t.Fatal(err)
	}
	if n, err := letters.PageCount(doc); err != nil || n != 1+2+3 {
		t.Errorf("paper PDF has %d pages (%v), want 6: the letter and the attachments' 2 and 3", n, err)
	}
	m, err := letters.BuildMemo(paper, doc, f.now)
	if err != nil {
		t.Fatal(err)
	}
	pm, err := memo.Parse(m)
	if err != nil {
		t.Fatal(err)
	}
	if len(pm.Additional) != 0 {
		t.Errorf("paper MeMo carries %d additional documents; they are in the PDF", len(pm.Additional))
	}

	digital, err := f.letters.Get(ctx, "dragoer", "digital")
	if err != nil {
		t.Fatal(err)
	}
	doc, err = letters.RenderPDF(digital, "Dragør Kommune")
	if err != nil {
		t.Fatal(err)
	}
	if n, err := letters.PageCount(doc); err != nil || n != 1 {
		t.Errorf("Digital Post main document has %d pages, want 1", n)
	}
	m, err = letters.BuildMemo(digital, doc, f.now)
	if err != nil {
		t.Fatal(err)
	}
	dm, err := memo.Parse(m)
	if err != nil {
		t.Fatal(err)
	}
	if len(dm.Additional) != 2 || dm.Additional[0].Files[0].Filename != "bilag.pdf" || !bytes.Equal(dm.Additional[1].Files[0].Content, att[1].Content) {
		t.Errorf("additional documents: %+v", dm.Additional)
	}
	wantActs := []memo.Action{{Label: "Søg her", Code: "SELVBETJENING", EntryPoint: "https://kanal.example/borger/soeg"},
		{Label: "Book tid", Code: "AFTALE", EntryPoint: "https://kanal.example/book"}}
	if len(dm.Main.Actions) != 2 || dm.Main.Actions[0] != wantActs[0] || dm.Main.Actions[1] != wantActs[1] {
		t.Errorf("actions %+v, want %+v", dm.Main.Actions, wantActs)
	}
}

// "Letter bodies are personal data with a retention period": the sender's
// PDF and the attachments go with the body.
func TestErase_EmptiesDocuments(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	if _, _, err := f.letters.Send(ctx, f.cur, letters.Request{ID: "old", CPR: exemptCPR, Title: "Brev", Area: f.area,
		PDF: testPDF(t, 1), Attachments: []letters.Attachment{{Filename: "b.pdf", MIME: "application/pdf", Content: testPDF(t, 1)}}}); err != nil {
		t.Fatal(err)
	}
	w := f.worker(newTransport())
	if _, err := w.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	f.now = f.now.Add(letters.DefaultKeepBodies + time.Hour)
	if n, err := w.Erase(ctx); err != nil || n != 1 {
		t.Fatalf("erased %d (%v)", n, err)
	}
	l, err := f.letters.Get(ctx, "dragoer", "old")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.PDF) != 0 || len(l.Attachments) != 0 || !l.Erased {
		t.Errorf("after erasure: pdf %d bytes, %d attachments, erased %v", len(l.PDF), len(l.Attachments), l.Erased)
	}
}
