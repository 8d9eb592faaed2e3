// Package server assembles duban's HTTP server: the JSON API, the web
// pages, health checks, and the middleware every request passes through
// (panic recovery, logging, security headers, cross-origin protection,
// authentication). It listens, and shuts down gracefully.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/duban/duban/internal/api"
	"github.com/duban/duban/internal/httpauth"
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
}

// Server is the HTTP side of duban.
type Server struct {
	Deps
	handler http.Handler
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
	(&api.Handler{Services: d.Services, Store: d.Store}).Routes(mux)
	if d.Open311 != nil {
		d.Open311.Routes(mux)
	}
	if d.Pages != nil {
		d.Pages.Routes(mux)
	}
	// Outermost first: recover, log, headers, then refuse cross-site writes
	// before anyone is authenticated by a cookie the browser sent along.
	cop := http.NewCrossOriginProtection()
	// The version read while authenticating serves the cache too: one
	// query per request.
	version := func(ctx context.Context) (int64, error) {
		if v, ok := httpauth.DataVersion(ctx); ok {
			return v, nil
		}
		return d.Store.DataVersion(ctx)
	}
	// The cache reads the server's clock, the sign-in service's, for the
	// day its answers were made on.
	cache := respcache.New(version, d.Services.Signin.Now, 4096, 2<<20)
	s.handler = recoverer(d.Log, logRequests(d.Log, securityHeaders(cop.Handler(httpauth.Middleware(d.Services.Signin)(cache.Handler(cacheKey, mux))))))
	return s
}

// ServeHTTP makes the server an http.Handler, for tests.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Run listens on addr until ctx ends, then drains requests for up to
// grace before closing. ready, if not nil, receives the bound address.
func (s *Server) Run(ctx context.Context, addr string, grace time.Duration, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("server: listen %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	s.Log.Info("shutting down", "grace", grace)
	sctx, cancel := context.WithTimeout(context.Background(), grace)
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
