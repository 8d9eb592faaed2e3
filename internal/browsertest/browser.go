// Package browsertest starts a headless Debian chromium for the browser
// tests of several packages, with the flags that keep it off the network
// (shared/spec/STACK.md 3.3), and saves screenshots.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// ChromiumPath finds Debian's chromium, or DUBAN_CHROMIUM if set.
func ChromiumPath() string {
	if p := os.Getenv("DUBAN_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a browser for t. In CI a missing browser fails the test: a
// skipped browser test there would hide a broken UI behind a green run.
func New(t testing.TB) context.Context {
	t.Helper()
	path := ChromiumPath()
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium not found; CI must install it: apt-get install -y chromium fonts-noto-cjk")
		}
		t.Skip("chromium not found; install it with: apt-get install -y chromium fonts-noto-cjk")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "zh-CN"), // Accept-Language as a Chinese desktop sends it
		chromedp.WindowSize(1280, 860),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	return ctx
}

// ScreenshotDir is DUBAN_SCREENSHOTS (created if needed), or a temporary folder.
func ScreenshotDir(t testing.TB) string {
	dir := os.Getenv("DUBAN_SCREENSHOTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Shot saves a full-page PNG of the current page as dir/name.png.
func Shot(dir, name string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		png, err := chromedp.FullScreenshot(100)(ctx, tg)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	})
}

// WatchConsole collects the script errors and policy violations that the
// browser's pages log; the returned func reports them so far. A message
// for which expected(url, text) is true is not a problem (a page that
// answers with an error status on purpose logs "Failed to load
// resource"); expected may be nil.
func WatchConsole(ctx context.Context, expected func(url, text string) bool) func() []string {
	var mu sync.Mutex
	var problems []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if (m.Type == chromedp.ConsoleError || m.IsException()) && (expected == nil || !expected(m.URL, m.Text)) {
				mu.Lock()
				problems = append(problems, m.String()+" ("+m.URL+")")
				mu.Unlock()
			}
		}
	}()
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), problems...)
	}
}

// FailedNonStatic is the usual expected console message: a page or
// request that answered with an error status on purpose, as long as it
// is not a static file.
func FailedNonStatic(url, text string) bool {
	return strings.HasPrefix(text, "Failed to load resource") && !strings.Contains(url, "/static/")
}
