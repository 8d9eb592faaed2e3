package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
)

// TestNoticeButtonsInBrowser (issue 14, defects 2 and 12): in chromium,
// on the demo, the office opens a task with no unit and finds the reason
// where the 下发督办单 button would be; on a task with a unit it issues
// one through the confirmation dialog and the next page says so. The
// pages are saved as screenshots.
func TestNoticeButtonsInBrowser(t *testing.T) {
	bctx := browsertest.New(t)
	dir := browsertest.ScreenshotDir(t)
	cfg := config.Defaults()
	cfg.TOTPRequiredRoles = nil // not about the second factor: TestTOTPJourney is
	cfg.DataDir, cfg.Addr, cfg.Demo, cfg.LogLevel = t.TempDir(), "127.0.0.1:0", true, "warn"
	ctx, cancel := context.WithCancel(context.Background())
	app, err := Open(ctx, cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	plan, _, err := app.Store.ImportPlan(ctx, records.PlanImport{SourceName: "督办测试.txt", SourceSHA256: strings.Repeat("7", 64), Format: "text", Actor: audit.System,
		Plan: &plandoc.Plan{Title: "督办测试方案", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "尚未分工的任务"},
			{Path: []string{"2"}, Title: "已分工的任务", Units: []string{"市法制办"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	bare, owned := findTask(t, app.Store, plan, "尚未分工的任务"), findTask(t, app.Store, plan, "已分工的任务")
	base := serveApp(t, ctx, cancel, app)
	err = chromedp.Do(bctx,
		signInAs(base, "ducha"),
		chromedp.Navigate(fmt.Sprintf("%s/tasks/%d", base, bare.ID)),
		chromedp.WaitVisible(`//section[@aria-labelledby="issue-title"]//p[contains(., "该任务没有责任单位")]`),
		browsertest.Shot(dir, "notice-no-unit"),
		chromedp.Navigate(fmt.Sprintf("%s/tasks/%d", base, owned.ID)),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/issue-notice"] button`)),
		chromedp.Click(chromedp.CSS(`form[action$="/issue-notice"] button`)),
		confirmDialogStep,
		chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "督办单已下发")]`),
		browsertest.Shot(dir, "notice-issued"),
	)
	if err != nil {
		t.Fatal(err)
	}
}
