package server

import (
	"crypto/subtle"
	"net/http"
	"net/netip"
	"strings"

	"github.com/duban/duban/internal/clientip"
	"github.com/duban/duban/internal/metrics"
)

// MetricsAccess says who may read /metrics: a scraper showing Token as
// a bearer token, or a caller whose address (as the trusted proxies
// resolve it: X-Forwarded-For counts only from them) is in Allow.
type MetricsAccess struct {
	Token string
	Allow []netip.Prefix
}

// metricsRoute is the pattern /metrics is served under, outside the
// sign-in middleware: its bearer token is not a user's.
const metricsRoute = "GET /metrics"

// serveMetrics serves the exposition to an authorised scraper. A wrong
// token is 403; no token from an address not allowed is 401.
func serveMetrics(m *metrics.Metrics, a MetricsAccess) http.Handler {
	h := m.Handler()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if note, ok := r.Context().Value(noteKey{}).(*callerNote); ok {
			note.reached = true // a refusal here is ours, not the cross-origin check's
		}
		w.Header().Set("Cache-Control", "no-store")
		if t, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			if a.Token == "" || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(t)), []byte(a.Token)) != 1 {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			h.ServeHTTP(w, r)
			return
		}
		if ip, err := netip.ParseAddr(clientip.Of(r)); err == nil {
			ip = ip.Unmap()
			for _, p := range a.Allow {
				if p.Contains(ip) {
					h.ServeHTTP(w, r)
					return
				}
			}
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	})
}
