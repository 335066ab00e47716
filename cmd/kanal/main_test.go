package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// kanal runs the command in-process and returns its exit code and output.
func kanal(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func preset(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "strategies", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

var location = regexp.MustCompile(`(?m)^(\S+\.yaml):(\d+):(\d+): (.+)$`)

func TestStrategyValidate(t *testing.T) {
	code, out, _ := kanal(t, "strategy", "validate", "../../strategies/dragoer.yaml", "../../strategies/taarnby.yaml")
	if code != exitOK || strings.Count(out, "gyldig") != 2 {
		t.Errorf("presets: exit %d, output %q", code, out)
	}

	broken := strings.Replace(preset(t, "dragoer.yaml"), "kind: oral", "kind: spoken", 1)
	broken = strings.Replace(broken, `kle: "23.09.02"`, `kle: "23.9.2"`, 1)
	path := writeFile(t, "broken.yaml", broken)
	code, out, errOut := kanal(t, "strategy", "validate", path)
	if code != exitFailure || out != "" {
		t.Errorf("broken file: exit %d, stdout %q", code, out)
	}
	matches := location.FindAllStringSubmatch(errOut, -1)
	if len(matches) != 2 {
		t.Fatalf("want two file:line:col lines, got:\n%s", errOut)
	}
	lines := strings.Split(broken, "\n")
	if l := lines[atoi(matches[0][2])-1]; !strings.Contains(l, "spoken") {
		t.Errorf("first problem points at line %q", l)
	}
	if !strings.Contains(matches[0][4], `"spoken"`) || !strings.Contains(matches[1][4], "KLE-nummeret") {
		t.Errorf("messages: %q / %q", matches[0][4], matches[1][4])
	}

	t.Setenv("KANAL_LANG", "en")
	if _, _, errOut := kanal(t, "strategy", "validate", path); !strings.Contains(errOut, "unknown channel kind") {
		t.Errorf("KANAL_LANG=en should give English messages:\n%s", errOut)
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"strategy"}, {"strategy", "validate"}, {"strategy", "load"}, {"serve", "--no-such-flag"}} {
		if code, _, errOut := kanal(t, args...); code != exitUsage || errOut == "" {
			t.Errorf("kanal %v: exit %d, stderr %q; want usage and exit 2", args, code, errOut)
		}
	}
	if code, _, errOut := kanal(t, "strategy", "validate", "no-such-file.yaml"); code != exitFailure || !strings.Contains(errOut, "no-such-file.yaml") {
		t.Errorf("missing file: exit %d, %q", code, errOut)
	}
}

func TestStrategyLoadAndShow(t *testing.T) {
	dsn := storetest.DSN(t)
	code, out, errOut := kanal(t, "strategy", "load", "--db", dsn, "../../strategies/taarnby.yaml")
	if code != exitOK || !strings.Contains(out, "version 1") {
		t.Fatalf("load: exit %d, %q %q", code, out, errOut)
	}
	if _, out, _ := kanal(t, "strategy", "load", "--db", dsn, "../../strategies/taarnby.yaml"); !strings.Contains(out, "uændret") {
		t.Errorf("loading the same file again should change nothing: %q", out)
	}
	changed := writeFile(t, "taarnby.yaml", strings.Replace(preset(t, "taarnby.yaml"), "2018: 80", "2018: 85", 1))
	if _, out, _ := kanal(t, "strategy", "load", "--db", dsn, changed); !strings.Contains(out, "version 2") {
		t.Errorf("a changed file should become version 2: %q", out)
	}
	broken := writeFile(t, "broken.yaml", strings.Replace(preset(t, "taarnby.yaml"), "2018: 80", "2019: 80", 1))
	if code, _, errOut := kanal(t, "strategy", "load", "--db", dsn, broken); code != exitFailure || !location.MatchString(errOut) {
		t.Errorf("broken file: exit %d, %q", code, errOut)
	}

	code, out, _ = kanal(t, "strategy", "show", "--db", dsn, "--municipality", "taarnby")
	if code != exitOK {
		t.Fatalf("show: exit %d", code)
	}
	for _, want := range []string{"Tårnby Kommune – Kanalstrategi 2016–2018", "Version 2", "mindst 85 % i 2018",
		"23.05.10  Flytteanmeldelse", "man.–tors. 08:00–22:00", "Selvbetjening", "KL's Kommunebenchmark fra KOMHEN 2.0"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q", want)
		}
	}
	if code, _, errOut := kanal(t, "strategy", "show", "--db", dsn, "--municipality", "nowhere"); code != exitFailure || !strings.Contains(errOut, "nowhere") {
		t.Errorf("unknown municipality: exit %d %q", code, errOut)
	}
}

// lineWriter collects output and tells when a line matching re arrives.
type lineWriter struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	re    *regexp.Regexp
	found chan string
}

