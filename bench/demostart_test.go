package bench

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkDemoStart measures a newcomer's first start: the README's
// command on a new machine, timed from starting `kanal serve` on a new
// SQLite file until it prints the address to open, with the presets' demo
// data and accounts made. It reports the seconds until the address
// ("s/start") and the CPU seconds the process spent ("cpu-s/start"), which
// a busy machine changes less than the wall time. After each start,
// kanal rollup verify must find the counts equal to a recount.
//
// KANAL_BENCH_KANAL names a kanal binary to time instead of one built from
// this tree, so that an older commit can be measured beside it.
func BenchmarkDemoStart(b *testing.B) {
	bin := os.Getenv("KANAL_BENCH_KANAL")
	if bin == "" {
		bin = filepath.Join(b.TempDir(), "kanal")
		if out, err := exec.Command("go", "build", "-o", bin, "../cmd/kanal").CombinedOutput(); err != nil {
			b.Fatalf("build kanal: %v\n%s", err, out)
		}
	}
	var wall, cpu time.Duration
	b.ResetTimer()
	for range b.N {
		w, c := demoStart(b, bin)
		wall += w
		cpu += c
	}
	b.ReportMetric(wall.Seconds()/float64(b.N), "s/start")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/start")
}

// demoStart starts kanal on a new database, waits for the address, stops
// it and returns the time to the address and the process's CPU time.
func demoStart(b *testing.B, bin string) (wall, cpu time.Duration) {
	b.Helper()
	dir := b.TempDir()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--db", "sqlite:"+filepath.Join(dir, "kanal.db"))
	cmd.Dir = dir
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	found := false
	for lines.Scan() {
		if strings.Contains(lines.Text(), "http://") {
			found = true
			break
		}
	}
	wall = time.Since(start)
	if !found {
		cmd.Process.Kill()
		cmd.Wait()
		b.Fatal("kanal ended without printing its address")
	}
	go func() { // keep reading so that the server never blocks on its output
		for lines.Scan() {
		}
	}()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		b.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		b.Fatalf("kanal did not stop cleanly: %v", err)
	}
	cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	// A fast start that miscounts is no start: the counts must equal a
	// recount (not timed).
	verify := exec.Command(bin, "rollup", "verify", "--db", "sqlite:"+filepath.Join(dir, "kanal.db"))
	if out, err := verify.CombinedOutput(); err != nil {
		b.Fatalf("rollup verify after the demo start: %v\n%s", err, out)
	}
	return wall, cpu
}
