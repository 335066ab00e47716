// Package webhook guards where Kanal posts webhooks: the addresses that API
// clients and operators give (a letter's callback_url, a municipality's
// case-system endpoint) must not reach Kanal's own host or the network
// behind it (server-side request forgery). The check is made by the
// dialer on the address it is about to connect to, after DNS, so a name
// that resolves to a public address when it is checked and to a private
// one when it is used (DNS rebinding) is refused all the same.
package webhook

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrBlocked is the error of a connection refused because its address is
// not public; errors.Is finds it in what an http.Client returns.
var ErrBlocked = errors.New("webhook: address is not public")

// BlockedError names the address refused.
type BlockedError struct{ Addr string }

func (e *BlockedError) Error() string {
	return fmt.Sprintf("webhook: %s is not a public address (loopback, private, link-local, multicast or unspecified); "+
		"allow it with KANAL_WEBHOOKS_ALLOW_PRIVATE", e.Addr)
}

// Is makes errors.Is(err, ErrBlocked) true.
func (e *BlockedError) Is(target error) bool { return target == ErrBlocked }

// notPublic are the IPv4 ranges netip's predicates leave out: "this
// network" (0.0.0.0/8), the carrier-grade NAT's shared space
// (100.64.0.0/10), the benchmarking networks (198.18.0.0/15) and the
// limited broadcast address.
var notPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("255.255.255.255/32"),
}

// Public reports whether ip is an address a webhook may go to: not
// loopback, private (RFC 1918), unique-local (fc00::/7), link-local,
// multicast, unspecified or one of notPublic. An IPv4 address written as
// IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address.
func Public(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range notPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// Control is a net.Dialer Control function that refuses a connection to
// an address that is not Public. It sees the address after resolution,
// for every connection the dialer makes.
func Control(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return &BlockedError{Addr: address}
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || !Public(ip) {
		return &BlockedError{Addr: host}
	}
	return nil
}

// Client returns the HTTP client webhooks are posted with: it gives up
// after timeout, follows no redirect (the signed body goes to the
// configured address and nowhere else), uses no proxy from the
// environment, and, unless allowPrivate, connects only to Public
// addresses. allowPrivate is the operator's explicit choice, for a case
// system on the municipality's internal network
// (KANAL_WEBHOOKS_ALLOW_PRIVATE).
func Client(timeout time.Duration, allowPrivate bool) *http.Client {
	dialer := &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		dialer.Control = Control
	}
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			DialContext:         dialer.DialContext,
			ForceAttemptHTTP2:   true,
			MaxIdleConns:        20,
			IdleConnTimeout:     90 * time.Second,
			TLSHandshakeTimeout: 10 * time.Second,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
