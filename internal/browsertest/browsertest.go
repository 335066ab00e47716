// Package browsertest drives Debian's headless Chromium for Kanal's
// end-to-end tests and checks every page with axe-core (WCAG 2.1 AA).
//
// Without a browser the tests skip with one line, so that a developer
// without Chromium can still run the suite; .ci/run installs Chromium and
// sets KANAL_REQUIRE_BROWSER=1, which turns the skip into a failure.
package browsertest

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

//go:embed axe/axe.min.js
var axeSource string

// EnvRequire, set to 1, makes a missing browser fail the tests.
const EnvRequire = "KANAL_REQUIRE_BROWSER"

// EnvChromium overrides where the browser is.
const EnvChromium = "KANAL_CHROMIUM"

// ExecPath finds the browser: $KANAL_CHROMIUM, else Debian's chromium.
func ExecPath() string {
	if p := os.Getenv(EnvChromium); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a headless browser for the test and returns its context; the
// browser is closed when the test ends, and gives up after two minutes.
func New(t *testing.T) context.Context {
	t.Helper()
	return NewFor(t, 2*time.Minute)
}

// NewFor is New for a test that walks many pages in one browser, which
// gives up after d.
func NewFor(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	path := ExecPath()
	if path == "" {
		if os.Getenv(EnvRequire) == "1" {
			t.Fatalf("no Chromium found and %s=1; install Debian's chromium package", EnvRequire)
		}
		t.Skip("browser test skipped: no Chromium installed (apt-get install chromium, or set KANAL_CHROMIUM)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		// The machine has no internet: keep Chromium from trying.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, d)
	t.Cleanup(func() {
		cancelTimeout()
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	return ctx
}

// Do runs steps and fails the test on error.
func Do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// Eval evaluates a JavaScript expression and fails the test on error.
func Eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

type axeResult struct {
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target []any `json:"target"`
		} `json:"nodes"`
	} `json:"violations"`
	Passes []struct {
		ID string `json:"id"`
	} `json:"passes"`
}

// Axe runs axe-core on the current page with the WCAG 2.0/2.1 A and AA
// rules and fails the test for every violation. It returns how many rules
// passed, so a caller can tell axe actually ran.
func Axe(t *testing.T, ctx context.Context) int {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axeSource)); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](
		`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe-core: %v", err)
	}
	location, _ := chromedp.Run(ctx, chromedp.Location())
	for _, v := range res.Violations {
		var targets []string
		for _, n := range v.Nodes {
			targets = append(targets, fmt.Sprint(n.Target...))
		}
		t.Errorf("%s: axe %s (%s): %s — %s", location, v.ID, v.Impact, v.Help, strings.Join(targets, "; "))
	}
	if len(res.Passes) == 0 {
		t.Errorf("%s: axe-core reported no passing rules; did it run?", location)
	}
	return len(res.Passes)
}
