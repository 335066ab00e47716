package delivery

import (
	"errors"
	"net/http"
	"testing"
	"time"
)

// The worked example of docs/case-delivery.md. The signature was computed
// outside Go, with
//
//	printf '%s' '1700000000.{"event":"case.submitted","reference":"K7MF-4QX9"}' |
//	  openssl dgst -sha256 -hmac b3f1c2d4e5a6978812345678abcdef00b3f1c2d4e5a6978812345678abcdef00 -hex
//
// and again with Python's hmac module.
const (
	exampleSecret    = "b3f1c2d4e5a6978812345678abcdef00b3f1c2d4e5a6978812345678abcdef00"
	exampleTimestamp = 1700000000
	exampleBody      = `{"event":"case.submitted","reference":"K7MF-4QX9"}`
	exampleSignature = "v1=4dcf6c74db75313ee2d7757adf4bb50633314477f45c68dafac656f6d41bb3af"
)

func TestSign_TheDocumentedWorkedExample(t *testing.T) {
	if got := Sign(exampleSecret, exampleTimestamp, []byte(exampleBody)); got != exampleSignature {
		t.Errorf("Sign = %s, want %s", got, exampleSignature)
	}
}

func TestVerify_AcceptsOnlyTheSignedBodyWithinTheTolerance(t *testing.T) {
	sent := time.Unix(exampleTimestamp, 0)
	header := func(ts, sig string) http.Header {
		h := http.Header{}
		if ts != "" {
			h.Set("Kanal-Timestamp", ts)
		}
		if sig != "" {
			h.Set("Kanal-Signature", sig)
		}
		return h
	}
	for _, tc := range []struct {
		name   string
		secret string
		header http.Header
		body   string
		now    time.Time
		want   error
	}{
		{"the example", exampleSecret, header("1700000000", exampleSignature), exampleBody, sent, nil},
		{"four minutes later", exampleSecret, header("1700000000", exampleSignature), exampleBody, sent.Add(4 * time.Minute), nil},
		{"the receiver's clock four minutes behind", exampleSecret, header("1700000000", exampleSignature), exampleBody, sent.Add(-4 * time.Minute), nil},
		{"six minutes later: a replay", exampleSecret, header("1700000000", exampleSignature), exampleBody, sent.Add(6 * time.Minute), ErrStale},
		{"a changed body", exampleSecret, header("1700000000", exampleSignature), `{"event":"case.submitted","reference":"K7MF-4QX8"}`, sent, ErrBadSignature},
		{"another secret", "another", header("1700000000", exampleSignature), exampleBody, sent, ErrBadSignature},
		{"another timestamp", exampleSecret, header("1700000001", exampleSignature), exampleBody, sent, ErrBadSignature},
		{"without v1=", exampleSecret, header("1700000000", exampleSignature[3:]), exampleBody, sent, ErrBadSignature},
		{"one of two signatures", exampleSecret, header("1700000000", "v1=00, "+exampleSignature), exampleBody, sent, nil},
		{"no signature", exampleSecret, header("1700000000", ""), exampleBody, sent, ErrNoSignature},
		{"no timestamp", exampleSecret, header("", exampleSignature), exampleBody, sent, ErrNoSignature},
		{"a timestamp in milliseconds", exampleSecret, header("1700000000000", exampleSignature), exampleBody, sent, ErrStale},
		{"not a number", exampleSecret, header("1700000000.5", exampleSignature), exampleBody, sent, ErrBadTimestamp},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := Verify(tc.secret, tc.header, []byte(tc.body), tc.now, 5*time.Minute); !errors.Is(err, tc.want) {
				t.Errorf("Verify = %v, want %v", err, tc.want)
			}
		})
	}
}
