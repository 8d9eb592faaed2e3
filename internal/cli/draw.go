package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/randomdraw"
)

func init() {
	register("draw", "双随机抽取记录: draw verify FILE 复算门户公布的抽取记录，核对是否一致", runDraw)
}

const drawUsage = "用法: duban draw verify FILE"

// runDraw runs `duban draw verify FILE`: it reads a published draw record
// (the portal's download, GET /api/v1/random/plans/{id}/draw), recomputes
// the plan's and the snapshot's hashes, checks the seed against its
// commitment and draws again; it prints the hashes to compare with those
// the portal published before the draw, then 一致 and exits 0, or names
// each difference and exits 1. It needs no database: anyone can run it.
func runDraw(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%s: %w", drawUsage, errUsage)
	}
	if isHelp(args[0]) || args[0] == "help" {
		fmt.Fprintln(env.Stdout, drawUsage)
		return nil
	}
	if args[0] != "verify" {
		return fmt.Errorf("%s: %w", drawUsage, errUsage)
	}
	if len(args) == 2 && isHelp(args[1]) {
		fmt.Fprintln(env.Stdout, drawUsage)
		return nil
	}
	if len(args) != 2 {
		return fmt.Errorf("%s: %w", drawUsage, errUsage)
	}
	say := func(key string, kv ...any) string { return i18n.Lookup(i18n.Default, key, kv...) }
	body, err := os.ReadFile(args[1])
	if err != nil {
		return errors.New(say("cli.draw.unreadable", "file", args[1]))
	}
	var rec randomdraw.Record
	if err := json.Unmarshal(body, &rec); err != nil {
		return errors.New(say("cli.draw.not_record", "file", args[1]))
	}
	fmt.Fprintln(env.Stdout, say("cli.draw.hashes", "plan", rec.PlanSHA256, "snapshot", rec.SnapshotSHA256, "seed", rec.SeedSHA256))
	diffs := randomdraw.Verify(rec)
	if len(diffs) == 0 {
		fmt.Fprintln(env.Stdout, say("cli.draw.match", "n", len(rec.Draw)))
		return nil
	}
	for _, d := range diffs {
		fmt.Fprintln(env.Stdout, say("cli.draw.differs", "field", say("cli.draw.field."+d.Field), "detail", d.Detail))
	}
	return errors.New(say("cli.draw.mismatch", "n", len(diffs)))
}
