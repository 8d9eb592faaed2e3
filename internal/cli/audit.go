package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/store"
)

func init() {
	register("audit", "审计日志: audit verify 校验哈希链", runAudit)
}

// runAudit runs `duban audit verify`: it reads the whole log and checks
// that no entry was edited, deleted or reordered. Exit status 1 when the
// chain is broken, so that a cron job can alarm.
func runAudit(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] != "verify" {
		return fmt.Errorf("用法: duban audit verify [--data DIR] [--db DSN]: %w", errUsage)
	}
	fs := newFlags(env, "audit verify", "[--data DIR] [--db DSN]")
	cfg, _, err := config.Load(fs, args[1:], os.Getenv)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, store.Options{DataDir: cfg.DataDir, DSN: cfg.DB, SkipMigrate: true, Logger: newLogger(env, "warn")})
	if err != nil {
		return err
	}
	defer db.Close()
	n, problems, err := db.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	if len(problems) == 0 {
		fmt.Fprintf(env.Stdout, "审计日志完整：%d 条记录，哈希链无断裂 (intact: %d entries)\n", n, n)
		return nil
	}
	fmt.Fprintf(env.Stdout, "审计日志被篡改：%d 条记录中发现 %d 处问题 (tampered):\n", n, len(problems))
	for _, p := range problems {
		fmt.Fprintf(env.Stdout, "  %s\n", p)
	}
	return fmt.Errorf("审计日志校验失败 (audit log verification failed)")
}
