package ingest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/ingest"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

// Tårnby defines two inquiry types ("Skema 1. Informationshenvendelser er
// de henvendelser, som ikke vedrører en konkret sag." / "Skema 2.
// Transaktionshenvendelser er de henvendelser der vedrører en konkret sag
// …"): a record's type must be one of them, and the message names them. A
// record may name the referral (outside the municipality) the citizen was
// sent on to: one of the strategy's, for an inquiry from the citizen.
func TestPrepare_TypesAndReferralsAreTheStrategys(t *testing.T) {
	p, err := strategies.Parsed()
	if err != nil {
		t.Fatal(err)
	}
	s := p["taarnby"]
	w := inquiry.Window{From: time.Date(2011, 1, 1, 0, 0, 0, 0, strategy.Location), To: time.Date(2018, 12, 31, 0, 0, 0, 0, time.UTC)}
	file := "id;occurred_at;channel;type;direction;area;referred_to\n" +
		"r1;2017-03-02T11:00:00+01:00;phone;information;inbound;folkepension;udbetaling-danmark\n" +
		"r2;2017-03-02T11:05:00+01:00;phone;interaction;inbound;flytning;\n" +
		"r3;2017-03-02T11:10:00+01:00;phone;information;inbound;affald;skat\n" +
		"r4;2017-03-02T11:15:00+01:00;letter;transaction;outbound;flytning;kontaktcenter-1881\n" +
		"r5;2017-03-02T11:20:00+01:00;phone;transaction;inbound;flytning;\n"
	lines, err := ingest.ParseCSV(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	ins, probs := ingest.Prepare(s, lines, ingest.Options{Source: inquiry.SourceImport, Window: w})
	if len(ins) != 2 || ins[0].ExternalID != "r1" || ins[0].ReferredTo != "udbetaling-danmark" || ins[1].ExternalID != "r5" || ins[1].ReferredTo != "" {
		t.Errorf("accepted %+v", ins)
	}
	want := map[string]string{
		"r2": `type: Ukendt henvendelsestype "interaction"; strategiens typer er information, transaction.`,
		"r3": `referred_to: Ukendt henvisning "skat"; strategiens henvisninger er kontaktcenter-1881, borger-dk, virk-dk, udbetaling-danmark.`,
		"r4": `referred_to: Henvisningen "kontaktcenter-1881" gælder kun henvendelser fra borgeren (inbound).`,
	}
	got := map[string]string{}
	for _, p := range probs {
		got[p.ID] = p.Field + ": " + locale.New("da").T(p.Key, p.Args...)
	}
	for id, msg := range want {
		if got[id] != msg {
			t.Errorf("%s: %q, want %q", id, got[id], msg)
		}
	}
	if len(probs) != len(want) {
		t.Errorf("problems %v", probs)
	}
}
