package cli

import (
	"context"
	"fmt"
	"io/fs"
	"os"

	"github.com/duban/duban/demo"
	"github.com/duban/duban/internal/store"
)

func init() {
	register("demo", "导入五份示例方案并显示其任务清单 (--data 指定数据目录)", runDemo)
}

// runDemo imports the embedded demo plans into the data folder (once:
// importing is idempotent) and prints every stored plan's task list, read
// back from the database.
func runDemo(ctx context.Context, env *Env, args []string) error {
	fs0 := newFlags(env, "demo", "[--data DIR]")
	dataDir := fs0.String("data", store.DefaultDataDir, "数据目录")
	dsn := fs0.String("db", os.Getenv("DUBAN_DB"), "数据库: 空 = SQLite; postgres://… = PostgreSQL")
	if _, err := parseInterspersed(fs0, args); err != nil {
		return err
	}
	// The store's events (each migration applied) go to stderr at the
	// warning level, as for the other commands: the demo's own output is
	// the plans it imported, not sixteen lines of schema log.
	opts := envStoreOptions(*dataDir, *dsn)
	opts.Logger = newLogger(env, "warn", "text")
	db, err := store.Open(ctx, opts)
	if err != nil {
		return err
	}
	defer db.Close()

	seeds := demo.Seeds()
	names, err := fs.Glob(seeds, "*.txt")
	if err != nil {
		return err
	}
	var results []importResult
	for _, name := range names {
		data, err := fs.ReadFile(seeds, name)
		if err != nil {
			return err
		}
		results = append(results, importBytes(ctx, newIntake(db), name, data))
	}
	fmt.Fprintf(env.Stdout, "示例方案已导入 %s\n", db.Path())
	if failed := printImportSummary(env.Stdout, results); failed > 0 {
		return fmt.Errorf("%d 份示例方案导入失败", failed)
	}
	plans, err := db.FindPlans(ctx)
	if err != nil {
		return err
	}
	for _, p := range plans {
		full, err := db.FindPlanByID(ctx, p.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "\n════ 方案 #%d (%s)\n", p.ID, p.SourceName)
		printTree(env.Stdout, full.Doc())
	}
	return nil
}
