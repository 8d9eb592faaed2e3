package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/randomdraw"
)

func init() {
	register("draw", "双随机抽取记录: draw verify [--plan-sha256 …] FILE 复算门户公布的抽取记录，并与抽取前公布的哈希核对", runDraw)
}

const drawUsage = "用法: duban draw verify [--plan-sha256 HEX] [--snapshot-sha256 HEX] [--seed-sha256 HEX] FILE"

// runDraw runs `duban draw verify FILE`: it reads a published draw record
// (the portal's download, GET /api/v1/random/plans/{id}/draw), recomputes
// the plan's and the snapshot's hashes, checks the seed against its
// commitment and draws again. A record is consistent with itself even
// when someone edited an entity and recomputed every hash and the draw:
// what ties it to the draw committed to are the hashes the portal
// published before the draw. Given with --plan-sha256, --snapshot-sha256
// and --seed-sha256, they are compared with the record's; without them
// the hashes are printed with a warning that the match holds only if
// they equal the published ones. Then 一致 and exit 0, or each
// difference named and exit 1. It needs no database: anyone can run it.
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
	args = args[1:]
	if len(args) == 1 && isHelp(args[0]) {
		fmt.Fprintln(env.Stdout, drawUsage)
		return nil
	}
	// FILE may come before the flags as well as after them.
	if len(args) > 1 && !strings.HasPrefix(args[0], "-") {
		args = append(append([]string{}, args[1:]...), args[0])
	}
	var pub randomdraw.Published
	fs := newFlags(env, "draw verify", "[--plan-sha256 HEX] [--snapshot-sha256 HEX] [--seed-sha256 HEX] FILE")
	fs.StringVar(&pub.PlanSHA256, "plan-sha256", "", "门户在抽取前公布的计划哈希")
	fs.StringVar(&pub.SnapshotSHA256, "snapshot-sha256", "", "门户在抽取前公布的名录快照哈希")
	fs.StringVar(&pub.SeedSHA256, "seed-sha256", "", "门户在抽取前公布的种子哈希（承诺）")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%s: %w", drawUsage, errUsage)
	}
	file := fs.Arg(0)
	say := func(key string, kv ...any) string { return i18n.Lookup(i18n.Default, key, kv...) }
	body, err := os.ReadFile(file)
	if err != nil {
		return errors.New(say("cli.draw.unreadable", "file", file))
	}
	var rec randomdraw.Record
	if err := json.Unmarshal(body, &rec); err != nil {
		return errors.New(say("cli.draw.not_record", "file", file))
	}
	fmt.Fprintln(env.Stdout, say("cli.draw.hashes", "plan", rec.PlanSHA256, "snapshot", rec.SnapshotSHA256, "seed", rec.SeedSHA256))
	diffs := randomdraw.VerifyPublished(rec, pub)
	if len(diffs) == 0 {
		fmt.Fprintln(env.Stdout, say("cli.draw.match", "n", len(rec.Draw)))
		if pub.Complete() {
			fmt.Fprintln(env.Stdout, say("cli.draw.published_match"))
		} else {
			fmt.Fprintln(env.Stdout, say("cli.draw.unpinned"))
		}
		return nil
	}
	for _, d := range diffs {
		fmt.Fprintln(env.Stdout, say("cli.draw.differs", "field", say("cli.draw.field."+d.Field), "detail", d.Detail))
	}
	return errors.New(say("cli.draw.mismatch", "n", len(diffs)))
}
