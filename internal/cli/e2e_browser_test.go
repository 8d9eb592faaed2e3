package cli

import (
	"context"
	"io"
	"net"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/config"
)

// bootDemo starts the application exactly as `duban serve --demo` does,
// on a free loopback port, and returns its base URL.
func bootDemo(t *testing.T) string {
	t.Helper()
	cfg := config.Defaults()
	cfg.TOTPRequiredRoles = nil // not about the second factor: TestTOTPJourney is
	cfg.DataDir, cfg.Addr, cfg.Demo, cfg.LogLevel = t.TempDir(), "127.0.0.1:0", true, "warn"
	ctx, cancel := context.WithCancel(context.Background())
	app, err := Open(ctx, cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	return serveApp(t, ctx, cancel, app)
}

// serveApp runs app until the test ends (then stops it and closes its
// database) and returns its base URL once it listens.
func serveApp(t *testing.T, ctx context.Context, cancel context.CancelFunc, app *App) string {
	t.Helper()
	env := &Env{Stdout: io.Discard, Stderr: io.Discard}
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- app.Run(ctx, env, func(a net.Addr) { addrc <- a }) }()
	t.Cleanup(func() {
		cancel()
		<-done
		app.Close()
	})
	select {
	case a := <-addrc:
		return "http://" + a.String()
	case err := <-done:
		t.Fatal(err)
	case <-time.After(30 * time.Second):
		t.Fatal("server did not start")
	}
	return ""
}

// TestDemoRolesInBrowser signs in as every demo account in headless
// chromium, checks each sees the workbench of its role, and saves a
// screenshot of what each sees (DUBAN_SCREENSHOTS keeps them).
func TestDemoRolesInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	dir := browsertest.ScreenshotDir(t)
	base := bootDemo(t)
	for _, u := range demoUsers {
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+"/signin"),
			chromedp.WaitVisible(chromedp.CSS("#username")),
			chromedp.SendKeys(chromedp.CSS("#username"), u.username),
			chromedp.SendKeys(chromedp.CSS("#password"), DemoPassword),
			chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
			chromedp.WaitVisible(`//h1[contains(., "您好")]`),
			browsertest.Shot(dir, "role-"+u.username),
		)
		if err != nil {
			t.Fatalf("%s: %v", u.username, err)
		}
		nav, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("nav")))
		if err != nil {
			t.Fatalf("%s: %v", u.username, err)
		}
		t.Logf("%s sees: %s", u.username, nav)
		err = chromedp.Do(ctx,
			chromedp.Click(chromedp.CSS("details.usermenu summary")),
			chromedp.WaitVisible(chromedp.CSS(".usermenu-panel button")),
			chromedp.Click(chromedp.CSS(".usermenu-panel button")),
			chromedp.WaitVisible(chromedp.CSS("#username")),
		)
		if err != nil {
			t.Fatalf("%s: signing out: %v", u.username, err)
		}
	}
}
