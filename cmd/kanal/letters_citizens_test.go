package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// kanal serve --test-citizens FILE decides letters' routes and sends them
// on the same file: a citizen the shipped file calls exempt but FILE
// registers for Digital Post gets her letter in the Digital Post inbox,
// not on paper. Before the fix the API decided on FILE (Digital Post) and
// the worker's transport on the shipped file, which refused the letter,
// so it fell back to paper.
func TestServe_LettersUseTheTestCitizensFileOfTheServer(t *testing.T) {
	shipped, err := os.ReadFile("../../internal/sf1520/testborgere.xml")
	if err != nil {
		t.Fatal(err)
	}
	const fatima = "2511909924" // exempt in the shipped file
	exempt := `<digitalpost personnummer="` + fatima + `" status="fritaget"/>`
	if !bytes.Contains(shipped, []byte(exempt)) {
		t.Fatalf("the shipped file no longer has %s", exempt)
	}
	file := writeFile(t, "borgere.xml", strings.Replace(string(shipped), exempt,
		`<digitalpost personnummer="`+fatima+`" status="tilmeldt"/>`, 1))

	t.Setenv("KANAL_DB", storetest.DSN(t))
	t.Setenv("KANAL_LANG", "en")
	if code, _, errOut := kanal(t, "strategy", "load", "../../strategies/dragoer.yaml"); code != exitOK {
		t.Fatalf("strategy load: %d %s", code, errOut)
	}
	code, out, errOut := kanal(t, "apikey", "add", "--municipality", "dragoer", "--permissions", "letters", "Brevsystem")
	key := regexp.MustCompile(`(?m)^kanal_live_\S+$`).FindString(out)
	if code != exitOK || key == "" {
		t.Fatalf("apikey add: %d %s%s", code, out, errOut)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout := newLineWriter(`(?m)(http://\S+/)$`)
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--demo=false", "--addr", "127.0.0.1:0", "--test-citizens", file}, stdout, &stderr)
	}()
	var base string
	select {
	case base = <-stdout.found:
	case code := <-done:
		t.Fatalf("serve ended with %d:\n%s", code, stderr.String())
	case <-time.After(time.Minute):
		t.Fatal("serve said no address")
	}

	letter := func(method, path, body string) (int, map[string]any) {
		t.Helper()
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		var a map[string]any
		if err := json.Unmarshal(raw, &a); err != nil {
			t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, raw)
		}
		return resp.StatusCode, a
	}
	status, a := letter(http.MethodPost, "api/v1/letters", `{"id":"fil-1","recipient":{"cpr":"`+fatima+`"},"title":"Brev","area":"23.05.10","body":"Kære Fatima"}`)
	if status != http.StatusCreated || a["route"] != "digital_post" {
		t.Fatalf("POST: %d %v; want 201 and digital_post, as the server's file registers her", status, a)
	}
	deadline := time.Now().Add(3 * deliverEvery)
	for {
		_, a = letter(http.MethodGet, "api/v1/letters/fil-1", "")
		if a["status"] == "delivered" || a["status"] == "fell_back_to_paper" || a["route"] == "letter" || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if a["status"] != "delivered" || a["route"] != "digital_post" {
		t.Errorf("the letter is %v on %v, want delivered by digital_post:\n%v", a["status"], a["route"], a["history"])
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("serve stopped with %d:\n%s", code, stderr.String())
	}
}
