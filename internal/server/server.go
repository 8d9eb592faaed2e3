// Package server assembles duban's HTTP server: the JSON API, the web
// pages, health checks, and the middleware every request passes through
// (panic recovery, logging, security headers, the audit of refused
// requests, cross-origin protection, authentication). It listens, and shuts down gracefully.
package server

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/duban/duban/internal/api"
	"github.com/duban/duban/internal/basepath"
	"github.com/duban/duban/internal/clientip"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/metrics"
	"github.com/duban/duban/internal/respcache"
	"github.com/duban/duban/internal/services"
	"github.com/duban/duban/internal/store"
)

// Deps is what the server serves from.
type Deps struct {
	// Store answers the health checks and the data version the response
	// cache keys on; the API reaches data only through Services.
	Store    *store.DB
	Services *services.Services
	// Open311 serves GeoReport v2; nil leaves it out.
	Open311 Mounter
	Log     *slog.Logger
	Pages   Mounter // the web pages; nil serves the API only
	// ClientIP says who is calling and whether over HTTPS, trusting the
	// configured proxies; nil trusts a proxy on loopback only.
	ClientIP *clientip.Resolver
	// Metrics, when set, counts requests and serves GET /metrics to the
	// callers MetricsAccess admits.
	Metrics       *metrics.Metrics
	MetricsAccess MetricsAccess
	// AccessLog writes one info line per request; otherwise requests are
	// logged at debug level (server errors at warn).
	AccessLog bool
	// BaseURL is base_url: its path is the prefix a reverse proxy serves
	// duban under (package basepath), and the API document's server.
	BaseURL string
	// ResponseCacheBytes bounds the response cache; 0 is
	// DefaultResponseCacheBytes, unless NoResponseCache keeps none.
	ResponseCacheBytes int
	NoResponseCache    bool
}

// DefaultResponseCacheBytes is the response cache's bound unless
// configured (config's response_cache_mb, 16 by default): with Go's
// collector letting the heap grow to twice what is live, and the garbage
// of the uncached answers on top, it keeps the process under 200 MiB
// while clients ask for distinct lists (bench/load's RSS check).
const DefaultResponseCacheBytes = 16 << 20

// Server is the HTTP side of duban.
type Server struct {
	Deps
	handler http.Handler
	denied  *denials
}

// Mounter adds routes to the server's mux.
type Mounter interface {
	Routes(mux *http.ServeMux)
}

