package selfservice_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/selfservice"
)

// problems loads src and returns its problems as "line:col rule args".
func problems(t *testing.T, src string) []string {
	t.Helper()
	_, err := selfservice.Load("bad.yaml", []byte(src))
	if err == nil {
		return nil
	}
	var inv *selfservice.Invalid
	if !errors.As(err, &inv) {
		t.Fatalf("error %v is no *Invalid", err)
	}
	var out []string
	for _, p := range inv.Problems {
		if p.File != "bad.yaml" {
			t.Errorf("problem %v names file %q", p, p.File)
		}
		s := fmt.Sprintf("%d:%d %s", p.Line, p.Col, p.Rule)
		if len(p.Args) > 0 {
			s += fmt.Sprint(" ", p.Args)
		}
		out = append(out, s)
	}
	return out
}

// head is the start of a valid information form, to which a case adds
// its fields from line 10 on.
const head = `id: test
title: Prøve
kle: "02.34.02"
type: information
login: none
steps:
  - id: one
    title: Et
    fields:
`

func TestLoad_AValidFormLoads(t *testing.T) {
	f, err := selfservice.Load("ok.yaml", []byte(head+`      - id: q
        kind: text
        label: Spørgsmål
`))
	if err != nil {
		t.Fatal(err)
	}
	want := &selfservice.Form{ID: "test", Title: "Prøve", AreaKLE: "02.34.02", Type: "information", Login: "none", File: "ok.yaml",
		Steps: []selfservice.Step{{ID: "one", Title: "Et", Fields: []selfservice.Field{{ID: "q", Kind: "text", Label: "Spørgsmål"}}}}}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("got  %#v\nwant %#v", f, want)
	}
}

