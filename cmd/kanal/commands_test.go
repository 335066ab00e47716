package main

import (
	"strings"
	"testing"
)

// "kanal help" is made from the command table. The expected text is the
// help as it was written by hand before the table existed, column for
// column.
func TestHelp_FromTheTableAsWrittenByHand(t *testing.T) {
	for lang, want := range map[string]string{
		"da": `Brug: kanal KOMMANDO [flag]

Kommandoer:
  serve                         start Kanal (web og API)
  strategy validate FIL ...     tjek strategifiler; hver fejl som fil:linje:kolonne: besked
  strategy load FIL             gem en strategifil som kommunens nye version
  strategy show [--municipality ID]
                                vis den gældende strategi
  user add|list|password|disable
                                brugere og engangsadgangskoder (se "kanal user")
  apikey add|list|revoke        API-nøgler til andre systemer (se "kanal apikey")
  casesystem set|show|remove    sagssystemets adresse til levering af indsendte sager (se "kanal casesystem")
  import inquiries --municipality ID FIL.csv
                                indlæs henvendelser fra en CSV-fil (se docs/import.md)
  rollup verify|rebuild [--municipality ID]
                                tæl henvendelserne forfra og sammenlign med (eller genopbyg) tallene
  report --municipality ID --year ÅR [--format pdf|html] [--out FIL]
                                årsrapporten til kommunalbestyrelsen
  demo generate --municipalities N --inquiries M
                                demodata for mange kommuner: kopier af Dragør og Tårnby i rigtige kommuners størrelser (kan genoptages)
  backup [--db sqlite:STI] FIL  tag en sikkerhedskopi af SQLite-databasen, også mens Kanal kører (se docs/operations.md)
  restore [--db sqlite:STI] [--replace] FIL
                                gendan SQLite-databasen fra en sikkerhedskopi
  inquiries retire --before ÅÅÅÅ-MM --yes
                                slet de rå henvendelser før en måned efter opbevaringsperioden; tallene bliver (se docs/operations.md)
  help                          vis denne hjælp

Kommandoer, der bruger databasen, tager --db (KANAL_DB): sqlite:STI eller postgres://…
Skriv "kanal KOMMANDO -h" for kommandoens flag. KANAL_LANG=en giver engelske beskeder.
`,
		"en": `Usage: kanal COMMAND [flags]

Commands:
  serve                         run Kanal (web and API)
  strategy validate FILE ...    check strategy files; each problem as file:line:col: message
  strategy load FILE            store a strategy file as its municipality's new version
  strategy show [--municipality ID]
                                print the current strategy
  user add|list|password|disable
                                users and one-time passwords (see "kanal user")
  apikey add|list|revoke        API keys for other systems (see "kanal apikey")
  casesystem set|show|remove    the case system's address that submitted cases are delivered to (see "kanal casesystem")
  import inquiries --municipality ID FILE.csv
                                import inquiries from a CSV file (see docs/import.md)
  rollup verify|rebuild [--municipality ID]
                                recount the inquiries and compare with (or rebuild) the counts
  report --municipality ID --year YEAR [--format pdf|html] [--out FILE]
                                the yearly report to the municipal council
  demo generate --municipalities N --inquiries M
                                demo data for many municipalities: copies of Dragør and Tårnby at real municipalities' sizes (resumable)
  backup [--db sqlite:PATH] FILE
                                back up the SQLite database, also while Kanal runs (see docs/operations.md)
  restore [--db sqlite:PATH] [--replace] FILE
                                restore the SQLite database from a backup
  inquiries retire --before YYYY-MM --yes
                                remove the raw inquiries before a month after the retention period; the counts stay (see docs/operations.md)
  help                          print this help

Commands that use the database take --db (KANAL_DB): sqlite:PATH or postgres://…
Run "kanal COMMAND -h" for a command's flags. KANAL_LANG=da gives Danish messages.
`,
	} {
		t.Setenv("KANAL_LANG", lang)
		for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
			if code, out, errOut := kanal(t, args...); code != exitOK || out != want || errOut != "" {
				t.Errorf("%s: kanal %v: exit %d, stderr %q, stdout:\n%s\nwant:\n%s", lang, args, code, errOut, out, want)
			}
		}
		if code, out, errOut := kanal(t); code != exitUsage || out != "" || errOut != want {
			t.Errorf("%s: kanal: exit %d, stdout %q, stderr:\n%s", lang, code, out, errOut)
		}
	}
}

