package delivery

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The headers of a delivery besides Content-Type (docs/case-delivery.md).
const (
	HeaderIdempotencyKey = "Idempotency-Key"
	HeaderEvent          = "Kanal-Event"
	HeaderTimestamp      = "Kanal-Timestamp"
	HeaderSignature      = "Kanal-Signature"
)

// signatureVersion prefixes the signature: a later scheme gets its own.
const signatureVersion = "v1="

// Sign is the Kanal-Signature of body sent at timestamp (Unix seconds):
// "v1=" and the hex HMAC-SHA256, keyed with the secret's bytes as they
// are written, of the timestamp, a full stop and the body.
func Sign(secret string, timestamp int64, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(strconv.FormatInt(timestamp, 10)))
	mac.Write([]byte("."))
	mac.Write(body)
	return signatureVersion + hex.EncodeToString(mac.Sum(nil))
}

// Errors of Verify.
var (
	ErrNoSignature  = errors.New("no Kanal-Timestamp or Kanal-Signature header")
	ErrBadTimestamp = errors.New("Kanal-Timestamp is not a whole number of seconds")
	ErrStale        = errors.New("Kanal-Timestamp is too far from now")
	ErrBadSignature = errors.New("Kanal-Signature does not match the body")
)

// Verify is what a receiver checks before it trusts a delivery: that the
// Kanal-Signature header holds a v1 signature of the Kanal-Timestamp and
// the body with the secret, and that the timestamp is within tolerance of
// now, so that a recorded delivery cannot be replayed later. (The
// Idempotency-Key makes a replay within the tolerance harmless.) Several
// signatures may be given, separated by commas; one that matches is
// enough. A receiver written in Go may copy it as it is.
func Verify(secret string, header http.Header, body []byte, now time.Time, tolerance time.Duration) error {
	ts, sigs := header.Get(HeaderTimestamp), header.Get(HeaderSignature)
	if ts == "" || sigs == "" {
		return ErrNoSignature
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return ErrBadTimestamp
	}
	if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return ErrStale
	}
	want := []byte(Sign(secret, sec, body))
	for _, sig := range strings.Split(sigs, ",") {
		if hmac.Equal([]byte(strings.TrimSpace(sig)), want) {
			return nil
		}
	}
	return ErrBadSignature
}
