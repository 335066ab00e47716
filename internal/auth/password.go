package auth

import (
	"crypto/rand"
	"errors"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// PasswordCost is bcrypt's work factor: 12 takes about a quarter of a
// second on a server. Tests lower it to bcrypt.MinCost to stay fast.
var PasswordCost = 12

// Password rules.
const (
	MinPasswordLength = 12
	// bcrypt reads at most 72 bytes.
	MaxPasswordBytes = 72
)

// Password problems, keys in the translation catalogue.
var (
	ErrPasswordShort = errors.New("auth.password_short")
	ErrPasswordLong  = errors.New("auth.password_long")
)

// CheckPassword tells whether a new password is acceptable.
func CheckPassword(pw string) error {
	switch {
	case utf8.RuneCountInString(pw) < MinPasswordLength:
		return ErrPasswordShort
	case len(pw) > MaxPasswordBytes:
		return ErrPasswordLong
	}
	return nil
}

// HashPassword checks a password and hashes it, for accounts that share
// one password and so one hash (NewUser.PasswordHash): the demo accounts,
// which are made at the first start, where each hash costs a quarter of
// a second.
func HashPassword(pw string) (string, error) {
	if err := CheckPassword(pw); err != nil {
		return "", err
	}
	return hashPassword(pw)
}

func hashPassword(pw string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(pw), PasswordCost)
	return string(h), err
}

// dummyHash is compared against when an account does not exist, so that a
// wrong address takes as long as a wrong password.
var (
	dummyOnce sync.Once
	dummyHash []byte
)

func passwordMatches(hash, pw string) bool {
	if hash == "" {
		dummyOnce.Do(func() { dummyHash, _ = bcrypt.GenerateFromPassword([]byte("kanal-no-such-account"), PasswordCost) })
		bcrypt.CompareHashAndPassword(dummyHash, []byte(pw))
		return false
	}
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}

// oneTimeAlphabet leaves out letters that are easily confused (0/O, 1/l/I).
const oneTimeAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// OneTimePassword makes a random password to hand to a new user, who must
// change it at the first sign-in: four groups of four, about 93 bits.
func OneTimePassword() string {
	out := make([]byte, 0, 19)
	limit := byte(256 / len(oneTimeAlphabet) * len(oneTimeAlphabet)) // reject above it: no bias
	b := make([]byte, 1)
	for n := 0; n < 16; {
		rand.Read(b)
		if b[0] >= limit {
			continue
		}
		if n > 0 && n%4 == 0 {
			out = append(out, '-')
		}
		out = append(out, oneTimeAlphabet[int(b[0])%len(oneTimeAlphabet)])
		n++
	}
	return string(out)
}