// Every command with subcommands answers a missing and an unknown
// subcommand with its own usage and exit 2, an unknown one named first;
// asked for help, with the usage on stdout and exit 0.
// Usages by hand from the catalogue's texts: their first line.
func TestCommands_EveryGroupSaysItsUsage(t *testing.T) {
	t.Setenv("KANAL_LANG", "da")
	t.Setenv("KANAL_DB", "sqlite:"+t.TempDir()+"/never.db")
	firstLine := map[string]string{
		"strategy":   "Brug: kanal strategy validate FIL ... | load FIL | show [--municipality ID]\n",
		"user":       "Brug:\n  kanal user add --municipality ID --role ROLLE [--department AFDELING] [--name NAVN] EMAIL\n",
		"apikey":     "Brug:\n  kanal apikey add --municipality ID --permissions TILLADELSER [--test] NAVN\n",
		"casesystem": "Brug:\n  kanal casesystem set --municipality ID --url URL\n",
		"import":     "Brug: kanal import inquiries --municipality ID FIL.csv\n",
		"rollup":     "Brug: kanal rollup verify|rebuild [--municipality ID]\n",
		"demo":       "Brug: kanal demo generate --municipalities N --inquiries M [--db ADRESSE]\n",
		"inquiries":  "Brug: kanal inquiries retire --before ÅÅÅÅ-MM --yes [--db ADRESSE]\n",
	}
	for _, cmd := range commands {
		if cmd.subs == nil {
			continue
		}
		want, ok := firstLine[cmd.name]
		if !ok {
			t.Errorf("kanal %s has subcommands; add its usage to this test", cmd.name)
			continue
		}
		if code, out, errOut := kanal(t, cmd.name); code != exitUsage || out != "" || !strings.HasPrefix(errOut, want) {
			t.Errorf("kanal %s: exit %d, stdout %q, stderr:\n%s", cmd.name, code, out, errOut)
		}
		for _, args := range [][]string{{cmd.name, "-h"}, {cmd.name, "--help"}, {cmd.name, "help"}} {
			if code, out, errOut := kanal(t, args...); code != exitOK || errOut != "" || !strings.HasPrefix(out, want) {
				t.Errorf("kanal %v: exit %d, stderr %q, stdout:\n%s", args, code, errOut, out)
			}
		}
		for _, args := range [][]string{{cmd.name, "frob"}, {cmd.name, "frob", "x"}} {
			wantErr := `kanal: ukendt kommando "` + cmd.name + ` frob"` + "\n\n" + want
			if code, _, errOut := kanal(t, args...); code != exitUsage || !strings.HasPrefix(errOut, wantErr) {
				t.Errorf("kanal %v: exit %d, stderr:\n%s\nwant it to start:\n%s", args, code, errOut, wantErr)
			}
		}
	}
}

