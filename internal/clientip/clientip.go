// Package clientip says who is at the other end of a request. duban
// listens on loopback or behind a reverse proxy that the operator
// configures, so X-Forwarded-For is trusted only from a loopback peer:
// anyone else could write it. It depends on nothing of duban's, so the
// pages and the API both use it.
package clientip

import (
	"net"
	"net/http"
	"strings"
)

// Of is the caller's address.
func Of(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		if fwd := r.Header.Get("X-Forwarded-For"); fwd != "" {
			first, _, _ := strings.Cut(fwd, ",")
			if p := net.ParseIP(strings.TrimSpace(first)); p != nil {
				return p.String()
			}
		}
	}
	return host
}