// New builds the server's handler.
func New(d Deps) *Server {
	s := &Server{Deps: d}
	if d.Services == nil || d.Services.Intake == nil {
		panic("server: Deps.Services is incomplete: the services are built once, in cli, and handed down")
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	(&api.Handler{Services: d.Services, BaseURL: d.BaseURL}).Routes(mux)
	if d.Open311 != nil {
		d.Open311.Routes(mux)
	}
	if d.Pages != nil {
		d.Pages.Routes(mux)
	}
	// Outermost first: recover, find the client (its address and whether
	// HTTPS), apply the HTTPS cookie policy, log, headers, then refuse
	// cross-site writes before anyone is authenticated by a cookie the
	// browser sent along.
	cop := http.NewCrossOriginProtection()
	// The version read while authenticating serves the cache too: one
	// query per request.
	// An answer that names its scopes is versioned by their generations.
	version := func(ctx context.Context, scopes []string) (int64, error) {
		if scopes != nil {
			return d.Store.ScopeVersion(ctx, scopes)
		}
		if v, ok := httpauth.DataVersion(ctx); ok {
			return v, nil
		}
		return d.Store.DataVersion(ctx)
	}
	// The cache reads the server's clock, the sign-in service's, for the
	// day its answers were made on.
	cacheBytes := d.ResponseCacheBytes
	if cacheBytes <= 0 {
		cacheBytes = DefaultResponseCacheBytes
	}
	cache := respcache.New(version, d.Services.Signin.Now, cacheBytes, 2<<20)
	key := cacheKey
	if d.NoResponseCache {
		key = func(*http.Request) (respcache.Key, bool) { return respcache.Key{}, false }
	}
	resolver := d.ClientIP
	if resolver == nil {
		resolver = clientip.New(clientip.Loopback())
	}
	// Refusals are audited outside the cross-origin check, to see its
	// refusals too; noteCaller tells them who was refused.
	s.denied = newDenials(d.Store, func() time.Time { return d.Services.Signin.Now() }, d.Log)
	// /metrics is served beside the sign-in chain, not through it: its
	// bearer token is the scraper's, not a user's, and it is never cached.
	top := http.NewServeMux()
	top.Handle("/", cop.Handler(httpauth.Middleware(d.Services.Signin)(noteCaller(passwordGate(cache.Handler(key, mux))))))
	if d.Metrics != nil {
		top.Handle(metricsRoute, serveMetrics(d.Metrics, d.MetricsAccess))
	}
	route := func(r *http.Request) string {
		if _, p := top.Handler(r); p != "/" {
			return p
		}
		h, p := mux.Handler(r)
		// The pages are mounted at "/" with a mux of their own: ask it.
		if pages, ok := h.(interface{ Pattern(*http.Request) string }); ok {
			if pp := pages.Pattern(r); pp != "" {
				return pp
			}
		}
		return p
	}
	s.handler = recoverer(d.Log, resolver.Handler(basepath.Handler(basepath.FromURL(d.BaseURL),
		secureTransport(logRequests(d.Log, d.AccessLog, d.Metrics, route, securityHeaders(s.denied.Handler(top)))))))
	return s
}

// ServeHTTP makes the server an http.Handler, for tests.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Listen is how Run listens.
type Listen struct {
	Addr string
	// TLSCert and TLSKey are PEM files; with both set Run serves HTTPS
	// only, TLS 1.2 at least.
	TLSCert, TLSKey string
	// Timeouts of the http.Server; a zero one is no limit.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// Grace is how long shutdown drains requests.
	Grace time.Duration
}

// TLS is whether l serves HTTPS.
func (l Listen) TLS() bool { return l.TLSCert != "" }

// Run listens on l.Addr until ctx ends, then drains requests for up to
// l.Grace before closing. ready, if not nil, receives the bound address.
// A slow client is cut off by the timeouts: one that never finishes its
// headers (slow loris) after ReadHeaderTimeout.
func (s *Server) Run(ctx context.Context, l Listen, ready func(net.Addr)) error {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: l.ReadHeaderTimeout,
		ReadTimeout:       l.ReadTimeout,
		WriteTimeout:      l.WriteTimeout,
		IdleTimeout:       l.IdleTimeout,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
		ErrorLog:          slog.NewLogLogger(s.Log.Handler(), slog.LevelDebug),
	}
	if l.TLS() {
		cert, err := tls.LoadX509KeyPair(l.TLSCert, l.TLSKey)
		if err != nil {
			return fmt.Errorf("server: tls_cert %s, tls_key %s: %w", l.TLSCert, l.TLSKey, err)
		}
		srv.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert},
			// Under TLS 1.2, forward secrecy and authenticated encryption
			// only (TLS 1.3's suites are all of that kind).
			CipherSuites: []uint16{
				tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
				tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
				tls.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
			}}
	}
	ln, err := net.Listen("tcp", l.Addr)
	if err != nil {
		return fmt.Errorf("server: listen %s: %w", l.Addr, err)
	}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() {
		if l.TLS() {
			errc <- srv.ServeTLS(ln, "", "")
			return
		}
		errc <- srv.Serve(ln)
	}()
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	s.Log.Info("shutting down", "grace", l.Grace)
	sctx, cancel := context.WithTimeout(context.Background(), l.Grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("server: %w", err)
	}
	return nil
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

// readyz answers 200 only when the database answers.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if _, err := s.Store.SchemaVersion(ctx); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("database unavailable\n"))
		return
	}
	w.Write([]byte("ready\n"))
}