// A subcommand whose arguments do not fit prints its command's usage,
// and strategy validate and load the --kle flag's line after it.
func TestCommands_ArgumentsThatDoNotFit(t *testing.T) {
	t.Setenv("KANAL_LANG", "en")
	t.Setenv("KANAL_DB", "sqlite:"+t.TempDir()+"/never.db")
	kle := "  --kle FILE  check the areas' KLE numbers and titles against KL's KLE subject plan (the XML file from KL)\n"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"strategy", "validate"}, "Usage: kanal strategy validate FILE ... | load FILE | show [--municipality ID]\n" + kle},
		{[]string{"strategy", "load", "a.yaml", "b.yaml"}, "Usage: kanal strategy validate FILE ... | load FILE | show [--municipality ID]\n" + kle},
		{[]string{"user", "add"}, "Usage:\n  kanal user add"},
		{[]string{"user", "list"}, "Usage:\n  kanal user add"},
		{[]string{"user", "disable", "a@b.dk", "c@d.dk"}, "Usage:\n  kanal user add"},
		{[]string{"apikey", "list"}, "Usage:\n  kanal apikey add"},
		{[]string{"apikey", "add", "--municipality", "dragoer"}, "Usage:\n  kanal apikey add"},
		{[]string{"import", "inquiries", "a.csv"}, "Usage: kanal import inquiries --municipality ID FILE.csv\n"},
		{[]string{"report"}, "Usage: kanal report --municipality ID --year YEAR"},
		{[]string{"report", "--municipality", "dragoer", "extra"}, "Usage: kanal report --municipality ID --year YEAR"},
		{[]string{"report", "--municipality", "dragoer", "--format", "doc"}, "Unknown format \"doc\"; use pdf or html.\n"},
	} {
		code, out, errOut := kanal(t, tc.args...)
		if code != exitUsage || out != "" || !strings.HasPrefix(errOut, tc.want) {
			t.Errorf("kanal %v: exit %d, stdout %q, stderr:\n%s\nwant it to start:\n%s", tc.args, code, out, errOut, tc.want)
		}
		if strings.Contains(errOut, "kle.usage") || strings.Contains(errOut, "cli.") {
			t.Errorf("kanal %v prints a catalogue key: %s", tc.args, errOut)
		}
	}
}

// Every error that is not told in the catalogue's words is one line that
// starts with the command as typed, and exits 1: here, a database that
// does not answer.
func TestCommands_ErrorsNameTheCommandAsTyped(t *testing.T) {
	t.Setenv("KANAL_LANG", "da")
	t.Setenv("KANAL_DB", "postgres://nobody@127.0.0.1:1/kanal?connect_timeout=2")
	for _, args := range [][]string{
		{"strategy", "load", "../../strategies/dragoer.yaml"},
		{"strategy", "show"},
		{"user", "add", "--role", "operator", "drift@example.dk"},
		{"user", "list", "--operators"},
		{"user", "password", "a@b.dk"},
		{"user", "disable", "a@b.dk"},
		{"apikey", "add", "--municipality", "dragoer", "--permissions", "read", "X"},
		{"apikey", "list", "--municipality", "dragoer"},
		{"apikey", "revoke", "--municipality", "dragoer", "X"},
		{"import", "inquiries", "--municipality", "dragoer", "../../docs/examples/inquiries.csv"},
		{"rollup", "verify"},
		{"rollup", "rebuild"},
		{"report", "--municipality", "dragoer"},
	} {
		code, out, errOut := kanal(t, args...)
		prefix := "kanal " + strings.Join(args[:2], " ") + ": connect to postgres://nobody@127.0.0.1:1/kanal"
		if args[0] == "report" {
			prefix = "kanal report: connect to postgres://nobody@127.0.0.1:1/kanal"
		}
		if code != exitFailure || out != "" || !strings.HasPrefix(errOut, prefix) {
			t.Errorf("kanal %v: exit %d, stdout %q, stderr:\n%s\nwant it to start %q", args, code, out, errOut, prefix)
		}
	}
	// A file that is not there is named by the command that wanted it.
	t.Setenv("KANAL_DB", "sqlite:"+t.TempDir()+"/kanal.db")
	code, _, errOut := kanal(t, "import", "inquiries", "--municipality", "dragoer", "findes-ikke.csv")
	if code != exitFailure || errOut != "kanal import inquiries: open findes-ikke.csv: no such file or directory\n" {
		t.Errorf("a missing file: exit %d, %q", code, errOut)
	}
}
