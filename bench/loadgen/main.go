// Command loadgen sends one GET request again and again from a few
// keep-alive clients and prints, as one JSON line, how long the requests
// took. The guidance benchmark (bench/guidance_http_test.go) runs it as a
// separate process, so that the load it makes is not counted as the
// server's work and does not share the server's scheduler.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// result is what loadgen prints.
type result struct {
	Requests  int   `json:"requests"`
	ElapsedNs int64 `json:"elapsed_ns"`
	P50Ns     int64 `json:"p50_ns"`
	P99Ns     int64 `json:"p99_ns"`
	// Bad counts answers that were not 200 with a body of the expected size.
	Bad int64 `json:"bad"`
}

func main() {
	target := flag.String("url", "", "the address to ask")
	n := flag.Int("n", 1000, "requests in all")
	clients := flag.Int("c", 8, "concurrent keep-alive clients")
	auth := flag.String("auth", "", "the Authorization header, if any")
	size := flag.Int("size", -1, "the expected body size; -1 takes any")
	flag.Parse()
	if err := run(*target, *n, *clients, *auth, *size); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

func run(target string, n, clients int, auth string, size int) error {
	if target == "" || n < 1 || clients < 1 {
		return fmt.Errorf("need -url, -n ≥ 1 and -c ≥ 1")
	}
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, DisableCompression: true}
	client := &http.Client{Transport: tr}
	ask := func() (time.Duration, bool, error) {
		req, err := http.NewRequest(http.MethodGet, target, nil)
		if err != nil {
			return 0, false, err
		}
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return 0, false, err
		}
		got, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		took := time.Since(start)
		return took, err == nil && resp.StatusCode == http.StatusOK && (size < 0 || got == int64(size)), err
	}
	// One request per client first, so that the connections are open
	// before the clock starts.
	for i := 0; i < clients; i++ {
		if _, _, err := ask(); err != nil {
			return err
		}
	}
	var (
		next, bad atomic.Int64
		wg        sync.WaitGroup
		mu        sync.Mutex
		firstErr  error
	)
	lat := make([]time.Duration, n)
	start := time.Now()
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= int64(n) {
					return
				}
				took, ok, err := ask()
				if err != nil {
					mu.Lock()
					firstErr = err
					mu.Unlock()
					return
				}
				if !ok {
					bad.Add(1)
				}
				lat[i] = took
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if firstErr != nil {
		return firstErr
	}
	slices.Sort(lat)
	return json.NewEncoder(os.Stdout).Encode(result{Requests: n, ElapsedNs: elapsed.Nanoseconds(),
		P50Ns: lat[n/2].Nanoseconds(), P99Ns: lat[n*99/100].Nanoseconds(), Bad: bad.Load()})
}
