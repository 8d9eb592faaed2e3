package cli

import (
	"context"
	"fmt"

	"github.com/duban/duban/internal/buildinfo"
)

func init() {
	register("version", "显示版本号 (构建时写入，或 Git 提交) 与构建所用的 Go 版本", runVersion)
}

// runVersion prints the version and the toolchain, one per line, so that
// a script can read the first.
func runVersion(ctx context.Context, env *Env, args []string) error {
	fs0 := newFlags(env, "version", "")
	if err := fs0.Parse(args); err != nil {
		return err
	}
	if fs0.NArg() > 0 {
		fs0.Usage()
		return fmt.Errorf("不接受参数: %w", errUsage)
	}
	fmt.Fprintf(env.Stdout, "duban %s\n%s\n", buildinfo.Version(), buildinfo.Go())
	return nil
}
