package cli

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strings"
	"time"

	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/clientip"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/metrics"
	"github.com/duban/duban/internal/open311"
	"github.com/duban/duban/internal/scheduler"
	"github.com/duban/duban/internal/server"
	"github.com/duban/duban/internal/services"
	"github.com/duban/duban/internal/signin"
	"github.com/duban/duban/internal/store"
)

func init() {
	register("serve", "启动督办服务 (--demo 在空系统中加载示例数据)", runServe)
	register("config", "显示生效的配置 (密码已遮蔽)", runConfig)
}

// App is what `duban serve` runs: the configuration, the open database
// and the server, so that end-to-end tests boot exactly what the binary
// boots.
type App struct {
	Config config.Config
	Store  *store.DB
	// Services are the use cases, built once here and handed to the API,
	// the pages, the scheduler and the demo seed.
	*services.Services
	Server *server.Server
	Log    *slog.Logger
	// Scheduler runs supervision when the configuration says so, and
	// issues the office's 督办单 by hand in any case.
	Scheduler *scheduler.Scheduler
	// Metrics is what /metrics exposes.
	Metrics *metrics.Metrics
}

// Open builds the application from a configuration: opens and migrates
// the database, loads the demo data when asked, and assembles the server.
func Open(ctx context.Context, cfg config.Config, env *Env) (*App, error) {
	log := newLogger(env, cfg.LogLevel, cfg.LogFormat)
	// Checked before the database is touched: a broken file stops the
	// start without migrating anything.
	limits, err := hotlineLimits(cfg.HotlineLimits)
	if err != nil {
		return nil, err
	}
	now := env.now()
	opts := store.Options{DataDir: cfg.DataDir, DSN: cfg.DB, Logger: log, Init: cfg.Init,
		Crypto: cfg.Crypto, DataKeyFile: cfg.DataKeyFile, Now: now}
	db, err := store.Open(ctx, opts)
	if err != nil {
		return nil, err
	}
	cal, err := loadCalendar(cfg, log)
	if err != nil {
		db.Close()
		return nil, err
	}
	fs, err := files.Open(files.DirIn(cfg.DataDir))
	if err != nil {
		db.Close()
		return nil, err
	}
	if db.Kind() == "postgres" {
		// Several instances may serve one PostgreSQL: they keep and read
		// the attachments there, not each in its own folder.
		fs.Share(db)
	}
	sweepFiles(ctx, db, fs, log)
	app := &App{Config: cfg, Store: db, Log: log, Services: services.New(db, services.Options{
		Policy: policyOf(cfg), Calendar: cal, Locality: cfg.Locality, Now: now,
		Rules:         ledger.Rules{DueSoonWorkdays: cfg.DueSoonWorkdays},
		HotlineLimits: limits, Issuer: cfg.NoticeIssuer, Files: fs,
		Letters: foiasvc.Letterhead{Agency: cfg.FOIAAgency, Reconsideration: cfg.FOIAReconsideration, Court: cfg.FOIACourt}})}
	app.Signin.SetLimits(signin.Limits{HashWorkers: cfg.SigninHashWorkers, HashWait: time.Duration(cfg.SigninHashWait),
		AddressPerMinute: cfg.SigninAddressPerMinute, AccountPerMinute: cfg.SigninAccountPerMinute,
		FailureFloor: signin.DefaultLimits.FailureFloor})
	if db.Kind() == "postgres" {
		// Several instances may serve one PostgreSQL: the sign-in
		// throttles count there, for all of them at once.
		app.Signin.ShareLimits(db)
	}
	seeded := false
	if cfg.Demo {
		if seeded, err = seedDemo(ctx, db, opts, env); err != nil {
			db.Close()
			return nil, err
		}
	}
	if err := app.Calendar.Load(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if seeded {
		if err := seedDemoActivity(ctx, app); err != nil {
			db.Close()
			return nil, err
		}
		if err := seedDemoChanges(ctx, app); err != nil {
			db.Close()
			return nil, err
		}
		if err := seedDemoMatters(ctx, app); err != nil {
			db.Close()
			return nil, err
		}
		if err := seedDemoDecisions(ctx, app); err != nil {
			db.Close()
			return nil, err
		}
	}
	if app.Scheduler, err = app.newScheduler(); err != nil {
		db.Close()
		return nil, err
	}
	if seeded {
		if err := seedDemoSupervision(ctx, app); err != nil {
			db.Close()
			return nil, err
		}
	}
	pages, err := newPages(app)
	if err != nil {
		db.Close()
		return nil, err
	}
	trusted, err := clientip.ParsePrefixes(cfg.TrustedProxies)
	if err != nil {
		db.Close()
		return nil, err
	}
	allow, err := clientip.ParsePrefixes(cfg.MetricsAllow)
	if err != nil {
		db.Close()
		return nil, err
	}
	app.Metrics = metrics.New(metrics.Sources{Pools: db.PoolStats, Outbox: db.OutboxDepth})
	app.Scheduler.Observe = func(took time.Duration, res scheduler.Result, err error) {
		app.Metrics.Tick(took, err, res.Sent, res.Retried, res.Dead)
	}
	app.Server = server.New(server.Deps{Store: db, Services: app.Services, Log: log, Pages: pages, ClientIP: clientip.New(trusted),
		Metrics: app.Metrics, MetricsAccess: server.MetricsAccess{Token: cfg.MetricsToken, Allow: allow}, AccessLog: cfg.AccessLog, BaseURL: cfg.BaseURL,
		ResponseCacheBytes: cfg.ResponseCacheMB << 20, NoResponseCache: cfg.ResponseCacheMB == 0,
		Open311: &open311.Handler{Hotline: app.Hotline, Keys: splitKeys(cfg.Open311Keys), BaseURL: cfg.BaseURL,
			Jurisdiction: cfg.Open311Jurisdiction, Now: app.Signin.Now, RateCounts: sharedCounts(db)}})
	return app, nil
}

// Run serves until ctx ends; ready receives the bound address. With the
// scheduler on, supervision runs beside the server.
func (a *App) Run(ctx context.Context, env *Env, ready func(net.Addr)) error {
	if err := a.announceSetup(ctx, env); err != nil {
		return err
	}
	if a.Config.Scheduler {
		sched := a.Scheduler
		done := make(chan struct{})
		sctx, stop := context.WithCancel(ctx)
		go func() { defer close(done); sched.Run(sctx, time.Duration(a.Config.SchedulerInterval)) }()
		// Drain the scheduler before the database closes.
		defer func() { stop(); <-done }()
	}
	k, err := newAuditKeeper(a.Store, a.Config, a.Signin.Now, a.Log)
	if err != nil {
		return err
	}
	if k.active() {
		if k.lead(ctx) { // one instance of several publishes (see auditKeeper)
			k.checkpoint(ctx) // the head at start, before anything is served
		}
		done := make(chan struct{})
		kctx, stop := context.WithCancel(ctx)
		go func() { defer close(done); k.run(kctx) }()
		defer func() { stop(); <-done }()
	}
	wctx, stopWarm := context.WithCancel(ctx)
	warmed := make(chan struct{})
	go func() { defer close(warmed); a.warm(wctx) }()
	defer func() { stopWarm(); <-warmed }()
	c := a.Config
	l := server.Listen{Addr: c.Addr, TLSCert: c.TLSCert, TLSKey: c.TLSKey, Grace: time.Duration(c.ShutdownTimeout),
		ReadHeaderTimeout: time.Duration(c.ReadHeaderTimeout), ReadTimeout: time.Duration(c.ReadTimeout),
		WriteTimeout: time.Duration(c.WriteTimeout), IdleTimeout: time.Duration(c.IdleTimeout)}
	scheme := map[bool]string{false: "http", true: "https"}[l.TLS()]
	return a.Server.Run(ctx, l, func(addr net.Addr) {
		fmt.Fprintf(env.Stdout, "duban 已启动: %s://%s  (Ctrl-C 退出)\n", scheme, addr)
		if ready != nil {
			ready(addr)
		}
	})
}

// Close closes the database.
func (a *App) Close() error { return a.Store.Close() }

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "serve", "[--addr HOST:PORT] [--data DIR] [--db DSN] [--demo] [--config FILE] [--init]")
	initDB := fs.Bool("init", false, "数据库文件为空或损坏时改名保留并重新初始化（否则拒绝启动）")
	cfg, _, err := config.Load(fs, args, os.Getenv)
	if err != nil {
		return err
	}
	cfg.Init = *initDB
	app, err := Open(ctx, cfg, env)
	if err != nil {
		return err
	}
	defer app.Close()
	return app.Run(ctx, env, nil)
}

