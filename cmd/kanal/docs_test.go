package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// example is one command of a shell block in the README or docs/.
type example struct {
	file    string
	line    int
	command string
}

func (e example) String() string { return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.command) }

// shellExamples reads the commands of every ```sh block of the README and
// docs/*.md, joining lines continued with a backslash.
func shellExamples(t *testing.T) []example {
	t.Helper()
	files, err := filepath.Glob("../../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	files = append([]string{"../../README.md"}, files...)
	var out []example
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(path, "../../")
		sc := bufio.NewScanner(f)
		in, n, start := false, 0, 0
		var cmd strings.Builder
		for sc.Scan() {
			n++
			text := sc.Text()
			switch {
			case !in && (text == "```sh" || text == "```bash" || text == "```shell"):
				in = true
			case in && text == "```":
				in = false
			case in && strings.TrimSpace(text) != "":
				if cmd.Len() == 0 {
					start = n
				}
				if body, more := strings.CutSuffix(text, "\\"); more {
					cmd.WriteString(body)
					continue
				}
				cmd.WriteString(text)
				out = append(out, example{name, start, strings.TrimSpace(cmd.String())})
				cmd.Reset()
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// notRunHere are the examples this test cannot run, each with the reason.
// Everything else in a shell block of the README and docs/ runs.
var notRunHere = map[string]string{
	"go build -o kanal ./cmd/kanal && ./kanal serve":                                                                                                "the test builds the binary and serves it itself (the demo start is TestServe_DemoOnANewDatabaseAndRestart)",
	"go test -count=1 -timeout 30m ./...":                                                                                                           "the test command runs this test",
	"sudo -u postgres createuser --pwprompt kanal     # the role; asks for its password":                                                            "creates a role on the machine's PostgreSQL and asks for a password",
	"sudo -u postgres createdb --owner kanal kanal    # its database":                                                                               "creates a database on the machine's PostgreSQL",
	"./kanal serve --db 'postgres://kanal:PASSWORD@localhost/kanal?sslmode=disable' --demo":                                                         "needs the role and database above; .ci/run runs the suite on PostgreSQL",
	"export KANAL_OIDC_CLIENT_SECRET=…        # only from the environment, never a flag":                                                            "needs the municipality's identity provider",
	"./kanal serve --public-url https://kanal.kommune.dk/   --oidc-issuer https://login.microsoftonline.com/TENANT/v2.0 --oidc-client-id CLIENT_ID": "needs the municipality's identity provider",
	// docs/operations.md
	"./kanal backup kanal-backup.db":                                                                                                          "SQLite only, and the docs also run on PostgreSQL; TestBackup_WhileWritingThenRestoreAndVerify runs backup, restore and verify",
	"./kanal restore --db sqlite:./restored/kanal.db kanal-backup.db":                                                                         "needs the backup above; TestBackup_WhileWritingThenRestoreAndVerify",
	"./kanal rollup verify --db sqlite:./restored/kanal.db":                                                                                   "needs the restore above; TestBackup_WhileWritingThenRestoreAndVerify",
	"./kanal restore --replace kanal-backup.db    # Kanal stopped; the old file is kept aside":                                                "needs Kanal stopped; TestBackupAndRestore_RefuseToOverwrite",
	"pg_dump --format=custom --file=kanal.dump \"$KANAL_DB\"":                                                                                 "PostgreSQL's own tool, and the docs also run on SQLite",
	"pg_restore --no-owner --dbname='postgres://kanal@db-new.kommune.dk/kanal' kanal.dump":                                                    "needs a second PostgreSQL server",
	"KANAL_DB='postgres://kanal:PASSWORD@db.kommune.dk/kanal' KANAL_PUBLIC_URL=https://kanal.kommune.dk/ ./kanal serve --addr 10.0.0.11:8080": "needs the municipality's PostgreSQL and network; TestRebuild_TwoInstancesRebuildWhileBothRecord runs two instances",
	"./kanal serve --db \"$KANAL_DB\" --db-read 'postgres://kanal_read@replica.kommune.dk/kanal'":                                             "needs a PostgreSQL replica; TestServer_FiguresReadFromTheReadDatabaseAndWritesGoToTheMain",
	"./kanal serve --pprof-addr 127.0.0.1:6060":                                                                                               "starts a server that runs until stopped; TestServe_PprofIsOffByDefaultAndServedApartWhenSet",
	"go tool pprof 'http://127.0.0.1:6060/debug/pprof/profile?seconds=30'":                                                                    "needs the server above and takes 30 seconds",
	"./kanal serve --webhooks-allow-private":                                                                                                  "starts a server that runs until stopped; TestServe_DeliversSubmittedCasesToTheCaseSystem runs one with KANAL_WEBHOOKS_ALLOW_PRIVATE",
}

// Every shell example of the README and docs/ that can run offline runs,
// as a new user would run it: the binary built from this tree, in a folder
// with the repository's files, against a server started with the same
// binary, with an API key made by the documented command. Each must exit
// 0; the examples that cannot run here are listed with their reason.
func TestDocs_EveryShellExampleRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs every documented command")
	}
	examples := shellExamples(t)
	if len(examples) < 20 {
		t.Fatalf("found only %d shell examples; is the reader broken?", len(examples))
	}
	for cmd := range notRunHere {
		if !slices.ContainsFunc(examples, func(e example) bool { return e.command == cmd }) {
			t.Errorf("notRunHere lists %q, which no document shows any more", cmd)
		}
	}

	dir := t.TempDir()
	bin := filepath.Join(dir, "kanal")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, sub := range []string{"strategies", "docs"} {
		if out, err := exec.Command("cp", "-r", filepath.Join("..", "..", sub), dir).CombinedOutput(); err != nil {
			t.Fatalf("copy %s: %v\n%s", sub, err, out)
		}
	}
	// The file the examples load as "my own strategy": a preset under
	// another name, as a municipality starts.
	preset, err := os.ReadFile(filepath.Join(dir, "strategies", "dragoer.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "my-strategy.yaml"), preset, 0o644); err != nil {
		t.Fatal(err)
	}

	// Each document is read by a new user on a new installation: its own
	// database and server, the presets loaded, a key made.
	byFile := map[string][]example{}
	var files []string
	for _, e := range examples {
		if byFile[e.file] == nil {
			files = append(files, e.file)
		}
		byFile[e.file] = append(byFile[e.file], e)
	}
	for _, file := range files {
		t.Run(file, func(t *testing.T) { runExamples(t, dir, bin, byFile[file]) })
	}
}

func runExamples(t *testing.T, dir, bin string, examples []example) {
	dsn := storetest.DSN(t)
	env := append(os.Environ(), "KANAL_DB="+dsn, "KANAL_LANG=da", "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	run := func(command string) (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		c := exec.CommandContext(ctx, "bash", "-o", "pipefail", "-c", command)
		c.Dir, c.Env = dir, env
		out, err := c.CombinedOutput()
		return string(out), err
	}
	if out, err := run("./kanal strategy load strategies/dragoer.yaml && ./kanal strategy load strategies/taarnby.yaml"); err != nil {
		t.Fatalf("load the presets: %v\n%s", err, out)
	}
	out, err := run("./kanal apikey add --municipality dragoer --permissions ingest,read,cases,letters Dokumentation")
	key := regexp.MustCompile(`(?m)^kanal_live_\S+$`).FindString(out)
	if err != nil || key == "" {
		t.Fatalf("a key for the examples: %v\n%s", err, out)
	}
	env = append(env, "KEY="+key)
	srv := startKillable(t, bin, dsn)
	addr := strings.TrimSuffix(strings.TrimPrefix(srv.url, "http://"), "/")

	for _, e := range examples {
		if reason, skip := notRunHere[e.command]; skip {
			t.Logf("not run: %s (%s)", e, reason)
			continue
		}
		command := strings.ReplaceAll(e.command, "127.0.0.1:8080", addr)
		command = strings.ReplaceAll(command, "kanal_live_…", key)
		if strings.HasPrefix(command, "curl ") {
			command = "curl --fail-with-body --silent --show-error " + strings.TrimPrefix(command, "curl ")
		}
		if out, err := run(command); err != nil {
			t.Errorf("%s\n%v\n%s", e, err, out)
		}
	}
}
