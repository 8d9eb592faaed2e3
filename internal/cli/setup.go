package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/auth"
)

// setupLinkLife is how long the first-run link works.
const setupLinkLife = 24 * time.Hour

// announceSetup prints a one-time link for creating the first accounts
// when the system has none. Only the link's hash is stored, and the link
// dies when used, when it expires, or once any account exists.
func (a *App) announceSetup(ctx context.Context, env *Env) error {
	n, err := a.Store.CountUsers(ctx)
	if err != nil || n > 0 {
		return err
	}
	token, err := auth.NewToken()
	if err != nil {
		return err
	}
	if err := a.Store.CreateSetupToken(ctx, auth.TokenHash(token), a.Signin.Now().Add(setupLinkLife)); err != nil {
		return err
	}
	base := strings.TrimSuffix(a.Config.BaseURL, "/")
	if base == "" {
		base = "http://" + a.Config.Addr
	}
	fmt.Fprintf(env.Stdout, "\n首次运行：请在 24 小时内用浏览器打开下面的一次性链接，创建系统管理员账号（再由系统管理员创建安全、审计管理员账号）：\n  %s/setup/%s\n\n", base, token)
	return nil
}
