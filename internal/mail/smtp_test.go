package mail

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"io"
	"math/big"
	"mime/quotedprintable"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeSMTP is a minimal SMTP server on loopback: enough of RFC 5321 and
// 3207 (STARTTLS) and 4616 (PLAIN) to receive one message.
type fakeSMTP struct {
	addr     string
	tls      *tls.Config
	starttls bool
	mu       sync.Mutex
	auth     string // the decoded PLAIN answer
	from, to string
	data     string
	tlsUsed  bool
	// refuseRcpt answers RCPT with a refusal that echoes the address,
	// as real servers do.
	refuseRcpt bool
}

func newFakeSMTP(t *testing.T, starttls bool) (*fakeSMTP, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "fake smtp"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	f := &fakeSMTP{addr: ln.Addr().String(), starttls: starttls,
		tls: &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go f.serve(c)
		}
	}()
	return f, pool
}

func (f *fakeSMTP) serve(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	r, w := bufio.NewReader(c), c.(io.Writer)
	say := func(s string) { io.WriteString(w, s+"\r\n") }
	say("220 fake ESMTP")
	secure := false
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		verb := strings.ToUpper(strings.SplitN(line, " ", 2)[0])
		switch {
		case verb == "EHLO":
			switch {
			case secure:
				say("250-fake\r\n250 AUTH PLAIN")
			case f.starttls:
				say("250-fake\r\n250 STARTTLS")
			default:
				say("250-fake\r\n250 AUTH PLAIN")
			}
		case verb == "STARTTLS":
			say("220 go ahead")
			tc := tls.Server(c, f.tls)
			if err := tc.Handshake(); err != nil {
				return
			}
			c, r, w, secure = tc, bufio.NewReader(tc), tc, true
			f.mu.Lock()
			f.tlsUsed = true
			f.mu.Unlock()
		case verb == "AUTH":
			parts := strings.Fields(line)
			dec, _ := base64.StdEncoding.DecodeString(parts[len(parts)-1])
			f.mu.Lock()
			f.auth = string(dec)
			f.mu.Unlock()
			say("235 ok")
		case verb == "MAIL":
			f.mu.Lock()
			f.from = line
			f.mu.Unlock()
			say("250 ok")
		case verb == "RCPT":
			f.mu.Lock()
			f.to = line
			refuse := f.refuseRcpt
			f.mu.Unlock()
			if refuse {
				say("550 5.1.1 <" + strings.TrimSuffix(strings.TrimPrefix(strings.SplitN(line, ":", 2)[1], "<"), ">") + ">: Recipient address rejected: User unknown")
				continue
			}
			say("250 ok")
		case verb == "DATA":
			say("354 go on")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				b.WriteString(strings.TrimPrefix(l, ".")) // RFC 5321 4.5.2: a leading dot was doubled
			}
			f.mu.Lock()
			f.data = b.String()
			f.mu.Unlock()
			say("250 queued")
		case verb == "QUIT":
			say("221 bye")
			return
		default:
			say("250 ok")
		}
	}
}

func TestSMTP_SendsOverSTARTTLSWithSignInAndDanishLetters(t *testing.T) {
	f, pool := newFakeSMTP(t, true)
	s := &SMTP{Addr: f.addr, From: "kanal@dragoer.dk", User: "kanal", Password: "hemmelig",
		TLS: &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}}
	body := "Hej\n\nSvar på dit spørgsmål om affald: tømning hver anden uge.\n"
	err := s.Send(context.Background(), Message{To: "borger@example.dk", Subject: "Svar fra Dragør Kommune", Body: body})
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.tlsUsed {
		t.Error("the message went without STARTTLS")
	}
	if f.auth != "\x00kanal\x00hemmelig" {
		t.Errorf("PLAIN sign-in %q, want user kanal with the password", f.auth)
	}
	if f.from != "MAIL FROM:<kanal@dragoer.dk>" || !strings.HasPrefix(f.to, "RCPT TO:<borger@example.dk>") {
		t.Errorf("envelope %q → %q", f.from, f.to)
	}
	head, qp, ok := strings.Cut(f.data, "\r\n\r\n")
	if !ok {
		t.Fatalf("no header/body split in %q", f.data)
	}
	if !strings.Contains(head, "Subject: =?utf-8?q?Svar_fra_Drag=C3=B8r_Kommune?=") {
		t.Errorf("subject not encoded in the header:\n%s", head)
	}
	if !strings.Contains(head, "To: borger@example.dk\r\n") || !strings.Contains(head, "charset=utf-8") {
		t.Errorf("headers:\n%s", head)
	}
	decoded, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(qp)))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.ReplaceAll(body, "\n", "\r\n")
	if string(decoded) != want {
		t.Errorf("body %q, want %q", decoded, want)
	}
}

func TestSMTP_RefusesAServerWithoutSTARTTLS(t *testing.T) {
	f, _ := newFakeSMTP(t, false)
	s := &SMTP{Addr: f.addr, From: "kanal@dragoer.dk", User: "kanal", Password: "hemmelig"}
	err := s.Send(context.Background(), Message{To: "borger@example.dk", Subject: "Svar", Body: "x"})
	if err == nil || !strings.Contains(err.Error(), "STARTTLS") {
		t.Fatalf("err = %v, want a refusal naming STARTTLS", err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.auth != "" || f.data != "" {
		t.Errorf("sent in the clear: auth %q, data %q", f.auth, f.data)
	}
}

func TestCheck_RefusesAddressesAndSubjectsThatWouldForgeHeaders(t *testing.T) {
	for _, m := range []Message{
		{To: "Borger <borger@example.dk>", Subject: "x"},
		{To: "a@example.dk, b@example.dk", Subject: "x"},
		{To: "ikke en adresse", Subject: "x"},
		{To: "borger@example.dk", Subject: "Svar\r\nBcc: alle@example.dk"},
	} {
		if err := check(m); err == nil {
			t.Errorf("%+v accepted", m)
		}
	}
	if err := check(Message{To: "borger@example.dk", Subject: "Svar"}); err != nil {
		t.Errorf("a plain message refused: %v", err)
	}
}

// A server's refusal often repeats the citizen's address; the error the
// sender returns — which the staff page logs — gives the server's reply
// code and never its text.
func TestSMTP_RefusalKeepsTheAddressOutOfTheError(t *testing.T) {
	f, pool := newFakeSMTP(t, true)
	f.refuseRcpt = true
	s := &SMTP{Addr: f.addr, From: "kanal@dragoer.dk", TLS: &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}}
	err := s.Send(context.Background(), Message{To: "borger@example.dk", Subject: "Svar", Body: "x"})
	if err == nil || !strings.Contains(err.Error(), "550") {
		t.Fatalf("err = %v, want a refusal with the code 550", err)
	}
	if strings.Contains(err.Error(), "borger@example.dk") || strings.Contains(err.Error(), "User unknown") {
		t.Errorf("the error repeats the server's text: %v", err)
	}
}