func runConfig(_ context.Context, env *Env, args []string) error {
	fs := newFlags(env, "config", "[与 serve 相同的参数]")
	cfg, _, err := config.Load(fs, args, os.Getenv)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, cfg.Masked())
	return nil
}

func policyOf(cfg config.Config) auth.Policy {
	p := auth.DefaultPolicy
	p.MinLength = cfg.PasswordMinLength
	p.LockThreshold = cfg.LockThreshold
	p.LockDuration = time.Duration(cfg.LockDuration)
	p.SessionIdle = time.Duration(cfg.SessionIdle)
	p.SessionLifetime = time.Duration(cfg.SessionLifetime)
	p.TokenLifetime = time.Duration(cfg.TokenLifetime)
	p.TOTPRoles = cfg.TOTPRequiredRoles
	return p
}

func newLogger(env *Env, level, format string) *slog.Logger {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level))
	if format == "json" {
		return slog.New(slog.NewJSONHandler(env.Stderr, &slog.HandlerOptions{Level: l}))
	}
	return slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: l}))
}

// splitKeys reads a comma-separated list of keys.
func splitKeys(s string) []string {
	var out []string
	for _, k := range strings.Split(s, ",") {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// sharedCounts is where the rate limits count when several instances may
// share the database (PostgreSQL): the database itself; nil on SQLite,
// whose one instance counts in memory.
func sharedCounts(db *store.DB) open311.RateCounter {
	if db.Kind() != "postgres" {
		return nil
	}
	return db
}
