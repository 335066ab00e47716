package main

import (
	"os"
	"strings"
	"testing"
)

// .ci/run must run the README's test command as written, and that command
// must run every test even when Go's test cache holds a passing result.
func TestCI_RunsTheREADMETestCommand(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "Run every test:\n\n```sh\n")
	command, _, ok2 := strings.Cut(after, "\n```")
	if !ok || !ok2 {
		t.Fatal(`README.md has no "Run every test:" block`)
	}
	// -count=1: a warm cache would skip the tests. -timeout 30m: the web
	// package's browser tests come near the default 10 minutes on a loaded
	// 2-core machine, where the default kills the whole package.
	if command != "go test -count=1 -timeout 30m ./..." {
		t.Errorf("README's test command is %q; want go test -count=1 -timeout 30m ./...", command)
	}
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, line := range strings.Split(string(ci), "\n") {
		found = found || strings.TrimSpace(line) == command
	}
	if !found {
		t.Errorf(".ci/run has no line %q (the README's test command)", command)
	}
}
