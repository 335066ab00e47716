package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/smtp"
	"net/textproto"
	"strings"
	"time"
)

// SMTP sends through an SMTP server that offers STARTTLS (port 587, the
// submission port). Kanal never sends without TLS: a server that does not
// offer STARTTLS is refused.
type SMTP struct {
	// Addr is host:port.
	Addr string
	// From is the sender's address.
	From string
	// User and Password sign in (PLAIN, over TLS only); empty User sends
	// without signing in.
	User, Password string
	// TLS is the TLS configuration; nil verifies the server's
	// certificate against the system's roots for Addr's host.
	TLS *tls.Config
	// Timeout bounds a whole send; zero is 30 seconds.
	Timeout time.Duration
	// Now dates the message; nil is the real clock.
	Now func() time.Time
}

// Send sends m.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	if err := check(m); err != nil {
		return err
	}
	timeout := s.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	host, _, err := net.SplitHostPort(s.Addr)
	if err != nil {
		return fmt.Errorf("smtp address %q: %w", s.Addr, err)
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("connect to the smtp server: %w", err)
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return fmt.Errorf("smtp greeting: %w", err)
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); !ok {
		return fmt.Errorf("the smtp server %s offers no STARTTLS; Kanal does not send without TLS", s.Addr)
	}
	cfg := s.TLS
	if cfg == nil {
		cfg = &tls.Config{ServerName: host}
	}
	if err := c.StartTLS(cfg); err != nil {
		return fmt.Errorf("smtp starttls: %w", err)
	}
	if s.User != "" {
		if err := c.Auth(smtp.PlainAuth("", s.User, s.Password, host)); err != nil {
			return fmt.Errorf("smtp sign-in: %w", err)
		}
	}
	if err := c.Mail(s.From); err != nil {
		return failed("smtp sender", err)
	}
	if err := c.Rcpt(m.To); err != nil {
		return failed("smtp recipient refused", err)
	}
	w, err := c.Data()
	if err != nil {
		return failed("smtp data", err)
	}
	if _, err := w.Write(s.compose(m)); err != nil {
		return failed("smtp write", err)
	}
	if err := w.Close(); err != nil {
		return failed("smtp message refused", err)
	}
	return c.Quit()
}

// failed is an error of a step after the recipient was named: a server's
// reply gives only its code, for its text often repeats the recipient's
// address (personal data, and the error is logged).
func failed(step string, err error) error {
	var reply *textproto.Error
	if errors.As(err, &reply) {
		return fmt.Errorf("%s: the server answered %d", step, reply.Code)
	}
	return fmt.Errorf("%s: %w", step, err)
}

// compose writes the message with its headers: UTF-8 plain text, quoted-
// printable so that æ, ø and å pass any server, the subject encoded.
func (s *SMTP) compose(m Message) []byte {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	var b strings.Builder
	b.WriteString("From: " + s.From + "\r\n")
	b.WriteString("To: " + m.To + "\r\n")
	b.WriteString("Subject: " + mime.QEncoding.Encode("utf-8", m.Subject) + "\r\n")
	b.WriteString("Date: " + now().Format(time.RFC1123Z) + "\r\n")
	b.WriteString("MIME-Version: 1.0\r\n")
	b.WriteString("Content-Type: text/plain; charset=utf-8\r\n")
	b.WriteString("Content-Transfer-Encoding: quoted-printable\r\n\r\n")
	b.WriteString(quotedPrintable(m.Body))
	return []byte(b.String())
}
