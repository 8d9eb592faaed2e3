// Package clientip says who is at the other end of a request and whether
// they reached duban over HTTPS. duban listens on loopback or behind
// reverse proxies that the operator names (trusted_proxies): only a
// trusted proxy's X-Forwarded-For and X-Forwarded-Proto are believed,
// since anyone else could write them. A Resolver is configured once, at
// start, and notes its answer in each request's context, where Of and
// Secure read it; the pages, the API and Open311 all ask Of. It depends
// on nothing of duban's.
package clientip

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Client is what a Resolver finds out about a request.
type Client struct {
	// Addr is the caller's address: the peer, or, when the peer is a
	// trusted proxy, the rightmost untrusted hop of X-Forwarded-For.
	Addr string
	// Secure is true when the browser's connection is HTTPS: duban's own
	// TLS, or a trusted proxy's X-Forwarded-Proto: https.
	Secure bool
}

// Resolver knows which peers are the operator's reverse proxies.
type Resolver struct {
	trusted []netip.Prefix
}

// Loopback is the default trust: a proxy on the same host.
func Loopback() []netip.Prefix {
	return []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}
}

// ParsePrefixes reads trusted_proxies: CIDRs ("10.0.0.0/8") or single
// addresses ("10.0.0.5", a /32 or /128). A prefix of length 0 would trust
// the whole internet to say who it is, and is refused.
func ParsePrefixes(list []string) ([]netip.Prefix, error) {
	out := make([]netip.Prefix, 0, len(list))
	for _, s := range list {
		s = strings.TrimSpace(s)
		p, err := netip.ParsePrefix(s)
		if err != nil {
			a, aerr := netip.ParseAddr(s)
			if aerr != nil {
				return nil, fmt.Errorf("clientip: %q is neither a CIDR nor an address", s)
			}
			a = a.Unmap().WithZone("")
			p = netip.PrefixFrom(a, a.BitLen())
		}
		if p.Bits() == 0 {
			return nil, fmt.Errorf("clientip: %q would trust every address", s)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// New is a Resolver that trusts the proxies in trusted (none when empty).
func New(trusted []netip.Prefix) *Resolver {
	return &Resolver{trusted: append([]netip.Prefix(nil), trusted...)}
}

func (v *Resolver) trusts(a netip.Addr) bool {
	for _, p := range v.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// Resolve finds the request's client. Walking X-Forwarded-For from the
// peer leftwards, each trusted hop hands over to the one before it; the
// first hop that is not trusted is the client, because everything to its
// left was written by the client itself. A hop that is not an address
// stops the walk at the last trusted proxy. When every hop is trusted the
// leftmost is the client (someone inside the proxies' own network).
func (v *Resolver) Resolve(r *http.Request) Client {
	c := Client{Addr: peerHost(r.RemoteAddr), Secure: r.TLS != nil}
	peer, ok := parseHop(c.Addr)
	if !ok || !v.trusts(peer) {
		return c
	}
	if proto := lastValue(r.Header.Values("X-Forwarded-Proto")); proto != "" {
		c.Secure = c.Secure || strings.EqualFold(proto, "https")
	}
	hops := forwardedFor(r.Header.Values("X-Forwarded-For"))
	for i := len(hops) - 1; i >= 0; i-- {
		a, ok := parseHop(hops[i])
		if !ok {
			break
		}
		c.Addr = a.String()
		if !v.trusts(a) {
			break
		}
	}
	return c
}

type ctxKey struct{}

// Handler notes each request's client in its context, for Of and Secure.
// It is the first thing a request meets after panic recovery.
func (v *Resolver) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := v.Resolve(r)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, c)))
	})
}

// Of is the caller's address as the server's Resolver found it; a request
// that did not pass through one is answered with its peer, believing no
// header.
func Of(r *http.Request) string {
	if c, ok := r.Context().Value(ctxKey{}).(Client); ok {
		return c.Addr
	}
	return peerHost(r.RemoteAddr)
}

// Secure is whether the browser reached duban over HTTPS, as the server's
// Resolver found it (without one: only duban's own TLS counts).
func Secure(r *http.Request) bool {
	if c, ok := r.Context().Value(ctxKey{}).(Client); ok {
		return c.Secure
	}
	return r.TLS != nil
}

func peerHost(remote string) string {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		return remote
	}
	return host
}

// parseHop reads one hop: an address, possibly with a port
// ("203.0.113.9:5678", "[2001:db8::1]:443"), as some proxies write it.
func parseHop(s string) (netip.Addr, bool) {
	s = strings.TrimSpace(s)
	a, err := netip.ParseAddr(s)
	if err != nil {
		ap, perr := netip.ParseAddrPort(s)
		if perr != nil {
			return netip.Addr{}, false
		}
		a = ap.Addr()
	}
	return a.Unmap().WithZone(""), true
}

// forwardedFor is every hop of every X-Forwarded-For header, in order.
func forwardedFor(values []string) []string {
	var hops []string
	for _, v := range values {
		for _, h := range strings.Split(v, ",") {
			if h = strings.TrimSpace(h); h != "" {
				hops = append(hops, h)
			}
		}
	}
	return hops
}

// lastValue is the value the nearest proxy set: the last of a list.
func lastValue(values []string) string {
	if len(values) == 0 {
		return ""
	}
	v := values[len(values)-1]
	if i := strings.LastIndexByte(v, ','); i >= 0 {
		v = v[i+1:]
	}
	return strings.TrimSpace(v)
}
