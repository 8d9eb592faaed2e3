// Command load measures duban's HTTP throughput over loopback: it fills a
// database with a large ledger (100,000 tasks by default), starts the real
// server on 127.0.0.1, and drives it with a closed-loop load generator —
// next to a bare net/http handler measured in the same run, so that the
// figure to quote is the ratio, which depends less on the machine.
//
//	go run ./bench/load                       # SQLite in a temporary folder
//	go run ./bench/load -db postgres://…      # PostgreSQL
//	go run ./bench/load -targets tickets,open311   # only these (and the bare handler)
//
// Every request loop is bounded by count and time, and only loopback
// addresses are used.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/duban/duban/internal/cli"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/records"
)

func main() {
	dsn := flag.String("db", "", "PostgreSQL DSN; empty = SQLite in a temporary folder")
	tasks := flag.Int("tasks", 100000, "tasks in the ledger")
	dur := flag.Duration("duration", 10*time.Second, "how long each endpoint is driven")
	conc := flag.Int("c", 8, "concurrent clients")
	maxReq := flag.Int("n", 200000, "at most this many requests per endpoint")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the driving (not the seeding) to this file")
	only := flag.String("targets", "", "comma-separated targets to drive besides the bare handler ("+strings.Join(targetKeys, ",")+"); empty = all")
	serveDir := flag.String("serve-child", "", "internal: serve the seeded data folder (with -db) in this process for the RSS check, and print the address")
	flag.Parse()
	if *serveDir != "" {
		if err := serveChild(*serveDir, *dsn); err != nil {
			fmt.Fprintln(os.Stderr, "load: serve:", err)
			os.Exit(1)
		}
		return
	}
	cpuProfile = *profile
	var chosen []string
	for _, k := range strings.Split(*only, ",") {
		if k = strings.TrimSpace(k); k != "" {
			if !slices.Contains(targetKeys, k) {
				fmt.Fprintf(os.Stderr, "load: unknown target %q (known: %s)\n", k, strings.Join(targetKeys, ", "))
				os.Exit(2)
			}
			chosen = append(chosen, k)
		}
	}
	if err := run(*dsn, *tasks, *dur, *conc, *maxReq, chosen); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

// targetKeys name the targets for -targets, in the order they run.
var targetKeys = []string{"tasks", "tasks-overdue", "tasks-uncached", "tasks-cursor", "tasks-offset", "tasks-search", "page", "progress", "tickets", "open311", "rss"}

// cpuProfile, when set, is where the CPU profile of the requests goes:
// started once the ledger is seeded, so that it shows the serving alone.
var cpuProfile string

// open311Key is the API key the load's Open311 client posts with.
const open311Key = "load-open311-key"

func run(dsn string, tasks int, dur time.Duration, conc, maxReq int, only []string) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir, err := os.MkdirTemp("", "duban-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	cfg := loadConfig(dir, dsn)
	env := &cli.Env{Stdout: io.Discard, Stderr: os.Stderr}
	app, err := cli.Open(ctx, cfg, env)
	if err != nil {
		return err
	}
	closeApp := sync.OnceFunc(func() { app.Close() })
	defer closeApp()
	start := time.Now()
	fx, err := seed(ctx, app, tasks)
	if err != nil {
		return err
	}
	fmt.Printf("database: %s, %d tasks seeded in %s\n", kind(dsn), tasks, time.Since(start).Round(time.Millisecond))
	// The task list's entries, as a server builds them in its first
	// minute (warm) — here before anything is measured.
	start = time.Now()
	built, err := app.Ledger.FillEntries(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("task list entries built: %d in %s\n", built, time.Since(start).Round(time.Millisecond))

	addrc := make(chan net.Addr, 1)
	served := make(chan error, 1)
	srvCtx, stop := context.WithCancel(ctx)
	go func() { served <- app.Run(srvCtx, env, func(a net.Addr) { addrc <- a }) }()
	// Stop serving before the database closes (deferred above).
	stopServing := sync.OnceFunc(func() { stop(); <-served })
	defer stopServing()
	base := "http://" + (<-addrc).String()
	bare, err := bareServer(ctx)
	if err != nil {
		return err
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	// Random pages: the cursors of every page of the list, collected by
	// walking it once, and random offsets; random searches: a task's
	// number (第N项, one match) — each request uncached.
	var cursors []string
	if len(only) == 0 || slices.Contains(only, "tasks-cursor") {
		if cursors, err = collectCursors(ctx, base, fx.officeToken); err != nil {
			return err
		}
	}
	randomCursor := func() string {
		return base + "/api/v1/tasks?limit=50&cursor=" + cursors[rand.IntN(len(cursors))]
	}
	randomOffset := func() string {
		return fmt.Sprintf("%s/api/v1/tasks?limit=50&offset=%d", base, rand.IntN(max(tasks-50, 1)))
	}
	randomSearch := func() string {
		return base + "/api/v1/tasks?limit=50&q=" + url.QueryEscape(fmt.Sprintf("第%d项", rand.IntN(tasks)))
	}
	targets := []target{
		{key: "bare", name: "bare net/http handler", url: bare + "/", method: "GET"},
		{key: "tasks", name: "GET /api/v1/tasks?limit=50", url: base + "/api/v1/tasks?limit=50", method: "GET", bearer: fx.officeToken},
		{key: "tasks-overdue", name: "GET /api/v1/tasks?limit=50&status=overdue", url: base + "/api/v1/tasks?limit=50&status=overdue&sort=due", method: "GET", bearer: fx.officeToken},
		{key: "tasks-uncached", name: "GET /api/v1/tasks?limit=50 (uncached)", url: base + "/api/v1/tasks?limit=50", method: "GET", bearer: fx.officeToken, bust: true},
		{key: "tasks-cursor", name: "GET /api/v1/tasks random page by cursor", method: "GET", bearer: fx.officeToken, bust: true, next: randomCursor},
		{key: "tasks-offset", name: "GET /api/v1/tasks random page by offset", method: "GET", bearer: fx.officeToken, bust: true, next: randomOffset},
		{key: "tasks-search", name: "GET /api/v1/tasks?q=第N项 (random search)", method: "GET", bearer: fx.officeToken, bust: true, next: randomSearch},
		{key: "page", name: "GET /tasks (task-list page)", url: base + "/tasks", method: "GET", cookie: fx.officeCookie},
		{key: "progress", name: "POST /api/v1/tasks/{id}/progress", url: base, method: "POST", bearer: fx.liaisonToken, progress: fx.liaisonTasks},
		{key: "tickets", name: "POST /api/v1/tickets (12345 intake)", url: base + "/api/v1/tickets", method: "POST", bearer: fx.officeToken,
			intake: apiIntake(fx.ticketServices)},
		{key: "open311", name: "POST /open311/v2/requests.json", url: base + "/open311/v2/requests.json", method: "POST",
			intake: open311Intake(fx.ticketServices, open311Key)},
	}
	if len(only) > 0 {
		targets = slices.DeleteFunc(targets, func(tg target) bool { return tg.key != "bare" && !slices.Contains(only, tg.key) })
	}
	fmt.Printf("%-44s %10s %9s %9s %8s\n", "endpoint", "req/s", "p50 ms", "p99 ms", "errors")
	var bareRate float64
	for _, tg := range targets {
		if tg.key == "rss" {
			continue
		}
		res := drive(ctx, tg, conc, dur, maxReq)
		if tg.key == "bare" {
			bareRate = res.rate
		}
		ratio := ""
		if bareRate > 0 && tg.key != "bare" {
			ratio = fmt.Sprintf("  (%.1f%% of bare)", 100*res.rate/bareRate)
		}
		fmt.Printf("%-44s %10.0f %9.2f %9.2f %8d%s\n", tg.name, res.rate, ms(res.p50), ms(res.p99), res.errors, ratio)
	}
	// The intake figures count only if the tickets are there: each
	// accepted request is one stored ticket.
	if n, err := app.Store.CountTickets(ctx, records.TicketFilter{}); err == nil && n > 0 {
		triage, _ := app.Store.CountTickets(ctx, records.TicketFilter{State: "triage"})
		fmt.Printf("tickets stored: %d (%d routed on intake, %d in triage)\n", n, n-triage, triage)
	}
	if len(only) == 0 || slices.Contains(only, "rss") {
		// The server alone, in a process of its own: this one's stops and
		// lets go of the database first.
		stopServing()
		closeApp()
		if err := rssCheck(ctx, dir, dsn, fx.officeToken, tasks, conc); err != nil {
			return err
		}
	}
	return nil
}

// loadConfig is the server's configuration in the load: the defaults on
// loopback, without the scheduler (the requests measured alone).
func loadConfig(dir, dsn string) config.Config {
	cfg := config.Defaults()
	cfg.TOTPRequiredRoles = nil // not about the second factor: TestTOTPJourney is
	cfg.DataDir, cfg.DB, cfg.Addr, cfg.LogLevel = dir, dsn, "127.0.0.1:0", "error"
	cfg.Scheduler = false
	cfg.Open311Keys = open311Key
	return cfg
}

// serveChild serves the seeded database as duban serve would, alone in
// its process, printing its address; it stops when its input closes.
func serveChild(dir, dsn string) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := &cli.Env{Stdout: io.Discard, Stderr: os.Stderr}
	app, err := cli.Open(ctx, loadConfig(dir, dsn), env)
	if err != nil {
		return err
	}
	defer app.Close()
	go func() { io.Copy(io.Discard, os.Stdin); cancel() }()
	return app.Run(ctx, env, func(a net.Addr) { fmt.Println(a.String()) })
}

func kind(dsn string) string {
	if dsn == "" {
		return "SQLite"
	}
	return "PostgreSQL"
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// bareServer serves a fixed small JSON answer: the ceiling the real
// server's rates are compared with.
func bareServer(ctx context.Context) (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"items":[],"total":0}`))
	})}
	go srv.Serve(ln)
	go func() { <-ctx.Done(); srv.Close() }()
	return "http://" + ln.Addr().String(), nil
}