func TestLoad_ProblemsAtTheirLineAndColumn(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"an unknown key at the top", strings.Replace(head, "steps:", "colour: red\nsteps:", 1) + "      - {id: q, kind: text, label: Q}\n",
			[]string{"6:1 selfservice.form.unknown_key [colour id, title, title_en, intro, intro_en, kle, type, login, example, steps]"}},
		{"a misspelt field key", head + "      - id: q\n        kind: text\n        lable: Q\n",
			[]string{"10:9 selfservice.form.missing [label]", "12:9 selfservice.form.unknown_key [lable id, kind, label, label_en, help, help_en, required, prefill, options, max_length, min, max, accept, max_bytes, max_files]"}},
		{"a key written twice", "id: test\ntitle: A\ntitle: B\n" + head[len("id: test\ntitle: Prøve\n"):] + "      - {id: q, kind: text, label: Q}\n",
			[]string{"3:1 selfservice.form.duplicate_key [title]"}},
		// "a transaction or anything showing personal data requires it"
		{"a transaction without login", strings.Replace(head, "type: information", "type: transaction", 1) + "      - {id: q, kind: text, label: Q}\n",
			[]string{"5:8 selfservice.form.transaction_login"}},
		{"an unknown login", strings.Replace(head, "login: none", "login: mitid", 1) + "      - {id: q, kind: text, label: Q}\n",
			[]string{"5:8 selfservice.form.unknown_login [mitid]"}},
		{"an unknown inquiry type", strings.Replace(head, "type: information", "type: complaint", 1) + "      - {id: q, kind: text, label: Q}\n",
			[]string{"4:7 selfservice.form.unknown_type [complaint information, interaction, transaction]"}},
		{"a KLE number of the wrong shape", strings.Replace(head, `kle: "02.34.02"`, "kle: 2.34.2", 1) + "      - {id: q, kind: text, label: Q}\n",
			[]string{"3:6 selfservice.form.bad_kle [2.34.2]"}},
		{"two fields with one id", head + "      - id: q\n        kind: text\n        label: A\n      - id: q\n        kind: text\n        label: B\n",
			[]string{"13:13 selfservice.form.duplicate_field [q 10]"}},
		{"two steps with one id", head + "      - {id: a, kind: text, label: A}\n  - id: one\n    title: To\n    fields:\n      - {id: b, kind: text, label: B}\n",
			[]string{"11:9 selfservice.form.duplicate_step [one 7]"}},
		{"an id with capitals", head + "      - {id: Navn, kind: text, label: A}\n",
			[]string{"10:14 selfservice.form.bad_id [Navn]"}},
		{"an unknown kind", head + "      - id: q\n        kind: texts\n        label: A\n",
			[]string{"11:15 selfservice.form.unknown_kind [texts text, textarea, email, phone, date, number, select, radio, checkbox, file, cpr]"}},
		{"a radio with one option", head + "      - id: q\n        kind: radio\n        label: A\n        options:\n          - {value: a, label: A}\n",
			[]string{"14:11 selfservice.form.needs_options [radio]"}},
		{"a select without options", head + "      - id: q\n        kind: select\n        label: A\n",
			[]string{"11:15 selfservice.form.needs_options [select]"}},
		{"an option written twice", head + "      - id: q\n        kind: radio\n        label: A\n        options:\n          - {value: a, label: A}\n          - {value: a, label: B}\n",
			[]string{"15:21 selfservice.form.duplicate_option [a 14]"}},
		{"options on a text field", head + "      - id: q\n        kind: text\n        label: A\n        options: [{value: a, label: A}]\n",
			[]string{"13:18 selfservice.form.only_for [options select, radio]"}},
		// "it asks for login only where validation is needed"
		{"prefill on a form without login", head + "      - id: q\n        kind: text\n        label: A\n        prefill: name\n",
			[]string{"13:18 selfservice.form.prefill_login"}},
		{"an unknown prefill", head + "      - id: q\n        kind: text\n        label: A\n        prefill: phone\n",
			[]string{"13:18 selfservice.form.unknown_prefill [phone]"}},
		{"a CPR prefill on a text field", strings.Replace(head, "login: none", "login: required", 1) + "      - id: q\n        kind: text\n        label: A\n        prefill: cpr\n",
			[]string{"13:18 selfservice.form.prefill_kind [cpr text cpr]"}},
		{"a file field without its limits", head + "      - id: q\n        kind: file\n        label: A\n        accept: [pdf]\n",
			[]string{"11:15 selfservice.form.file_needs [max_bytes]", "11:15 selfservice.form.file_needs [max_files]"}},
		{"a file larger than 10 MB", head + "      - id: q\n        kind: file\n        label: A\n        accept: [pdf]\n        max_bytes: 10485761\n        max_files: 11\n",
			[]string{"14:20 selfservice.form.out_of_range [max_bytes 1 10485760 10485761]", "15:20 selfservice.form.out_of_range [max_files 1 10 11]"}},
		{"a file ending that is no ending", head + "      - id: q\n        kind: file\n        label: A\n        accept: [pdf, \"*.doc\"]\n        max_bytes: 1000\n        max_files: 1\n",
			[]string{"13:23 selfservice.form.bad_accept [*.doc]"}},
		{"max_bytes that is no number", head + "      - id: q\n        kind: file\n        label: A\n        accept: [pdf]\n        max_bytes: 5 MB\n        max_files: 1\n",
			[]string{"14:20 selfservice.form.want_int [max_bytes]"}},
		{"a date bound that is no date", head + "      - id: q\n        kind: date\n        label: A\n        min: tomorrow\n",
			[]string{"13:14 selfservice.form.bad_date_bound [tomorrow]"}},
		{"min after max", head + "      - id: q\n        kind: date\n        label: A\n        min: today+10\n        max: today\n",
			[]string{"13:14 selfservice.form.bounds_order [today+10 today]"}},
		{"bounds on a text field", head + "      - id: q\n        kind: text\n        label: A\n        max: \"5\"\n",
			[]string{"13:14 selfservice.form.only_for [min, max date, number]"}},
		{"a field without a label", head + "      - id: q\n        kind: text\n",
			[]string{"10:9 selfservice.form.missing [label]"}},
		{"required that is no yes or no", head + "      - id: q\n        kind: text\n        label: A\n        required: ja\n",
			[]string{"13:19 selfservice.form.want_bool [required]"}},
		{"a step without fields", head + "      []\n",
			[]string{"10:7 selfservice.form.no_fields"}},
		{"an alias", head + "      - &f {id: q, kind: text, label: A}\n      - *f\n",
			[]string{"10:9 strategy.alias", "11:9 strategy.alias"}},
		{"an unclosed quote", "id: test\ntitle: \"Prøve\nkle: x\n", []string{"2:8 strategy.yaml_unclosed_quote"}},
		{"a tab in the indentation", head + "      - id: q\n\t       kind: text\n", []string{"11:1 strategy.yaml_tab"}},
		{"an empty file", "# nothing\n", []string{"1:1 selfservice.form.empty"}},
		{"two documents", head + "      - {id: q, kind: text, label: A}\n---\nid: more\n", []string{"11:1 selfservice.form.many_documents"}},
		{"a list at the top", "- id: test\n", []string{"1:1 selfservice.form.want_mapping"}},
		{"null for the whole form", "~\n", []string{"1:1 selfservice.form.want_mapping"}},
		{"a step that is null", strings.TrimSuffix(head, "  - id: one\n    title: Et\n    fields:\n") + "  - ~\n",
			[]string{"7:5 selfservice.form.want_mapping"}},
		{"a field that is null", head + "      -\n      - {id: q, kind: text, label: A}\n",
			[]string{"10:8 selfservice.form.want_mapping"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := problems(t, c.src); !reflect.DeepEqual(got, c.want) {
				t.Errorf("problems\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestLoad_ErrorNamesFileLineColumnInEnglish(t *testing.T) {
	_, err := selfservice.Load("forms/bad.yaml", []byte(strings.Replace(head, "type: information", "type: transaction", 1)+"      - id: q\n        kind: texts\n        label: A\n"))
	want := "invalid form: forms/bad.yaml:5:8: a form of type transaction needs login: required; " +
		"login is used where validation is needed: for transactions and access to personal data (and 1 more problem)"
	if err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
}
