package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// kleFixture is a hand-made file in the format of KL's KLE emneplan; its
// comment says what it holds.
var kleFixture = filepath.Join("..", "..", "internal", "strategy", "testdata", "kle-emneplan-excerpt.xml")

// validate --kle checks every area's KLE number and title against KL's
// emneplan: warnings (a title other than the plan's, a number gone out of
// use) pass, each with file:line:col; a number not in the plan fails.
// Expected lines by hand from minimal.yaml (KLE numbers on lines 81 and
// 100, titles on 82 and 101) and the fixture.
func TestStrategyValidate_KLE(t *testing.T) {
	t.Setenv("KANAL_LANG", "")
	path := writeFile(t, "minimal.yaml", minimalStrategy(t))
	code, out, errOut := kanal(t, "strategy", "validate", "--kle", kleFixture, path)
	wantErr := path + `:82:12: advarsel: titlen "Flytteanmeldelse" er ikke emneplanens titel for 23.05.10, som er "Anmeldelse af   flytning"
` + path + `:100:10: advarsel: KLE-nummeret 23.09.02 er udgået af emneplanen (2014-01-01)
`
	if code != exitOK || errOut != wantErr {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, errOut, wantErr)
	}
	if !strings.Contains(out, path+": 2 KLE-numre kontrolleret mod KLE-emneplanen "+kleFixture+" (udgivet 2016-01-01): 0 fejl, 2 advarsler\n") {
		t.Errorf("stdout:\n%s", out)
	}

	unknown := writeFile(t, "unknown.yaml", strings.Replace(minimalStrategy(t), `kle: "23.09.02"`, `kle: "99.99.99"`, 1))
	t.Setenv("KANAL_LANG", "en")
	code, out, errOut = kanal(t, "strategy", "validate", "--kle", kleFixture, unknown)
	if code != exitFailure || !strings.Contains(errOut, unknown+`:100:10: the KLE number "99.99.99" is not in KL's KLE subject plan (released 2016-01-01)`+"\n") {
		t.Errorf("unknown number: exit %d, stderr:\n%s", code, errOut)
	}
	if !strings.Contains(out, ": 1 problem, 1 warning\n") {
		t.Errorf("unknown number: stdout:\n%s", out)
	}

	// Without --kle nothing is checked against a plan.
	if code, _, errOut := kanal(t, "strategy", "validate", unknown); code != exitOK || errOut != "" {
		t.Errorf("without --kle: exit %d, stderr %q", code, errOut)
	}
}

// A file that is not an emneplan stops the command before any strategy is
// read.
func TestStrategyValidate_KLEFileThatIsNoEmneplan(t *testing.T) {
	t.Setenv("KANAL_LANG", "")
	notPlan := writeFile(t, "plan.xml", "<Emneplan/>")
	path := writeFile(t, "minimal.yaml", minimalStrategy(t))
	code, out, errOut := kanal(t, "strategy", "validate", "--kle", notPlan, path)
	if code != exitFailure || out != "" || !strings.HasPrefix(errOut, "kanal strategy: KLE-emneplanen "+notPlan+": ") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// load --kle stores nothing when an area's KLE number is not in the plan,
// and stores the file when only warnings remain.
func TestStrategyLoad_KLE(t *testing.T) {
	t.Setenv("KANAL_LANG", "")
	db := storetest.DSN(t)
	unknown := writeFile(t, "unknown.yaml", strings.Replace(minimalStrategy(t), `kle: "23.09.02"`, `kle: "99.99.99"`, 1))
	code, _, errOut := kanal(t, "strategy", "load", "--db", db, "--kle", kleFixture, unknown)
	if code != exitFailure || !strings.HasSuffix(errOut, unknown+": KLE-numre, som emneplanen ikke kender; intet er indlæst\n") {
		t.Errorf("unknown number: exit %d, stderr:\n%s", code, errOut)
	}
	if code, _, errOut := kanal(t, "strategy", "show", "--db", db, "--municipality", "testkommune"); code != exitFailure || !strings.Contains(errOut, "findes ikke") {
		t.Errorf("a refused file was stored: show exit %d, stderr %q", code, errOut)
	}

	path := writeFile(t, "minimal.yaml", minimalStrategy(t))
	code, out, _ := kanal(t, "strategy", "load", "--db", db, "--kle", kleFixture, path)
	if code != exitOK || !strings.Contains(out, "indlæst som version 1") {
		t.Errorf("warnings only: exit %d, stdout:\n%s", code, out)
	}
}
