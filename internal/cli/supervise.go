package cli

import (
	"context"
	"fmt"
	"github.com/duban/duban/internal/i18n"
	"os"
	"time"

	"github.com/duban/duban/internal/calendarsvc"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/scheduler"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

func init() {
	register("supervise", "督查预演: supervise --dry-run [--at YYYY-MM-DD] 列出到期的提醒、催办、督办", runSupervise)
}

// runSupervise prints what supervision would do on a day: for every task
// in the ledger, the reminders, 催办, 督办 notices and missing reports that
// the rules call for by then, with how each date was counted. Recording
// the events and sending them is the scheduler's; this is its dry run.
func runSupervise(ctx context.Context, env *Env, args []string) error {
	fs := newConfigFlags(env, "supervise", "--dry-run [--at YYYY-MM-DD] [--data DIR] [--db DSN]", append(storeKeys, "calendar-dir")...)
	dry := fs.Bool("dry-run", false, "只列出将发生的督查事件，不记录、不发送")
	at := fs.String("at", "", "以哪一天为“今天” (YYYY-MM-DD)，默认今天")
	cfg, _, err := config.Load(fs, args, os.Getenv)
	if err != nil {
		return err
	}
	if !*dry {
		return fmt.Errorf("请加 --dry-run：督查事件的记录与发送由 duban serve 完成: %w", errUsage)
	}
	base, err := loadCalendar(cfg, nil)
	if err != nil {
		return err
	}
	// This command is where the day is chosen, as Open is for serve: the
	// environment's clock (the wall clock's day), unless --at names another.
	today := workday.DateOf(env.now()().In(workday.Zone))
	if *at != "" {
		if today, err = workday.ParseDate(*at); err != nil {
			return fmt.Errorf("--at %q: %w", *at, err)
		}
	}
	db, err := store.Open(ctx, store.Options{DataDir: cfg.DataDir, DSN: cfg.DB, SkipMigrate: true, Logger: newLogger(env, "warn", cfg.LogFormat),
		Crypto: cfg.Crypto, DataKeyFile: cfg.DataKeyFile})
	if err != nil {
		return err
	}
	defer db.Close()
	live := &calendarsvc.Service{Store: db, Base: base}
	if err := live.Load(ctx); err != nil {
		return fmt.Errorf("%w（数据库若未升级，请先运行 duban migrate）", err)
	}
	cal := live.Current()
	sched := &scheduler.Scheduler{Store: db, Calendar: cal, Rules: supervise.Default(), Log: newLogger(env, "warn", cfg.LogFormat)}
	events, titles, err := sched.DryRun(ctx, today)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "截至 %s 应发生的督查事件 %d 件（预演，未记录、未发送）：\n", today.Format(time.DateOnly), len(events))
	for _, e := range events {
		fmt.Fprintf(env.Stdout, "%s  %-8s %s\n            %s\n", e.On.Format(time.DateOnly), label(e), titles[e.TaskID], supervise.Explain(e, cal, i18n.New(i18n.ZhCN).T))
	}
	return nil
}

func label(e supervise.Event) string {
	if e.Label != "" {
		return e.Label
	}
	return e.Kind.Label()
}