func newLineWriter(re string) *lineWriter {
	return &lineWriter{re: regexp.MustCompile(re), found: make(chan string, 1)}
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if m := w.re.FindStringSubmatch(w.buf.String()); m != nil {
		select {
		case w.found <- m[1]:
		default:
		}
	}
	return len(p), nil
}

func (w *lineWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

func TestServe_RefusesABrokenStrategyWithTheSameMessagesAsValidate(t *testing.T) {
	broken := writeFile(t, "broken.yaml", strings.Replace(preset(t, "dragoer.yaml"), `to: "15:00"`, `to: "08:00"`, 1))
	_, _, validateOut := kanal(t, "strategy", "validate", broken)
	code, _, serveOut := kanal(t, "serve", "--db", storetest.DSN(t), "--demo=false", "--strategy", broken, "--addr", "127.0.0.1:0")
	if code != exitFailure {
		t.Fatalf("serve started with a broken strategy (exit %d)", code)
	}
	want := location.FindAllString(validateOut, -1)
	if len(want) == 0 {
		t.Fatalf("validate found nothing:\n%s", validateOut)
	}
	for _, line := range want {
		if !strings.Contains(serveOut, line) {
			t.Errorf("serve output lacks %q:\n%s", line, serveOut)
		}
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// The README's first command: a new database gets the presets and demo
// data; a restart never counts the demo data twice.
func TestServe_DemoOnANewDatabaseAndRestart(t *testing.T) {
	dsn := storetest.DSN(t)
	args := []string{"serve", "--db", dsn, "--addr", "127.0.0.1:0"}
	if !strings.HasPrefix(dsn, "sqlite:") {
		args = append(args, "--demo") // demo is automatic only for a new SQLite file
	}
	count := func() int64 {
		db, err := store.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var n int64
		if err := db.QueryRow(`SELECT COUNT(*) FROM inquiries`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	start := func(args []string) (string, func() int) {
		ctx, cancel := context.WithCancel(context.Background())
		out := newLineWriter(`Kanal kører på (http://\S+)`)
		done := make(chan int, 1)
		go func() { done <- run(ctx, args, out, io.Discard) }()
		select {
		case url := <-out.found:
			return url, func() int { cancel(); return <-done }
		case code := <-done:
			cancel()
			t.Fatalf("serve ended with %d before printing its address:\n%s", code, out.String())
		case <-time.After(3 * time.Minute):
			cancel()
			t.Fatal("serve did not print its address")
		}
		return "", nil
	}

	url, stop := start(args)
	if status, body := get(t, url+"m/taarnby"); status != http.StatusOK || !strings.Contains(body, "Tårnby Kommune") {
		t.Errorf("Tårnby page: %d", status)
	}
	if status, _ := get(t, url+"healthz"); status != http.StatusOK {
		t.Errorf("healthz: %d", status)
	}
	if code := stop(); code != exitOK {
		t.Errorf("serve exited %d after shutdown", code)
	}
	first := count()
	if first < 100000 {
		t.Fatalf("demo data: %d inquiries, want several years' worth", first)
	}

	_, stop = start(append(args, "--demo"))
	stop()
	if again := count(); again != first {
		t.Errorf("restart with --demo changed the count from %d to %d", first, again)
	}
}

// SIGTERM stops the real binary gracefully.
func TestServe_StopsGracefullyOnSIGTERM(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "kanal")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--demo=false", "--db", storetest.DSN(t))
	cmd.Env = append(os.Environ(), "KANAL_LOG_FORMAT=json")
	stdout, _ := cmd.StdoutPipe()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	scanner := bufio.NewScanner(stdout)
	var url string
	for scanner.Scan() {
		if m := regexp.MustCompile(`(http://\S+)`).FindString(scanner.Text()); m != "" {
			url = m
			break
		}
	}
	if url == "" {
		cmd.Process.Kill()
		t.Fatalf("no address printed; stderr:\n%s", stderr.String())
	}
	if status, body := get(t, url); status != http.StatusOK || !strings.Contains(body, "kanal strategy load") {
		t.Errorf("empty installation front page: %d", status)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit after SIGTERM: %v\n%s", err, stderr.String())
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("did not stop within 20 s of SIGTERM")
	}
	if !strings.Contains(stderr.String(), `"msg":"stopped"`) {
		t.Errorf("log lacks the shutdown:\n%s", stderr.String())
	}
}

func TestServe_AddressInUseSaysWhatToDo(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	code, _, errOut := kanal(t, "serve", "--db", storetest.DSN(t), "--demo=false", "--addr", ln.Addr().String())
	if code != exitFailure || !strings.Contains(errOut, "--addr") {
		t.Errorf("exit %d; the message should suggest --addr:\n%s", code, errOut)
	}
}
