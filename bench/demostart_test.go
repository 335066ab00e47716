package bench

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkDemoStart measures a newcomer's first start: the README's
// command on a new machine, timed from starting `kanal serve` on a new
// SQLite file until it prints the address to open, with the presets' demo
// data of their last strategy year and the accounts made ("s/start"), and
// until it says that the earlier years, written while it serves, are
// written too ("s/all"). It reports the CPU seconds the process had spent
// at the address ("cpu-s/start", from /proc) and in all ("cpu-s/all"),
// which a busy machine changes less than the wall times. After each start,
// kanal rollup verify must find the counts equal to a recount.
//
// KANAL_BENCH_KANAL names a kanal binary to time instead of one built from
// this tree, so that an older commit can be measured beside it; one that
// writes all demo data before the address has s/all equal to s/start.
func BenchmarkDemoStart(b *testing.B) {
	bin := os.Getenv("KANAL_BENCH_KANAL")
	if bin == "" {
		bin = filepath.Join(b.TempDir(), "kanal")
		if out, err := exec.Command("go", "build", "-o", bin, "../cmd/kanal").CombinedOutput(); err != nil {
			b.Fatalf("build kanal: %v\n%s", err, out)
		}
	}
	var sum demoStartTimes
	b.ResetTimer()
	for range b.N {
		t := demoStart(b, bin)
		b.Logf("start: %.1f s (CPU %.1f s), all written: %.1f s (CPU %.1f s)",
			t.wall.Seconds(), t.cpu.Seconds(), t.wallAll.Seconds(), t.cpuAll.Seconds())
		sum.wall += t.wall
		sum.cpu += t.cpu
		sum.wallAll += t.wallAll
		sum.cpuAll += t.cpuAll
	}
	n := float64(b.N)
	b.ReportMetric(sum.wall.Seconds()/n, "s/start")
	b.ReportMetric(sum.wallAll.Seconds()/n, "s/all")
	if sum.cpu > 0 {
		b.ReportMetric(sum.cpu.Seconds()/n, "cpu-s/start")
	}
	b.ReportMetric(sum.cpuAll.Seconds()/n, "cpu-s/all")
}

// demoStartTimes are the wall and CPU times until the address and until
// all demo data is written.
type demoStartTimes struct {
	wall, cpu, wallAll, cpuAll time.Duration
}

// The lines of the English output the benchmark waits for.
const (
	urlLine    = "http://"
	laterLine  = "is written while Kanal runs"
	allWritten = "All demo data is written"
)

// demoStart starts kanal on a new database, waits for the address and for
// the demo data to be written, stops it and returns the times.
func demoStart(b *testing.B, bin string) (t demoStartTimes) {
	b.Helper()
	dir := b.TempDir()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--db", "sqlite:"+filepath.Join(dir, "kanal.db"))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "KANAL_LANG=en")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	found, later := false, false
	for !found && lines.Scan() {
		later = later || strings.Contains(lines.Text(), laterLine)
		found = strings.Contains(lines.Text(), urlLine)
	}
	t.wall = time.Since(start)
	t.cpu, _ = processCPU(cmd.Process.Pid)
	if !found {
		cmd.Process.Kill()
		cmd.Wait()
		b.Fatal("kanal ended without printing its address")
	}
	t.wallAll = t.wall
	if later {
		done := false
		for !done && lines.Scan() {
			done = strings.Contains(lines.Text(), allWritten)
		}
		if !done {
			cmd.Process.Kill()
			cmd.Wait()
			b.Fatal("kanal ended without saying that all demo data is written")
		}
		t.wallAll = time.Since(start)
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
	t.cpuAll = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	// A fast start that miscounts is no start: the counts must equal a
	// recount (not timed).
	verify := exec.Command(bin, "rollup", "verify", "--db", "sqlite:"+filepath.Join(dir, "kanal.db"))
	if out, err := verify.CombinedOutput(); err != nil {
		b.Fatalf("rollup verify after the demo start: %v\n%s", err, out)
	}
	return t
}

// processCPU is the CPU time a running process has spent so far, user and
// system, from /proc/PID/stat (Linux), in clock ticks of 1/100 s (USER_HZ).
func processCPU(pid int) (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name, in parentheses, may hold spaces: count fields
	// after its closing parenthesis, where utime and stime are the 12th
	// and 13th.
	s := string(data)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(fields) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(fields))
	}
	var ticks int64
	for _, f := range fields[11:13] {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, err
		}
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond, nil
}
